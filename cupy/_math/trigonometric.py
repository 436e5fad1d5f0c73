"""Trigonometric ufuncs and angle conversions."""
from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import (
    FLOATS, INEXACT, binary_math, by_group, include, same, unary_math)

__all__ = ["sin", "cos", "tan", "arcsin", "arccos", "arctan", "arctan2", "hypot",
           "deg2rad", "rad2deg", "degrees", "radians", "asin", "acos", "atan", "atan2"]

_PRE = include("floating", "complex")


def _unary(name, fn, doc):
    return create_ufunc(
        name, by_group(same(INEXACT, 1), float=unary_math(fn), complex=f"out0 = {fn}(in0)"),
        preamble=_PRE, doc=doc)


sin = _unary("sin", "sin", """Sine elementwise.

    .. seealso:: :data:`numpy.sin`
    """)
cos = _unary("cos", "cos", """Cosine elementwise.

    .. seealso:: :data:`numpy.cos`
    """)
tan = _unary("tan", "tan", """Tangent elementwise.

    .. seealso:: :data:`numpy.tan`
    """)
arcsin = _unary("arcsin", "asin", """Inverse sine elementwise.

    .. seealso:: :data:`numpy.arcsin`
    """)
arccos = _unary("arccos", "acos", """Inverse cosine elementwise.

    .. seealso:: :data:`numpy.arccos`
    """)
arctan = _unary("arctan", "atan", """Inverse tangent elementwise.

    .. seealso:: :data:`numpy.arctan`
    """)
asin, acos, atan = arcsin, arccos, arctan

arctan2 = create_ufunc(
    "arctan2", same(FLOATS), binary_math("atan2"), preamble=_PRE,
    doc="""Arc tangent of ``x1 / x2`` choosing the quadrant by the signs of both.

    .. seealso:: :data:`numpy.arctan2`
    """)
atan2 = arctan2

hypot = create_ufunc(
    "hypot", same(FLOATS), binary_math("hypot"), preamble=_PRE, identity=0,
    doc="""``sqrt(x1**2 + x2**2)`` without overflow.

    .. seealso:: :data:`numpy.hypot`
    """)

# NumPy multiplies by the constant rounded to the compute type (npy_deg2rad{f,}).
_TO_RAD = ("typedef cupy_math::compute_t<in0_type> _C; "
           "out0 = out0_type(static_cast<_C>(in0) * (static_cast<_C>(3.141592653589793238462643383279502884) / static_cast<_C>(180)))")
_TO_DEG = ("typedef cupy_math::compute_t<in0_type> _C; "
           "out0 = out0_type(static_cast<_C>(in0) * (static_cast<_C>(180) / static_cast<_C>(3.141592653589793238462643383279502884)))")

deg2rad = create_ufunc(
    "deg2rad", same(FLOATS, 1), _TO_RAD, preamble=_PRE,
    doc="""Degrees to radians.

    .. seealso:: :data:`numpy.deg2rad`
    """)
radians = create_ufunc(
    "radians", same(FLOATS, 1), _TO_RAD, preamble=_PRE,
    doc="""Degrees to radians.

    .. seealso:: :data:`numpy.radians`
    """)
rad2deg = create_ufunc(
    "rad2deg", same(FLOATS, 1), _TO_DEG, preamble=_PRE,
    doc="""Radians to degrees.

    .. seealso:: :data:`numpy.rad2deg`
    """)
degrees = create_ufunc(
    "degrees", same(FLOATS, 1), _TO_DEG, preamble=_PRE,
    doc="""Radians to degrees.

    .. seealso:: :data:`numpy.degrees`
    """)
