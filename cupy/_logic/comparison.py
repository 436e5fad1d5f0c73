"""Comparison ufuncs: equal, not_equal, less, less_equal, greater, greater_equal."""
from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import ALL, to

__all__ = ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]


def _comparison(name, op, doc):
    return create_ufunc(name, to(ALL, "?"), f"out0 = in0 {op} in1", doc=doc)


equal = _comparison("equal", "==", """Elementwise ``x1 == x2``.

    .. seealso:: :data:`numpy.equal`
    """)
not_equal = _comparison("not_equal", "!=", """Elementwise ``x1 != x2``.

    .. seealso:: :data:`numpy.not_equal`
    """)
less = _comparison("less", "<", """Elementwise ``x1 < x2``.

    .. seealso:: :data:`numpy.less`
    """)
less_equal = _comparison("less_equal", "<=", """Elementwise ``x1 <= x2``.

    .. seealso:: :data:`numpy.less_equal`
    """)
greater = _comparison("greater", ">", """Elementwise ``x1 > x2``.

    .. seealso:: :data:`numpy.greater`
    """)
greater_equal = _comparison("greater_equal", ">=", """Elementwise ``x1 >= x2``.

    .. seealso:: :data:`numpy.greater_equal`
    """)
