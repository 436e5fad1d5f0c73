"""ndarray methods that forward to routines: dot, trace, repeat, sort family, searchsorted,
tobytes/tofile/dump(s)."""
import pickle

import numpy
import pytest

import cupy
from cupy import testing


@testing.numpy_cupy_allclose()
def test_dot_trace_repeat(xp):
    a = testing.shaped_arange((3, 3), xp, numpy.float32)
    return a.dot(a), a.trace(offset=1), a.repeat(2, axis=0)


@testing.numpy_cupy_array_equal()
def test_sort_in_place_and_argsort(xp):
    a = xp.asarray([[3, 1, 2], [0, 5, 4]])
    idx = a.argsort(axis=1)
    a.sort(axis=0)
    return a, idx


@testing.numpy_cupy_array_equal()
def test_partition_in_place(xp):
    a = xp.asarray([7, 1, 5, 3, 9, 2])
    a.partition(2)
    # Only the kth element's position is determined (both sort fully or partially).
    return a[2:3], xp.sort(a[:2]), xp.sort(a[3:]), xp.asarray(a.argpartition(2)[2])


@testing.numpy_cupy_array_equal()
def test_searchsorted(xp):
    return xp.asarray([1, 3, 5, 7]).searchsorted(xp.asarray([0, 3, 8]), side="right")


def test_tobytes_tofile_dumps(tmp_path):
    x = numpy.arange(6, dtype=numpy.int32).reshape(2, 3)
    a = cupy.asarray(x)
    assert a.tobytes() == x.tobytes()
    assert a.tobytes("F") == x.tobytes("F")
    a.tofile(tmp_path / "a.bin")
    testing.assert_array_equal(numpy.fromfile(tmp_path / "a.bin", dtype=numpy.int32), x.ravel())
    b = pickle.loads(a.dumps())
    assert isinstance(b, cupy.ndarray)
    testing.assert_array_equal(b, x)
    a.dump(tmp_path / "a.pkl")
    with open(tmp_path / "a.pkl", "rb") as f:
        testing.assert_array_equal(pickle.load(f), x)


def test_sort_bad_axis():
    with pytest.raises(numpy.exceptions.AxisError):
        cupy.arange(3).sort(axis=1)
