import numpy
import pytest

from cupy import testing


class TestRounding:

    @pytest.mark.parametrize("name", ["rint", "floor", "ceil", "trunc", "fix"])
    @testing.for_all_dtypes(no_complex=True)
    @testing.numpy_cupy_array_equal(accept_error=TypeError)
    def test_unary(self, xp, name, dtype):
        if numpy.dtype(dtype).kind == "f":
            a = xp.asarray([-2.5, -1.5, -0.5, -0.0, 0.5, 1.5, 2.5, 1.7, numpy.nan], dtype=dtype)
        else:
            a = testing.shaped_arange((2, 3), xp, dtype)
        return getattr(xp, name)(a)

    @testing.for_complex_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_rint_complex(self, xp, dtype):
        return xp.rint(xp.asarray([1.5 - 2.5j, -0.5 + 0.7j], dtype=dtype))

    @pytest.mark.parametrize("decimals", [-2, -1, 0, 1, 2, 3])
    @testing.for_all_dtypes(no_bool=True)
    @testing.numpy_cupy_array_equal()
    def test_around(self, xp, dtype, decimals):
        if numpy.dtype(dtype).kind in "iu":
            a = xp.asarray([0, 5, 15, 25, 125, 99], dtype=dtype)
        else:
            a = xp.asarray([-2.675, -1.5, 0.125, 1.005, 2.5, 123.456], dtype=dtype)
        return xp.around(a, decimals)

    @testing.numpy_cupy_array_equal()
    def test_round_method_and_alias(self, xp):
        a = xp.asarray([0.5, 1.5, 2.45], dtype=xp.float32)
        return xp.round(a, 1), a.round(1)
