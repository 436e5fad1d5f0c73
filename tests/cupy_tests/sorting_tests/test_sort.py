"""sort, argsort, lexsort, sort_complex, partition and argpartition against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing
from cupy._sorting.sort import _ndarray_sort


def _with_ties(shape, xp, dtype, seed=0, high=6):
    """Random small integers as ``dtype`` (negative ones for signed and inexact types), so that
    equal keys are common and argsort's stability is tested."""
    dtype = numpy.dtype(dtype)
    rs = numpy.random.RandomState(seed)
    low = 0 if dtype.kind in "bu" else -high
    a = rs.randint(low, high, size=shape)
    if dtype.kind == "c":
        a = a + 1j * rs.randint(-2, 2, size=shape)
    return xp.asarray(a.astype(dtype))


def _float_specials(xp, dtype):
    """Every special value of a float dtype, repeated, in a scrambled order."""
    v = [1.0, numpy.nan, -numpy.inf, 0.0, -0.0, numpy.inf, -1.5, numpy.nan, 0.0, -0.0, 2.0,
         -numpy.inf, numpy.nan, 1.0, numpy.inf]
    return xp.array(v * 3, dtype=dtype)


# --- sort / argsort ------------------------------------------------------------------------------

@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_sort_dtypes(xp, dtype):
    return xp.sort(_with_ties((3, 37), xp, dtype))


@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_argsort_dtypes_stable(xp, dtype):
    # NumPy's stable argsort is the reference: equal keys keep their order.
    return xp.argsort(_with_ties((3, 37), xp, dtype), kind="stable")


@testing.for_float_dtypes()
@testing.numpy_cupy_array_equal()
def test_sort_nan_inf_signed_zero(xp, dtype):
    return xp.sort(_float_specials(xp, dtype))


@testing.for_float_dtypes()
@testing.numpy_cupy_array_equal()
def test_argsort_nan_inf_signed_zero(xp, dtype):
    # -0.0 == 0.0 and all NaNs are equal keys: their original order must survive.
    return xp.argsort(_float_specials(xp, dtype), kind="stable")


@testing.for_complex_dtypes()
@testing.numpy_cupy_array_equal()
def test_sort_complex_nan_order(xp, dtype):
    nan = numpy.nan
    v = [complex(1, nan), complex(nan, 1), complex(nan, nan), complex(1, 1), complex(0, 2),
         complex(1, 0), complex(nan, 0), complex(0, nan), complex(-1, nan), complex(1, 1)]
    a = xp.array(v * 2, dtype=dtype)
    return xp.sort(a), xp.argsort(a, kind="stable")


@pytest.mark.parametrize("n", [1, 2, 31, 32, 33, 64, 100, 1000, 4097])
@pytest.mark.parametrize("dtype", [numpy.float32, numpy.int64])
@testing.numpy_cupy_array_equal()
def test_lengths(xp, n, dtype):
    # Around the run length and the powers of two of the merge passes; two rows.
    a = _with_ties((2, n), xp, dtype, seed=n, high=n // 3 + 2)
    return xp.sort(a), xp.argsort(a, kind="stable")


@pytest.mark.parametrize("shape", [(20000,), (1000, 3), (3, 1, 5000)])
@testing.numpy_cupy_array_equal()
def test_large_and_many_rows(xp, shape):
    a = _with_ties(shape, xp, numpy.float64, seed=3, high=500)
    return xp.sort(a), xp.argsort(a, kind="stable")


@testing.for_all_dtypes(no_complex=True)
@testing.numpy_cupy_array_equal()
def test_long_rows_dtypes(xp, dtype):
    # Rows long enough for the radix sort whatever the itemsize.
    a = _with_ties((2, 8200), xp, dtype, seed=13, high=100)
    if a.dtype.kind == "f":
        a[:, ::7] = xp.asarray(numpy.resize(_float_specials(numpy, dtype), 1172))
    return xp.sort(a), xp.argsort(a, kind="stable")


@pytest.mark.parametrize("n", [300, 1000, 9000])
@testing.for_float_dtypes()
def test_sort_keeps_signed_zeros_and_nans(dtype, n):
    # Equal keys may come in any order, but every value (-0.0 included) must be kept. (NumPy's
    # own sort may change the sign bits of NaNs, so the input is the reference.)
    a = numpy.resize(_float_specials(numpy, dtype), n)
    res = cupy.sort(cupy.asarray(a)).get()
    testing.assert_array_equal(res, numpy.sort(a))
    assert numpy.signbit(res).sum() == numpy.signbit(a).sum()


@pytest.mark.parametrize("axis", [None, 0, 1, 2, -1, -2, -3])
@testing.numpy_cupy_array_equal()
def test_axis(xp, axis):
    a = _with_ties((4, 5, 6), xp, numpy.float64, seed=4)
    return xp.sort(a, axis=axis), xp.argsort(a, axis=axis, kind="stable")


@pytest.mark.parametrize("axis", [0, 1])
@testing.numpy_cupy_array_equal()
def test_fortran_order(xp, axis):
    # The layout of the result follows NumPy (sort keeps F order; argsort is C).
    a = xp.asfortranarray(_with_ties((5, 7), xp, numpy.float32, seed=5))
    return xp.sort(a, axis=axis), xp.argsort(a, axis=axis, kind="stable")


@pytest.mark.parametrize("view", ["step", "reverse", "transpose"])
@testing.numpy_cupy_array_equal()
def test_non_contiguous(xp, view):
    a = _with_ties((6, 40), xp, numpy.int32, seed=6)
    a = {"step": a[::2, ::3], "reverse": a[:, ::-1], "transpose": a.T}[view]
    return xp.sort(a), xp.argsort(a, kind="stable"), xp.sort(a, axis=0)


@testing.numpy_cupy_array_equal()
def test_sort_0d_axis_none(xp):
    return xp.sort(xp.array(3.5), axis=None)


@pytest.mark.parametrize("axis", [-1, 0, None])
@testing.numpy_cupy_array_equal()
def test_argsort_0d(xp, axis):
    # NumPy treats a 0-d array as 1-d here.
    return xp.argsort(xp.array(7), axis=axis)


@pytest.mark.parametrize("shape", [(0,), (3, 0), (0, 4)])
@pytest.mark.parametrize("axis", [-1, 0, None])
@testing.numpy_cupy_array_equal()
def test_empty(xp, shape, axis):
    a = xp.zeros(shape, dtype=numpy.float32)
    return xp.sort(a, axis=axis), xp.argsort(a, axis=axis)


def test_argsort_stable_signed_zero_exact():
    a = cupy.array([0.0, -0.0, 0.0, -0.0, -1.0], dtype=numpy.float64)
    testing.assert_array_equal(cupy.argsort(a), numpy.array([4, 0, 1, 2, 3]))


@pytest.mark.parametrize("kind", ["quicksort", "mergesort", "heapsort", "stable", "q"])
@testing.numpy_cupy_array_equal()
def test_sort_kinds(xp, kind):
    a = _with_ties((50,), xp, numpy.int16)
    return xp.sort(a, kind=kind)


@pytest.mark.parametrize("stable", [True, False])
@testing.numpy_cupy_array_equal()
def test_stable_keyword(xp, stable):
    return xp.sort(_with_ties((50,), xp, numpy.int16), stable=stable)


@pytest.mark.parametrize("func", ["sort", "argsort"])
@pytest.mark.parametrize("kwargs, error", [
    ({"axis": 2}, numpy.exceptions.AxisError),
    ({"axis": -3}, numpy.exceptions.AxisError),
    ({"kind": "bogus"}, ValueError),
    ({"kind": 3}, TypeError),
    ({"kind": "stable", "stable": True}, ValueError),
    ({"order": "f0"}, ValueError),
])
def test_sort_errors(func, kwargs, error):
    for xp in (numpy, cupy):
        with pytest.raises(error):
            getattr(xp, func)(xp.ones((2, 3)), **kwargs)


def test_sort_0d_default_axis_raises():
    for xp in (numpy, cupy):
        with pytest.raises(numpy.exceptions.AxisError):
            xp.sort(xp.array(1.0))


def test_sort_does_not_modify_input():
    a = _with_ties((40,), cupy, numpy.float32)
    before = a.get()
    cupy.sort(a)
    cupy.argsort(a)
    testing.assert_array_equal(a, before)


@pytest.mark.parametrize("axis", [-1, 0])
def test_ndarray_sort_in_place(axis):
    a = _with_ties((6, 9), numpy, numpy.float64, seed=8)
    a[1, 2] = numpy.nan
    c = cupy.asarray(a)
    view = c[::2]
    _ndarray_sort(view, axis)
    expected = a.copy()
    expected[::2] = numpy.sort(a[::2], axis=axis)
    testing.assert_array_equal(c, expected)


# --- lexsort ------------------------------------------------------------------------------------

@testing.numpy_cupy_array_equal()
def test_lexsort_tuple(xp):
    k1 = _with_ties((300,), xp, numpy.int8, seed=1, high=3)
    k2 = _with_ties((300,), xp, numpy.float32, seed=2, high=3)
    k3 = _with_ties((300,), xp, numpy.bool_, seed=3)
    return xp.lexsort((k1, k2, k3))


@pytest.mark.parametrize("axis", [0, 1, -1])
@testing.numpy_cupy_array_equal()
def test_lexsort_array_keys(xp, axis):
    keys = _with_ties((3, 5, 40), xp, numpy.float64, seed=9, high=2)
    keys[0, 1, 3] = numpy.nan
    return xp.lexsort(keys, axis=axis)


@testing.numpy_cupy_array_equal()
def test_lexsort_long_keys(xp):
    k1 = _with_ties((2, 9000), xp, numpy.float64, seed=14, high=50)
    k2 = _with_ties((2, 9000), xp, numpy.int16, seed=15, high=3)
    k3 = _with_ties((2, 9000), xp, numpy.complex64, seed=16, high=2)
    return xp.lexsort((k1, k3, k2)), xp.lexsort((k3, k1), axis=0)


@testing.numpy_cupy_array_equal()
def test_lexsort_single_key(xp):
    return xp.lexsort([_with_ties((70,), xp, numpy.uint16, seed=4)])


@testing.numpy_cupy_array_equal()
def test_lexsort_0d_keys(xp):
    return xp.lexsort([xp.array(3), xp.array(2)])


@pytest.mark.parametrize("keys, error", [
    ("empty", TypeError),
    ("0d", TypeError),
    ("mismatch", ValueError),
])
def test_lexsort_errors(keys, error):
    for xp in (numpy, cupy):
        k = {"empty": [], "0d": xp.array(3), "mismatch": [xp.ones(3), xp.ones(4)]}[keys]
        with pytest.raises(error):
            xp.lexsort(k)


def test_lexsort_bad_axis():
    for xp in (numpy, cupy):
        with pytest.raises(numpy.exceptions.AxisError):
            xp.lexsort([xp.ones((2, 3))], axis=2)


# --- sort_complex -------------------------------------------------------------------------------

@testing.for_dtypes("?bBhHilfdeFD")
@testing.numpy_cupy_array_equal()
def test_sort_complex(xp, dtype):
    return xp.sort_complex(_with_ties((4, 9), xp, dtype, seed=10))


# --- partition / argpartition -------------------------------------------------------------------

def _check_partitioned(x, kths, axis):
    """Each ``kth`` element is in sorted position; smaller ones before, larger ones after."""
    x = numpy.moveaxis(x, axis, -1)
    for k in kths:
        left, pivot, right = x[..., :k], x[..., k:k + 1], x[..., k + 1:]
        assert (left <= pivot).all() and (right >= pivot).all()


@pytest.mark.parametrize("kth", [0, 3, -1, (1, 4), [0, 9]])
@pytest.mark.parametrize("axis", [-1, 0, None])
def test_partition(kth, axis):
    a = _with_ties((10, 10), numpy, numpy.float32, seed=11)
    c = cupy.asarray(a)
    res = cupy.partition(c, kth, axis=axis).get()
    ax = -1 if axis is None else axis
    flat = a.ravel() if axis is None else a
    kths = [k % flat.shape[ax] for k in numpy.atleast_1d(kth)]
    _check_partitioned(res, kths, ax)
    expected = numpy.sort(flat, axis=ax)
    # The multiset of every row is kept, and the kth elements match NumPy's.
    testing.assert_array_equal(numpy.sort(res, axis=ax), expected)
    for k in kths:
        testing.assert_array_equal(numpy.take(res, k, axis=ax), numpy.take(expected, k, axis=ax))


@pytest.mark.parametrize("kth", [2, -3, (0, 5)])
@pytest.mark.parametrize("axis", [-1, 0, None])
def test_argpartition(kth, axis):
    a = _with_ties((8, 12), numpy, numpy.int32, seed=12)
    c = cupy.asarray(a)
    idx = cupy.argpartition(c, kth, axis=axis).get()
    ax = -1 if axis is None else axis
    flat = a.ravel() if axis is None else a
    assert idx.dtype == numpy.int64
    res = numpy.take_along_axis(flat, idx, axis=ax)
    kths = [k % flat.shape[ax] for k in numpy.atleast_1d(kth)]
    _check_partitioned(res, kths, ax)
    testing.assert_array_equal(numpy.sort(idx, axis=ax),
                               numpy.sort(numpy.argsort(flat, axis=ax), axis=ax))


@testing.numpy_cupy_array_equal()
def test_argpartition_0d(xp):
    return xp.argpartition(xp.array(4), 0)


@testing.numpy_cupy_array_equal()
def test_partition_empty(xp):
    # NumPy checks kth only when there are elements.
    return xp.partition(xp.ones((2, 0)), 5)


@pytest.mark.parametrize("func", ["partition", "argpartition"])
@pytest.mark.parametrize("kth, kwargs, error", [
    (5, {}, ValueError),
    (-6, {}, ValueError),
    (True, {}, ValueError),
    (1.0, {}, TypeError),
    (1, {"axis": 1}, numpy.exceptions.AxisError),
    (1, {"kind": "quick"}, ValueError),
    (1, {"order": "f0"}, ValueError),
])
def test_partition_errors(func, kth, kwargs, error):
    for xp in (numpy, cupy):
        with pytest.raises(error):
            getattr(xp, func)(xp.arange(5), kth, **kwargs)
