"""reshape and ravel against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@pytest.mark.parametrize("shape", [(6, 4), (2, -1), (24,), (2, 3, 4), (-1,)])
@pytest.mark.parametrize("order", ["C", "F", "A"])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_reshape(xp, dtype, shape, order):
    a = testing.shaped_arange((4, 6), xp, dtype)
    return xp.reshape(a, shape, order=order)


@testing.numpy_cupy_array_equal()
def test_reshape_noncontiguous(xp):
    a = testing.shaped_arange((4, 6), xp, numpy.float32)[::2, ::-1].T
    return xp.reshape(a, (3, 4))


def test_reshape_is_view():
    a = cupy.arange(6)
    b = cupy.reshape(a, (2, 3))
    b[0, 0] = 10
    assert int(a[0]) == 10


def test_reshape_copy_false_raises():
    a = cupy.arange(12).reshape(3, 4).T
    for xp in (numpy, cupy):
        with pytest.raises(ValueError):
            xp.reshape(xp.asarray(a.get()).reshape(3, 4).T if xp is numpy else a, (12,),
                       copy=False)


def test_reshape_copy_true():
    a = cupy.arange(6)
    b = cupy.reshape(a, (2, 3), copy=True)
    b[0, 0] = 10
    assert int(a[0]) == 0


@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_reshape_bad_size(xp):
    return xp.reshape(xp.arange(6), (4, -1))


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_ravel(xp, dtype, order):
    a = testing.shaped_arange((2, 3, 4), xp, dtype).transpose(2, 0, 1)
    return xp.ravel(a, order)


@testing.numpy_cupy_array_equal()
def test_ravel_0d_and_empty(xp):
    return xp.concatenate([xp.ravel(xp.array(3.0)), xp.ravel(xp.zeros((0, 2)))])
