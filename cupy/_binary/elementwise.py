"""Bitwise ufuncs: bitwise_and/or/xor, invert/bitwise_not, left_shift, right_shift,
bitwise_count.

Shifts by the type's width or more (or by a negative count) give 0, or -1 for negative values
shifted right, as in NumPy (C++ leaves them undefined).
"""
from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import INTS, by_group, include, same

__all__ = ["bitwise_and", "bitwise_or", "bitwise_xor", "invert", "bitwise_not",
           "bitwise_invert", "left_shift", "right_shift", "bitwise_left_shift",
           "bitwise_right_shift", "bitwise_count"]

_PRE = include("integer")
_TABLE = same("?" + INTS)

bitwise_and = create_ufunc(
    "bitwise_and", _TABLE, "out0 = in0 & in1", identity=-1,
    doc="""Bitwise AND elementwise.

    .. seealso:: :data:`numpy.bitwise_and`
    """)
bitwise_or = create_ufunc(
    "bitwise_or", _TABLE, "out0 = in0 | in1", identity=0,
    doc="""Bitwise OR elementwise.

    .. seealso:: :data:`numpy.bitwise_or`
    """)
bitwise_xor = create_ufunc(
    "bitwise_xor", _TABLE, "out0 = in0 ^ in1", identity=0,
    doc="""Bitwise XOR elementwise.

    .. seealso:: :data:`numpy.bitwise_xor`
    """)
invert = create_ufunc(
    "invert", by_group(same("?" + INTS, 1), bool="out0 = !in0", int="out0 = ~in0"),
    doc="""Bitwise NOT elementwise (logical NOT for booleans).

    .. seealso:: :data:`numpy.invert`
    """)
bitwise_not = invert
bitwise_invert = invert

left_shift = create_ufunc(
    "left_shift", same(INTS), "out0 = cupy_math::left_shift(in0, in1)", preamble=_PRE,
    doc="""Shift the bits of ``x1`` left by ``x2``.

    .. seealso:: :data:`numpy.left_shift`
    """)
right_shift = create_ufunc(
    "right_shift", same(INTS), "out0 = cupy_math::right_shift(in0, in1)", preamble=_PRE,
    doc="""Shift the bits of ``x1`` right by ``x2`` (arithmetic shift for signed types).

    .. seealso:: :data:`numpy.right_shift`
    """)
bitwise_left_shift = left_shift
bitwise_right_shift = right_shift

bitwise_count = create_ufunc(
    "bitwise_count", tuple(c + "->B" for c in INTS),
    "out0 = __popcll(static_cast<unsigned long long>(cupy_math::uabs(in0)))", preamble=_PRE,
    doc="""Number of 1-bits in the absolute value of each element.

    .. seealso:: :data:`numpy.bitwise_count`
    """)
