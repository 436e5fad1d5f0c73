"""Counting: count_nonzero."""
from cupy._core._reduction import SimpleReduction

__all__ = ["count_nonzero"]

_count_nonzero = SimpleReduction(
    "count_nonzero", tuple(c + "->l" for c in "?bBhHiIlLqQefdFD"), "a + b", "0",
    map_expr="_cupy_cast<bool>(in0) ? 1 : 0")


def count_nonzero(a, axis=None, *, keepdims=False):
    """Number of non-zero elements along the given axes.

    Returns a 0-d array (not a Python int) when every axis is counted, as CuPy does, so the
    count stays on the device.

    .. seealso:: :func:`numpy.count_nonzero`

    Example:
        >>> cupy.count_nonzero(cupy.array([[0, 1, 7], [0, 0, 3]]), axis=1)
        array([2, 1])
    """
    return _count_nonzero(a, axis, None, None, keepdims)
