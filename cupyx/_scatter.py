"""Unbuffered scatter updates: ``cupyx.scatter_add``, ``scatter_max`` and ``scatter_min``.

Each is the corresponding ``ufunc.at`` (see :mod:`cupy._core._ufunc_at`): every index
contributes, repeated ones included, through atomic read-modify-writes on the device.
"""
import cupy

__all__ = ["scatter_add", "scatter_max", "scatter_min"]


def scatter_add(a, slices, value):
    """Adds given values to specified elements of an array, in place.

    Unlike ``a[slices] += value``, where only one of several writes to the same element
    lands, every index contributes: it behaves as :func:`numpy.add.at`. Negative indices
    count from the end, as in indexing.

    Args:
        a (cupy.ndarray): The array to update.
        slices: Index (integers, slices, integer or boolean arrays) of the elements.
        value (array_like): Values added, broadcast to the shape of ``a[slices]``.

    .. seealso:: :func:`numpy.add.at`

    Example:
        >>> a = cupy.zeros(3)
        >>> cupyx.scatter_add(a, cupy.array([0, 0, 2]), 1.0)
        >>> a
        array([2., 0., 1.])
    """
    cupy.add.at(a, slices, value)


def scatter_max(a, slices, value):
    """Stores the maximum of the given values and the elements of an array, in place.

    Every index contributes (as :func:`numpy.maximum.at`), so an element targeted several
    times ends up with the maximum of all its values.

    Args:
        a (cupy.ndarray): The array to update.
        slices: Index (integers, slices, integer or boolean arrays) of the elements.
        value (array_like): Values compared, broadcast to the shape of ``a[slices]``.

    .. seealso:: :func:`numpy.maximum.at`

    Example:
        >>> a = cupy.zeros(3)
        >>> cupyx.scatter_max(a, cupy.array([0, 0, 2]), cupy.array([1.0, 3.0, -1.0]))
        >>> a
        array([3., 0., 0.])
    """
    cupy.maximum.at(a, slices, value)


def scatter_min(a, slices, value):
    """Stores the minimum of the given values and the elements of an array, in place.

    Every index contributes (as :func:`numpy.minimum.at`), so an element targeted several
    times ends up with the minimum of all its values.

    Args:
        a (cupy.ndarray): The array to update.
        slices: Index (integers, slices, integer or boolean arrays) of the elements.
        value (array_like): Values compared, broadcast to the shape of ``a[slices]``.

    .. seealso:: :func:`numpy.minimum.at`

    Example:
        >>> a = cupy.zeros(3)
        >>> cupyx.scatter_min(a, cupy.array([0, 0, 2]), cupy.array([1.0, -3.0, 2.0]))
        >>> a
        array([-3.,  0.,  0.])
    """
    cupy.minimum.at(a, slices, value)
