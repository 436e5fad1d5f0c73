import pytest

from cupy import testing


class TestLogicalOps:

    @pytest.mark.parametrize("name", ["logical_and", "logical_or", "logical_xor"])
    @testing.for_all_dtypes_combination(names=("dtype_a", "dtype_b"))
    @testing.numpy_cupy_array_equal()
    def test_binary(self, xp, name, dtype_a, dtype_b):
        a = xp.asarray([0, 1, 0, 3], dtype=dtype_a)
        b = xp.asarray([0, 0, 2, 1], dtype=dtype_b)
        return getattr(xp, name)(a, b)

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_not(self, xp, dtype):
        return xp.logical_not(xp.asarray([0, 1, 2], dtype=dtype))

    @testing.numpy_cupy_array_equal()
    def test_complex_imaginary_only_is_true(self, xp):
        return xp.logical_and(xp.asarray([1j, 0j]), True)
