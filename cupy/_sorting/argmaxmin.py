"""Positions of extrema: argmax, argmin."""
from cupy._core._reduction import SimpleReduction

__all__ = ["argmax", "argmin"]

# The reduced value carries its position along the reduced axes (C order); ties keep the
# first position and NaN wins, as in NumPy.
_TABLE = tuple((c + "->l", "_cupy_arg<in0_type>") for c in "?bBhHiIlLqQefdFD")
_MAP = "_cupy_make_arg(in0, static_cast<long long>(_J))"
_argmax = SimpleReduction("argmax", _TABLE, "_cupy_argmax(a, b)", None, map_expr=_MAP,
                          post_map_expr="out0 = a.index")
_argmin = SimpleReduction("argmin", _TABLE, "_cupy_argmin(a, b)", None, map_expr=_MAP,
                          post_map_expr="out0 = a.index")


def _arg(red, a, axis, out, keepdims, name):
    if a.size == 0:
        raise ValueError(f"attempt to get {name} of an empty sequence")
    return red(a, axis, None, out, keepdims)


def argmax(a, axis=None, dtype=None, out=None, keepdims=False):
    """Index of the maximum (of the flattened array when ``axis`` is None).

    The first occurrence wins; a NaN counts as the maximum.

    .. seealso:: :func:`numpy.argmax`

    Example:
        >>> cupy.argmax(cupy.array([[1, 5, 5], [7, 0, 2]]), axis=1)
        array([1, 0])
    """
    return _arg(_argmax, a, axis, out, keepdims, "argmax")


def argmin(a, axis=None, dtype=None, out=None, keepdims=False):
    """Index of the minimum (of the flattened array when ``axis`` is None).

    .. seealso:: :func:`numpy.argmin`

    Example:
        >>> cupy.argmin(cupy.array([3, 1, 1]))
        array(1)
    """
    return _arg(_argmin, a, axis, out, keepdims, "argmin")
