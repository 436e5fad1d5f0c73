"""Exponents and logarithms: exp, exp2, expm1, log, log2, log10, log1p, logaddexp,
logaddexp2."""
from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import FLOATS, INEXACT, by_group, include, same, unary_math

__all__ = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "logaddexp",
           "logaddexp2"]

_PRE = include("floating", "complex")


def _unary(name, fn, complex_fn, doc):
    return create_ufunc(
        name, by_group(same(INEXACT, 1), float=unary_math(fn),
                       complex=f"out0 = {complex_fn}(in0)"),
        preamble=_PRE, doc=doc)


exp = _unary("exp", "exp", "exp", """Exponential elementwise.

    .. seealso:: :data:`numpy.exp`
    """)
exp2 = _unary("exp2", "exp2", "cupy_math::exp2", """``2 ** x`` elementwise.

    .. seealso:: :data:`numpy.exp2`
    """)
expm1 = _unary("expm1", "expm1", "cupy_math::expm1", """``exp(x) - 1`` elementwise, accurate
    for small ``x``.

    .. seealso:: :data:`numpy.expm1`
    """)
log = _unary("log", "log", "log", """Natural logarithm elementwise.

    .. seealso:: :data:`numpy.log`
    """)
log2 = _unary("log2", "log2", "cupy_math::log2", """Base-2 logarithm elementwise.

    .. seealso:: :data:`numpy.log2`
    """)
log10 = _unary("log10", "log10", "log10", """Base-10 logarithm elementwise.

    .. seealso:: :data:`numpy.log10`
    """)
log1p = _unary("log1p", "log1p", "cupy_math::log1p", """``log(1 + x)`` elementwise, accurate
    for small ``x``.

    .. seealso:: :data:`numpy.log1p`
    """)

logaddexp = create_ufunc(
    "logaddexp", same(FLOATS), "out0 = cupy_math::logaddexp(in0, in1)", preamble=_PRE,
    identity=float("-inf"),
    doc="""``log(exp(x1) + exp(x2))`` without overflow.

    .. seealso:: :data:`numpy.logaddexp`
    """)
logaddexp2 = create_ufunc(
    "logaddexp2", same(FLOATS), "out0 = cupy_math::logaddexp2(in0, in1)", preamble=_PRE,
    identity=float("-inf"),
    doc="""``log2(2**x1 + 2**x2)`` without overflow.

    .. seealso:: :data:`numpy.logaddexp2`
    """)
