"""append, insert, delete, resize, trim_zeros against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.for_all_dtypes_combination(names=("d1", "d2"), no_complex=True)
@testing.numpy_cupy_array_equal()
def test_append(xp, d1, d2, axis):
    a = testing.shaped_arange((2, 3), xp, d1)
    v = testing.shaped_reverse_arange((2, 3), xp, d2)
    return xp.append(a, v, axis=axis)


@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_append_mismatch(xp):
    return xp.append(xp.zeros((2, 3)), xp.zeros((2, 2)), axis=0)


@pytest.mark.parametrize("obj,values,axis", [
    (1, 9, None), (-1, [7, 8], None), (2, [[7], [8]], 1), (1, [7, 8, 9], 0),
    ([1], [[7], [8]], 1), ([0, 2, 2], [7, 8, 9], 1), ([3, -1, 0], 5, 1),
    (slice(0, 3, 2), 4, 1), ([], [], 1), (numpy.array([True, False, True]), 6, 1),
    (3, [1.5, 2.5], 1),
])
@testing.for_all_dtypes(no_bool=True)
@testing.numpy_cupy_array_equal()
def test_insert(xp, dtype, obj, values, axis):
    a = testing.shaped_arange((2, 3), xp, dtype)
    return xp.insert(a, obj, values, axis=axis)


@pytest.mark.parametrize("obj", [4, -4, [1, 5], [[1]]])
@testing.numpy_cupy_array_equal(accept_error=(IndexError, ValueError))
def test_insert_errors(xp, obj):
    return xp.insert(xp.zeros(3), obj, 1)


@pytest.mark.parametrize("obj,axis", [
    (1, None), (-1, 0), (0, 1), ([0, 2], 1), ([2, 0, 2], 1), (slice(None, None, 2), 1),
    (slice(2, 0, -1), 1), (slice(5, 6), 1), (numpy.array([True, False, True]), 1), ([], 0),
    (numpy.array([1]), 0),
])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_delete(xp, dtype, obj, axis):
    a = testing.shaped_arange((2, 3), xp, dtype)
    return xp.delete(a, obj, axis=axis)


@pytest.mark.parametrize("obj", [3, -4, [0, 3], numpy.array([True, False]), [0.5]])
@testing.numpy_cupy_array_equal(accept_error=(IndexError, ValueError))
def test_delete_errors(xp, obj):
    return xp.delete(xp.zeros(3), obj)


@pytest.mark.parametrize("shape", [(2, 4), 7, (0,), (3, 0), (1,), ()])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_resize(xp, dtype, shape):
    return xp.resize(testing.shaped_arange((3, 2), xp, dtype).T, shape)


@testing.numpy_cupy_array_equal()
def test_resize_empty_input(xp):
    return xp.resize(xp.zeros((0,), numpy.int32), (2, 2))


@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_resize_negative(xp):
    return xp.resize(xp.zeros(3), (-1, 2))


@pytest.mark.parametrize("trim", ["fb", "f", "b", "BF"])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_trim_zeros_1d(xp, dtype, trim):
    a = xp.asarray(numpy.array([0, 0, 1, 0, 2, 3, 0], dtype=dtype))
    return xp.trim_zeros(a, trim)


@pytest.mark.parametrize("axis", [None, 0, -1, (0, 1)])
@pytest.mark.parametrize("trim", ["fb", "f", "b"])
@testing.numpy_cupy_array_equal()
def test_trim_zeros_2d(xp, axis, trim):
    a = xp.asarray(numpy.array([[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 2, 0], [0, 0, 0, 0]]))
    return xp.trim_zeros(a, trim, axis=axis)


@testing.numpy_cupy_array_equal()
def test_trim_zeros_all_zero(xp):
    return xp.trim_zeros(xp.zeros((2, 3)))


@testing.numpy_cupy_array_equal(accept_error=ValueError)
def test_trim_zeros_bad_trim(xp):
    return xp.trim_zeros(xp.zeros(3), "x")


def test_trim_zeros_is_view():
    a = cupy.array([0, 1, 2, 0])
    cupy.trim_zeros(a)[0] = 5
    assert int(a[1]) == 5
