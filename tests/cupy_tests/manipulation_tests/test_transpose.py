"""transpose, moveaxis, rollaxis, swapaxes against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@pytest.mark.parametrize("axes", [None, (1, 0, 2), (2, 0, 1), (-1, 0, 1)])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_transpose(xp, dtype, axes):
    return xp.transpose(testing.shaped_arange((2, 3, 4), xp, dtype), axes)


@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_transpose_repeated_axis(xp):
    return xp.transpose(xp.zeros((2, 3)), (0, 0))


@testing.numpy_cupy_array_equal()
def test_permute_dims_and_matrix_transpose(xp):
    a = testing.shaped_arange((2, 3, 4), xp, numpy.int32)
    return xp.concatenate([xp.permute_dims(a, (0, 2, 1)).ravel(),
                           xp.matrix_transpose(a).ravel()])


@pytest.mark.parametrize("src,dst", [(0, -1), (-1, 0), ((0, 1), (2, 0)), ([2, 0], [0, 1]),
                                     (1, 1)])
@testing.numpy_cupy_array_equal()
def test_moveaxis(xp, src, dst):
    return xp.moveaxis(testing.shaped_arange((2, 3, 4), xp, numpy.float64), src, dst)


@pytest.mark.parametrize("src,dst", [(3, 0), (0, -4), ((0, 0), (1, 2)), ((0, 1), (0,))])
@testing.numpy_cupy_array_equal(accept_error=(ValueError, numpy.exceptions.AxisError))
def test_moveaxis_errors(xp, src, dst):
    return xp.moveaxis(xp.zeros((2, 3, 4)), src, dst)


@pytest.mark.parametrize("axis,start", [(2, 0), (0, 2), (1, 3), (-1, -3), (0, 0), (1, 1)])
@testing.numpy_cupy_array_equal()
def test_rollaxis(xp, axis, start):
    return xp.rollaxis(testing.shaped_arange((2, 3, 4), xp, numpy.int64), axis, start)


@pytest.mark.parametrize("axis,start", [(3, 0), (0, 4), (0, -4)])
@testing.numpy_cupy_array_equal(accept_error=numpy.exceptions.AxisError)
def test_rollaxis_errors(xp, axis, start):
    return xp.rollaxis(xp.zeros((2, 3, 4)), axis, start)


@pytest.mark.parametrize("a1,a2", [(0, 2), (-1, 1), (1, 1)])
@testing.numpy_cupy_array_equal()
def test_swapaxes(xp, a1, a2):
    return xp.swapaxes(testing.shaped_arange((2, 3, 4), xp, numpy.int8), a1, a2)


def test_transpose_is_view():
    a = cupy.zeros((2, 3))
    cupy.moveaxis(a, 0, 1)[2, 1] = 5
    assert float(a[1, 2]) == 5
