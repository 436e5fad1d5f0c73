"""ndarray.flat (cupy.flatiter) against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing

# C-contiguous, transposed (F order) and strided views: positions are C order in all of them.
_VIEWS = [lambda a: a, lambda a: a.T, lambda a: a[:, ::-2]]


def _make(xp, dtype, view):
    return view(testing.shaped_arange((4, 6), xp, dtype))


@pytest.mark.parametrize("view", _VIEWS)
@pytest.mark.parametrize("ind", [0, 5, -1, -12, slice(None), slice(2, 9), slice(None, None, -3),
                                 slice(20, 3, -4), slice(7, 7), Ellipsis])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_getitem(xp, dtype, view, ind):
    a = _make(xp, dtype, view)
    return xp.asarray(a.flat[ind])


@pytest.mark.parametrize("view", _VIEWS)
@pytest.mark.parametrize("ind,value", [
    (3, 7), (-2, 9), (slice(None), 5), (slice(1, 10, 2), [1, 2]), (slice(None, None, -5), [4]),
    (slice(2, 8), [1, 2, 3, 4, 5, 6]), (Ellipsis, [8, 9, 10]), (slice(3, 3), [1])])
@testing.for_all_dtypes(no_bool=True)
@testing.numpy_cupy_array_equal()
def test_setitem(xp, dtype, view, ind, value):
    base = testing.shaped_arange((4, 6), xp, dtype)
    a = view(base)
    a.flat[ind] = xp.asarray(value, dtype=dtype)
    return base


@testing.numpy_cupy_array_equal()
def test_flat_setter_and_copy(xp):
    a = testing.shaped_arange((3, 4), xp).T
    a.flat = [1, 2, 3]
    return a, a.flat.copy()


def test_len_iter_base():
    a = cupy.arange(6).reshape(2, 3).T
    it = a.flat
    assert isinstance(it, cupy.flatiter)
    assert it.base is a
    assert len(it) == 6
    assert [int(x) for x in it] == list(numpy.arange(6).reshape(2, 3).T.flat)


@pytest.mark.parametrize("ind", [6, -7])
def test_index_out_of_bounds(ind):
    for xp in (numpy, cupy):
        a = xp.arange(6).reshape(2, 3)
        with pytest.raises(IndexError):
            a.flat[ind]
        with pytest.raises(IndexError):
            a.flat[ind] = 1


@pytest.mark.parametrize("ind", [(0, 1), True, 1.5])
def test_unsupported_index(ind):
    with pytest.raises(IndexError):
        cupy.arange(6).flat[ind]
