"""count_nonzero against NumPy."""
import pytest

from cupy import testing


@pytest.mark.parametrize("axis", [None, 0, 1, (0, 1)])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal(type_check=False)
def test_count_nonzero(xp, dtype, axis):
    a = testing.shaped_random((3, 4), xp, dtype, scale=3, seed=10)
    return xp.asarray(xp.count_nonzero(a, axis=axis))


@testing.numpy_cupy_array_equal(type_check=False)
def test_count_nonzero_empty(xp):
    return xp.asarray(xp.count_nonzero(xp.zeros((0, 3)), axis=0))
