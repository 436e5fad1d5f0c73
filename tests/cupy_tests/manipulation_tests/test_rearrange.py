"""flip, fliplr, flipud, roll, rot90 against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@pytest.mark.parametrize("axis", [None, 0, 1, -1, (0, 2), ()])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_flip(xp, dtype, axis):
    return xp.flip(testing.shaped_arange((2, 3, 4), xp, dtype), axis)


@testing.numpy_cupy_array_equal(accept_error=numpy.exceptions.AxisError)
def test_flip_bad_axis(xp):
    return xp.flip(xp.zeros((2, 3)), 2)


def test_flip_is_view():
    a = cupy.arange(4)
    cupy.flip(a)[0] = 9
    assert int(a[3]) == 9


@pytest.mark.parametrize("func,shape", [("fliplr", (2, 3)), ("fliplr", (2, 3, 4)),
                                        ("flipud", (3,)), ("flipud", (2, 3)),
                                        ("fliplr", (3,)), ("flipud", ())])
@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_fliplr_flipud(xp, func, shape):
    return getattr(xp, func)(testing.shaped_arange(shape, xp))


@pytest.mark.parametrize("shift,axis", [(2, None), (-7, None), (1, 0), (2, 1), (-1, -1),
                                        ((1, 2), (0, 1)), ((1, 1), (1, 1)), (3, (0, 1)),
                                        (0, None), (13, 1)])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_roll(xp, dtype, shift, axis):
    return xp.roll(testing.shaped_arange((3, 4), xp, dtype), shift, axis)


@testing.numpy_cupy_array_equal()
def test_roll_noncontiguous_and_empty(xp):
    a = testing.shaped_arange((4, 6), xp)[::-1, ::2]
    return xp.concatenate([xp.roll(a, 2, 1).ravel(), xp.roll(xp.zeros((0, 3)), 1, 0).ravel()])


@pytest.mark.parametrize("shift,axis", [(1, 2), ((1, 2), (0, 1, 1)), ([[1]], 0)])
@testing.numpy_cupy_array_equal(accept_error=(ValueError, numpy.exceptions.AxisError))
def test_roll_errors(xp, shift, axis):
    return xp.roll(xp.zeros((3, 4)), shift, axis)


@pytest.mark.parametrize("k", [0, 1, 2, 3, 4, -1, 5])
@pytest.mark.parametrize("axes", [(0, 1), (1, 0), (0, 2), (-1, -2)])
@testing.numpy_cupy_array_equal()
def test_rot90(xp, k, axes):
    return xp.rot90(testing.shaped_arange((2, 3, 4), xp), k, axes)


@pytest.mark.parametrize("axes", [(0,), (0, 0), (0, 3), (0, -3), (-4, 1)])
@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_rot90_errors(xp, axes):
    return xp.rot90(xp.zeros((2, 3, 4)), 1, axes)
