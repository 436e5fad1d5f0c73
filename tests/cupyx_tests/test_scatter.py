"""cupyx.scatter_add, scatter_max and scatter_min against NumPy's ufunc.at."""
import numpy
import pytest

import cupy
import cupyx
from cupy import testing

_SCATTER = {"add": cupyx.scatter_add, "maximum": cupyx.scatter_max,
            "minimum": cupyx.scatter_min}


def _scatter(xp, name, a, slices, value):
    """The scatter op under test for cupy, its NumPy reference (``ufunc.at``) for numpy."""
    if xp is cupy:
        assert _SCATTER[name](a, slices, value) is None
    else:
        getattr(numpy, name).at(a, slices, value)
    return a


@pytest.mark.parametrize("name", list(_SCATTER))
@testing.for_dtypes([numpy.int32, numpy.uint64, numpy.float16, numpy.float32, numpy.float64])
@testing.numpy_cupy_allclose(rtol={numpy.float16: 1e-3, "default": 1e-6})
def test_repeated_indices(xp, name, dtype):
    a = testing.shaped_arange((3, 4), xp, dtype)
    idx = xp.array([0, 2, 0, 0, -1, 1, 1])
    value = testing.shaped_reverse_arange((7, 4), xp, dtype)
    return _scatter(xp, name, a, idx, value)


@testing.for_dtypes([numpy.complex64, numpy.complex128])
@testing.numpy_cupy_allclose(rtol=1e-6)
def test_add_complex(xp, dtype):
    a = testing.shaped_arange((5,), xp, dtype)
    return _scatter(xp, "add", a, xp.array([1, 1, 4, 1]), xp.array([1 + 2j, 3j, -1, 2]))


@pytest.mark.parametrize("name", list(_SCATTER))
@pytest.mark.parametrize("slices", [
    "tuple", "slice", "mask", "int", "neg_tuple", "mixed",
])
@testing.numpy_cupy_allclose()
def test_index_kinds(xp, name, slices):
    a = testing.shaped_arange((4, 5), xp, numpy.float64)
    key = {
        "tuple": (xp.array([0, 3, 0, 0]), xp.array([1, 4, 1, 1])),
        "slice": (slice(1, 3), slice(None, None, 2)),
        "mask": xp.array([True, False, True, True]),
        "int": 2,
        "neg_tuple": (xp.array([-1, -4, -1]), xp.array([-5, 0, -5])),
        "mixed": (slice(None), xp.array([4, 4, 0])),
    }[slices]
    value = (testing.shaped_random((1,), xp, numpy.float64, seed=3) - 5) * 3
    return _scatter(xp, name, a, key, value)


@pytest.mark.parametrize("name", list(_SCATTER))
@testing.numpy_cupy_allclose()
def test_broadcast_value(xp, name):
    a = testing.shaped_arange((4, 3), xp, numpy.float32)
    _scatter(xp, name, a, xp.array([3, 3, 0]), xp.array([[10.0], [-10.0], [0.5]]))
    return _scatter(xp, name, a, xp.array([1, 1]), 2.5)


@pytest.mark.parametrize("name", list(_SCATTER))
@testing.numpy_cupy_allclose()
def test_noncontiguous_target(xp, name):
    base = testing.shaped_arange((6, 8), xp, numpy.float64)
    a = base[::2, ::-3]
    _scatter(xp, name, a, (xp.array([0, 2, 0]), xp.array([1, 2, 1])), xp.array([7.0, -3, 9]))
    return base


@testing.numpy_cupy_array_equal()
def test_add_many_collisions(xp):
    a = xp.zeros(3, dtype=numpy.int64)
    return _scatter(xp, "add", a, xp.arange(3000) % 3, 1)


@testing.numpy_cupy_array_equal()
def test_empty_index(xp):
    a = testing.shaped_arange((3,), xp, numpy.float32)
    return _scatter(xp, "maximum", a, xp.array([], numpy.int64), 5.0)


@pytest.mark.parametrize("name", list(_SCATTER))
@pytest.mark.parametrize("idx", [[0, 5], [-6], [[1], [9]]])
def test_out_of_bounds(name, idx):
    a = cupy.zeros(5, numpy.float32)
    with pytest.raises(IndexError):
        _SCATTER[name](a, cupy.array(idx), 1.0)
    with pytest.raises(IndexError):
        getattr(numpy, name).at(numpy.zeros(5, numpy.float32), numpy.array(idx), 1.0)
    testing.assert_array_equal(a, numpy.zeros(5))


def test_unsupported_dtype():
    # One-byte types have no atomic compare-and-swap; complex numbers have no ordering.
    with pytest.raises(TypeError):
        cupyx.scatter_add(cupy.zeros(3, numpy.int8), cupy.array([0]), 1)
    with pytest.raises(TypeError):
        cupyx.scatter_max(cupy.zeros(3, numpy.complex64), cupy.array([0]), 1)


def test_value_casting():
    # NumPy's ufunc.at casting rule ('same_kind'): a float value cannot go into an int array.
    with pytest.raises(TypeError):
        cupyx.scatter_add(cupy.zeros(3, numpy.int32), cupy.array([0]), 1.5)
    a = cupy.zeros(3, numpy.float32)
    cupyx.scatter_add(a, cupy.array([1, 1]), cupy.array([1, 2], numpy.int64))
    testing.assert_array_equal(a, [0, 3, 0])


def test_requires_device_array():
    with pytest.raises(TypeError):
        cupyx.scatter_add(numpy.zeros(3), numpy.array([0]), 1.0)
