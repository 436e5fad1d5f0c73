"""unique (and the unique_* functions), isin, in1d, intersect1d, union1d, setdiff1d and
setxor1d against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


def _with_ties(shape, xp, dtype, seed=0, high=6):
    dtype = numpy.dtype(dtype)
    rs = numpy.random.RandomState(seed)
    low = 0 if dtype.kind in "bu" else -high
    a = rs.randint(low, high, size=shape)
    if dtype.kind == "c":
        a = a + 1j * rs.randint(-1, 2, size=shape)
    return xp.asarray(a.astype(dtype))


_NAN_VALUES = [1.0, numpy.nan, 0.0, -0.0, numpy.nan, numpy.inf, 1.0, -numpy.inf, numpy.nan]


# --- unique -------------------------------------------------------------------------------------

@testing.for_dtypes("?bHqefdF")
@testing.numpy_cupy_array_equal()
def test_unique_dtypes(xp, dtype):
    return xp.unique(_with_ties((5, 7), xp, dtype))


@pytest.mark.parametrize("return_index", [False, True])
@pytest.mark.parametrize("return_inverse", [False, True])
@pytest.mark.parametrize("return_counts", [False, True])
@testing.for_dtypes("lfF")
@testing.numpy_cupy_array_equal()
def test_unique_returns(xp, dtype, return_index, return_inverse, return_counts):
    a = _with_ties((4, 50), xp, dtype, seed=1)
    return xp.unique(a, return_index=return_index, return_inverse=return_inverse,
                     return_counts=return_counts)


@pytest.mark.parametrize("shape", [(), (0,), (1,), (0, 3), (33,), (2000,)])
@testing.numpy_cupy_array_equal()
def test_unique_shapes(xp, shape):
    a = _with_ties(shape, xp, numpy.int32, seed=2, high=40)
    return xp.unique(a, return_index=True, return_inverse=True, return_counts=True)


@pytest.mark.parametrize("equal_nan", [True, False])
@testing.for_float_dtypes()
@testing.numpy_cupy_array_equal()
def test_unique_nan(xp, dtype, equal_nan):
    a = xp.array(_NAN_VALUES, dtype=dtype)
    return xp.unique(a, return_index=True, return_inverse=True, return_counts=True,
                     equal_nan=equal_nan)


@pytest.mark.parametrize("equal_nan", [True, False])
@testing.for_complex_dtypes()
@testing.numpy_cupy_array_equal()
def test_unique_complex_nan(xp, dtype, equal_nan):
    # With equal_nan every value holding a NaN counts as one.
    nan = numpy.nan
    a = xp.array([complex(1, nan), 1 + 1j, complex(nan, 0), 1 + 1j, complex(nan, nan), 2j,
                  complex(1, nan)], dtype=dtype)
    return xp.unique(a, return_counts=True, return_index=True, equal_nan=equal_nan)


@testing.numpy_cupy_array_equal()
def test_unique_non_contiguous(xp):
    a = _with_ties((10, 12), xp, numpy.int16, seed=3)[::2, ::-3].T
    return xp.unique(a, return_index=True, return_inverse=True)


@pytest.mark.parametrize("axis", [0, 1, -1, 2])
@testing.numpy_cupy_array_equal()
def test_unique_axis(xp, axis):
    a = _with_ties((6, 4, 5), xp, numpy.int64, seed=4, high=2)
    a[3] = a[1]
    a[:, 2] = a[:, 0]
    a[:, :, 4] = a[:, :, 1]
    return xp.unique(a, return_index=True, return_inverse=True, return_counts=True,
                     axis=axis)


@testing.numpy_cupy_array_equal()
def test_unique_axis_float_nan(xp):
    # Rows holding NaN never compare equal (NumPy compares them as structured elements).
    a = xp.array([[numpy.nan, 1], [0.5, 2], [numpy.nan, 1], [0.5, 2], [0.5, -1]])
    return xp.unique(a, axis=0, return_counts=True)


@testing.numpy_cupy_array_equal()
def test_unique_axis_1d(xp):
    return xp.unique(xp.array([3, 1, 3, numpy.nan, numpy.nan]), axis=0, return_inverse=True)


@pytest.mark.parametrize("shape, axis", [((0, 3), 0), ((3, 0), 0), ((0, 3), 1)])
@testing.numpy_cupy_array_equal()
def test_unique_axis_empty(xp, shape, axis):
    return xp.unique(xp.zeros(shape, dtype=numpy.float32), axis=axis, return_inverse=True,
                     return_counts=True)


def test_unique_bad_axis():
    for xp in (numpy, cupy):
        with pytest.raises(numpy.exceptions.AxisError):
            xp.unique(xp.ones((2, 3)), axis=2)


@pytest.mark.parametrize("func", ["unique_all", "unique_counts", "unique_inverse"])
def test_unique_array_api(func):
    a = numpy.array([[2.0, numpy.nan, 1.0], [2.0, numpy.nan, 5.0]])
    expected = getattr(numpy, func)(a)
    result = getattr(cupy, func)(cupy.asarray(a))
    assert type(result).__name__ == type(expected).__name__
    assert result._fields == expected._fields
    for r, e in zip(result, expected):
        testing.assert_array_equal(r, e)


def test_unique_values():
    # NumPy leaves the order unspecified (and returns hash order); CuPy's values are sorted.
    a = numpy.array([3.0, numpy.nan, 1.0, 3.0, numpy.nan])
    result = cupy.unique_values(cupy.asarray(a))
    testing.assert_array_equal(result, numpy.sort(numpy.unique_values(a)))


# --- isin / in1d --------------------------------------------------------------------------------

@pytest.mark.parametrize("invert", [False, True])
@testing.for_dtypes("?bHiQefdD")
@testing.numpy_cupy_array_equal()
def test_isin_dtypes(xp, dtype, invert):
    a = _with_ties((4, 9), xp, dtype, seed=5)
    b = _with_ties((7,), xp, dtype, seed=6)
    return xp.isin(a, b, invert=invert)


@testing.for_float_dtypes()
@testing.numpy_cupy_array_equal()
def test_isin_nan(xp, dtype):
    a = xp.array(_NAN_VALUES, dtype=dtype)
    return xp.isin(a, xp.array([numpy.nan, -0.0, numpy.inf], dtype=dtype))


@pytest.mark.parametrize("sizes", [(1, 0), (0, 5), (100, 1000), (1000, 3), (5, 4097)])
@testing.numpy_cupy_array_equal()
def test_isin_sizes(xp, sizes):
    a = _with_ties((sizes[0],), xp, numpy.int64, seed=7, high=300)
    b = _with_ties((sizes[1],), xp, numpy.int64, seed=8, high=300)
    return xp.isin(a, b), xp.isin(a, b, invert=True)


@testing.numpy_cupy_array_equal()
def test_isin_mixed_dtypes(xp):
    a = xp.array([[1.5, 2.0], [3.0, -1.0]], dtype=numpy.float32)
    b = xp.array([2, 3, 7], dtype=numpy.int16)
    return xp.isin(a, b), xp.isin(b, a)


@pytest.mark.parametrize("kind", [None, "sort"])
@pytest.mark.parametrize("types", [("Q", "q"), ("b", "B"), ("I", "h"), ("?", "b"), ("q", "?")])
@testing.numpy_cupy_array_equal()
def test_isin_integer_signedness(xp, kind, types):
    # The table method compares integers exactly whatever their signedness.
    values = [0, 1, 5, 100, 127, 200, 2**31 + 3, 2**63 + 5, 2**64 - 1, -1, -3, -128]
    dt1, dt2 = numpy.dtype(types[0]), numpy.dtype(types[1])

    def fit(dt):
        if dt.kind == "b":
            return numpy.array([True, False, True], dtype=dt)
        info = numpy.iinfo(dt)
        return numpy.array([v for v in values if info.min <= v <= info.max], dtype=dt)
    def small(dt):
        if dt.kind == "b":
            return numpy.array([True], dtype=dt)
        return numpy.array([v for v in (-3, 0, 7, 1, 5) if numpy.iinfo(dt).min <= v], dtype=dt)
    # Test elements of a small range (the table) and of a wide one (the binary search).
    a, b = xp.asarray(fit(dt1)), xp.asarray(small(dt2))
    return xp.isin(a, b, kind=kind), xp.isin(b, a, kind=kind, invert=True)


@testing.numpy_cupy_array_equal()
def test_isin_table_wide_range(xp):
    # kind='table' builds the table even when it is much larger than the inputs.
    a = xp.array([-5, 0, 999_999, 1_000_000, 3], dtype=numpy.int32)
    return xp.isin(a, xp.array([0, 1_000_000], dtype=numpy.int32), kind="table")


def test_isin_table_overflow():
    # int8 test elements spanning more than 127: NumPy refuses kind='table'.
    for xp in (numpy, cupy):
        with pytest.raises(RuntimeError):
            xp.isin(xp.arange(3, dtype=numpy.int8), xp.array([-100, 100], dtype=numpy.int8),
                    kind="table")


@pytest.mark.parametrize("kind", [None, "sort", "table"])
@testing.numpy_cupy_array_equal()
def test_isin_kind(xp, kind):
    return xp.isin(xp.arange(10), xp.array([3, 5, 20]), kind=kind)


@pytest.mark.parametrize("kind, dtype", [("hash", numpy.int64), ("table", numpy.float32)])
def test_isin_bad_kind(kind, dtype):
    for xp in (numpy, cupy):
        with pytest.raises(ValueError):
            xp.isin(xp.arange(3, dtype=dtype), xp.arange(2, dtype=dtype), kind=kind)


def test_in1d():
    a = _with_ties((3, 8), numpy, numpy.int32, seed=9)
    b = _with_ties((5,), numpy, numpy.int32, seed=10)
    for invert in (False, True):
        result = cupy.in1d(cupy.asarray(a), cupy.asarray(b), invert=invert)
        assert result.shape == (a.size,)
        testing.assert_array_equal(result, numpy.isin(a, b, invert=invert).ravel())


# --- intersect1d, union1d, setdiff1d, setxor1d --------------------------------------------------

@pytest.mark.parametrize("return_indices", [False, True])
@testing.for_dtypes("?ifdD")
@testing.numpy_cupy_array_equal()
def test_intersect1d(xp, dtype, return_indices):
    a = _with_ties((6, 7), xp, dtype, seed=11)
    b = _with_ties((25,), xp, dtype, seed=12)
    return xp.intersect1d(a, b, return_indices=return_indices)


@pytest.mark.parametrize("return_indices", [False, True])
@testing.numpy_cupy_array_equal()
def test_intersect1d_assume_unique(xp, return_indices):
    a = xp.array([5, 1, 9, 3, 7])
    b = xp.array([[2, 3], [5, 8]])
    return xp.intersect1d(a, b, assume_unique=True, return_indices=return_indices)


@testing.numpy_cupy_array_equal()
def test_intersect1d_mixed_and_empty(xp):
    a = xp.array([1, 2, 3], dtype=numpy.int8)
    b = xp.array([2.0, 3.5, 1.0])
    return xp.intersect1d(a, b), xp.intersect1d(a, b[:0])


@testing.for_dtypes("bfF")
@testing.numpy_cupy_array_equal()
def test_union1d(xp, dtype):
    return xp.union1d(_with_ties((3, 5), xp, dtype, seed=13), _with_ties((9,), xp, dtype, seed=14))


@pytest.mark.parametrize("assume_unique", [False, True])
@testing.numpy_cupy_array_equal()
def test_setdiff1d(xp, assume_unique):
    a = xp.array([[7, 1, 3], [9, 4, 0]])
    b = xp.array([3, 4, 5, 6, 4])
    if not assume_unique:
        a = xp.concatenate((a.ravel(), a.ravel()))
    return xp.setdiff1d(a, b, assume_unique=assume_unique)


@testing.for_dtypes("hd")
@testing.numpy_cupy_array_equal()
def test_setdiff1d_random(xp, dtype):
    return xp.setdiff1d(_with_ties((60,), xp, dtype, seed=15, high=20),
                        _with_ties((30,), xp, dtype, seed=16, high=20))


@pytest.mark.parametrize("assume_unique", [False, True])
@testing.numpy_cupy_array_equal()
def test_setxor1d(xp, assume_unique):
    if assume_unique:
        a, b = xp.array([9, 1, 3, 4]), xp.array([[2, 3], [5, 9]])
    else:
        a, b = _with_ties((40,), xp, numpy.int32, seed=17), _with_ties((9,), xp, numpy.int32)
    return xp.setxor1d(a, b, assume_unique=assume_unique)


@testing.numpy_cupy_array_equal()
def test_set_routines_empty(xp):
    e = xp.zeros((0,), dtype=numpy.float64)
    a = xp.array([2.0, 1.0, 2.0])
    return (xp.union1d(e, e), xp.setxor1d(e, e), xp.setxor1d(a, e), xp.setdiff1d(e, a),
            xp.setdiff1d(a, e), xp.intersect1d(e, a))
