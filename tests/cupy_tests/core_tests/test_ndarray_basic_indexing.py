"""Basic indexing (integers, slices, None, Ellipsis): views for get, kernels for set."""
import numpy
import pytest

import cupy
from cupy import testing


@testing.parameterize(
    {"shape": (2, 3, 4), "index": 1},
    {"shape": (2, 3, 4), "index": -1},
    {"shape": (2, 3, 4), "index": (1, 2)},
    {"shape": (2, 3, 4), "index": (1, -1, 3)},
    {"shape": (2, 3, 4), "index": slice(None)},
    {"shape": (2, 3, 4), "index": (slice(None), 1)},
    {"shape": (2, 3, 4), "index": (slice(None, None, -1),)},
    {"shape": (2, 3, 4), "index": (slice(None), slice(None, None, -2), slice(3, 0, -1))},
    {"shape": (2, 3, 4), "index": (slice(1, 10), slice(-10, 2))},
    {"shape": (2, 3, 4), "index": (slice(5, 1),)},
    {"shape": (2, 3, 4), "index": None},
    {"shape": (2, 3, 4), "index": (None, 1, None, slice(None), None)},
    {"shape": (2, 3, 4), "index": Ellipsis},
    {"shape": (2, 3, 4), "index": (Ellipsis, 2)},
    {"shape": (2, 3, 4), "index": (1, Ellipsis, None)},
    {"shape": (2, 3, 4), "index": (1, 2, 3, Ellipsis)},
    {"shape": (2, 3, 4), "index": ()},
    {"shape": (), "index": ()},
    {"shape": (), "index": None},
    {"shape": (), "index": Ellipsis},
    {"shape": (0, 3), "index": (slice(None), 1)},
    {"shape": (2, 3, 4), "index": (numpy.int8(1), numpy.uint64(2))},
)
class TestBasicGetitem:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_getitem(self, xp, dtype):
        a = testing.shaped_arange(self.shape, xp, dtype)
        return a[self.index]

    @testing.numpy_cupy_array_equal()
    def test_getitem_of_transposed(self, xp):
        a = testing.shaped_arange(self.shape[::-1], xp).T
        return a[self.index]

    def test_getitem_is_view(self):
        a = testing.shaped_arange(self.shape, cupy)
        v = a[self.index]
        assert isinstance(v, cupy.ndarray)
        assert v.base is a


@testing.parameterize(
    {"index": 1, "value": 7},
    {"index": (slice(None), 1), "value": [1, 2, 3, 4]},
    {"index": (Ellipsis, slice(None, None, -2)), "value": -1.5},
    {"index": (0, slice(1, None)), "value": [[5, 6, 7, 8]]},
    {"index": slice(None), "value": numpy.arange(4)},
    {"index": (None, 1, 2), "value": 3},
    {"index": (slice(3, 1),), "value": 9},
)
class TestBasicSetitem:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_setitem(self, xp, dtype):
        a = testing.shaped_arange((2, 3, 4), xp, dtype)
        value = self.value
        if numpy.dtype(dtype).kind in "bu":
            value = numpy.abs(numpy.asarray(value))
        a[self.index] = value
        return a

    @testing.numpy_cupy_array_equal()
    def test_setitem_with_device_value(self, xp):
        a = testing.shaped_arange((2, 3, 4), xp, numpy.float32)
        a[self.index] = xp.asarray(self.value, dtype=numpy.float64)
        return a


class TestSetitemSpecial:

    @testing.numpy_cupy_array_equal()
    def test_overlapping_self_assign(self, xp):
        a = testing.shaped_arange((10,), xp)
        a[1:] = a[:-1]
        return a

    @testing.numpy_cupy_array_equal()
    def test_reverse_self_assign(self, xp):
        a = testing.shaped_arange((3, 4), xp)
        a[...] = a[::-1, ::-1]
        return a

    @testing.numpy_cupy_array_equal()
    def test_setitem_0d(self, xp):
        a = xp.zeros((), numpy.int32)
        a[()] = 5
        return a

    @testing.numpy_cupy_array_equal()
    def test_setitem_numpy_scalar(self, xp):
        a = xp.zeros(3, numpy.float16)
        a[1] = numpy.float64(2.5)
        return a

    @testing.numpy_cupy_array_equal()
    def test_setitem_complex_to_real_part(self, xp):
        a = xp.zeros(3, numpy.complex64)
        a.real[1:] = 2
        return a

    def test_setitem_broadcast_error(self):
        for xp in (numpy, cupy):
            a = xp.zeros((2, 3))
            with pytest.raises(ValueError):
                a[...] = xp.zeros(2)

    def test_setitem_string_value(self):
        a = cupy.zeros(3)
        with pytest.raises((TypeError, ValueError)):
            a[0] = "x"


class TestIndexErrors:

    @pytest.mark.parametrize("index", [3, -4, (0, 5), (0, 0, -5)])
    def test_out_of_bounds(self, index):
        messages = []
        for xp in (numpy, cupy):
            a = xp.zeros((3, 4, 4))
            with pytest.raises(IndexError) as e:
                a[index]
            messages.append(str(e.value))
        assert messages[0] == messages[1]

    def test_out_of_bounds_setitem(self):
        for xp in (numpy, cupy):
            with pytest.raises(IndexError):
                xp.zeros(3)[3] = 1

    def test_too_many_indices(self):
        messages = []
        for xp in (numpy, cupy):
            with pytest.raises(IndexError) as e:
                xp.zeros((2, 3))[0, 0, 0]
            messages.append(str(e.value))
        assert messages[0] == messages[1]

    def test_two_ellipsis(self):
        for xp in (numpy, cupy):
            with pytest.raises(IndexError):
                xp.zeros((2, 3))[..., 0, ...]

    def test_0d_integer_index(self):
        for xp in (numpy, cupy):
            with pytest.raises(IndexError):
                xp.zeros(())[0]

    @pytest.mark.parametrize("index", [1.0, "a", (0, 1.5)])
    def test_bad_index_type(self, index):
        for xp in (numpy, cupy):
            with pytest.raises(IndexError):
                xp.zeros((2, 3))[index]
