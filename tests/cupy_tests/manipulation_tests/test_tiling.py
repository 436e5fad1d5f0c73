"""tile and repeat against NumPy."""
import numpy
import pytest

from cupy import testing


@pytest.mark.parametrize("shape,reps", [((3,), 2), ((2, 3), (2, 2)), ((2, 3), (1, 1)),
                                        ((2, 3), (3,)), ((3,), (2, 1, 2)), ((), (2, 3)),
                                        ((2, 3), (0, 2)), ((2, 3), ())])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_tile(xp, dtype, shape, reps):
    return xp.tile(testing.shaped_arange(shape, xp, dtype), reps)


@testing.numpy_cupy_array_equal()
def test_tile_noncontiguous(xp):
    return xp.tile(testing.shaped_arange((4, 6), xp)[::2, ::-2], (2, 3))


@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_tile_negative(xp):
    return xp.tile(xp.zeros(3), -1)


@pytest.mark.parametrize("repeats,axis", [(2, None), (3, 0), (2, 1), (0, 1), (2, -1),
                                          ([2], 1), ([1, 0, 3], 1), ([0, 2], 0),
                                          ([1, 2, 0, 1, 3, 1], None)])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_repeat(xp, dtype, repeats, axis):
    return xp.repeat(testing.shaped_arange((2, 3), xp, dtype), repeats, axis)


@testing.numpy_cupy_array_equal()
def test_repeat_device_counts(xp):
    a = testing.shaped_arange((3, 2), xp)[::-1]
    return xp.repeat(a, xp.array([3, 0, 1]), axis=0)


@testing.numpy_cupy_array_equal()
def test_repeat_0d(xp):
    return xp.repeat(xp.array(5.0), 3)


@pytest.mark.parametrize("repeats,axis", [([1, 2], 0), (-1, 0), ([1, -1, 2], 0), (1, 1),
                                          ([[1, 2, 3]], 0)])
@testing.numpy_cupy_array_equal(accept_error=(ValueError, numpy.exceptions.AxisError))
def test_repeat_errors(xp, repeats, axis):
    return xp.repeat(xp.zeros(3), repeats, axis)
