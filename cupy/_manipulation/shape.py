"""Changing the shape of an array: reshape, ravel."""
from cupy._manipulation._util import as_device

__all__ = ["reshape", "ravel"]


def reshape(a, /, shape, order="C", *, copy=None):
    """Returns an array with a new shape and the same elements.

    A view is returned whenever the strides allow one.

    Args:
        a (cupy.ndarray): Array to reshape.
        shape (int or tuple of ints): The new shape; one entry may be ``-1``.
        order ({'C', 'F', 'A'}): Index order in which elements are read and placed.
        copy (bool or None): ``True`` always copies; ``False`` raises ``ValueError``
            when a view is impossible; ``None`` copies only when needed.

    .. seealso:: :func:`numpy.reshape`

    Example:
        >>> cupy.reshape(cupy.arange(6), (2, -1))
        array([[0, 1, 2],
               [3, 4, 5]])
    """
    a = as_device(a)
    if copy:
        return a.copy(order="F" if order == "F" else "C" if order == "C" else "K") \
            .reshape(shape, order=order)
    r = a.reshape(shape, order=order)
    # The array core copies when no view exists; a different base pointer reveals it.
    if copy is False and a.size and r.data.ptr != a.data.ptr:
        raise ValueError("Unable to avoid creating a copy while reshaping.")
    return r


def ravel(a, order="C"):
    """Returns a flattened array, a view when possible.

    Args:
        a (cupy.ndarray): Input array.
        order ({'C', 'F', 'A', 'K'}): Order in which elements are read.

    .. seealso:: :func:`numpy.ravel`

    Example:
        >>> cupy.ravel(cupy.array([[1, 2], [3, 4]]), order="F")
        array([1, 3, 2, 4])
    """
    return as_device(a).ravel(order)
