import numpy
import pytest

from cupy import testing

_NAMES = ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]


class TestComparison:

    @pytest.mark.parametrize("name", _NAMES)
    @testing.for_all_dtypes_combination(names=("dtype_a", "dtype_b"))
    @testing.numpy_cupy_array_equal()
    def test_mixed_dtypes(self, xp, name, dtype_a, dtype_b):
        a = testing.shaped_arange((2, 3), xp, dtype_a)
        b = testing.shaped_reverse_arange((2, 3), xp, dtype_b)
        return getattr(xp, name)(a, b)

    @pytest.mark.parametrize("name", _NAMES)
    @testing.for_complex_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_complex_lexicographic(self, xp, name, dtype):
        a = xp.asarray([1 + 1j, 1 + 2j, 2 + 0j, complex(numpy.nan, 0), complex(1, numpy.nan),
                        0j, 2 - 1j], dtype=dtype)
        b = xp.asarray([1 + 1j, 1 + 1j, 1 + 5j, 1 + 0j, 2 + 0j, 0j, 2 + 3j], dtype=dtype)
        with numpy.errstate(invalid="ignore"):
            return getattr(xp, name)(a, b)

    @pytest.mark.parametrize("name", _NAMES)
    @testing.numpy_cupy_array_equal()
    def test_int64_uint64_exact(self, xp, name):
        a = xp.asarray([-1, 0, 2 ** 62, 5, 2 ** 63 - 1], dtype=xp.int64)
        b = xp.asarray([2 ** 64 - 1, 0, 2 ** 63, 5, 2 ** 63 - 1], dtype=xp.uint64)
        return getattr(xp, name)(a, b), getattr(xp, name)(b, a)

    @pytest.mark.parametrize("name", _NAMES)
    @testing.for_float_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_nan(self, xp, name, dtype):
        a = xp.asarray([numpy.nan, 1.0, numpy.nan], dtype=dtype)
        return getattr(xp, name)(a, xp.asarray([1.0, numpy.nan, numpy.nan], dtype=dtype))

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_operators_with_scalars(self, xp, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype)
        return a < 3, a <= 2, a == 1, a != 1, 3 > a, a >= numpy.float32(2)
