import numpy
import pytest

import cupy
from cupy import testing

_UFUNCS = ["add", "subtract", "multiply", "divide", "power", "floor_divide", "remainder",
           "fmod", "divmod", "negative", "positive", "absolute", "sign", "reciprocal",
           "square", "sqrt", "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p",
           "logaddexp", "logaddexp2", "sin", "cos", "tan", "arcsin", "arccos", "arctan",
           "arctan2", "hypot", "deg2rad", "rad2deg", "sinh", "cosh", "tanh", "arcsinh",
           "arccosh", "arctanh", "rint", "floor", "ceil", "trunc", "isnan", "isinf",
           "isfinite", "signbit", "copysign", "nextafter", "spacing", "ldexp", "frexp", "modf",
           "equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
           "logical_and", "logical_or", "logical_xor", "logical_not", "bitwise_and",
           "bitwise_or", "bitwise_xor", "invert", "left_shift", "right_shift", "maximum",
           "minimum", "fmax", "fmin", "heaviside", "gcd", "lcm", "conjugate", "float_power",
           "bitwise_count"]


def _numpy_types(f):
    # NumPy's loops without long double/object/datetime, 'q'/'Q' written as 'l'/'L'
    # (the same types), duplicates dropped.
    out = []
    for t in f.types:
        if set(t) & set("gGOMmPTS"):
            continue
        t = t.replace("q", "l").replace("Q", "L")
        if t not in out:
            out.append(t)
    return out


class TestUfuncAttributes:

    @pytest.mark.parametrize("name", _UFUNCS)
    def test_loop_table_and_arity(self, name):
        f, nf = getattr(cupy, name), getattr(numpy, name)
        assert isinstance(f, cupy.ufunc)
        assert (f.nin, f.nout, f.nargs) == (nf.nin, nf.nout, nf.nargs)
        expected = _numpy_types(nf)
        if name == "divide":
            # NumPy resolves integer division by a custom resolver; the loops are explicit here.
            expected = [c + c + "->d" for c in "?bBhHiIlL"] + expected
        assert f.types == expected

    @pytest.mark.parametrize("name", ["add", "multiply", "logical_and", "bitwise_and", "gcd",
                                      "hypot", "subtract"])
    def test_identity(self, name):
        assert getattr(cupy, name).identity == getattr(numpy, name).identity

    def test_repr_and_name(self):
        assert repr(cupy.add) == "<ufunc 'add'>"
        assert cupy.add.__name__ == "add"


class TestTypeResolution:

    @pytest.mark.parametrize("dtype,scalar", [
        (numpy.uint8, 1), (numpy.float32, 1.0), (numpy.int8, 1.0), (numpy.int16, 1j),
        (numpy.float16, 2), (numpy.bool_, 1), (numpy.bool_, 1.5), (numpy.int64, True)])
    @testing.numpy_cupy_array_equal()
    def test_nep50_weak_scalars(self, xp, dtype, scalar):
        return xp.add(xp.ones(3, dtype=dtype), scalar)

    @pytest.mark.parametrize("scalar", [numpy.float64(2), numpy.int64(3), numpy.array(2.0)])
    @testing.numpy_cupy_array_equal()
    def test_numpy_scalars_are_strong(self, xp, scalar):
        return xp.multiply(xp.ones(3, dtype=xp.float16), scalar)

    # Python numbers at the edges of the exact, in-range and overflowing conversions into
    # each operand type.
    @pytest.mark.parametrize("scalar", [
        2.0, 0.1, -3, 7, 65504.0, 65520.0, 3.4028234663852886e38, 1e300, -1e300,
        float("inf"), float("nan"), 2 ** 53 + 1, -2 ** 31, 10 ** 40, 2 ** 63 - 1])
    @pytest.mark.parametrize("dtype", ["e", "f", "d", "F", "D", "b", "B", "i", "q", "Q"])
    @testing.numpy_cupy_array_equal(accept_error=OverflowError)
    def test_python_scalar_conversion(self, xp, dtype, scalar):
        with numpy.errstate(all="ignore"):
            return xp.multiply(xp.arange(3, dtype=dtype), scalar)

    @testing.numpy_cupy_array_equal(accept_error=OverflowError)
    def test_python_int_overflow(self, xp):
        return xp.ones(2, dtype=xp.uint8) + 300

    @testing.numpy_cupy_array_equal()
    def test_float16_int8(self, xp):
        return xp.ones(2, dtype=xp.float16) + xp.ones(2, dtype=xp.int8)

    @testing.numpy_cupy_allclose(accept_error=TypeError)
    def test_no_loop(self, xp):
        return xp.bitwise_and(xp.ones(2, xp.float32), 1)

    def test_no_loop_message(self):
        with pytest.raises(TypeError, match="not supported for the input types"):
            cupy.left_shift(cupy.ones(2), 1)

    @testing.numpy_cupy_allclose(rtol=1e-6)
    def test_dtype_argument(self, xp):
        return xp.add(xp.arange(3, dtype=xp.int32), 1, dtype=xp.float32)

    @testing.numpy_cupy_allclose(accept_error=TypeError)
    def test_dtype_argument_casting(self, xp):
        return xp.add(xp.arange(3.0), 1, dtype=xp.int32, casting="same_kind")

    @testing.numpy_cupy_allclose()
    def test_dtype_unsafe(self, xp):
        return xp.add(xp.arange(3.0) + 0.5, 1, dtype=xp.int32, casting="unsafe")

    @pytest.mark.parametrize("casting", ["no", "equiv", "safe", "same_kind", "unsafe"])
    @testing.numpy_cupy_array_equal(accept_error=TypeError)
    def test_out_casting(self, xp, casting):
        out = xp.zeros(3, dtype=xp.float32)
        xp.add(xp.arange(3.0), 1.0, out=out, casting=casting)
        return out

    @testing.numpy_cupy_array_equal()
    def test_out_other_dtype(self, xp):
        out = xp.zeros((2, 3), dtype=xp.complex64)
        r = xp.multiply(xp.arange(3, dtype=xp.int16), 2, out=out)
        assert r is out
        return out

    @testing.numpy_cupy_array_equal()
    def test_where(self, xp):
        out = xp.full(4, -1.0)
        xp.sqrt(xp.arange(4.0), out=out, where=xp.asarray([True, False, True, False]))
        return out

    @testing.numpy_cupy_array_equal()
    def test_positional_out(self, xp):
        out = xp.zeros(3)
        xp.negative(xp.arange(3.0), out)
        return out

    def test_wrong_number_of_arguments(self):
        with pytest.raises(TypeError):
            cupy.add(cupy.ones(2))
        with pytest.raises(TypeError):
            cupy.add(cupy.ones(2), 1, cupy.ones(2), cupy.ones(2))

    def test_invalid_casting(self):
        with pytest.raises(ValueError):
            cupy.add(cupy.ones(2), 1, casting="bogus")

    @testing.numpy_cupy_array_equal()
    def test_outer(self, xp):
        return xp.multiply.outer(xp.arange(3), xp.arange(4).reshape(2, 2))

    def test_outer_unary(self):
        with pytest.raises(ValueError):
            cupy.negative.outer(cupy.ones(2), cupy.ones(2))

    def test_numpy_dispatch(self):
        r = numpy.add(cupy.arange(3), 1)
        assert isinstance(r, cupy.ndarray)
        testing.assert_array_equal(r, numpy.arange(1, 4))
        q, m = numpy.divmod(cupy.arange(5), 2)
        assert isinstance(q, cupy.ndarray) and isinstance(m, cupy.ndarray)


class TestCreateUfunc:

    def test_custom(self):
        f = cupy.create_ufunc("my_twice", ("ll->l", ("dd->d", "out0 = in0 * 2.0 + in1")),
                              "out0 = in0 * 2 + in1")
        testing.assert_array_equal(f(cupy.arange(3), 1), numpy.arange(3) * 2 + 1)
        testing.assert_array_equal(f(cupy.arange(3.0), 0.5), numpy.arange(3) * 2 + 0.5)
        assert f.types == ["ll->l", "dd->d"]
