"""argmax / argmin against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@pytest.mark.parametrize("func", ["argmax", "argmin"])
@pytest.mark.parametrize("axis", [None, 0, 1, 2, -1])
@pytest.mark.parametrize("keepdims", [False, True])
@testing.for_all_dtypes()
@testing.numpy_cupy_array_equal()
def test_argmax_argmin(xp, dtype, func, axis, keepdims):
    a = testing.shaped_random((3, 4, 5), xp, dtype, seed=5)
    return getattr(xp, func)(a, axis=axis, keepdims=keepdims)


@pytest.mark.parametrize("func", ["argmax", "argmin"])
@testing.numpy_cupy_array_equal()
def test_first_occurrence_transposed(xp, func):
    a = xp.array([[1, 3, 3], [3, 1, 1], [0, 3, 1]], dtype=numpy.float32).T
    # Flattened in the logical (C) order of the transposed view, not in memory order.
    return getattr(xp, func)(a)


@pytest.mark.parametrize("func", ["argmax", "argmin"])
@testing.for_float_dtypes()
@testing.numpy_cupy_array_equal()
def test_nan_wins(xp, dtype, func):
    a = testing.shaped_arange((4, 5), xp, dtype)
    a[1, 3] = xp.nan
    a[2, 0] = xp.nan
    return getattr(xp, func)(a, axis=1)


@pytest.mark.parametrize("func", ["argmax", "argmin"])
@testing.numpy_cupy_array_equal()
def test_large_ties(xp, func):
    # Long enough to split across blocks: the first of the equal extrema must still win.
    a = xp.zeros((200001,), dtype=numpy.float64)
    a[123457] = 5 if func == "argmax" else -5
    a[190000] = 5 if func == "argmax" else -5
    return getattr(xp, func)(a)


@testing.numpy_cupy_array_equal()
def test_out(xp):
    out = xp.zeros((4,), dtype=numpy.int64)
    testing.shaped_random((3, 4), xp, numpy.float32, seed=6).argmax(axis=0, out=out)
    return out


def test_empty_raises():
    for xp in (numpy, cupy):
        with pytest.raises(ValueError):
            xp.argmax(xp.zeros((0,)))
