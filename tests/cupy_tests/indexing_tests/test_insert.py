"""put, put_along_axis, place, putmask, fill_diagonal and ndarray.put."""
import numpy
import pytest

import cupy
from cupy import testing


# --- put ---------------------------------------------------------------------------------------

@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_put_dtypes(xp, dtype):
    a = testing.shaped_arange((3, 4), xp, dtype)
    xp.put(a, xp.array([0, -1, 5]), testing.shaped_reverse_arange((3,), xp, dtype))
    return a


@pytest.mark.parametrize("mode", ["raise", "wrap", "clip"])
@pytest.mark.parametrize("ind", [[0, 3, 11], [[-1, -12], [4, 4]], 7, []])
@testing.numpy_cupy_array_equal()
def test_put_modes(xp, mode, ind):
    a = testing.shaped_arange((3, 4), xp, numpy.float32)
    xp.put(a, xp.array(ind, dtype=numpy.int64), xp.array([-1.0, -2.0, -3.0, -4.0]), mode=mode)
    return a


@pytest.mark.parametrize("mode", ["wrap", "clip"])
@testing.numpy_cupy_array_equal()
def test_put_out_of_range_modes(xp, mode):
    a = testing.shaped_arange((3, 4), xp)
    xp.put(a, xp.array([-13, 12, 30, -1]), xp.array([-1, -2, -3, -4]), mode=mode)
    return a


@testing.numpy_cupy_array_equal()
def test_put_cyclic_values(xp):
    a = testing.shaped_arange((2, 5), xp)
    xp.put(a, xp.array([0, 2, 4, 6, 8]), xp.array([[10, 20]]))
    return a


@testing.numpy_cupy_array_equal()
def test_put_noncontiguous(xp):
    a = testing.shaped_arange((4, 6), xp)
    v = a[::2, ::-3]
    xp.put(v, xp.array([0, 3]), xp.array([-5.0, -6.0]))
    return a


@testing.numpy_cupy_array_equal()
def test_put_values_alias_target(xp):
    a = testing.shaped_arange((6,), xp)
    xp.put(a, xp.array([0, 1, 2, 3, 4, 5]), a[::-1])
    return a


@testing.numpy_cupy_array_equal()
def test_put_value_conversion(xp):
    a = xp.zeros(4, numpy.int32)
    xp.put(a, [0], 2.7)                               # forced cast: truncates
    xp.put(a, [1.0], xp.array([3.9]))                 # list of numbers: index by value
    xp.put(a, xp.array([2]), numpy.int64(2 ** 33 + 5))
    return a


@testing.numpy_cupy_array_equal()
def test_put_empty(xp):
    a = testing.shaped_arange((3,), xp)
    xp.put(a, xp.array([], numpy.int64), xp.array([1.0]))
    xp.put(a, xp.array([0]), xp.array([], numpy.float32))
    e = xp.zeros(0)
    xp.put(e, xp.array([], numpy.int64), 1.0)
    return a, e


@testing.numpy_cupy_array_equal()
def test_put_method(xp):
    a = testing.shaped_arange((2, 3), xp)
    assert a.put(xp.array([4, 5]), 0.5) is None
    return a


@pytest.mark.parametrize("ind,kw", [
    ([0, 12], {}),
    ([-13], {}),
    ([0], {"mode": "foo"}),
])
def test_put_errors(ind, kw):
    for xp in (numpy, cupy):
        a = testing.shaped_arange((3, 4), xp)
        with pytest.raises((IndexError, ValueError)) as e:
            xp.put(a, xp.array(ind), xp.array([1.0]), **kw)
        assert isinstance(e.value, ValueError if "mode" in kw else IndexError)


def test_put_errors_other():
    for xp in (numpy, cupy):
        with pytest.raises(IndexError):
            xp.put(xp.zeros(0), xp.array([0]), 1.0, mode="wrap")
        with pytest.raises(TypeError):
            xp.put(xp.zeros(3), xp.array([1.5]), 1.0)
        with pytest.raises(OverflowError):
            xp.put(xp.zeros(3, numpy.uint8), xp.array([0]), 300)
        with pytest.raises(TypeError):
            xp.put([1, 2], [0], 1)


# --- put_along_axis ----------------------------------------------------------------------------

@pytest.mark.parametrize("arr_shape,idx_shape,axis", [
    ((3, 4), (3, 2), 1),
    ((3, 4), (2, 4), 0),
    ((3, 4), (3, 1), -1),
    ((1, 4), (3, 2), 1),
    ((2, 3, 4), (2, 3, 2), 2),
    ((2, 3, 4), (2, 0, 4), 1),
    ((3, 4), (5,), None),
])
@testing.numpy_cupy_array_equal()
def test_put_along_axis(xp, arr_shape, idx_shape, axis):
    arr = testing.shaped_arange(arr_shape, xp, numpy.int32)
    n = arr.size if axis is None else arr_shape[axis]
    # Distinct targets along the axis, so the result does not depend on the write order.
    size = int(numpy.prod(idx_shape))
    ax = 0 if axis is None else axis % len(arr_shape)
    base = numpy.arange(idx_shape[ax]).reshape((-1,) + (1,) * (len(idx_shape) - ax - 1))
    idx = numpy.broadcast_to(base - (base % 2) * n, idx_shape) if size else \
        numpy.zeros(idx_shape, numpy.int64)
    values = -testing.shaped_arange(idx_shape, xp, numpy.int32)
    xp.put_along_axis(arr, xp.asarray(idx), values, axis)
    return arr


@testing.numpy_cupy_array_equal()
def test_put_along_axis_broadcast_values(xp):
    a = testing.shaped_arange((3, 4), xp)
    xp.put_along_axis(a, xp.array([[1], [2], [0]]), 7.5, 1)
    b = testing.shaped_arange((3, 4), xp)
    xp.put_along_axis(b, xp.array([[1, 3]]), xp.array([[-1.0], [-2.0], [-3.0]]), 1)
    return a, b


@testing.numpy_cupy_array_equal()
def test_put_along_axis_noncontiguous(xp):
    a = testing.shaped_arange((4, 6), xp)
    xp.put_along_axis(a[::2, ::-1], xp.array([[0], [5]]), xp.array([[-1.0], [-2.0]]), 1)
    return a


def test_put_along_axis_flat_noncontiguous():
    # axis=None writes through any layout, in the C order of the view. (NumPy raises
    # "assignment destination is read-only" here: its flattened copy is not a view.)
    a = testing.shaped_arange((4, 6), cupy)
    cupy.put_along_axis(a.T, cupy.array([1, 22]), 9.0, None)
    expected_t = testing.shaped_arange((4, 6), numpy).T.copy()
    expected_t.reshape(-1)[[1, 22]] = 9.0
    testing.assert_array_equal(a, expected_t.T)


@testing.numpy_cupy_array_equal()
def test_put_along_axis_value_cast(xp):
    a = xp.zeros((2, 3), numpy.int64)
    xp.put_along_axis(a, xp.array([[1], [2]]), 1.5, 1)
    xp.put_along_axis(a, xp.array([[0], [0]]), xp.array([[2.7], [3.1]]), 1)
    return a


@pytest.mark.parametrize("idx,values,axis", [
    ([[1], [2], [4]], 5, 1),                # out of bounds
    ([[1], [2], [-5]], 5, 1),
    ([[1], [2], [0]], [5, 6], 1),           # values do not broadcast
    ([[1.0], [2.0], [0.0]], 5, 1),          # float indices
    ([[1, 2]], 5, None),                    # axis=None needs 1-d indices
    ([1, 2], 5, 1),                         # ndim mismatch
    ([[1], [2], [0]], 5, 2),                # axis out of range
])
def test_put_along_axis_errors(idx, values, axis):
    errors = []
    for xp in (numpy, cupy):
        with pytest.raises((IndexError, ValueError, numpy.exceptions.AxisError)) as e:
            xp.put_along_axis(xp.zeros((3, 4)), xp.array(idx), values, axis)
        errors.append(type(e.value))
    assert errors[0] is errors[1]


# --- place -------------------------------------------------------------------------------------

@testing.for_dtypes([numpy.bool_, numpy.int16, numpy.uint64, numpy.float16, numpy.complex64])
@testing.numpy_cupy_array_equal()
def test_place_dtypes(xp, dtype):
    a = testing.shaped_arange((3, 4), xp, dtype)
    xp.place(a, testing.shaped_arange((3, 4), xp) % 3 == 1,
             testing.shaped_reverse_arange((2,), xp, dtype))
    return a


@testing.numpy_cupy_array_equal()
def test_place(xp):
    a = testing.shaped_arange((2, 5), xp, numpy.float64)
    b = testing.shaped_arange((2, 5), xp, numpy.float64)
    c = testing.shaped_arange((2, 5), xp, numpy.float64)
    xp.place(a, a > 4, xp.array([-1.0, -2.0, -3.0]))
    xp.place(b.T, xp.array([1, 0, 0, 1, 2, 0, 0, 0, 0, 1]), [7])     # numeric mask, view
    xp.place(c, xp.zeros((10,), bool), xp.array([], numpy.float32))  # nothing selected
    return a, b, c


@testing.numpy_cupy_array_equal()
def test_place_scalar_value(xp):
    a = xp.arange(6)
    xp.place(a, a % 2 == 1, 1.5)
    return a


def test_place_errors():
    for xp in (numpy, cupy):
        a = xp.arange(6.0)
        with pytest.raises(ValueError):
            xp.place(a, xp.array([True, False]), 1.0)
        with pytest.raises(ValueError):
            xp.place(a, a > 2, xp.array([]))
        with pytest.raises(TypeError):
            xp.place(xp.arange(3), xp.array([True, False, True]), xp.array([1.5]))
        with pytest.raises(TypeError):
            xp.place([1, 2], [True, False], 3)


# --- putmask -----------------------------------------------------------------------------------

@testing.for_dtypes([numpy.bool_, numpy.int8, numpy.uint32, numpy.float64, numpy.complex128])
@testing.numpy_cupy_array_equal()
def test_putmask_dtypes(xp, dtype):
    a = testing.shaped_arange((3, 4), xp, dtype)
    xp.putmask(a, testing.shaped_arange((3, 4), xp) % 3 == 1,
               testing.shaped_reverse_arange((5,), xp, dtype))
    return a


@testing.numpy_cupy_array_equal()
def test_putmask(xp):
    a = testing.shaped_arange((2, 5), xp, numpy.float64)
    b = testing.shaped_arange((2, 5), xp, numpy.float64)
    c = testing.shaped_arange((2, 5), xp, numpy.float64)
    xp.putmask(a, a > 4, xp.array([-1.0, -2.0, -3.0]))               # cycles by position
    xp.putmask(b.T, xp.array([[1, 0], [0, 3], [0, 0], [1, 0], [0, 1]]), 7)
    xp.putmask(c, c > 2, xp.array([], numpy.float32))
    return a, b, c


@testing.numpy_cupy_array_equal()
def test_putmask_values_alias_target(xp):
    a = testing.shaped_arange((6,), xp)
    xp.putmask(a, a % 2 == 0, a[::-1])
    return a


@testing.numpy_cupy_array_equal()
def test_putmask_scalar_conversion(xp):
    a = xp.zeros(4, numpy.int32)
    xp.putmask(a, xp.array([True, False, True, False]), 1.5)      # a scalar converts by value
    xp.putmask(a, xp.array([False, True, False, False]), [2.5])
    return a


def test_putmask_errors():
    for xp in (numpy, cupy):
        a = xp.arange(6.0)
        with pytest.raises(ValueError):
            xp.putmask(a, xp.array([True, False]), 1.0)
        with pytest.raises(TypeError):
            xp.putmask(xp.arange(3), xp.array([True, False, True]), xp.array([1.5]))
        with pytest.raises(TypeError):
            xp.putmask(xp.zeros(3, numpy.int32), xp.ones(3, bool), xp.array([1]))
        with pytest.raises(OverflowError):
            xp.putmask(xp.zeros(3, numpy.int32), xp.ones(3, bool), 2 ** 40)
        with pytest.raises(TypeError):
            xp.putmask([1, 2], [True, False], 3)


# --- fill_diagonal -----------------------------------------------------------------------------

@testing.for_dtypes([numpy.bool_, numpy.int64, numpy.float32, numpy.complex64])
@testing.numpy_cupy_array_equal()
def test_fill_diagonal_dtypes(xp, dtype):
    a = xp.zeros((4, 4), dtype)
    xp.fill_diagonal(a, testing.shaped_arange((3,), xp, dtype) + 1)
    return a


@pytest.mark.parametrize("shape,wrap", [((3, 3), False), ((5, 3), False), ((7, 3), True),
                                        ((3, 5), False), ((3, 5), True), ((3, 3, 3), False),
                                        ((2, 2, 2, 2), False), ((0, 0), False)])
@pytest.mark.parametrize("val", [5, [1, 2], "matrix"])
@testing.numpy_cupy_array_equal()
def test_fill_diagonal(xp, shape, wrap, val):
    a = xp.zeros(shape, numpy.float64)
    if val == "matrix":
        val = testing.shaped_arange((2, 3), xp) + 1
    elif isinstance(val, list):
        val = xp.array(val, dtype=numpy.float64)
    xp.fill_diagonal(a, val, wrap=wrap)
    return a


@testing.numpy_cupy_array_equal()
def test_fill_diagonal_noncontiguous(xp):
    a = xp.zeros((6, 8))
    xp.fill_diagonal(a[::2, 1::2], xp.array([1.0, 2.0]))
    xp.fill_diagonal(a.T[:3, 3:], -1.0)
    return a


@testing.numpy_cupy_array_equal()
def test_fill_diagonal_cast(xp):
    a = xp.zeros((3, 3), numpy.int32)
    xp.fill_diagonal(a, 1.5)
    b = xp.zeros((3, 3), numpy.int32)
    xp.fill_diagonal(b, xp.array([2.7, 3.2]))
    return a, b


def test_fill_diagonal_errors():
    for xp in (numpy, cupy):
        with pytest.raises(ValueError):
            xp.fill_diagonal(xp.zeros(3), 1)
        with pytest.raises(ValueError):
            xp.fill_diagonal(xp.zeros((3, 3, 4)), 1)
        with pytest.raises(OverflowError):
            xp.fill_diagonal(xp.zeros((3, 3), numpy.uint8), 300)
