"""nanargmax/nanargmin, nancumsum/nancumprod and cumulative_sum/prod against NumPy."""

import numpy
import pytest

import cupy
from cupy import testing


def _with_nans(xp, dtype):
    a = testing.shaped_random((3, 4), xp, dtype, seed=11)
    if numpy.dtype(dtype).kind == "f":
        a[0, 1] = a[2, 0] = a[2, 3] = xp.nan
    return a


@pytest.mark.parametrize("func", ["nanargmax", "nanargmin"])
@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.numpy_cupy_array_equal(type_check=True)
def test_nanarg(xp, func, axis):
    return getattr(xp, func)(_with_nans(xp, numpy.float64), axis=axis)


@testing.numpy_cupy_array_equal(type_check=True)
def test_nanarg_int(xp):
    return xp.nanargmin(_with_nans(xp, numpy.int64), axis=1)


@testing.numpy_cupy_array_equal()
def test_nanarg_keepdims(xp):
    return xp.nanargmax(_with_nans(xp, numpy.float64), axis=1, keepdims=True)


def test_nanarg_all_nan_raises():
    for xp in (numpy, cupy):
        a = xp.array([[numpy.nan, 1.0], [numpy.nan, 2.0]])
        with pytest.raises(ValueError, match="All-NaN slice encountered"):
            xp.nanargmin(a, axis=0)


@pytest.mark.parametrize("func", ["nancumsum", "nancumprod"])
@pytest.mark.parametrize("axis", [None, 1])
@testing.numpy_cupy_allclose(type_check=True)
def test_nancum(xp, func, axis):
    return getattr(xp, func)(_with_nans(xp, numpy.float32), axis=axis)


@pytest.mark.parametrize("func", ["cumulative_sum", "cumulative_prod"])
@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize("include_initial", [False, True])
@testing.numpy_cupy_allclose(type_check=True)
def test_cumulative(xp, func, axis, include_initial):
    a = testing.shaped_arange((3, 4), xp, numpy.int32)
    return getattr(xp, func)(a, axis=axis, include_initial=include_initial)


@testing.numpy_cupy_allclose(type_check=True)
def test_cumulative_1d_dtype(xp):
    return xp.cumulative_sum(xp.array([1.5, 2.0, 3.0]), dtype=numpy.float32,
                             include_initial=True)


@testing.numpy_cupy_allclose()
def test_cumulative_out_include_initial(xp):
    out = xp.full((2, 4), -1.0)
    xp.cumulative_prod(xp.array([[2.0, 3.0, 4.0], [1.0, 5.0, 0.5]]), axis=1, out=out,
                       include_initial=True)
    return out


@testing.numpy_cupy_array_equal()
def test_cumulative_empty(xp):
    return xp.cumulative_sum(xp.zeros((0,)), include_initial=True)


def test_cumulative_needs_axis():
    for xp in (numpy, cupy):
        with pytest.raises(ValueError, match="axis"):
            xp.cumulative_sum(xp.ones((2, 2)))
