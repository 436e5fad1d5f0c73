import numpy
import pytest

from cupy import testing

_SPECIAL = [-numpy.inf, -2.5, -1.0, -0.0, 0.0, 1e-5, 1.0, 3.75, 1000.0, numpy.inf, numpy.nan]


class TestFloating:

    @pytest.mark.parametrize("name", ["signbit", "spacing", "frexp", "modf"])
    @testing.for_float_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_unary(self, xp, name, dtype):
        with numpy.errstate(all="ignore"):
            return getattr(xp, name)(xp.asarray(_SPECIAL, dtype=dtype))

    @pytest.mark.parametrize("name", ["copysign", "nextafter"])
    @testing.for_float_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_binary(self, xp, name, dtype):
        a = xp.asarray(_SPECIAL, dtype=dtype)
        return getattr(xp, name)(a, a[::-1])

    @testing.for_float_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_nextafter_equal(self, xp, dtype):
        a = xp.asarray([0.0, -0.0, 1.0], dtype=dtype)
        return xp.nextafter(a, xp.asarray([-0.0, 0.0, 1.0], dtype=dtype))

    @pytest.mark.parametrize("exp_dtype", [numpy.int32, numpy.int64])
    @testing.for_float_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_ldexp(self, xp, dtype, exp_dtype):
        a = xp.asarray(_SPECIAL, dtype=dtype)
        e = xp.asarray([-3, 2, 5, 0, 1, -20, 10, -1, 3, 0, 1], dtype=exp_dtype)
        with numpy.errstate(all="ignore"):
            return xp.ldexp(a, e)

    @testing.for_int_dtypes()
    @testing.numpy_cupy_array_equal(accept_error=TypeError)
    def test_signbit_integer_rejected_or_promoted(self, xp, dtype):
        return xp.signbit(testing.shaped_arange((3,), xp, dtype))
