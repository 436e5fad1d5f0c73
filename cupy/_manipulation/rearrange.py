"""Rearranging elements: flip, fliplr, flipud, roll, rot90."""
import itertools

import numpy

import cupy
from cupy._manipulation._util import as_device, normalize_axis_tuple

__all__ = ["flip", "fliplr", "flipud", "roll", "rot90"]


def flip(m, axis=None):
    """Reverses the order of elements along the given axes (a view).

    Args:
        m (cupy.ndarray): Input array.
        axis (int or tuple of ints or None): Axes to reverse; all axes when ``None``.

    .. seealso:: :func:`numpy.flip`

    Example:
        >>> cupy.flip(cupy.arange(4).reshape(2, 2), 1)
        array([[1, 0],
               [3, 2]])
    """
    m = as_device(m)
    if axis is None:
        axes = range(m.ndim)
    else:
        axes = normalize_axis_tuple(axis, m.ndim)
    return m[tuple(slice(None, None, -1) if d in axes else slice(None)
                   for d in range(m.ndim))]


def fliplr(m):
    """Reverses the order of the columns (axis 1; a view).

    .. seealso:: :func:`numpy.fliplr`

    Example:
        >>> cupy.fliplr(cupy.array([[1, 2, 3]]))
        array([[3, 2, 1]])
    """
    m = as_device(m)
    if m.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return m[:, ::-1]


def flipud(m):
    """Reverses the order of the rows (axis 0; a view).

    .. seealso:: :func:`numpy.flipud`

    Example:
        >>> cupy.flipud(cupy.array([1, 2, 3]))
        array([3, 2, 1])
    """
    m = as_device(m)
    if m.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return m[::-1]


def roll(a, shift, axis=None):
    """Rolls elements along the given axes; elements shifted off one end come back at the
    other.

    Args:
        a (cupy.ndarray): Input array.
        shift (int or tuple of ints): Number of places to shift; broadcast against
            ``axis``. Shifts of a repeated axis add up.
        axis (int or tuple of ints or None): Axes to roll; the flattened array when ``None``.

    .. seealso:: :func:`numpy.roll`

    Example:
        >>> cupy.roll(cupy.arange(5), 2)
        array([3, 4, 0, 1, 2])
    """
    a = as_device(a)
    if axis is None:
        return roll(a.ravel(), shift, 0).reshape(a.shape)
    axes = normalize_axis_tuple(axis, a.ndim, allow_duplicate=True)
    shift_b, axis_b = numpy.broadcast_arrays(numpy.asarray(shift), numpy.asarray(axes))
    if shift_b.ndim > 1:
        raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")
    shifts = [0] * a.ndim
    for sh, ax in zip(shift_b.ravel().tolist(), axis_b.ravel().tolist()):
        shifts[ax] += int(sh)
    # Each rolled axis splits into two blocks that swap places: copy each of the
    # 2**(rolled axes) blocks into the output once.
    rolls = [((slice(None), slice(None)),)] * a.ndim
    for ax, offset in enumerate(shifts):
        offset %= a.shape[ax] or 1
        if offset:
            rolls[ax] = ((slice(None, -offset), slice(offset, None)),
                         (slice(-offset, None), slice(None, offset)))
    result = cupy.empty(a.shape, a.dtype)
    for indices in itertools.product(*rolls):
        src_index, dst_index = zip(*indices)
        result[dst_index] = a[src_index]
    return result


def rot90(m, k=1, axes=(0, 1)):
    """Rotates an array by 90 degrees ``k`` times in the plane of ``axes`` (a view).

    The rotation goes from the first axis towards the second.

    .. seealso:: :func:`numpy.rot90`

    Example:
        >>> cupy.rot90(cupy.array([[1, 2], [3, 4]]))
        array([[2, 4],
               [1, 3]])
    """
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    m = as_device(m)
    if axes[0] == axes[1] or abs(axes[0] - axes[1]) == m.ndim:
        raise ValueError("Axes must be different.")
    if not (-m.ndim <= axes[0] < m.ndim and -m.ndim <= axes[1] < m.ndim):
        raise ValueError(f"Axes={axes} out of range for array of ndim={m.ndim}.")
    k %= 4
    if k == 0:
        return m[:]
    if k == 2:
        return flip(flip(m, axes[0]), axes[1])
    perm = list(range(m.ndim))
    perm[axes[0]], perm[axes[1]] = perm[axes[1]], perm[axes[0]]
    if k == 1:
        return flip(m, axes[1]).transpose(perm)
    return flip(m.transpose(perm), axes[1])
