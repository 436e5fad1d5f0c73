"""Arithmetic ufuncs: add, subtract, multiply, divide, power, floor_divide, remainder, ...

Integer division or remainder by zero gives 0: NumPy gives 0 too but also emits a
RuntimeWarning, which a kernel cannot raise.
"""
import numpy

from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import (
    COMPLEXES, FLOATS, INEXACT, INTS, NUMERIC, binary_math, by_group, include, same,
    unary_math)

__all__ = [
    "add", "subtract", "multiply", "true_divide", "divide", "negative", "positive", "power",
    "pow", "float_power", "floor_divide", "remainder", "mod", "fmod", "divmod", "absolute",
    "abs", "fabs", "sign", "reciprocal", "square", "sqrt", "cbrt"]

_PRE = include("integer", "floating", "complex")


def _reject_bool(name, message):
    """An input check raising TypeError when every input is boolean (NumPy has no bool loop
    and does not promote bool to int8 for these ufuncs)."""
    def check(signature, ins):
        if all(_is_bool(x) for x in ins):
            raise TypeError(message.format(name=name))
    return check


def _is_bool(x):
    if isinstance(x, (bool, numpy.bool_)):
        return True
    dtype = getattr(x, "dtype", None)
    return dtype is not None and dtype.kind == "b"


add = create_ufunc(
    "add", (("??->?", "out0 = in0 || in1"),) + same(NUMERIC), "out0 = in0 + in1",
    identity=0,
    doc="""Add arguments elementwise.

    .. seealso:: :data:`numpy.add`

    Example:
        >>> cupy.add(cupy.arange(3), 1)
        array([1, 2, 3])
    """)

subtract = create_ufunc(
    "subtract", same(NUMERIC), "out0 = in0 - in1",
    doc="""Subtract arguments elementwise (booleans raise TypeError as in NumPy).

    .. seealso:: :data:`numpy.subtract`
    """)
subtract._input_check = _reject_bool(
    "subtract", "numpy boolean subtract, the `-` operator, is not supported, use the "
    "bitwise_xor, the `^` operator, or the logical_xor function instead.")

multiply = create_ufunc(
    "multiply", (("??->?", "out0 = in0 && in1"),) + same(NUMERIC), "out0 = in0 * in1",
    identity=1,
    doc="""Multiply arguments elementwise.

    .. seealso:: :data:`numpy.multiply`
    """)

true_divide = create_ufunc(
    "true_divide",
    tuple(c + c + "->d" for c in "?" + INTS) + same(INEXACT),
    "out0 = static_cast<out0_type>(in0) / static_cast<out0_type>(in1)",
    doc="""Divide arguments elementwise (integers divide as float64).

    .. seealso:: :data:`numpy.true_divide`
    """)
divide = true_divide

negative = create_ufunc(
    "negative", same(NUMERIC, 1), "out0 = -in0",
    doc="""Numerical negative, elementwise (booleans raise TypeError as in NumPy).

    .. seealso:: :data:`numpy.negative`
    """)
negative._input_check = _reject_bool(
    "negative", "The numpy boolean negative, the `-` operator, is not supported, use the `~` "
    "operator or the logical_not function instead.")

positive = create_ufunc(
    "positive", same(NUMERIC, 1), "out0 = +in0",
    doc="""Numerical positive (a copy), elementwise.

    .. seealso:: :data:`numpy.positive`
    """)
positive._input_check = _reject_bool(
    "positive", "ufunc '{name}' did not contain a loop with signature matching types bool")


def _negative_exponent_check(signature, ins):
    """NumPy's integer power rejects negative exponents with ValueError. Scalars are checked
    on the host; a signed integer exponent array costs one extra kernel and a 4-byte copy."""
    if signature[1] not in "bhil":
        return
    e = ins[1]
    msg = "Integers to negative integer powers are not allowed."
    if isinstance(e, (int, numpy.integer)) and not isinstance(e, (bool, numpy.bool_)):
        if e < 0:
            raise ValueError(msg)
        return
    if isinstance(e, numpy.ndarray):
        if e.dtype.kind == "i" and (e < 0).any():
            raise ValueError(msg)
        return
    dtype = getattr(e, "dtype", None)
    if dtype is not None and dtype.kind == "i" and e.size:
        if _has_negative(e):
            raise ValueError(msg)


_any_negative_kernel = None


def _has_negative(x):
    global _any_negative_kernel
    import cupy
    if _any_negative_kernel is None:
        # All threads that see a negative value store the same 1: no atomic needed.
        _any_negative_kernel = cupy.ElementwiseKernel(
            "T x", "raw int32 flag", "if (x < 0) flag[0] = 1", "cupy_any_negative")
    flag = cupy.zeros((1,), numpy.int32)
    _any_negative_kernel(x, flag)
    return bool(flag.get()[0])


power = create_ufunc(
    "power",
    by_group(same(INTS + FLOATS + COMPLEXES),
             int="out0 = cupy_math::power(in0, in1)",
             float=binary_math("pow"),
             complex="out0 = cupy_math::power(in0, in1)"),
    preamble=_PRE,
    doc="""First array elements raised to powers from the second, elementwise.

    Integer arrays raised to negative integer powers raise ValueError as in NumPy (an exponent
    array is checked with one extra kernel before the launch).

    .. seealso:: :data:`numpy.power`
    """)
power._input_check = _negative_exponent_check
pow = power

float_power = create_ufunc(
    "float_power",
    by_group(("dd->d", "DD->D"), float="out0 = pow(in0, in1)",
             complex="out0 = cupy_math::power(in0, in1)"),
    preamble=_PRE,
    doc="""Elementwise power computed in float64 or complex128.

    .. seealso:: :data:`numpy.float_power`
    """)

_int_float = same(INTS + FLOATS)

floor_divide = create_ufunc(
    "floor_divide", _int_float, "out0 = cupy_math::floor_divide(in0, in1)", preamble=_PRE,
    doc="""Largest integer less than or equal to the division of the inputs (Python's ``//``).

    Integer division by zero gives 0.

    .. seealso:: :data:`numpy.floor_divide`
    """)

remainder = create_ufunc(
    "remainder", _int_float, "out0 = cupy_math::remainder(in0, in1)", preamble=_PRE,
    doc="""Remainder of division with the sign of the divisor (Python's ``%``).

    .. seealso:: :data:`numpy.remainder`
    """)
mod = remainder

fmod = create_ufunc(
    "fmod", _int_float, "out0 = cupy_math::fmod(in0, in1)", preamble=_PRE,
    doc="""Remainder of division with the sign of the dividend (C's ``fmod``).

    .. seealso:: :data:`numpy.fmod`
    """)

divmod = create_ufunc(
    "divmod",
    by_group(same(INTS + FLOATS, 2, 2),
             int="out0 = cupy_math::floor_divide(in0, in1); "
                 "out1 = cupy_math::remainder(in0, in1)",
             float="out1_type _m; out0 = cupy_math::divmod(in0, in1, &_m); out1 = _m"),
    preamble=_PRE,
    doc="""``(floor_divide(x1, x2), remainder(x1, x2))`` in one pass.

    .. seealso:: :data:`numpy.divmod`
    """)

absolute = create_ufunc(
    "absolute",
    by_group(("?->?",) + same(INTS + FLOATS, 1) + ("F->f", "D->d"),
             bool="out0 = in0",
             int="out0 = in0 < 0 ? static_cast<out0_type>(-in0) : in0",
             half="out0 = float16::from_bits(in0.bits() & 0x7fffu)",
             float="out0 = fabs(in0)",
             complex="out0 = abs(in0)"),
    preamble=_PRE,
    doc="""Absolute value elementwise (the magnitude for complex numbers).

    .. seealso:: :data:`numpy.absolute`
    """)
abs = absolute

fabs = create_ufunc(
    "fabs",
    by_group(same(FLOATS, 1), half="out0 = float16::from_bits(in0.bits() & 0x7fffu)",
             float="out0 = fabs(in0)"),
    doc="""Absolute value of floats elementwise.

    .. seealso:: :data:`numpy.fabs`
    """)

sign = create_ufunc(
    "sign",
    by_group(same(NUMERIC, 1), int="out0 = (in0 > 0) - (in0 < 0)",
             float="out0 = cupy_math::sign(in0)", complex="out0 = cupy_math::sign(in0)"),
    preamble=_PRE,
    doc="""Sign of each element: -1, 0 or 1 (NaN for NaN; ``z / |z|`` for complex).

    .. seealso:: :data:`numpy.sign`
    """)
sign._input_check = _reject_bool(
    "sign", "ufunc '{name}' did not contain a loop with signature matching types bool")

reciprocal = create_ufunc(
    "reciprocal",
    by_group(same(NUMERIC, 1),
             int="out0 = in0 == 0 ? static_cast<out0_type>(0) : "
                 "static_cast<out0_type>(1 / in0)",
             default="out0 = out0_type(1) / in0"),
    doc="""Reciprocal ``1 / x`` elementwise (integer division for integers).

    The integer reciprocal of 0 is 0 (NumPy's value is platform-dependent).

    .. seealso:: :data:`numpy.reciprocal`
    """)

square = create_ufunc(
    "square", same(NUMERIC, 1), "out0 = in0 * in0",
    doc="""Square of each element.

    .. seealso:: :data:`numpy.square`
    """)

sqrt = create_ufunc(
    "sqrt", by_group(same(INEXACT, 1), float=unary_math("sqrt"), complex="out0 = sqrt(in0)"),
    preamble=_PRE,
    doc="""Non-negative square root elementwise.

    .. seealso:: :data:`numpy.sqrt`
    """)

cbrt = create_ufunc(
    "cbrt", same(FLOATS, 1), unary_math("cbrt"), preamble=_PRE,
    doc="""Cube root elementwise.

    .. seealso:: :data:`numpy.cbrt`
    """)
