"""Advanced indexing: integer arrays, boolean masks and their mixing with basic indices."""
import numpy
import pytest

import cupy
from cupy import testing


def _key(xp, index):
    """``index`` with NumPy arrays moved to ``xp``."""
    if isinstance(index, tuple):
        return tuple(_key(xp, i) for i in index)
    if isinstance(index, numpy.ndarray):
        return xp.asarray(index)
    return index


_shape = (4, 3, 5)
_mask = testing.shaped_arange(_shape, numpy) % 3 == 0


@testing.parameterize(
    {"index": [0, 2, 3]},
    {"index": [-1, 0, -4]},
    {"index": numpy.array([[1, 3], [0, 0]])},
    {"index": numpy.array([1, 2], dtype=numpy.int32)},
    {"index": numpy.array([1, 2], dtype=numpy.uint8)},
    {"index": []},
    {"index": numpy.array([], dtype=numpy.int64)},
    {"index": (slice(None), [2, 0])},
    {"index": (Ellipsis, [4, 0, 1])},
    {"index": ([1, 0], slice(None), [2, 3])},       # separated: broadcast axes go first
    {"index": ([1, 0], [2, 0], slice(None))},       # adjacent: stay in place
    {"index": (slice(None), [[1], [2]], [0, 4])},   # adjacent after a slice
    {"index": (1, slice(None), [0, 4])},            # an int counts as advanced
    {"index": (slice(None), 1, [0, 4])},            # adjacent int and array
    {"index": (None, [1, 2], None, slice(1, None))},
    {"index": ([1, 2], None, [0, 1])},              # None separates them
    {"index": (slice(None, None, -1), [0, 2], slice(None, None, 2))},
    {"index": numpy.array(2)},
    {"index": (numpy.array(2), slice(None), numpy.array(1))},
    {"index": _mask},
    {"index": _mask[:, :, 0]},
    {"index": (0, slice(None), _mask[0, 0])},
    {"index": (slice(None), _mask[0, :, 0])},
    {"index": (numpy.array([True, False, True, False]), slice(None), [1, 4])},
    {"index": (Ellipsis, _mask[0, 0])},
    {"index": numpy.zeros(_shape, dtype=bool)},
    {"index": True},
    {"index": False},
    {"index": (True, [0, 1])},
    {"index": (1, numpy.array([[True, False, True, False, False]] * 3))},
)
class TestAdvancedGetitem:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_getitem(self, xp, dtype):
        a = testing.shaped_arange(_shape, xp, dtype)
        return a[_key(xp, self.index)]

    @testing.numpy_cupy_array_equal()
    def test_getitem_noncontiguous(self, xp):
        a = testing.shaped_arange((5, 6, 4), xp)
        a = a.transpose(1, 2, 0)[2:, 1:, ::-1]
        return a[_key(xp, self.index)]

    @testing.numpy_cupy_array_equal()
    def test_getitem_list_of_host_ints(self, xp):
        a = testing.shaped_arange(_shape, xp)
        index = self.index
        if isinstance(index, numpy.ndarray) and index.dtype.kind in "iu":
            index = index.tolist()
        return a[_key(xp, index)]


@testing.parameterize(
    {"index": [0, 2, 3], "value": 7},
    {"index": [-1, 0], "value": numpy.arange(15).reshape(3, 5)},
    {"index": (slice(None), [2, 0]), "value": numpy.arange(5)},
    {"index": ([1, 0], slice(None), [2, 3]), "value": numpy.arange(6).reshape(2, 3)},
    {"index": ([1, 0], slice(None), [2, 3]), "value": numpy.arange(2).reshape(2, 1)},
    {"index": (1, slice(None), [0, 4]), "value": [[1, 2, 3]]},
    {"index": (slice(None), 1, [0, 4]), "value": numpy.arange(8).reshape(4, 2)},
    {"index": _mask, "value": 0},
    {"index": _mask, "value": numpy.arange(int(_mask.sum()))},
    {"index": _mask[:, :, 0], "value": numpy.arange(5)},
    {"index": (Ellipsis, _mask[0, 0]), "value": -3},
    {"index": [], "value": 5},
    {"index": True, "value": 2},
)
class TestAdvancedSetitem:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_setitem(self, xp, dtype):
        a = testing.shaped_arange(_shape, xp, dtype)
        value = self.value
        if numpy.dtype(dtype).kind in "bu":
            value = numpy.abs(numpy.asarray(value))
        a[_key(xp, self.index)] = value
        return a

    @testing.numpy_cupy_array_equal()
    def test_setitem_device_value_other_dtype(self, xp):
        a = testing.shaped_arange(_shape, xp, numpy.float32)
        a[_key(xp, self.index)] = xp.asarray(self.value, dtype=numpy.int64)
        return a

    @testing.numpy_cupy_array_equal()
    def test_setitem_noncontiguous(self, xp):
        a = testing.shaped_arange((5, 6, 4), xp).transpose(1, 2, 0)[2:, 1:, ::-1]
        a[_key(xp, self.index)] = xp.asarray(self.value)
        return a


class TestAdvancedIndexingSpecial:

    @testing.numpy_cupy_array_equal()
    def test_mask_setitem_from_self(self, xp):
        a = testing.shaped_arange((4, 5), xp)
        a[a > 7] = a[a > 7] * 10
        return a

    @testing.numpy_cupy_array_equal()
    def test_setitem_value_overlaps(self, xp):
        a = testing.shaped_arange((6,), xp)
        a[[0, 1, 2]] = a[1:4]
        return a

    @testing.numpy_cupy_array_equal()
    def test_getitem_large_mask(self, xp):
        a = testing.shaped_random((300, 257), xp, numpy.float32, seed=1)
        return a[a > 0.5]

    def test_duplicate_setitem_stores_one_of_the_values(self):
        # CuPy does not define which value wins for a repeated index (parallel writes);
        # NumPy stores the last one.
        a = cupy.zeros(3, dtype=numpy.int32)
        a[cupy.array([1, 1, 1])] = cupy.array([4, 5, 6], dtype=numpy.int32)
        assert int(a[1]) in (4, 5, 6)
        assert int(a[0]) == 0 and int(a[2]) == 0

    def test_result_is_a_copy(self):
        a = cupy.arange(5)
        b = a[[1, 2]]
        b[0] = 100
        assert int(a[1]) == 1
        assert b.flags.c_contiguous and b.flags.owndata

    @pytest.mark.parametrize("index", [
        [3], [-5], ([0], [4]), (slice(None), [0, 7]), ([0, 1], 0, [0, -6])])
    def test_out_of_bounds(self, index):
        messages = []
        for xp in (numpy, cupy):
            a = xp.zeros((3, 4, 5))
            with pytest.raises(IndexError) as e:
                a[_key(xp, index) if not isinstance(index, list) else xp.asarray(index)]
            messages.append(str(e.value))
        assert messages[0] == messages[1]

    def test_out_of_bounds_setitem(self):
        for xp in (numpy, cupy):
            with pytest.raises(IndexError):
                xp.zeros(3)[xp.asarray([0, 3])] = 1

    def test_mask_shape_mismatch(self):
        messages = []
        for xp in (numpy, cupy):
            with pytest.raises(IndexError) as e:
                xp.zeros((3, 4))[xp.ones((3, 5), dtype=bool)]
            messages.append(str(e.value))
        assert messages[0] == messages[1]

    def test_broadcast_mismatch(self):
        messages = []
        for xp in (numpy, cupy):
            with pytest.raises(IndexError) as e:
                xp.zeros((3, 4))[xp.asarray([0, 1]), xp.asarray([0, 1, 2])]
            messages.append(str(e.value))
        assert messages[0] == messages[1]

    def test_value_broadcast_mismatch(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.zeros((3, 4))[xp.asarray([0, 1])] = xp.zeros((3, 4))

    @pytest.mark.parametrize("index", [
        numpy.array([1.0]), [0.5], (slice(None), numpy.array([1j]))])
    def test_float_index(self, index):
        for xp in (numpy, cupy):
            with pytest.raises(IndexError):
                xp.zeros((3, 4))[_key(xp, index)]

    def test_too_many_indices(self):
        for xp in (numpy, cupy):
            with pytest.raises(IndexError):
                xp.zeros((3, 4))[xp.asarray([0]), 0, 0]

    def test_mask_too_many_dims(self):
        for xp in (numpy, cupy):
            with pytest.raises(IndexError):
                xp.zeros((3,))[xp.ones((3, 1), dtype=bool)]

    def test_repeated_call_compiles_nothing(self):
        a = cupy.arange(20).reshape(4, 5)
        idx = cupy.array([3, 1])
        a[idx, 1:]
        before = dict(cupy.cuda.compiler._stats)
        a[idx, 1:]
        assert dict(cupy.cuda.compiler._stats) == before
