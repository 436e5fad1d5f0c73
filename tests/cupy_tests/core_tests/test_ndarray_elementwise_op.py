import operator

import numpy
import pytest

import cupy
from cupy import testing

_BINARY = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
           operator.mod, operator.pow, divmod]
_BITWISE = [operator.and_, operator.or_, operator.xor, operator.lshift, operator.rshift]
_TOL = {numpy.float16: 1e-3, "default": 1e-6}


def _flat(*results):
    """The results as one flat tuple (divmod returns a pair, which the comparison helpers do not
    accept nested)."""
    out = []
    for r in results:
        out.extend(r if isinstance(r, tuple) else (r,))
    return tuple(out)


def _rhs(xp, dtype, kind):
    if kind == "array":
        return testing.shaped_reverse_arange((2, 3), xp, dtype)
    if kind == "row":
        return testing.shaped_reverse_arange((3,), xp, dtype)
    if kind == "0d":
        return xp.asarray(2, dtype=dtype)
    return numpy.dtype(dtype).type(2)


class TestArrayOperators:

    @pytest.mark.parametrize("op", _BINARY)
    @pytest.mark.parametrize("kind", ["array", "row", "0d", "numpy_scalar"])
    @testing.for_all_dtypes(no_bool=True, no_complex=True)
    @testing.numpy_cupy_allclose(rtol=_TOL, accept_error=(TypeError, ValueError))
    def test_binary(self, xp, op, kind, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype)
        with numpy.errstate(all="ignore"):
            return _flat(op(a, _rhs(xp, dtype, kind)), op(_rhs(xp, dtype, kind), a))

    @pytest.mark.parametrize("op", _BINARY)
    @pytest.mark.parametrize("scalar", [2, 2.5, -1, True])
    @testing.for_all_dtypes(no_complex=True)
    # NEP 50: a Python int out of range of an unsigned array dtype (uint8 + -1) is an
    # OverflowError in both libraries.
    @testing.numpy_cupy_allclose(rtol=_TOL, accept_error=(TypeError, ValueError, OverflowError))
    def test_python_scalars(self, xp, op, scalar, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype)
        with numpy.errstate(all="ignore"):
            return _flat(op(a, scalar), op(scalar, a))

    @pytest.mark.parametrize("op", _BITWISE)
    @testing.for_int_dtypes()
    @testing.numpy_cupy_array_equal(accept_error=TypeError)
    def test_bitwise(self, xp, op, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype)
        return op(a, xp.asarray([1, 2, 3], dtype=dtype)), op(a, 1), op(3, a)

    @pytest.mark.parametrize("op", [operator.neg, operator.pos, operator.abs,
                                    operator.invert])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(accept_error=TypeError)
    def test_unary(self, xp, op, dtype):
        return op(testing.shaped_arange((2, 3), xp, dtype))

    @pytest.mark.parametrize("op", [operator.iadd, operator.isub, operator.imul,
                                    operator.itruediv, operator.ifloordiv, operator.imod,
                                    operator.ipow])
    @pytest.mark.parametrize("rhs", [2, 1.5, "float32_array", "int8_array"])
    @testing.for_all_dtypes(no_bool=True, no_complex=True)
    @testing.numpy_cupy_allclose(rtol=_TOL, accept_error=TypeError)
    def test_inplace(self, xp, op, rhs, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype)
        if isinstance(rhs, str):
            rhs = testing.shaped_arange((3,), xp, numpy.dtype(rhs.split("_")[0]))
        with numpy.errstate(all="ignore"):
            r = op(a, rhs)
        assert r is a
        return a

    @testing.numpy_cupy_array_equal()
    def test_inplace_broadcast_view(self, xp):
        a = xp.zeros((3, 4), dtype=xp.int32)
        a[:, 1::2] += xp.arange(2, dtype=xp.int32)
        return a

    def test_inplace_same_kind_error(self):
        a = cupy.arange(3)
        with pytest.raises(TypeError):
            a += 1.5
        with pytest.raises(TypeError):
            a /= 2

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_comparison_operators(self, xp, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype)
        b = testing.shaped_reverse_arange((2, 3), xp, dtype)
        return a < b, a <= b, a == b, a != b, a > b, a >= b

    @testing.numpy_cupy_array_equal()
    def test_empty(self, xp):
        a = xp.zeros((0, 3), dtype=xp.float32)
        return a + 1, a * a, -a

    def test_unsupported_operand(self):
        with pytest.raises(TypeError):
            cupy.arange(3) + "a"
