"""require against NumPy."""
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
