import numpy
import pytest

from cupy import testing


class TestBitwise:

    @pytest.mark.parametrize("name", ["bitwise_and", "bitwise_or", "bitwise_xor"])
    @testing.for_all_dtypes_combination(names=("dtype_a", "dtype_b"), no_float16=True)
    @testing.numpy_cupy_array_equal(accept_error=TypeError)
    def test_binary(self, xp, name, dtype_a, dtype_b):
        a = testing.shaped_arange((2, 3), xp, dtype_a)
        b = testing.shaped_reverse_arange((2, 3), xp, dtype_b)
        return getattr(xp, name)(a, b)

    @pytest.mark.parametrize("name", ["invert", "bitwise_count"])
    @testing.for_all_dtypes(no_float16=True, no_complex=True)
    @testing.numpy_cupy_array_equal(accept_error=TypeError)
    def test_unary(self, xp, name, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype)
        if numpy.dtype(dtype).kind == "i":
            a = a - 4
        return getattr(xp, name)(a)

    @pytest.mark.parametrize("name", ["left_shift", "right_shift"])
    @testing.for_int_dtypes(no_bool=True)
    @testing.numpy_cupy_array_equal()
    def test_shift_width(self, xp, name, dtype):
        bits = numpy.dtype(dtype).itemsize * 8
        if numpy.dtype(dtype).kind == "u":
            a = xp.asarray([1, 255, 7, 3, 1], dtype=dtype)
            b = xp.asarray([0, bits - 1, bits, bits + 3, 2], dtype=dtype)
        else:
            a = xp.asarray([1, -1, -7, 3, 5, -5], dtype=dtype)
            b = xp.asarray([0, bits - 1, bits, bits + 3, -1, 1], dtype=dtype)
        return getattr(xp, name)(a, b)

    @testing.numpy_cupy_array_equal()
    def test_operators(self, xp):
        a = xp.arange(6, dtype=xp.int32)
        return a & 3, a | 8, a ^ 5, a << 2, a >> 1, ~a, 1 << a
