"""pad in every mode against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing

_WIDTHS = [1, (2, 3), ((1, 2), (3, 0)), ((0, 0), (4, 5)), ((5, 7), (6, 4))]


@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "symmetric", "wrap",
                                  "maximum", "minimum", "median"])
@pytest.mark.parametrize("width", _WIDTHS)
@testing.for_all_dtypes(no_bool=True, no_complex=True)
@testing.numpy_cupy_array_equal()
def test_pad_modes(xp, dtype, mode, width):
    a = testing.shaped_random((3, 4), xp, dtype, seed=1)
    return xp.pad(a, width, mode=mode)


@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "symmetric", "wrap",
                                  "maximum", "minimum", "mean"])
@testing.for_complex_dtypes()
@testing.numpy_cupy_allclose(rtol=1e-6)
def test_pad_modes_complex(xp, dtype, mode):
    a = testing.shaped_random((3, 4), xp, dtype, seed=2)
    return xp.pad(a, ((2, 3), (1, 4)), mode=mode)


@pytest.mark.parametrize("end_values", [0, 5, (1, 2), ((3, 7), (1, 2)), 2.5])
@testing.for_all_dtypes(no_bool=True, no_complex=True)
@testing.numpy_cupy_array_equal()
def test_pad_linear_ramp(xp, dtype, end_values):
    a = testing.shaped_random((4, 5), xp, dtype, seed=3)
    return xp.pad(a, ((2, 3), (1, 5)), mode="linear_ramp", end_values=end_values)


@pytest.mark.parametrize("width", _WIDTHS)
@testing.for_all_dtypes(no_bool=True, no_complex=True)
@testing.numpy_cupy_allclose(rtol={numpy.float16: 1e-3, "default": 1e-6})
def test_pad_mean(xp, dtype, width):
    # Float means may differ in the last bit: the summation order is not NumPy's.
    a = testing.shaped_random((3, 4), xp, dtype, seed=1)
    return xp.pad(a, width, mode="mean")


@pytest.mark.parametrize("mode", ["maximum", "minimum", "median"])
@pytest.mark.parametrize("stat_length", [1, 2, (1, 3), ((2, 1), (3, 2)), 10])
@testing.for_dtypes("bifd")
@testing.numpy_cupy_array_equal()
def test_pad_stat_length_exact(xp, dtype, mode, stat_length):
    a = testing.shaped_random((5, 6), xp, dtype, seed=4)
    return xp.pad(a, ((2, 3), (3, 2)), mode=mode, stat_length=stat_length)


@testing.for_float_dtypes()
@testing.numpy_cupy_array_equal()
def test_pad_median_nan(xp, dtype):
    a = testing.shaped_arange((3, 4), xp, dtype)
    a[1, 2] = xp.nan
    return xp.pad(a, 2, mode="median")


@pytest.mark.parametrize("mode", ["reflect", "symmetric"])
@pytest.mark.parametrize("width", [(2, 3), (7, 9), (0, 11)])
@testing.for_dtypes("ilfd")
@testing.numpy_cupy_array_equal()
def test_pad_reflect_odd(xp, dtype, mode, width):
    a = testing.shaped_random((3, 4), xp, dtype, seed=5)
    return xp.pad(a, width, mode=mode, reflect_type="odd")


@testing.numpy_cupy_array_equal()
def test_pad_constant_values(xp):
    a = testing.shaped_arange((2, 3), xp, numpy.int32)
    return xp.pad(a, ((1, 2), (2, 1)), constant_values=((-1, -2), (-3, -4)))


@testing.numpy_cupy_array_equal()
def test_pad_singleton_reflect_and_3d(xp):
    a = testing.shaped_arange((1, 3, 2), xp, numpy.float32)[:, ::-1]
    return xp.pad(a, ((2, 2), (1, 4), (3, 0)), mode="reflect")


@testing.numpy_cupy_array_equal()
def test_pad_dict_width(xp):
    return xp.pad(testing.shaped_arange((2, 3), xp), {1: (1, 2), 0: 1}, mode="wrap")


@pytest.mark.parametrize("mode", ["constant", "empty"])
@testing.numpy_cupy_array_equal()
def test_pad_empty_array(xp, mode):
    r = xp.pad(xp.zeros((0, 3)), ((1, 1), (0, 2)), mode=mode)
    return r if mode == "constant" else xp.asarray(r.shape)


def test_pad_empty_mode_shape():
    r = cupy.pad(cupy.arange(3), (2, 1), mode="empty")
    assert r.shape == (6,)
    testing.assert_array_equal(r[2:5], numpy.arange(3))


@pytest.mark.parametrize("mode", ["edge", "wrap", "maximum"])
@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_pad_extend_empty_axis(xp, mode):
    return xp.pad(xp.zeros((0, 3)), 1, mode=mode)


@pytest.mark.parametrize("kwargs", [{"mode": "bogus"}, {"mode": "edge", "stat_length": 1},
                                    {"mode": "maximum", "stat_length": 0},
                                    {"mode": "constant", "pad_width": -1},
                                    {"mode": "constant", "pad_width": 1.5}])
@testing.numpy_cupy_array_equal(accept_error=(ValueError, TypeError))
def test_pad_errors(xp, kwargs):
    kwargs = dict(kwargs)
    width = kwargs.pop("pad_width", 1)
    return xp.pad(xp.ones((2, 3)), width, **kwargs)


@pytest.mark.parametrize("stat_length", [1, 2, (1, 3), ((2, 1), (3, 2)), 10])
@testing.for_dtypes("bifd")
@testing.numpy_cupy_allclose(rtol=1e-6)
def test_pad_stat_length_mean(xp, dtype, stat_length):
    a = testing.shaped_random((5, 6), xp, dtype, seed=4)
    return xp.pad(a, ((2, 3), (3, 2)), mode="mean", stat_length=stat_length)


def _pad_with(vector, pad_width, iaxis, kwargs):
    value = kwargs.get("padder", 10)
    vector[:pad_width[0]] = value
    if pad_width[1]:
        vector[-pad_width[1]:] = value + iaxis


@testing.numpy_cupy_array_equal()
def test_pad_callable(xp):
    return xp.pad(testing.shaped_arange((2, 3), xp), ((1, 2), (2, 1)), _pad_with, padder=7)
