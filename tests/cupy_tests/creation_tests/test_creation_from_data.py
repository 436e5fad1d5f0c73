"""array/asarray/ascontiguousarray/asfortranarray/copy."""
import numpy
import pytest

import cupy
from cupy import testing


class TestArray:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_from_list(self, xp, dtype):
        return xp.array([[1, 0, 1], [0, 1, 1]], dtype=dtype)

    @pytest.mark.parametrize("obj", [3, 2.5, True, [], [[1.5, 2]], (1, 2j), numpy.float16(3)])
    @testing.numpy_cupy_array_equal()
    def test_infer_dtype(self, xp, obj):
        return xp.array(obj)

    @pytest.mark.parametrize("order", ["C", "F", "A", "K"])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_from_device_array(self, xp, dtype, order):
        a = testing.shaped_arange((2, 3, 4), xp, dtype).transpose(1, 0, 2)
        return xp.array(a, order=order)

    @pytest.mark.parametrize("order", ["C", "F"])
    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_from_numpy(self, xp, order):
        return xp.array(testing.shaped_arange((2, 3), numpy), order=order)

    def test_copy_false(self):
        a = cupy.arange(3)
        assert cupy.array(a, copy=False) is a
        assert cupy.array(a) is not a

    @testing.numpy_cupy_array_equal()
    def test_ndmin(self, xp):
        return xp.array([1, 2], ndmin=3)

    @testing.numpy_cupy_array_equal()
    def test_nested_device_arrays(self, xp):
        return xp.array([xp.arange(3), xp.arange(3) * 2])

    def test_bad_order(self):
        with pytest.raises(ValueError):
            cupy.array([1], order="X")

    def test_unsupported_dtype(self):
        with pytest.raises((TypeError, ValueError)):
            cupy.array(["a", "b"])


class TestAsarray:

    def test_same_object(self):
        a = cupy.arange(3)
        assert cupy.asarray(a) is a
        assert cupy.asarray(a, dtype=a.dtype) is a
        assert cupy.asanyarray(a) is a

    @testing.numpy_cupy_array_equal()
    def test_dtype_change(self, xp):
        return xp.asarray(xp.arange(3), dtype=numpy.float32)

    @testing.numpy_cupy_array_equal()
    def test_from_numpy(self, xp):
        return xp.asarray(numpy.arange(6).reshape(2, 3))

    @pytest.mark.parametrize("func", ["ascontiguousarray", "asfortranarray"])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_contiguous(self, xp, dtype, func):
        a = testing.shaped_arange((3, 4), xp, dtype)[:, ::2]
        return getattr(xp, func)(a)

    @pytest.mark.parametrize("func", ["ascontiguousarray", "asfortranarray"])
    def test_contiguous_no_copy(self, func):
        a = cupy.zeros((3, 4), order="C" if func == "ascontiguousarray" else "F")
        assert getattr(cupy, func)(a) is a

    @pytest.mark.parametrize("func", ["ascontiguousarray", "asfortranarray"])
    @testing.numpy_cupy_array_equal()
    def test_contiguous_0d(self, xp, func):
        return getattr(xp, func)(xp.array(3.0))


class TestCopyFunction:

    @pytest.mark.parametrize("order", ["C", "F", "A", "K"])
    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_copy(self, xp, order):
        return xp.copy(testing.shaped_arange((2, 3, 4), xp).transpose(2, 0, 1), order=order)

    def test_copy_independent(self):
        a = cupy.arange(3)
        b = cupy.copy(a)
        b[0] = 5
        assert int(a[0]) == 0
