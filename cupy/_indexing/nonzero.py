"""Indices of non-zero elements: nonzero, flatnonzero, argwhere."""
from cupy._core import _advanced_indexing
from cupy._core.core import ndarray

__all__ = ["nonzero", "flatnonzero", "argwhere"]


def _as_device(a):
    if isinstance(a, ndarray):
        return a
    import cupy
    return cupy.asarray(a)


def nonzero(a):
    """Indices of the non-zero elements, one int64 array per axis (C order).

    The indices are found by a scan on the device; only their count is read back.

    Args:
        a (cupy.ndarray): input array (at least 1-d).

    Returns:
        tuple of cupy.ndarray

    .. seealso:: :func:`numpy.nonzero`

    Example:
        >>> cupy.nonzero(cupy.array([[0, 3], [4, 0]]))
        (array([0, 1]), array([1, 0]))
    """
    return _advanced_indexing.nonzero(_as_device(a))


def flatnonzero(a):
    """Indices of the non-zero elements of ``a.ravel()``.

    .. seealso:: :func:`numpy.flatnonzero`

    Example:
        >>> cupy.flatnonzero(cupy.array([[0, 3], [4, 0]]))
        array([1, 2])
    """
    return _advanced_indexing.nonzero(_as_device(a).ravel())[0]


def argwhere(a):
    """Indices of the non-zero elements grouped by element: shape ``(N, a.ndim)``.

    .. seealso:: :func:`numpy.argwhere`

    Example:
        >>> cupy.argwhere(cupy.array([[0, 3], [4, 0]]))
        array([[0, 1],
               [1, 0]])
    """
    a = _as_device(a)
    if a.ndim == 0:
        # NumPy treats a 0-d input as 1-d and drops the axis: shape (0 or 1, 0).
        return _advanced_indexing.nonzero(a.reshape(1))[0].reshape(-1, 1)[:, :0]
    idx = _advanced_indexing.nonzero(a)
    # nonzero's rows live in one (ndim, N) array: its transpose is argwhere's result.
    return idx[0].base.T
