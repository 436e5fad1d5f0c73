"""ufunc.reduce / ufunc.accumulate against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@pytest.mark.parametrize("axis", [0, 1, -1, None, (0, 2)])
@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("name", ["add", "multiply"])
@testing.for_all_dtypes(no_float16=True)
@testing.numpy_cupy_allclose(rtol=1e-6, type_check=True)
def test_reduce(xp, dtype, name, axis, keepdims):
    a = testing.shaped_random((2, 3, 2), xp, dtype, scale=4, seed=11)
    return getattr(xp, name).reduce(a, axis=axis, keepdims=keepdims)


@testing.numpy_cupy_allclose()
def test_reduce_initial_where(xp):
    a = testing.shaped_arange((2, 3), xp, numpy.float64)
    w = xp.array([True, False, True])
    return xp.add.reduce(a, axis=None, initial=5, where=w)


@testing.numpy_cupy_allclose()
def test_reduce_dtype_out(xp):
    a = testing.shaped_arange((3, 4), xp, numpy.int32)
    out = xp.zeros((4,), numpy.float64)
    xp.add.reduce(a, axis=0, dtype=numpy.float64, out=out)
    return out


def test_reduce_not_binary():
    with pytest.raises(ValueError):
        cupy.negative.reduce(cupy.zeros(3))


@pytest.mark.parametrize("axis", [0, 1, -1])
@pytest.mark.parametrize("name", ["add", "multiply"])
@testing.for_all_dtypes(no_float16=True, no_bool=True)
@testing.numpy_cupy_allclose(rtol=1e-6, type_check=True)
def test_accumulate(xp, dtype, name, axis):
    a = testing.shaped_random((3, 4), xp, dtype, scale=3, seed=12) + 1
    return getattr(xp, name).accumulate(a, axis=axis)
