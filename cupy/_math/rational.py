"""Rational routines: gcd, lcm."""
from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import INTS, include, same

__all__ = ["gcd", "lcm"]

_PRE = include("integer")

gcd = create_ufunc(
    "gcd", same(INTS), "out0 = cupy_math::gcd(in0, in1)", preamble=_PRE, identity=0,
    doc="""Greatest common divisor of ``|x1|`` and ``|x2|``.

    .. seealso:: :data:`numpy.gcd`
    """)
lcm = create_ufunc(
    "lcm", same(INTS), "out0 = cupy_math::lcm(in0, in1)", preamble=_PRE,
    doc="""Lowest common multiple of ``|x1|`` and ``|x2|``.

    .. seealso:: :data:`numpy.lcm`
    """)
