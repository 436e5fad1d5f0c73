"""save/load/savez, raw buffers and text formatting against NumPy."""
import numpy
import pytest

import cupy
from cupy import testing


@testing.for_dtypes("?ifD")
def test_save_load_npy(tmp_path, dtype):
    a = testing.shaped_arange((2, 3), cupy, dtype)
    path = tmp_path / "a.npy"
    cupy.save(path, a)
    b = cupy.load(path)
    assert isinstance(b, cupy.ndarray)
    testing.assert_array_equal(b, a)
    testing.assert_array_equal(numpy.load(path), a.get())


@pytest.mark.parametrize("compressed", [False, True])
def test_savez_load_npz(tmp_path, compressed):
    a = testing.shaped_arange((4,), cupy, numpy.float32)
    b = testing.shaped_arange((2, 2), cupy, numpy.int64)
    path = tmp_path / "ab.npz"
    (cupy.savez_compressed if compressed else cupy.savez)(path, a, b=b)
    with cupy.load(path) as f:
        assert sorted(f.files) == ["arr_0", "b"]
        assert isinstance(f["b"], cupy.ndarray)
        testing.assert_array_equal(f["arr_0"], a)
        testing.assert_array_equal(f["b"], b)


@testing.numpy_cupy_array_equal()
def test_frombuffer_fromstring(xp):
    raw = numpy.arange(6, dtype=numpy.int16).tobytes()
    return xp.frombuffer(raw, dtype=numpy.int16), xp.fromstring("1 2 3", dtype=int, sep=" ")


def test_fromfile(tmp_path):
    x = numpy.arange(5, dtype=numpy.float64)
    path = tmp_path / "x.bin"
    x.tofile(path)
    testing.assert_array_equal(cupy.fromfile(path, dtype=numpy.float64), x)


@testing.numpy_cupy_equal()
def test_formatting(xp):
    a = xp.asarray([[1.5, 2.25], [3.0, 4.125]])
    return (xp.array_repr(a), xp.array_str(a, precision=1), xp.array2string(a, separator=","),
            xp.base_repr(10, 3), xp.binary_repr(-3, width=4))


def test_einsum_path_matches_numpy():
    shapes = [(4, 5), (5, 6), (6, 2)]
    xs = [numpy.ones(s) for s in shapes]
    expected = numpy.einsum_path("ij,jk,kl->il", *xs, optimize="optimal")
    got = cupy.einsum_path("ij,jk,kl->il", *[cupy.asarray(x) for x in xs], optimize="optimal")
    assert got[0] == expected[0]
    assert got[1] == expected[1]


def test_ndenumerate_and_ndindex():
    a = cupy.arange(4).reshape(2, 2)
    assert list(cupy.ndenumerate(a)) == list(numpy.ndenumerate(a.get()))
    assert list(cupy.ndindex(2, 2)) == list(numpy.ndindex(2, 2))
