"""all / any against NumPy."""
import numpy
import pytest

from cupy import testing


@pytest.mark.parametrize("func", ["all", "any"])
@pytest.mark.parametrize("shape", [(), (0,), (4,), (2, 3, 4)])
@pytest.mark.parametrize("axis", [None, 0, -1])
@pytest.mark.parametrize("keepdims", [False, True])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_all_any(xp, dtype, func, shape, axis, keepdims):
    # Small integers (zeros included) in every dtype, complex too.
    a = testing.shaped_random(shape, xp, dtype, scale=3, seed=8)
    if a.ndim == 0:
        axis = None
    return getattr(xp, func)(a, axis=axis, keepdims=keepdims)


@pytest.mark.parametrize("func", ["all", "any"])
@testing.numpy_cupy_array_equal()
def test_complex_truth(xp, func):
    # A complex number is true when either part is non-zero.
    return getattr(xp, func)(xp.array([[0j, 1j], [0j, 0j]]), axis=1)


@pytest.mark.parametrize("func", ["all", "any"])
@testing.numpy_cupy_array_equal()
def test_out_method(xp, func):
    a = testing.shaped_random((3, 4), xp, numpy.int32, scale=2, seed=9)[:, ::2]
    out = xp.zeros((3,), dtype=numpy.bool_)
    getattr(a, func)(axis=1, out=out)
    return out
