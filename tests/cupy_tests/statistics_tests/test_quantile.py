"""median, percentile, quantile and their NaN forms against NumPy."""

import numpy
import pytest

import cupy
from cupy import testing

_METHODS = ["linear", "lower", "higher", "nearest", "midpoint", "inverted_cdf",
            "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
            "hazen", "weibull", "median_unbiased", "normal_unbiased"]
_DTYPES = [numpy.int64, numpy.float32, numpy.float64]


@pytest.mark.parametrize("method", _METHODS)
@testing.numpy_cupy_array_equal(type_check=True)
def test_quantile_methods(xp, method):
    a = testing.shaped_random((3, 7), xp, numpy.float64, seed=1)
    return xp.quantile(a, xp.array([0.0, 0.2, 0.5, 0.77, 1.0]), axis=1, method=method)


@pytest.mark.parametrize("method", ["linear", "nearest"])
@pytest.mark.parametrize("dtype", _DTYPES)
@testing.numpy_cupy_allclose(type_check=True)
def test_percentile_dtypes(xp, dtype, method):
    a = testing.shaped_random((4, 5), xp, dtype, seed=2)
    return xp.percentile(a, 40.0, axis=0, method=method)


@pytest.mark.parametrize("axis", [None, 0, -1, (0, 2)])
@pytest.mark.parametrize("keepdims", [False, True])
@testing.numpy_cupy_allclose(type_check=True)
def test_quantile_axis_keepdims(xp, axis, keepdims):
    a = testing.shaped_random((3, 4, 5), xp, numpy.float64, seed=3)
    return xp.quantile(a, [0.25, 0.5], axis=axis, keepdims=keepdims)


@testing.numpy_cupy_allclose(type_check=True)
def test_quantile_float32_array_q(xp):
    # An array q (unlike a Python float) takes part in the result type.
    a = testing.shaped_random((6,), xp, numpy.float32, seed=4)
    return xp.quantile(a, xp.array([0.3, 0.6]))


@testing.numpy_cupy_allclose()
def test_quantile_nan_propagates(xp):
    a = testing.shaped_random((3, 6), xp, numpy.float64, seed=5)
    a[1, 2] = xp.nan
    return xp.percentile(a, [10, 90], axis=1)


@pytest.mark.parametrize("func", ["nanquantile", "nanpercentile"])
@pytest.mark.parametrize("method", ["linear", "lower", "higher", "weibull"])
@testing.numpy_cupy_allclose()
def test_nanquantile(xp, func, method):
    a = testing.shaped_random((4, 6), xp, numpy.float64, seed=6)
    a[0, 1] = a[0, 4] = a[2, 5] = xp.nan
    q = 0.3 if func == "nanquantile" else 30
    return getattr(xp, func)(a, q, axis=1, method=method)


def test_nanquantile_all_nan_warns():
    a = cupy.array([[numpy.nan, numpy.nan], [1.0, 3.0]])
    with pytest.warns(RuntimeWarning, match="All-NaN slice"):
        r = cupy.nanquantile(a, 0.5, axis=1)
    assert numpy.isnan(r.get()[0]) and r.get()[1] == 2.0


@testing.numpy_cupy_allclose()
def test_quantile_out(xp):
    a = testing.shaped_random((3, 4), xp, numpy.float64, seed=7)
    out = xp.empty((2, 3))
    xp.quantile(a, [0.1, 0.9], axis=1, out=out)
    return out


@pytest.mark.parametrize("dtype", _DTYPES)
@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.numpy_cupy_allclose(type_check=True)
def test_median(xp, dtype, axis):
    a = testing.shaped_random((4, 5), xp, dtype, seed=8)
    return xp.median(a, axis=axis)


@testing.numpy_cupy_allclose()
def test_median_keepdims_nan(xp):
    a = testing.shaped_random((3, 4, 2), xp, numpy.float32, seed=9)
    a[0, 1, 1] = xp.nan
    return xp.median(a, axis=(0, 1), keepdims=True)


@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.numpy_cupy_allclose()
def test_nanmedian(xp, axis):
    a = testing.shaped_random((4, 5), xp, numpy.float64, seed=10)
    a[0, 1] = a[3, 1] = a[2, 2] = xp.nan
    return xp.nanmedian(a, axis=axis)


def test_median_empty_warns():
    with pytest.warns(RuntimeWarning, match="Mean of empty slice"):
        r = cupy.median(cupy.zeros((0,)))
    assert numpy.isnan(r.get())


def test_nanmedian_all_nan_warns():
    with pytest.warns(RuntimeWarning, match="All-NaN slice"):
        r = cupy.nanmedian(cupy.array([numpy.nan, numpy.nan]))
    assert numpy.isnan(r.get())


def test_quantile_errors():
    for xp in (numpy, cupy):
        a = xp.arange(4.0)
        with pytest.raises(ValueError):
            xp.quantile(a, 1.5)
        with pytest.raises(ValueError):
            xp.percentile(a, -1)
        with pytest.raises(ValueError):
            xp.quantile(a, 0.5, method="nonsense")
        with pytest.raises(TypeError):
            xp.quantile(xp.ones(3, numpy.complex128), 0.5)
        with pytest.raises(IndexError):
            xp.quantile(xp.zeros((0,)), 0.5)
