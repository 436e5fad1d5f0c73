"""Floating point routines: signbit, copysign, nextafter, spacing, ldexp, frexp, modf."""
from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import FLOATS, binary_math, by_group, include, same

__all__ = ["signbit", "copysign", "nextafter", "spacing", "ldexp", "frexp", "modf"]

_PRE = include("floating")

signbit = create_ufunc(
    "signbit", tuple(c + "->?" for c in FLOATS), "out0 = signbit(in0)", preamble=_PRE,
    doc="""True where the sign bit is set (including -0.0 and negative NaNs).

    .. seealso:: :data:`numpy.signbit`
    """)

copysign = create_ufunc(
    "copysign", same(FLOATS), "out0 = cupy_math::copysign(in0, in1)", preamble=_PRE,
    doc="""``x1`` with the sign of ``x2``.

    .. seealso:: :data:`numpy.copysign`
    """)

nextafter = create_ufunc(
    "nextafter", same(FLOATS), "out0 = cupy_math::nextafter(in0, in1)", preamble=_PRE,
    doc="""The next representable value after ``x1`` towards ``x2``.

    .. seealso:: :data:`numpy.nextafter`
    """)

spacing = create_ufunc(
    "spacing", same(FLOATS, 1), "out0 = cupy_math::spacing(in0)", preamble=_PRE,
    doc="""Distance between ``x`` and the nearest adjacent number (NaN for infinities).

    .. seealso:: :data:`numpy.spacing`
    """)

# Exponents beyond +-100000 already over/underflow every type; clamping keeps them in int.
_EXP = "const int _e = in1 > 100000 ? 100000 : (in1 < -100000 ? -100000 : static_cast<int>(in1)); "
ldexp = create_ufunc(
    "ldexp",
    by_group(("ei->e", "fi->f", "el->e", "fl->f", "di->d", "dl->d"),
             half=_EXP + "out0 = float16(ldexpf(static_cast<float>(in0), _e))",
             float=_EXP + "out0 = ldexp(in0, _e)"),
    preamble=_PRE,
    doc="""``x1 * 2**x2`` elementwise.

    .. seealso:: :data:`numpy.ldexp`
    """)

frexp = create_ufunc(
    "frexp",
    by_group(("e->ei", "f->fi", "d->di"),
             half="int _e; out0 = float16(frexpf(static_cast<float>(in0), &_e)); out1 = _e",
             float="int _e; out0 = frexp(in0, &_e); out1 = _e"),
    preamble=_PRE,
    doc="""Mantissa and base-2 exponent: ``x == out0 * 2**out1`` with ``0.5 <= |out0| < 1``.

    .. seealso:: :data:`numpy.frexp`
    """)

modf = create_ufunc(
    "modf",
    by_group(same(FLOATS, 1, 2),
             half="float _i; out0 = float16(modff(static_cast<float>(in0), &_i)); "
                  "out1 = float16(_i)",
             float="out0_type _i; out0 = modf(in0, &_i); out1 = _i"),
    preamble=_PRE,
    doc="""Fractional and integral parts, both with the sign of the input.

    .. seealso:: :data:`numpy.modf`
    """)
