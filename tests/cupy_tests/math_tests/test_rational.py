import pytest

from cupy import testing


class TestRational:

    @pytest.mark.parametrize("name", ["gcd", "lcm"])
    @testing.for_all_dtypes_combination(names=("dtype_a", "dtype_b"), no_bool=True,
                                        no_float16=True, no_complex=True)
    @testing.numpy_cupy_array_equal(accept_error=TypeError)
    def test_values(self, xp, name, dtype_a, dtype_b):
        a = xp.asarray([12, 0, 7, 9, 18, 0], dtype=dtype_a)
        b = xp.asarray([8, 0, 21, 6, 12, 5], dtype=dtype_b)
        return getattr(xp, name)(a, b)

    @pytest.mark.parametrize("name", ["gcd", "lcm"])
    @testing.for_signed_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_negative(self, xp, name, dtype):
        a = xp.asarray([-12, 7, -9, 4], dtype=dtype)
        b = xp.asarray([8, -21, -6, 0], dtype=dtype)
        return getattr(xp, name)(a, b)
