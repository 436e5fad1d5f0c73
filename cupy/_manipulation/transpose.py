"""Permuting axes: transpose, permute_dims, matrix_transpose, moveaxis, rollaxis, swapaxes."""
from cupy.exceptions import AxisError
from cupy._manipulation._util import as_device, normalize_axis_index, normalize_axis_tuple

__all__ = ["transpose", "permute_dims", "matrix_transpose", "moveaxis", "rollaxis",
           "swapaxes"]


def transpose(a, axes=None):
    """Permutes the axes of an array (a view).

    Args:
        a (cupy.ndarray): Input array.
        axes (tuple of ints): The new order of the axes; reversed when ``None``.

    .. seealso:: :func:`numpy.transpose`

    Example:
        >>> cupy.transpose(cupy.zeros((2, 3, 4)), (1, 0, 2)).shape
        (3, 2, 4)
    """
    a = as_device(a)
    if axes is None:
        return a.transpose()
    return a.transpose(axes)


def permute_dims(a, axes=None):
    """Array API name of :func:`transpose`.

    Example:
        >>> cupy.permute_dims(cupy.zeros((2, 3)), (1, 0)).shape
        (3, 2)
    """
    return transpose(a, axes)


def matrix_transpose(x, /):
    """Swaps the last two axes (a view).

    .. seealso:: :func:`numpy.matrix_transpose`

    Example:
        >>> cupy.matrix_transpose(cupy.zeros((5, 2, 3))).shape
        (5, 3, 2)
    """
    x = as_device(x)
    if x.ndim < 2:
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {x.ndim}")
    return x.swapaxes(-1, -2)


def moveaxis(a, source, destination):
    """Moves axes to new positions; the other axes keep their order (a view).

    Args:
        a (cupy.ndarray): Input array.
        source (int or sequence of ints): Original positions of the axes to move.
        destination (int or sequence of ints): Their new positions.

    .. seealso:: :func:`numpy.moveaxis`

    Example:
        >>> cupy.moveaxis(cupy.zeros((3, 4, 5)), 0, -1).shape
        (4, 5, 3)
    """
    a = as_device(a)
    source = normalize_axis_tuple(source, a.ndim, "source")
    destination = normalize_axis_tuple(destination, a.ndim, "destination")
    if len(source) != len(destination):
        raise ValueError("`source` and `destination` arguments must have "
                         "the same number of elements")
    order = [n for n in range(a.ndim) if n not in source]
    for dest, src in sorted(zip(destination, source)):
        order.insert(dest, src)
    return a.transpose(order)


def rollaxis(a, axis, start=0):
    """Rolls ``axis`` backwards until it lies before ``start`` (a view).

    .. seealso:: :func:`numpy.rollaxis`

    Example:
        >>> cupy.rollaxis(cupy.zeros((3, 4, 5)), 2).shape
        (5, 3, 4)
    """
    a = as_device(a)
    n = a.ndim
    axis = normalize_axis_index(axis, n)
    if not -n <= start < n + 1:
        raise AxisError(f"'start' arg requires {-n} <= start < {n + 1}, "
                        f"but {start} was passed in")
    if start < 0:
        start += n
    if axis < start:
        start -= 1    # the axis is removed before it is inserted
    if axis == start:
        return a[...]
    axes = list(range(n))
    axes.remove(axis)
    axes.insert(start, axis)
    return a.transpose(axes)


def swapaxes(a, axis1, axis2):
    """Interchanges two axes (a view).

    .. seealso:: :func:`numpy.swapaxes`

    Example:
        >>> cupy.swapaxes(cupy.zeros((2, 3, 4)), 0, 2).shape
        (4, 3, 2)
    """
    return as_device(a).swapaxes(axis1, axis2)
