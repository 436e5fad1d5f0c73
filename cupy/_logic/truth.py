"""Truth-value reductions: all, any."""
from cupy._core._reduction import SimpleReduction

__all__ = ["all", "any"]

_TO_BOOL = tuple(c + "->?" for c in "?bBhHiIlLqQefdFD")
# _cupy_cast<bool> is NumPy's truth value (a complex number is true when either part is).
_all = SimpleReduction("all", _TO_BOOL, "a && b", "true", map_expr="_cupy_cast<bool>(in0)")
_any = SimpleReduction("any", _TO_BOOL, "a || b", "false", map_expr="_cupy_cast<bool>(in0)")


def all(a, axis=None, out=None, keepdims=False):
    """Whether every element along the given axes is true (True for empty input).

    .. seealso:: :func:`numpy.all`

    Example:
        >>> cupy.all(cupy.array([[1, 0], [1, 1]]), axis=1)
        array([False,  True])
    """
    return _all(a, axis, None, out, keepdims)


def any(a, axis=None, out=None, keepdims=False):
    """Whether any element along the given axes is true (False for empty input).

    .. seealso:: :func:`numpy.any`

    Example:
        >>> cupy.any(cupy.array([[1, 0], [0, 0]]), axis=1)
        array([ True, False])
    """
    return _any(a, axis, None, out, keepdims)
