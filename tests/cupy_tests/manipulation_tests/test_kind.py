"""require and astype against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@pytest.mark.parametrize("req", [None, "C", "F", "A", "W", "O", "E", ["C", "O"],
                                 ["F_CONTIGUOUS", "OWNDATA"], "CA"])
@pytest.mark.parametrize("dtype", [None, numpy.float32])
def test_require_flags(req, dtype):
    host = numpy.arange(6.0).reshape(2, 3).T
    a = cupy.asarray(host).T.copy().T    # F-contiguous (not C)
    r = cupy.require(a, dtype, req)
    e = numpy.require(host, dtype, req)
    testing.assert_array_equal(r, e)
    assert r.dtype == e.dtype
    assert r.flags.c_contiguous == e.flags.c_contiguous
    assert r.flags.f_contiguous == e.flags.f_contiguous
    # A copy happens exactly when NumPy copies (the input owns its data in both cases).
    assert (r is a) == (e is host) or dtype is not None


@testing.numpy_cupy_array_equal()
def test_require_list(xp):
    return xp.require([[1, 2], [3, 4]], numpy.int16, "F")


@pytest.mark.parametrize("req", [["C", "F"], ["X"]])
def test_require_errors(req):
    for xp in (numpy, cupy):
        with pytest.raises((ValueError, KeyError)):
            xp.require(xp.zeros(3), requirements=req)


@testing.for_all_dtypes(name="src")
@testing.for_all_dtypes(name="dst", no_float16=True)
@testing.numpy_cupy_array_equal()
def test_astype(xp, src, dst):
    a = testing.shaped_arange((2, 3), xp, src)[:, ::2]
    return xp.astype(a, dst)


@pytest.mark.parametrize("copy", [True, False])
def test_astype_copy(copy):
    for xp in (numpy, cupy):
        a = xp.arange(4, dtype=numpy.int32)
        assert (xp.astype(a, numpy.int32, copy=copy) is a) == (not copy)
        assert xp.astype(a, numpy.int64, copy=copy) is not a


def test_astype_errors():
    for xp in (numpy, cupy):
        with pytest.raises(TypeError):
            xp.astype([1, 2], numpy.float32)
    with pytest.raises(ValueError):
        cupy.astype(cupy.zeros(2), numpy.float32, device="cpu")
