import numpy
import pytest

import cupy
from cupy import testing

_BINARY = ["add", "subtract", "multiply", "true_divide", "floor_divide", "remainder", "fmod",
           "power"]
# float16 results are rounded once from float: one float16 ulp.
_TOL = {numpy.float16: 1e-3, "default": 1e-6}


def _operands(xp, dtype, name):
    a = testing.shaped_arange((2, 3), xp, dtype)
    b = testing.shaped_reverse_arange((2, 3), xp, dtype)
    if name == "power" and numpy.dtype(dtype).kind in "iub":
        b = xp.asarray([[0, 1, 2], [3, 1, 0]], dtype=dtype)
    return a, b


class TestBinaryArithmetic:

    @pytest.mark.parametrize("name", _BINARY)
    @testing.for_all_dtypes_combination(names=("dtype_a", "dtype_b"), no_complex=True)
    @testing.numpy_cupy_allclose(rtol=_TOL, accept_error=TypeError)
    def test_mixed_dtypes(self, xp, name, dtype_a, dtype_b):
        a, _ = _operands(xp, dtype_a, name)
        _, b = _operands(xp, dtype_b, name)
        with numpy.errstate(all="ignore"):
            return getattr(xp, name)(a, b)

    @pytest.mark.parametrize("name", ["add", "subtract", "multiply", "true_divide", "power"])
    @testing.for_complex_dtypes()
    @testing.numpy_cupy_allclose(rtol=1e-5)
    def test_complex(self, xp, name, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype) * (1 - 0.5j)
        b = testing.shaped_reverse_arange((2, 3), xp, dtype) + 0.25j
        return getattr(xp, name)(a, b)

    @pytest.mark.parametrize("name", ["floor_divide", "remainder", "fmod", "divmod"])
    @testing.for_all_dtypes(no_complex=True, no_bool=True)
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_division_signs_and_zero(self, xp, name, dtype):
        if numpy.dtype(dtype).kind == "u":
            a = xp.asarray([0, 7, 7, 5, 9, 200], dtype=dtype)
            b = xp.asarray([3, 2, 0, 5, 4, 7], dtype=dtype)
        else:
            a = xp.asarray([-7, 7, -7, 7, 0, 5, -3, 6], dtype=dtype)
            b = xp.asarray([2, -2, -2, 2, 3, 0, 0, -4], dtype=dtype)
        with numpy.errstate(all="ignore"):
            return getattr(xp, name)(a, b)

    @pytest.mark.parametrize("name", ["floor_divide", "remainder", "fmod"])
    @testing.for_float_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_float_division_special(self, xp, name, dtype):
        a = xp.asarray([numpy.inf, -1.0, 1.0, numpy.nan, -0.0, 5.5, -5.5, 1e-3], dtype=dtype)
        b = xp.asarray([2.0, numpy.inf, -numpy.inf, 1.0, 3.0, -0.0, 0.5, -7.0], dtype=dtype)
        with numpy.errstate(all="ignore"):
            return getattr(xp, name)(a, b)

    @testing.for_signed_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_integer_overflow_division(self, xp, dtype):
        m = numpy.iinfo(dtype).min
        a = xp.asarray([m, m, m], dtype=dtype)
        b = xp.asarray([-1, 1, 2], dtype=dtype)
        with numpy.errstate(all="ignore"):
            return xp.floor_divide(a, b), xp.remainder(a, b), xp.fmod(a, b)

    @testing.for_int_dtypes(no_bool=True)
    @testing.numpy_cupy_array_equal()
    def test_integer_power_wraps(self, xp, dtype):
        a = xp.asarray([3, 7, 2, 0, 1, 5], dtype=dtype)
        return xp.power(a, xp.asarray([5, 9, 40, 0, 63, 2], dtype=dtype))

    @testing.for_signed_dtypes()
    @testing.numpy_cupy_allclose(accept_error=ValueError)
    def test_power_negative_exponent_array(self, xp, dtype):
        return xp.power(xp.arange(1, 4, dtype=dtype), xp.asarray([1, -1, 2], dtype=dtype))

    @testing.numpy_cupy_allclose(accept_error=ValueError)
    def test_power_negative_exponent_scalar(self, xp):
        return xp.arange(1, 4) ** -1

    @testing.numpy_cupy_allclose()
    def test_power_negative_float_exponent(self, xp):
        return xp.arange(1, 4) ** -1.0

    @testing.for_all_dtypes(no_complex=True)
    @testing.numpy_cupy_allclose(rtol=_TOL, accept_error=TypeError)
    def test_bool_subtract_raises(self, xp, dtype):
        return xp.subtract(xp.asarray([True, False]), xp.ones(2, dtype=dtype))

    @testing.numpy_cupy_array_equal()
    def test_float_power(self, xp):
        return xp.float_power(xp.arange(1, 5, dtype=xp.int8), 2)

    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_complex_power_integral_exponent(self, xp):
        z = xp.asarray([1 + 2j, -0.5 + 0.25j, 3j, 0j, 0j], dtype=xp.complex128)
        e = xp.asarray([2, -3, 7, 2, 0], dtype=xp.complex128)
        return xp.power(z, e)


class TestUnaryArithmetic:

    @pytest.mark.parametrize("name", ["negative", "positive", "absolute", "sign", "square",
                                      "reciprocal", "conjugate"])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL, accept_error=TypeError)
    def test_unary(self, xp, name, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype)
        if numpy.dtype(dtype).kind in "fic":
            a = a - 3
        if name == "reciprocal" and numpy.dtype(dtype).kind != "b":
            a[a == 0] = 2
        return getattr(xp, name)(a)

    @pytest.mark.parametrize("name", ["sqrt", "cbrt", "fabs"])
    @testing.for_all_dtypes()
    # complex64 is single precision like float32 (its sqrt differs from NumPy's by an ulp).
    @testing.numpy_cupy_allclose(rtol={numpy.float16: 1e-3, numpy.float32: 1e-6,
                                       numpy.complex64: 1e-6, "default": 1e-12},
                                 accept_error=TypeError)
    def test_roots(self, xp, name, dtype):
        return getattr(xp, name)(testing.shaped_arange((2, 3), xp, dtype))

    @testing.for_float_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_sign_nan_and_zero(self, xp, dtype):
        return xp.sign(xp.asarray([numpy.nan, -0.0, 0.0, -numpy.inf, 3.0], dtype=dtype))

    @testing.for_complex_dtypes()
    @testing.numpy_cupy_allclose(rtol=1e-6)
    def test_sign_complex(self, xp, dtype):
        return xp.sign(xp.asarray([3 + 4j, 0j, -2j, complex(numpy.inf, 1)], dtype=dtype))

    @testing.for_signed_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_abs_min_wraps(self, xp, dtype):
        return abs(xp.asarray([numpy.iinfo(dtype).min, -1, 0], dtype=dtype))

    @testing.numpy_cupy_array_equal()
    def test_absolute_complex_dtype(self, xp):
        return xp.abs(xp.asarray([3 + 4j], dtype=xp.complex64))


class TestDivmod:

    @testing.for_all_dtypes(no_complex=True, no_bool=True)
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_divmod_operator(self, xp, dtype):
        a = testing.shaped_arange((3, 4), xp, dtype)
        return divmod(a, dtype(3))

    def test_nout(self):
        assert cupy.divmod.nout == 2 and cupy.divmod.nin == 2 and cupy.divmod.nargs == 4

    @testing.numpy_cupy_array_equal()
    def test_divmod_out(self, xp):
        q = xp.zeros(4, dtype=xp.int64)
        r = xp.zeros(4, dtype=xp.int64)
        xp.divmod(xp.arange(4), 3, out=(q, r))
        return q, r


@pytest.mark.parametrize("shape_a,shape_b", [((), ()), ((0,), (0,)), ((3, 1), (1, 4)),
                                              ((2, 3), ()), ((0, 3), (3,))])
class TestShapes:

    @testing.for_dtypes("ifd")
    @testing.numpy_cupy_allclose()
    def test_broadcast_add(self, xp, dtype, shape_a, shape_b):
        a = testing.shaped_arange(shape_a, xp, dtype)
        b = testing.shaped_arange(shape_b, xp, dtype)
        return xp.add(a, b)


class TestNonContiguous:

    @testing.for_all_dtypes(no_bool=True)
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_strided_multiply(self, xp, dtype):
        a = testing.shaped_arange((4, 6), xp, dtype)[::2, ::-3]
        b = testing.shaped_arange((6, 4), xp, dtype).T[1::2, 1::3]
        return xp.multiply(a, b)
