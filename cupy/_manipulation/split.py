"""Splitting arrays into views: split, array_split, hsplit, vsplit, dsplit."""
import numpy

from cupy._manipulation._util import as_device, normalize_axis_index

__all__ = ["split", "array_split", "hsplit", "vsplit", "dsplit", "unstack"]


def array_split(ary, indices_or_sections, axis=0):
    """Splits an array into views, allowing sections of unequal length.

    Args:
        ary (cupy.ndarray): Array to split.
        indices_or_sections (int or sequence of ints): The number of sections (the first
            ``n % sections`` get one extra element) or the split points along ``axis``.
        axis (int): Axis to split along.

    Returns:
        list of cupy.ndarray: Views of ``ary``.

    .. seealso:: :func:`numpy.array_split`

    Example:
        >>> [p.shape for p in cupy.array_split(cupy.arange(7), 3)]
        [(3,), (2,), (2,)]
    """
    ary = as_device(ary)
    n = ary.shape[axis]    # IndexError for a bad axis, as in NumPy
    axis %= ary.ndim
    if numpy.ndim(indices_or_sections) == 0:
        sections = int(indices_or_sections)
        if sections <= 0:
            raise ValueError("number sections must be larger than 0.")
        each, extras = divmod(n, sections)
        sizes = [0] + [each + 1] * extras + [each] * (sections - extras)
        bounds = numpy.cumsum(sizes).tolist()
    else:
        bounds = [0] + [int(i) for i in indices_or_sections] + [n]
    pre = (slice(None),) * axis
    return [ary[pre + (slice(start, stop),)] for start, stop in zip(bounds[:-1], bounds[1:])]


def split(ary, indices_or_sections, axis=0):
    """Splits an array into views of equal length (or at the given indices).

    Raises ``ValueError`` when an integer number of sections does not divide the axis.

    .. seealso:: :func:`numpy.split`

    Example:
        >>> [p.tolist() for p in cupy.split(cupy.arange(6), [2, 5])]
        [[0, 1], [2, 3, 4], [5]]
    """
    if numpy.ndim(indices_or_sections) == 0:
        ary = as_device(ary)
        if ary.shape[axis] % int(indices_or_sections):
            raise ValueError("array split does not result in an equal division")
    return array_split(ary, indices_or_sections, axis)


def hsplit(ary, indices_or_sections):
    """Splits along axis 1 (axis 0 for 1-d arrays).

    .. seealso:: :func:`numpy.hsplit`

    Example:
        >>> [p.shape for p in cupy.hsplit(cupy.zeros((2, 4)), 2)]
        [(2, 2), (2, 2)]
    """
    ary = as_device(ary)
    if ary.ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(ary, indices_or_sections, 1 if ary.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    """Splits along axis 0 (arrays of at least 2 dimensions).

    .. seealso:: :func:`numpy.vsplit`

    Example:
        >>> [p.shape for p in cupy.vsplit(cupy.zeros((4, 2)), 2)]
        [(2, 2), (2, 2)]
    """
    ary = as_device(ary)
    if ary.ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(ary, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    """Splits along axis 2 (arrays of at least 3 dimensions).

    .. seealso:: :func:`numpy.dsplit`

    Example:
        >>> [p.shape for p in cupy.dsplit(cupy.zeros((1, 2, 4)), 2)]
        [(1, 2, 2), (1, 2, 2)]
    """
    ary = as_device(ary)
    if ary.ndim < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return split(ary, indices_or_sections, 2)


def unstack(x, /, *, axis=0):
    """Views of ``x`` indexed along ``axis``, one per position, as a tuple.

    .. seealso:: :func:`numpy.unstack`

    Example:
        >>> [p.tolist() for p in cupy.unstack(cupy.arange(4).reshape(2, 2), axis=1)]
        [[0, 2], [1, 3]]
    """
    x = as_device(x)
    if x.ndim == 0:
        raise ValueError("Input array must be at least 1-d.")
    axis = normalize_axis_index(axis, x.ndim)
    pre = (slice(None),) * axis
    return tuple(x[pre + (i,)] for i in range(x.shape[axis]))
