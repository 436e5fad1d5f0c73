"""Hyperbolic ufuncs: sinh, cosh, tanh, arcsinh, arccosh, arctanh."""
from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import INEXACT, by_group, include, same, unary_math

__all__ = ["sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "asinh", "acosh",
           "atanh"]

_PRE = include("floating", "complex")


def _unary(name, fn, doc):
    return create_ufunc(
        name, by_group(same(INEXACT, 1), float=unary_math(fn), complex=f"out0 = {fn}(in0)"),
        preamble=_PRE, doc=doc)


sinh = _unary("sinh", "sinh", """Hyperbolic sine elementwise.

    .. seealso:: :data:`numpy.sinh`
    """)
cosh = _unary("cosh", "cosh", """Hyperbolic cosine elementwise.

    .. seealso:: :data:`numpy.cosh`
    """)
tanh = _unary("tanh", "tanh", """Hyperbolic tangent elementwise.

    .. seealso:: :data:`numpy.tanh`
    """)
arcsinh = _unary("arcsinh", "asinh", """Inverse hyperbolic sine elementwise.

    .. seealso:: :data:`numpy.arcsinh`
    """)
arccosh = _unary("arccosh", "acosh", """Inverse hyperbolic cosine elementwise.

    .. seealso:: :data:`numpy.arccosh`
    """)
arctanh = _unary("arctanh", "atanh", """Inverse hyperbolic tangent elementwise.

    .. seealso:: :data:`numpy.arctanh`
    """)
asinh, acosh, atanh = arcsinh, arccosh, arctanh
