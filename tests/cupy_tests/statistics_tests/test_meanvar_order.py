"""mean/var/std (+ nan forms), amax/amin/nanmax/nanmin/ptp against NumPy."""

import numpy
import pytest
from numpy.exceptions import AxisError

import cupy
from cupy import testing

# float16: NumPy rounds partial results to float16 at every step; we accumulate in float32.
_F16_TOL = {numpy.float16: 1e-2, "default": 1e-6}


@pytest.mark.parametrize("axis", [None, 0, 1, (0, 2), -1])
@pytest.mark.parametrize("keepdims", [False, True])
@testing.for_all_dtypes()
@testing.numpy_cupy_allclose(rtol=_F16_TOL, type_check=True)
def test_mean(xp, dtype, axis, keepdims):
    a = testing.shaped_arange((2, 3, 4), xp, dtype)
    return xp.mean(a, axis=axis, keepdims=keepdims)


@pytest.mark.parametrize("func", ["var", "std"])
@pytest.mark.parametrize("axis", [None, 0, 1])
@pytest.mark.parametrize("ddof", [0, 1])
@testing.for_all_dtypes(no_bool=True)
@testing.numpy_cupy_allclose(rtol=_F16_TOL, atol=1e-5, type_check=True)
def test_var_std(xp, dtype, func, axis, ddof):
    a = testing.shaped_arange((3, 4), xp, dtype)
    return getattr(xp, func)(a.T, axis=axis, ddof=ddof)


@testing.numpy_cupy_allclose()
def test_mean_out_dtype(xp):
    a = testing.shaped_arange((3, 4), xp, numpy.int32)
    out = xp.empty((4,), numpy.float32)
    xp.mean(a, axis=0, dtype=numpy.float32, out=out)
    return out


def test_mean_empty_warns():
    with pytest.warns(RuntimeWarning, match="Mean of empty slice"):
        r = cupy.mean(cupy.zeros((0,)))
    assert numpy.isnan(r.get())


def test_var_ddof_warns():
    with pytest.warns(RuntimeWarning, match="Degrees of freedom"):
        r = cupy.var(cupy.ones((2,)), ddof=2)
    assert numpy.isinf(r.get()) or numpy.isnan(r.get())


@pytest.mark.parametrize("func", ["nanmean", "nanvar", "nanstd"])
@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.for_float_dtypes()
@testing.numpy_cupy_allclose(rtol=_F16_TOL, atol=1e-5, type_check=True)
def test_nan_moments(xp, dtype, func, axis):
    a = testing.shaped_arange((3, 4), xp, dtype)
    a[0, 1] = xp.nan
    a[2, 3] = xp.nan
    return getattr(xp, func)(a, axis=axis)


def test_nanmean_all_nan_warns():
    with pytest.warns(RuntimeWarning):
        r = cupy.nanmean(cupy.array([[numpy.nan, 1.0], [numpy.nan, 2.0]]), axis=0)
    assert numpy.isnan(r.get()[0]) and r.get()[1] == 1.5


@pytest.mark.parametrize("func", ["amax", "amin", "max", "min", "ptp"])
@pytest.mark.parametrize("axis", [None, 0, 1, 2, (0, 2)])
@pytest.mark.parametrize("keepdims", [False, True])
@testing.for_all_dtypes(no_bool=True)
@testing.numpy_cupy_allclose(type_check=True)
def test_max_min_ptp(xp, dtype, func, axis, keepdims):
    a = testing.shaped_random((3, 4, 5), xp, dtype, seed=3)
    return getattr(xp, func)(a, axis=axis, keepdims=keepdims)


@pytest.mark.parametrize("func", ["amax", "amin"])
@testing.numpy_cupy_array_equal()
def test_max_bool(xp, func):
    return getattr(xp, func)(xp.array([[True, False], [False, False]]), axis=1)


@pytest.mark.parametrize("func", ["amax", "amin"])
@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.for_float_dtypes()
@testing.numpy_cupy_allclose()
def test_max_nan_propagates(xp, dtype, func, axis):
    a = testing.shaped_arange((4, 5), xp, dtype)
    a[1, 2] = xp.nan
    return getattr(xp, func)(a, axis=axis)


@pytest.mark.parametrize("func", ["nanmax", "nanmin"])
@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.for_float_dtypes()
@testing.numpy_cupy_allclose()
def test_nanmax_nanmin(xp, dtype, func, axis):
    a = testing.shaped_arange((4, 5), xp, dtype)
    a[1, 2] = xp.nan
    a[0, 0] = xp.nan
    return getattr(xp, func)(a, axis=axis)


def test_nanmax_all_nan_warns():
    with pytest.warns(RuntimeWarning, match="All-NaN"):
        r = cupy.nanmax(cupy.array([[numpy.nan, 1.0]]), axis=0)
    assert numpy.isnan(r.get()[0]) and r.get()[1] == 1.0


def test_max_empty_raises():
    for xp in (numpy, cupy):
        with pytest.raises(ValueError, match="zero-size array to reduction operation "
                                             "maximum which has no identity"):
            xp.amax(xp.zeros((0, 3)))


@testing.numpy_cupy_allclose()
def test_max_empty_kept_axis(xp):
    return xp.amax(xp.zeros((0, 3)), axis=1)


def test_max_bad_axis():
    for xp in (numpy, cupy):
        with pytest.raises(AxisError):
            xp.amax(xp.zeros((2, 3)), axis=5)


@testing.numpy_cupy_allclose()
def test_max_large_split(xp):
    a = testing.shaped_random((10 ** 5,), xp, numpy.float32, seed=4)
    a[77777] = 3.0
    return xp.amax(a)
