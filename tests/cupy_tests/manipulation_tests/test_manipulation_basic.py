"""copyto against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@testing.for_all_dtypes_combination(names=("src_dtype", "dst_dtype"))
@testing.numpy_cupy_array_equal(accept_error=TypeError)
def test_copyto_dtypes(xp, src_dtype, dst_dtype):
    src = testing.shaped_arange((2, 3), xp, src_dtype)
    dst = xp.zeros((2, 3), dst_dtype)
    xp.copyto(dst, src)
    return dst


@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_copyto_broadcast_unsafe(xp, dtype):
    dst = xp.zeros((3, 2, 4), dtype)
    xp.copyto(dst, testing.shaped_arange((2, 1), xp, numpy.float64) + 0.5, casting="unsafe")
    return dst


@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_copyto_where(xp, dtype):
    dst = testing.shaped_reverse_arange((2, 3), xp, dtype)
    src = testing.shaped_arange((3,), xp, dtype)
    xp.copyto(dst, src, where=xp.array([True, False, True]))
    return dst


@testing.numpy_cupy_array_equal()
def test_copyto_where_noncontiguous(xp):
    dst = xp.zeros((4, 6), numpy.float32)[::2, 1::2]
    src = testing.shaped_arange((3, 2), xp, numpy.float64).T
    mask = testing.shaped_arange((2, 3), xp, numpy.int64) % 2 == 0
    xp.copyto(dst, src, casting="same_kind", where=mask)
    return dst


@pytest.mark.parametrize("value", [3, -2.5, True, 1 + 2j])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal(accept_error=(TypeError, OverflowError))
def test_copyto_python_scalar(xp, dtype, value):
    dst = xp.zeros((2, 2), dtype)
    xp.copyto(dst, value)
    return dst


def test_copyto_int_overflow():
    with pytest.raises(OverflowError):
        cupy.copyto(cupy.zeros(3, numpy.int8), 300)


@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_copyto_bad_broadcast(xp):
    dst = xp.zeros(3)
    xp.copyto(dst, xp.zeros(2))
    return dst


@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_copyto_bad_where(xp):
    dst = xp.zeros(3)
    xp.copyto(dst, xp.ones(3), where=xp.zeros(2, bool))
    return dst


@testing.numpy_cupy_array_equal()
def test_copyto_overlapping(xp):
    a = testing.shaped_arange((6,), xp, numpy.int64)
    xp.copyto(a[1:], a[:-1], where=xp.array([True, True, False, True, True]))
    return a


@testing.numpy_cupy_array_equal()
def test_copyto_where_false(xp):
    dst = xp.ones(3)
    xp.copyto(dst, 5.0, where=False)
    return dst
