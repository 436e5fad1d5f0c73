"""atleast_*d, broadcasting, expand_dims, squeeze against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@pytest.mark.parametrize("func", ["atleast_1d", "atleast_2d", "atleast_3d"])
@pytest.mark.parametrize("shape", [(), (3,), (2, 3), (2, 3, 4), (1, 2, 3, 4)])
@testing.numpy_cupy_array_equal()
def test_atleast_single(xp, func, shape):
    r = getattr(xp, func)(testing.shaped_arange(shape, xp, numpy.float32))
    assert isinstance(r, xp.ndarray)
    return r


@pytest.mark.parametrize("func", ["atleast_1d", "atleast_2d", "atleast_3d"])
@testing.numpy_cupy_array_equal()
def test_atleast_many(xp, func):
    r = getattr(xp, func)(xp.array(1), xp.arange(2), xp.zeros((2, 2)))
    assert isinstance(r, tuple)
    return list(r)


def test_atleast_is_view():
    a = cupy.arange(3)
    cupy.atleast_3d(a)[0, 1, 0] = 7
    assert int(a[1]) == 7


@pytest.mark.parametrize("shape,to", [((3,), (2, 3)), ((2, 1), (2, 4)), ((), (3, 2)),
                                      ((1, 3), (4, 2, 3)), ((0, 1), (2, 0, 3)), (5, 5)])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_broadcast_to(xp, dtype, shape, to):
    return xp.broadcast_to(testing.shaped_arange(shape, xp, dtype), to)


@pytest.mark.parametrize("shape,to", [((3,), (4,)), ((2, 3), (3,)), ((3,), ()), ((3,), (-1,))])
@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_broadcast_to_errors(xp, shape, to):
    return xp.broadcast_to(xp.zeros(shape), to)


def test_broadcast_to_shares_memory():
    a = cupy.arange(3)
    b = cupy.broadcast_to(a, (4, 3))
    assert b.strides == (0, a.strides[0])
    assert b.data.ptr == a.data.ptr


@testing.numpy_cupy_array_equal()
def test_broadcast_to_noncontiguous(xp):
    a = testing.shaped_arange((4, 6), xp, numpy.int16)[::2, ::-3]
    return xp.broadcast_to(a[:, None], (2, 3, 2))


@testing.numpy_cupy_array_equal()
def test_broadcast_arrays(xp):
    r = xp.broadcast_arrays(xp.arange(3), testing.shaped_arange((2, 1), xp), xp.array(5))
    assert isinstance(r, tuple)
    return list(r)


@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_broadcast_arrays_mismatch(xp):
    return xp.broadcast_arrays(xp.zeros(3), xp.zeros(4))[0]


def test_broadcast_shapes():
    assert cupy.broadcast_shapes((2, 1), (3,), ()) == (2, 3)
    with pytest.raises(ValueError):
        cupy.broadcast_shapes((2,), (3,))


def test_broadcast_object():
    for xp in (numpy, cupy):
        b = xp.broadcast(xp.zeros((2, 1)), xp.zeros((3,)), xp.zeros(()))
        assert (b.shape, b.size, b.nd, b.ndim, b.numiter) == ((2, 3), 6, 2, 2, 3)
    vals = cupy.broadcast(cupy.arange(3), cupy.zeros((2, 1))).values
    testing.assert_array_equal(vals[0], numpy.broadcast_to(numpy.arange(3), (2, 3)))


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -3, (0, 2), (3, 0), (-1, -2)])
@testing.numpy_cupy_array_equal()
def test_expand_dims(xp, axis):
    return xp.expand_dims(testing.shaped_arange((2, 3), xp)[:, ::-1], axis)


@pytest.mark.parametrize("axis", [3, -4, (0, 0), (1, -3)])
@testing.numpy_cupy_array_equal(accept_error=(ValueError, numpy.exceptions.AxisError))
def test_expand_dims_errors(xp, axis):
    return xp.expand_dims(xp.zeros((2,)), axis)


@pytest.mark.parametrize("axis", [None, 0, 2, (0, 3), -1])
@testing.numpy_cupy_array_equal()
def test_squeeze(xp, axis):
    return xp.squeeze(testing.shaped_arange((1, 2, 1, 1), xp), axis)


@pytest.mark.parametrize("axis", [1, 4])
@testing.numpy_cupy_array_equal(accept_error=(ValueError, numpy.exceptions.AxisError))
def test_squeeze_errors(xp, axis):
    return xp.squeeze(xp.zeros((1, 2, 1, 1)), axis)
