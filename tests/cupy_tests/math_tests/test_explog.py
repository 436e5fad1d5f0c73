import numpy
import pytest

from cupy import testing

# Transcendental functions: float16 is rounded once from float (1 ulp = 1e-3); float32 and
# complex64 use the device's float math (a few ulp).
_TOL = {numpy.float16: 1e-3, numpy.float32: 1e-5, numpy.complex64: 1e-5, "default": 1e-12}
_UNARY = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p",
          "sin", "cos", "tan", "arcsin", "arccos", "arctan",
          "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
          "deg2rad", "rad2deg", "degrees", "radians"]


def _domain(xp, name, dtype):
    kind = numpy.dtype(dtype).kind
    if kind in "bu":
        # Non-negative integers (promoted to float16/32/64 by the loop table).
        if name in ("arcsin", "arccos", "arctanh"):
            return xp.asarray([0, 0, 0, 0, 0], dtype=dtype)
        return xp.asarray([1, 1, 2, 3, 1], dtype=dtype)
    if name in ("arcsin", "arccos", "arctanh"):
        a = xp.asarray([-0.9, -0.5, 0.0, 0.25, 0.75], dtype=dtype)
    elif name == "arccosh":
        a = xp.asarray([1.0, 1.5, 2.0, 3.0, 10.0], dtype=dtype)
    elif name.startswith("log"):
        a = xp.asarray([0.5, 1.0, 2.0, 3.0, 10.0], dtype=dtype)
    else:
        a = xp.asarray([-2.0, -0.5, 0.0, 0.75, 1.5], dtype=dtype)
    if kind == "c":
        a = a + xp.asarray(0.5j, dtype=dtype)
    return a


class TestUnaryTranscendental:

    @pytest.mark.parametrize("name", _UNARY)
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=1e-6, accept_error=TypeError)
    def test_values(self, xp, name, dtype):
        return getattr(xp, name)(_domain(xp, name, dtype))

    @pytest.mark.parametrize("name", ["exp", "log", "sin", "sqrt", "log1p"])
    @testing.for_float_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_special_values(self, xp, name, dtype):
        a = xp.asarray([numpy.inf, -numpy.inf, numpy.nan, 0.0, -0.0], dtype=dtype)
        with numpy.errstate(all="ignore"):
            return getattr(xp, name)(a)

    @pytest.mark.parametrize("name", ["expm1", "log1p"])
    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_complex_small_argument(self, xp, name):
        return getattr(xp, name)(xp.asarray([1e-10 + 1e-10j, -2e-9 + 3e-9j]))


class TestBinaryTranscendental:

    @pytest.mark.parametrize("name", ["logaddexp", "logaddexp2", "arctan2", "hypot"])
    @testing.for_all_dtypes_combination(names=("dtype_a", "dtype_b"), no_complex=True)
    @testing.numpy_cupy_allclose(rtol=_TOL, accept_error=TypeError)
    def test_values(self, xp, name, dtype_a, dtype_b):
        a = testing.shaped_arange((2, 3), xp, dtype_a)
        b = testing.shaped_reverse_arange((2, 3), xp, dtype_b)
        return getattr(xp, name)(a, b)

    @pytest.mark.parametrize("name", ["logaddexp", "logaddexp2"])
    @testing.for_float_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_infinities(self, xp, name, dtype):
        a = xp.asarray([numpy.inf, -numpy.inf, -numpy.inf, numpy.nan, 1000.0], dtype=dtype)
        b = xp.asarray([numpy.inf, -numpy.inf, 1.0, 1.0, 1000.0], dtype=dtype)
        return getattr(xp, name)(a, b)
