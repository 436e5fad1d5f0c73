"""Rounding: rint, floor, ceil, trunc, fix, around/round."""
import numpy

from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import FLOATS, INTS, by_group, include, same, unary_math

__all__ = ["rint", "floor", "ceil", "trunc", "fix", "around", "round", "round_"]

_PRE = include("floating", "complex")

rint = create_ufunc(
    "rint", by_group(same(FLOATS + "FD", 1), float=unary_math("rint"),
                     complex="out0 = cupy_math::rint(in0)"),
    preamble=_PRE,
    doc="""Round to the nearest integer, halves to even.

    .. seealso:: :data:`numpy.rint`
    """)


def _integral(name, fn, doc):
    # Integers and booleans are already integral: NumPy 2 returns them unchanged.
    return create_ufunc(
        name, by_group(("?->?",) + same(INTS + FLOATS, 1), bool="out0 = in0", int="out0 = in0",
                       float=unary_math(fn)),
        preamble=_PRE, doc=doc)


floor = _integral("floor", "floor", """Floor elementwise.

    .. seealso:: :data:`numpy.floor`
    """)
ceil = _integral("ceil", "ceil", """Ceiling elementwise.

    .. seealso:: :data:`numpy.ceil`
    """)
trunc = _integral("trunc", "trunc", """Round towards zero elementwise.

    .. seealso:: :data:`numpy.trunc`
    """)
fix = _integral("fix", "trunc", """Round towards zero elementwise (as :data:`numpy.fix`).

    .. seealso:: :func:`numpy.fix`
    """)

# Second operand: the number of decimals as int64. Booleans round as float16 as in NumPy.
_round = create_ufunc(
    "around", (("?l->e", "out0 = cupy_math::round_decimals(float16(in0 ? 1.0f : 0.0f), in1)"),)
    + tuple(c + "l->" + c for c in INTS + FLOATS + "FD"),
    "out0 = cupy_math::round_decimals(in0, in1)", preamble=_PRE,
    doc="Elementwise rounding to a number of decimals (the kernel of :func:`around`).")


def around(a, decimals=0, out=None):
    """Round to the given number of decimals, halves to even.

    Values are scaled by ``10**decimals`` in the array's dtype, rounded and scaled back, as
    NumPy does, so results carry the same rounding errors. Integer arrays with
    ``decimals >= 0`` are returned as copies (NumPy returns the input itself).

    .. seealso:: :func:`numpy.around`
    """
    decimals = numpy.int64(decimals)
    return _round(a, decimals, out=out)


round = around
round_ = around
