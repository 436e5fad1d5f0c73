"""take, take_along_axis, choose, compress, diagonal, select, extract and their methods."""
import numpy
import pytest

import cupy
from cupy import testing

_AXIS_ERRORS = (numpy.exceptions.AxisError, IndexError, ValueError, TypeError)


# --- take --------------------------------------------------------------------------------------

@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_take_dtypes(xp, dtype):
    a = testing.shaped_arange((3, 4), xp, dtype)
    return xp.take(a, xp.array([2, 0, -1, 1]), axis=1)


@pytest.mark.parametrize("shape,indices,axis", [
    ((5,), [0, 4, -5, 2, 2], 0),
    ((2, 3, 4), [[1, -1], [0, 2]], 1),
    ((2, 3, 4), [3, 0], 2),
    ((2, 3, 4), [23, -24, 7], None),
    ((2, 3, 4), 1, 0),
    ((2, 3, 4), -1, -1),
    ((2, 3, 4), [], 1),
    ((2, 0, 4), [1, 3], 2),
    ((), [0, -1], None),
    ((), 0, None),
])
@testing.numpy_cupy_array_equal()
def test_take(xp, shape, indices, axis):
    a = testing.shaped_arange(shape, xp, numpy.float32)
    return xp.take(a, xp.array(indices, dtype=numpy.int64), axis=axis)


@pytest.mark.parametrize("mode", ["wrap", "clip"])
@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.numpy_cupy_array_equal()
def test_take_modes(xp, mode, axis):
    a = testing.shaped_arange((3, 4), xp, numpy.int32)
    return xp.take(a, xp.array([[-13, -1, 0], [4, 12, 100]]), axis=axis, mode=mode)


@pytest.mark.parametrize("indices", [[5], [-6], [0, 1, 8]])
@pytest.mark.parametrize("axis", [None, 1])
@testing.numpy_cupy_array_equal(accept_error=IndexError)
def test_take_out_of_bounds(xp, indices, axis):
    a = testing.shaped_arange((2, 3), xp)
    return xp.take(a, xp.array(indices), axis=axis)


@testing.numpy_cupy_array_equal()
def test_take_noncontiguous(xp):
    a = testing.shaped_arange((4, 5, 6), xp)[::2, ::-1].transpose(2, 0, 1)
    idx = xp.array([[0, 3, 1], [2, 4, 4]])[:, ::2]
    return xp.take(a, idx, axis=2)


@testing.numpy_cupy_array_equal()
def test_take_host_indices(xp):
    a = testing.shaped_arange((2, 3), xp)
    # Lists of numbers convert by value, as NumPy converts an index argument.
    return xp.take(a, [1.0, 2], axis=1), xp.take(a, numpy.array([True, False]), axis=0)


@testing.numpy_cupy_array_equal()
def test_take_index_dtype(xp):
    a = testing.shaped_arange((4, 3), xp)
    return (xp.take(a, xp.array([3, 1], numpy.uint8), axis=0),
            xp.take(a, xp.array([-1, 1], numpy.int16), axis=1))


@pytest.mark.parametrize("mode", ["raise", "wrap"])
@testing.numpy_cupy_array_equal()
def test_take_out(xp, mode):
    a = testing.shaped_arange((2, 3), xp, numpy.int64)
    out = xp.full((2, 2), -1, numpy.int32)
    r = xp.take(a, xp.array([2, 0]), axis=1, out=out, mode=mode)
    assert r is out
    return out


@testing.numpy_cupy_array_equal()
def test_take_out_noncontiguous(xp):
    a = testing.shaped_arange((2, 3), xp)
    out = xp.zeros((3, 4), numpy.float32)
    xp.take(a, xp.array([2, 0, 1]), axis=1, out=out[:, ::2].T, mode="clip")
    return out


@testing.numpy_cupy_array_equal()
def test_take_out_aliases_input(xp):
    a = testing.shaped_arange((4,), xp)
    xp.take(a, xp.array([3, 2, 1, 0]), out=a, mode="wrap")
    return a


def test_take_out_untouched_on_error():
    # NumPy buffers ``out`` in 'raise' mode: a failing take leaves it as it was.
    out = cupy.full(2, 7.0)
    with pytest.raises(IndexError):
        cupy.take(cupy.arange(3.0), cupy.array([0, 9]), out=out)
    testing.assert_array_equal(out, [7.0, 7.0])


@pytest.mark.parametrize("kwargs", [
    {"axis": 2},
    {"axis": -3},
    {"mode": "foo"},
    {"out": "shape"},
    {"out": "dtype"},
])
def test_take_errors(kwargs):
    for xp in (numpy, cupy):
        a = testing.shaped_arange((2, 3), xp)
        kw = dict(kwargs)
        if kw.get("out") == "shape":
            kw["out"] = xp.empty((3,), numpy.float32)
        elif kw.get("out") == "dtype":
            kw["out"] = xp.empty((2,), numpy.float64)    # not safely castable to float32
        with pytest.raises(_AXIS_ERRORS) as e:
            xp.take(a, xp.array([0, 1]), **kw)
        if "axis" in kw:
            assert isinstance(e.value, numpy.exceptions.AxisError)


@pytest.mark.parametrize("mode", ["raise", "wrap", "clip"])
def test_take_empty_axis(mode):
    for xp in (numpy, cupy):
        with pytest.raises(IndexError):
            xp.take(xp.zeros((0, 3)), xp.array([0]), axis=0, mode=mode)


def test_take_float_index_array():
    for xp in (numpy, cupy):
        with pytest.raises(TypeError):
            xp.take(xp.arange(3), xp.array([1.5]))


@testing.numpy_cupy_array_equal()
def test_take_method(xp):
    a = testing.shaped_arange((3, 4), xp)
    return a.take(xp.array([1, -1]), axis=0), a.take(xp.array([13]), mode="wrap")


# --- take_along_axis ---------------------------------------------------------------------------

@pytest.mark.parametrize("arr_shape,idx_shape,axis", [
    ((3, 4), (3, 2), 1),
    ((3, 4), (5, 4), 0),
    ((3, 4), (3, 1), -1),
    ((1, 4), (3, 2), 1),
    ((3, 4), (1, 6), 1),
    ((2, 3, 4), (2, 3, 5), 2),
    ((2, 3, 4), (2, 0, 4), 1),
    ((3, 4), (7,), None),
])
@testing.numpy_cupy_array_equal()
def test_take_along_axis(xp, arr_shape, idx_shape, axis):
    arr = testing.shaped_arange(arr_shape, xp, numpy.int32)
    n = arr.size if axis is None else arr_shape[axis]
    idx = (numpy.arange(int(numpy.prod(idx_shape))).reshape(idx_shape) * 7) % (2 * n) - n
    return xp.take_along_axis(arr, xp.asarray(idx), axis=axis)


@testing.numpy_cupy_array_equal()
def test_take_along_axis_argsort_pattern(xp):
    a = testing.shaped_random((4, 5), xp, numpy.float64, seed=1)[:, ::-1]
    # Indices as argsort returns them: host-computed so that this test needs no sort.
    idx = xp.asarray(numpy.argsort(cupy.asnumpy(a), axis=1).astype(numpy.int32))
    return xp.take_along_axis(a, idx, axis=1)


@testing.numpy_cupy_array_equal()
def test_take_along_axis_default_axis(xp):
    a = testing.shaped_arange((2, 3), xp)
    return xp.take_along_axis(a, xp.array([[2], [0]]))


@pytest.mark.parametrize("arr_shape,idx,axis", [
    ((3, 4), [[4], [0], [0]], 1),                # out of bounds
    ((3, 4), [[-5], [0], [0]], 1),
    ((3, 4), [[0, 1], [0, 1]], 1),               # shapes do not broadcast
    ((3, 4), [0, 1], 1),                         # ndim mismatch
    ((3, 4), [[0.0], [1.0], [2.0]], 1),          # not integers
    ((3, 4), [[True], [False], [True]], 1),      # booleans are not integers here
    ((3, 4), [[1, 2]], None),                    # axis=None needs 1-d indices
    ((3, 4), [[1], [2], [0]], 2),                # axis out of range
    ((3, 0), [[0], [0], [0]], 1),                # empty axis
])
def test_take_along_axis_errors(arr_shape, idx, axis):
    errors = []
    for xp in (numpy, cupy):
        with pytest.raises(_AXIS_ERRORS) as e:
            xp.take_along_axis(xp.zeros(arr_shape), xp.array(idx), axis=axis)
        errors.append(type(e.value))
    assert errors[0] is errors[1]


# --- choose ------------------------------------------------------------------------------------

@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_choose_dtypes(xp, dtype):
    choices = [testing.shaped_arange((2, 3), xp, dtype), testing.shaped_reverse_arange(
        (2, 3), xp, dtype)]
    return xp.choose(xp.array([[0, 1, 0], [1, 1, 0]]), choices)


@pytest.mark.parametrize("mode", ["wrap", "clip"])
@testing.numpy_cupy_array_equal()
def test_choose_modes(xp, mode):
    a = xp.array([-4, -1, 0, 1, 2, 3, 7])
    return xp.choose(a, [xp.arange(7), 10, xp.full(7, 20)], mode=mode)


@testing.numpy_cupy_array_equal()
def test_choose_broadcast(xp):
    a = xp.array([[0], [1], [2]])
    choices = [xp.arange(4), xp.array(-1), testing.shaped_arange((3, 4), xp) * 10]
    return xp.choose(a, choices)


@testing.numpy_cupy_array_equal()
def test_choose_array_of_choices(xp):
    choices = testing.shaped_arange((3, 2, 4), xp)[:, :, ::2]
    return (xp.choose(xp.array([[2, 0], [1, 1]]), choices),
            xp.choose(xp.array([[0], [1]]), choices[:2, 0]),      # choices of fewer axes
            xp.choose(xp.array([0, 1, 1]), xp.array([5, 6])))     # 0-d choices


@pytest.mark.parametrize("choices", [
    lambda xp: [xp.array([1, 2], numpy.int8), 3],            # Python int: weak
    lambda xp: [xp.array([1, 2], numpy.int8), 300],          # wraps, as NumPy casts
    lambda xp: [xp.array([1, 2], numpy.int8), numpy.float32(3)],
    lambda xp: [xp.array([1, 2], numpy.float32), xp.array(3.0)],
    lambda xp: [xp.array([1, 2], numpy.int32), 2.5],
])
@testing.numpy_cupy_array_equal()
def test_choose_result_type(xp, choices):
    return xp.choose(xp.array([0, 1]), choices(xp))


@testing.numpy_cupy_array_equal()
def test_choose_index_dtypes(xp):
    return (xp.choose(xp.array([1, 0], numpy.int8), [xp.arange(2), xp.arange(2) + 5]),
            xp.choose(xp.array([True, False]), [xp.arange(2), xp.arange(2) + 5]))


@testing.numpy_cupy_array_equal()
def test_choose_0d(xp):
    return xp.choose(xp.array(1), [xp.array(3), xp.array(4)])


@testing.numpy_cupy_array_equal()
def test_choose_out(xp):
    out = xp.zeros((2, 3), numpy.float32)
    r = xp.choose(xp.array([0, 1, 0]), [xp.arange(3), xp.array([[5], [6]])], out=out)
    assert r is out
    return out


@testing.numpy_cupy_array_equal()
def test_choose_method(xp):
    return xp.array([1, 0, 1]).choose([xp.arange(3), xp.arange(3) * 10], mode="clip")


@pytest.mark.parametrize("a,kw", [
    ([0, 2], {}),                       # out of range
    ([0, -1], {}),                      # negative entries are errors in 'raise' mode
    ([0, 1], {"mode": "foo"}),
    ([0.0, 1.0], {}),                   # float indices
    ([0, 1], {"out": (3,)}),            # wrong output shape
])
def test_choose_errors(a, kw):
    errors = []
    for xp in (numpy, cupy):
        kw2 = dict(kw)
        if "out" in kw2:
            kw2["out"] = xp.empty(kw2["out"])
        with pytest.raises((ValueError, TypeError)) as e:
            xp.choose(xp.array(a), [xp.arange(2), xp.arange(2)], **kw2)
        errors.append(type(e.value))
    assert errors[0] is errors[1]


def test_choose_no_choices():
    for xp in (numpy, cupy):
        with pytest.raises(ValueError):
            xp.choose(xp.array([0]), [])


# --- compress, extract, diagonal ---------------------------------------------------------------

@pytest.mark.parametrize("condition,axis", [
    ([0, 1, 1], 1),
    ([True, False], 0),
    ([1, 0, 1, 0], 2),
    ([0.5, 0, 2], 1),
    ([1, 0, 0, 1, 0, 0, 1], None),
    ([], 0),
    ([0, 1, 1, 0, 0, 0], 1),            # longer than the axis: only false entries past it
])
@testing.numpy_cupy_array_equal()
def test_compress(xp, condition, axis):
    a = testing.shaped_arange((2, 3, 4), xp)
    return xp.compress(xp.array(condition), a, axis=axis)


@testing.numpy_cupy_array_equal()
def test_compress_method_and_out(xp):
    a = testing.shaped_arange((3, 4), xp, numpy.int64)
    out = xp.zeros((3, 2), numpy.int32)
    a.compress(xp.array([True, False, False, True]), axis=1, out=out)
    return out, a.T.compress([False, True, True], axis=1)


@pytest.mark.parametrize("condition,axis", [
    ([0, 1, 1, 1], 1),                  # a true entry past the end of the axis
    ([[0, 1]], 0),                      # not 1-d
    (1, 0),
    ([1, 0], 3),
])
def test_compress_errors(condition, axis):
    for xp in (numpy, cupy):
        with pytest.raises(_AXIS_ERRORS):
            xp.compress(xp.array(condition), testing.shaped_arange((2, 3), xp), axis=axis)


@pytest.mark.parametrize("shape,condition", [
    ((2, 3), lambda a: a % 2 == 1),
    ((2, 3), lambda a: a % 3),
    ((2, 3), lambda a: a.ravel()[:4]),
    ((), lambda a: a),
    ((0, 3), lambda a: a),
])
@testing.numpy_cupy_array_equal()
def test_extract(xp, shape, condition):
    a = testing.shaped_arange(shape, xp, numpy.int64)
    return xp.extract(condition(a), a.T)


def test_extract_condition_too_long():
    for xp in (numpy, cupy):
        with pytest.raises(IndexError):
            xp.extract(xp.arange(8) % 2, xp.arange(6))


@pytest.mark.parametrize("offset,axis1,axis2", [(0, 0, 1), (1, 0, 1), (-1, 1, 2),
                                                (2, -1, 0), (5, 0, 2)])
@testing.numpy_cupy_array_equal()
def test_diagonal(xp, offset, axis1, axis2):
    return xp.diagonal(testing.shaped_arange((3, 4, 5), xp), offset, axis1, axis2)


def test_diagonal_errors():
    for xp in (numpy, cupy):
        with pytest.raises(ValueError):
            xp.diagonal(xp.arange(3))
        with pytest.raises(ValueError):
            xp.diagonal(xp.zeros((2, 2)), 0, 1, 1)


# --- select ------------------------------------------------------------------------------------

@testing.for_dtypes([numpy.int8, numpy.int64, numpy.float32, numpy.complex128, numpy.bool_])
@testing.numpy_cupy_array_equal()
def test_select(xp, dtype):
    x = testing.shaped_arange((3, 4), xp, dtype)
    conds = [testing.shaped_arange((3, 4), xp) % 3 == 0, testing.shaped_arange((4,), xp) > 2]
    return xp.select(conds, [x, x[::-1]])


@pytest.mark.parametrize("default", [0, 1.5, numpy.float32(2), numpy.int8(3), "array"])
@testing.numpy_cupy_array_equal()
def test_select_default_dtype(xp, default):
    x = xp.arange(6, dtype=numpy.float32)
    if isinstance(default, str):
        default = xp.array([-1.0, -2.0, -3.0, -4.0, -5.0, -6.0])
    return xp.select([x > 2, x > 4], [x, x * 2], default)


@testing.numpy_cupy_array_equal()
def test_select_scalars_and_broadcast(xp):
    x = xp.arange(6)
    return (xp.select([x < 2, x > 3], [7, 8.5]),
            xp.select([xp.array(True)], [x]),
            xp.select([x[:, None] > x], [x[:, None] * 10 + x], default=-1))


@testing.numpy_cupy_array_equal()
def test_select_first_true_wins(xp):
    x = xp.arange(6)
    return xp.select([x > 1, x > 3, x > 0], [xp.full(6, 1), xp.full(6, 2), xp.full(6, 3)])


@pytest.mark.parametrize("condlist,choicelist", [
    ("nonbool", "x"),
    ("two", "x"),
    ("empty", "empty"),
    ("mismatch", "x"),
])
def test_select_errors(condlist, choicelist):
    for xp in (numpy, cupy):
        x = xp.arange(6)
        conds = {"nonbool": [x], "two": [x > 1, x > 2], "empty": [],
                 "mismatch": [xp.array([True, False])]}[condlist]
        choices = {"x": [x], "empty": []}[choicelist]
        with pytest.raises((ValueError, TypeError)):
            xp.select(conds, choices)
