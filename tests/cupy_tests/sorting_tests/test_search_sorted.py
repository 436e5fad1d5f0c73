"""searchsorted against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


def _sorted_with_ties(xp, dtype, n=40, seed=0):
    rs = numpy.random.RandomState(seed)
    dtype = numpy.dtype(dtype)
    low = 0 if dtype.kind in "bu" else -5
    a = numpy.sort(rs.randint(low, 6, size=n).astype(dtype))
    return xp.asarray(a)


@pytest.mark.parametrize("side", ["left", "right"])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_searchsorted_dtypes(xp, dtype, side):
    a = _sorted_with_ties(xp, dtype)
    v = _sorted_with_ties(xp, dtype, n=30, seed=1)[::-1]
    return xp.searchsorted(a, v, side=side)


@pytest.mark.parametrize("side", ["left", "right"])
@testing.for_float_dtypes()
@testing.numpy_cupy_array_equal()
def test_searchsorted_nan_inf(xp, dtype, side):
    # NaN sorts last: it is inserted after every number (left: before the first NaN).
    a = xp.array([-numpy.inf, -1, -0.0, 0, 2, numpy.inf, numpy.nan, numpy.nan], dtype=dtype)
    v = xp.array([numpy.nan, numpy.inf, -numpy.inf, 0.0, -0.0, 1.5, 3, -2], dtype=dtype)
    return xp.searchsorted(a, v, side=side)


@pytest.mark.parametrize("side", ["left", "right"])
@testing.for_complex_dtypes()
@testing.numpy_cupy_array_equal()
def test_searchsorted_complex(xp, dtype, side):
    nan = numpy.nan
    a = xp.sort(xp.array([1 + 1j, 1 + 2j, 2 - 1j, complex(1, nan), complex(nan, 0),
                          complex(nan, nan), 0j], dtype=dtype))
    v = xp.array([1 + 1j, complex(nan, 0), complex(0, nan), 1.5 + 0j, -1j], dtype=dtype)
    return xp.searchsorted(a, v, side=side)


@pytest.mark.parametrize("n", [0, 1, 2, 31, 32, 33, 1000, 4097])
@testing.numpy_cupy_array_equal()
def test_searchsorted_lengths(xp, n):
    a = xp.arange(n, dtype=numpy.float64) * 2
    v = xp.arange(-1, 2 * n + 2, dtype=numpy.float64) - 0.5
    return xp.searchsorted(a, v), xp.searchsorted(a, v, side="right")


@pytest.mark.parametrize("side", ["left", "right"])
@testing.numpy_cupy_array_equal()
def test_searchsorted_sorter(xp, side):
    rs = numpy.random.RandomState(2)
    a = xp.asarray(rs.randint(0, 10, size=50).astype(numpy.float32))
    v = xp.asarray(numpy.arange(-1, 12, 0.5))
    return xp.searchsorted(a, v, side=side, sorter=xp.argsort(a, kind="stable"))


@testing.for_dtypes("iI")
@testing.numpy_cupy_array_equal()
def test_searchsorted_sorter_dtypes(xp, dtype):
    a = xp.array([5, 1, 3, 3, 0])
    return xp.searchsorted(a, xp.array([3, 4]), sorter=xp.array([4, 1, 2, 3, 0], dtype=dtype))


@testing.numpy_cupy_array_equal()
def test_searchsorted_scalar(xp):
    # NumPy returns a scalar, CuPy a 0-d array.
    return xp.searchsorted(xp.arange(5), 3, side="right")


@testing.numpy_cupy_array_equal()
def test_searchsorted_nd_values(xp):
    a = xp.arange(10, dtype=numpy.int16)
    v = testing.shaped_arange((2, 3, 4), xp, numpy.int16) % 12 - 1
    return xp.searchsorted(a, v.transpose(2, 0, 1))


@testing.numpy_cupy_array_equal()
def test_searchsorted_non_contiguous(xp):
    a = xp.arange(40, dtype=numpy.float32)[::3]
    v = xp.arange(60, dtype=numpy.float32)[::-2]
    return xp.searchsorted(a, v)


@pytest.mark.parametrize("adtype, v", [
    (numpy.float32, 0.1),          # Python float: compared in float64
    (numpy.float16, 1.0001),
    (numpy.uint8, -1),
    (numpy.uint8, 300),
    (numpy.int8, 1.5),
    (numpy.int8, True),
])
@pytest.mark.parametrize("side", ["left", "right"])
@testing.numpy_cupy_array_equal()
def test_searchsorted_python_scalar_promotion(xp, adtype, v, side):
    a = xp.array([0, 0.1, 1, 2, 3], dtype=numpy.float64).astype(adtype)
    return xp.searchsorted(a, v, side=side)


@testing.numpy_cupy_array_equal()
def test_searchsorted_mixed_dtypes(xp):
    a = xp.array([1, 2, 3, 200], dtype=numpy.uint8)
    return xp.searchsorted(a, xp.array([-1, 2, 100], dtype=numpy.int8))


@testing.numpy_cupy_array_equal()
def test_searchsorted_empty_values(xp):
    return xp.searchsorted(xp.arange(3), xp.zeros((0, 2)))


@pytest.mark.parametrize("args, kwargs, error", [
    (("2d", 1), {}, ValueError),
    (("0d", 1), {}, ValueError),
    (("1d", 1), {"side": "middle"}, ValueError),
    (("1d", 1), {"side": None}, TypeError),
    (("1d", 1), {"sorter": "short"}, ValueError),
    (("1d", 1), {"sorter": "float"}, TypeError),
])
def test_searchsorted_errors(args, kwargs, error):
    for xp in (numpy, cupy):
        a = {"2d": xp.ones((2, 2)), "0d": xp.array(1), "1d": xp.arange(5)}[args[0]]
        kw = dict(kwargs)
        if "sorter" in kw:
            kw["sorter"] = {"short": xp.arange(3), "float": xp.arange(5.0)}[kw["sorter"]]
        with pytest.raises(error):
            xp.searchsorted(a, args[1], **kw)


def test_searchsorted_sorter_out_of_range():
    with pytest.raises(ValueError):
        cupy.searchsorted(cupy.arange(5), 1, sorter=cupy.array([0, 1, 2, 3, 5]))
