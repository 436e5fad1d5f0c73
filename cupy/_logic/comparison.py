"""Comparison ufuncs: equal, not_equal, less, less_equal, greater, greater_equal.

Complex numbers compare lexicographically (real part first) with NumPy's NaN rules; int64 and
uint64 compare exactly (NumPy 2's 'qQ->?' loops).
"""
from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import ALL, by_group, include

__all__ = ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]

_PRE = include("integer", "complex")
# NumPy's order: the same-type loops up to uint64, then the mixed int64/uint64 loops.
_SIGS = tuple(c + c + "->?" for c in ALL[:9]) + ("lL->?", "Ll->?") + tuple(
    c + c + "->?" for c in ALL[9:])

# operator, complex helper, mixed int64/uint64 expression
_OPS = {
    "equal": ("==", "in0 == in1", "cupy_math::mixed_eq(in0, in1)"),
    "not_equal": ("!=", "in0 != in1", "!cupy_math::mixed_eq(in0, in1)"),
    "less": ("<", "cupy_math::clt(in0, in1)", "cupy_math::mixed_lt(in0, in1)"),
    "less_equal": ("<=", "cupy_math::cle(in0, in1)", "!cupy_math::mixed_lt(in1, in0)"),
    "greater": (">", "cupy_math::cgt(in0, in1)", "cupy_math::mixed_lt(in1, in0)"),
    "greater_equal": (">=", "cupy_math::cge(in0, in1)", "!cupy_math::mixed_lt(in0, in1)"),
}


def _comparison(name, doc):
    op, cplx, mixed = _OPS[name]
    loops = []
    for sig, r in by_group(_SIGS, complex=f"out0 = {cplx}", default=f"out0 = in0 {op} in1"):
        if sig[0] != sig[1]:
            r = f"out0 = {mixed}"
        loops.append((sig, r))
    return create_ufunc(name, tuple(loops), preamble=_PRE, doc=doc)


equal = _comparison("equal", """Elementwise ``x1 == x2``.

    .. seealso:: :data:`numpy.equal`
    """)
not_equal = _comparison("not_equal", """Elementwise ``x1 != x2``.

    .. seealso:: :data:`numpy.not_equal`
    """)
less = _comparison("less", """Elementwise ``x1 < x2``.

    .. seealso:: :data:`numpy.less`
    """)
less_equal = _comparison("less_equal", """Elementwise ``x1 <= x2``.

    .. seealso:: :data:`numpy.less_equal`
    """)
greater = _comparison("greater", """Elementwise ``x1 > x2``.

    .. seealso:: :data:`numpy.greater`
    """)
greater_equal = _comparison("greater_equal", """Elementwise ``x1 >= x2``.

    .. seealso:: :data:`numpy.greater_equal`
    """)
