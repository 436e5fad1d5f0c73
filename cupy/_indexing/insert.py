"""Writing into arrays by index: put, put_along_axis, place, putmask, fill_diagonal.

Every routine here writes in place with one scatter kernel. Where several writes target the
same element, which value lands is unspecified (the writes run in parallel); NumPy stores the
last one.
"""
import numpy

import cupy
from cupy._core.core import ndarray
from cupy._indexing import _kernels
from cupy._manipulation._util import as_device
from cupy._manipulation.basic import _may_overlap

__all__ = ["put", "put_along_axis", "place", "putmask", "fill_diagonal"]


def _require_array(a, func):
    if not isinstance(a, ndarray):
        raise TypeError(f"{func}() argument 1 must be cupy.ndarray, not {type(a).__name__}")


def _forced_values(values, dtype):
    """``values`` converted to ``dtype`` as NumPy's ``put`` does: any cast, but Python
    numbers must be representable (OverflowError) and real for a real dtype (TypeError)."""
    if isinstance(values, ndarray):
        return values.astype(dtype, copy=False)
    return cupy.asarray(numpy.asarray(values, dtype=dtype))


def _safe_values(values, dtype):
    """``values`` converted as NumPy's ``putmask`` and ``place`` do: arrays must cast
    safely, other values convert like :func:`_forced_values`."""
    if isinstance(values, (ndarray, numpy.ndarray)) and not numpy.can_cast(
            values.dtype, dtype, "safe"):
        raise TypeError(f"Cannot cast array data from {values.dtype!r} to {dtype!r} "
                        "according to the rule 'safe'")
    return _forced_values(values, dtype)


def _unaliased(values, a):
    # The scatter reads its operands while writing a: one that shares a's memory is copied.
    return values.copy() if _may_overlap(values, a) else values


def put(a, ind, v, mode="raise"):
    """Replaces specified elements of an array with given values: ``a.flat[ind] = v``.

    Args:
        a (cupy.ndarray): Target array (any layout; indices count its elements in C order).
        ind (int array_like): Flat indices; negative indices count from the end.
        v (array_like): Values, repeated cyclically when shorter than ``ind``.
        mode (str): ``'raise'`` (out-of-range indices raise IndexError; the in-range ones
            may have been written), ``'wrap'`` or ``'clip'``.

    .. seealso:: :func:`numpy.put`

    Example:
        >>> a = cupy.zeros(5)
        >>> cupy.put(a, [0, -1], [7, 8])
        >>> a
        array([7., 0., 0., 0., 8.])
    """
    _require_array(a, "put")
    m = _kernels.clip_mode(mode)
    idx = _kernels.as_index_array(ind, "safe")
    if idx.size == 0:
        return
    if a.size == 0:
        raise IndexError("cannot replace elements of an empty array")
    vals = _forced_values(v, a.dtype)
    if vals.size == 0:
        return
    vals = _unaliased(vals, a)
    bad = _kernels.put_axis(_unaliased(idx, a), vals, vals.size, a.size, 1, idx.size, a, m)
    if bad is not None:
        raise IndexError(f"index {bad} is out of bounds for axis 0 with size {a.size}")


def put_along_axis(arr, indices, values, axis):
    """Puts values into the destination array by matching 1-d index and data slices.

    The inverse of :func:`cupy.take_along_axis`: ``values`` broadcast to the shape the
    gather would return and are written where it would read.

    Args:
        arr (cupy.ndarray): Destination array.
        indices (cupy.ndarray): Integer indices with as many dimensions as ``arr``.
        values (array_like): Values to write.
        axis (int or None): The axis to write along; ``None`` treats ``arr`` as flattened.

    .. seealso:: :func:`numpy.put_along_axis`

    Example:
        >>> a = cupy.zeros((2, 3))
        >>> cupy.put_along_axis(a, cupy.array([[2], [0]]), 5, axis=1)
        >>> a
        array([[0., 0., 5.],
               [5., 0., 0.]])
    """
    _require_array(arr, "put_along_axis")
    indices, axis, n, dst, shape = _kernels.along_axis_layout(arr, indices, axis)
    vals = _forced_values(values, arr.dtype)
    try:
        vals = cupy.broadcast_to(vals, shape)
    except ValueError:
        raise ValueError(f"shape mismatch: value array of shape {vals.shape} could not be "
                         f"broadcast to indexing result of shape {shape}") from None
    size = _kernels.prod(shape)
    if size == 0:
        return
    if n == 0:
        raise _kernels.empty_axis_error(indices, axis)
    vals = _unaliased(vals, arr)
    indices = _unaliased(indices, arr)
    bad = _kernels.put_axis(cupy.broadcast_to(indices, shape), vals, size, n,
                            _kernels.prod(shape[axis + 1:]), shape[axis], dst, _kernels.RAISE)
    if bad is not None:
        raise IndexError(f"index {bad} is out of bounds for axis {axis} with size {n}")


def place(arr, mask, vals):
    """Changes elements of an array where a mask is true, taking values in turn.

    The ``k``-th true element of ``mask`` (in C order) receives ``vals[k % len(vals)]``.

    Args:
        arr (cupy.ndarray): Array to change.
        mask (array_like): Boolean mask of ``arr``'s size.
        vals (array_like): Values, repeated cyclically.

    .. seealso:: :func:`numpy.place`

    Example:
        >>> a = cupy.arange(6)
        >>> cupy.place(a, a % 2 == 1, [10, 20])
        >>> a
        array([ 0, 10,  2, 20,  4, 10])
    """
    _require_array(arr, "place")
    mask = as_device(mask)
    if mask.size != arr.size:
        raise ValueError("place: mask and data must be the same size")
    values = _safe_values(vals, arr.dtype)
    idx = cupy.nonzero(mask.ravel())[0]
    if idx.size == 0:
        return
    if values.size == 0:
        raise ValueError("Cannot insert from an empty array!")
    values = _unaliased(values, arr)
    # The positions come from the mask, so they are in range: no flag to read back.
    _kernels.put_axis(idx, values, values.size, arr.size, 1, idx.size, arr, _kernels.CLIP)


def putmask(a, mask, values):
    """Changes elements of an array where a mask is true: ``a.flat[n] = values[n]``.

    Unlike :func:`cupy.place`, ``values`` is indexed by the position in ``a`` (cyclically),
    not by the count of true mask elements.

    Args:
        a (cupy.ndarray): Array to change.
        mask (array_like): Boolean mask of ``a``'s size.
        values (array_like): Values, repeated cyclically over ``a``.

    .. seealso:: :func:`numpy.putmask`

    Example:
        >>> a = cupy.arange(6)
        >>> cupy.putmask(a, a > 2, cupy.array([-1, -2]))
        >>> a
        array([ 0,  1,  2, -2, -1, -2])
    """
    if not isinstance(a, ndarray):
        raise TypeError("putmask: first argument must be an array")
    mask = as_device(mask)
    if mask.size != a.size:
        raise ValueError("putmask: mask and data must be the same size")
    vals = _safe_values(values, a.dtype)
    if vals.size == 0 or a.size == 0:
        return
    vals = _unaliased(vals, a)
    if _may_overlap(mask, a):
        mask = mask.copy()
    _kernels._putmask(mask.reshape(a.shape), vals, vals.size, a)


def fill_diagonal(a, val, wrap=False):
    """Fills the main diagonal of the given array of any dimensionality, in place.

    Args:
        a (cupy.ndarray): Array of at least 2 dimensions; beyond 2, all of equal length.
        val (scalar or array_like): Values for the diagonal, repeated cyclically.
        wrap (bool): For a tall 2-d array, continue the diagonal below the first square
            block (every ``ncols + 1`` elements), as NumPy does.

    .. seealso:: :func:`numpy.fill_diagonal`

    Example:
        >>> a = cupy.zeros((3, 3), dtype=int)
        >>> cupy.fill_diagonal(a, [1, 2])
        >>> a
        array([[1, 0, 0],
               [0, 2, 0],
               [0, 0, 1]])
    """
    _require_array(a, "fill_diagonal")
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    end = a.size
    if a.ndim == 2:
        step = a.shape[1] + 1
        if not wrap:
            end = min(end, a.shape[1] * a.shape[1])    # a tall array's diagonal stops
    else:
        if any(s != a.shape[0] for s in a.shape[1:]):
            raise ValueError("All dimensions of input must be of equal length")
        step, stride = 1, 1
        for s in a.shape[:-1]:
            stride *= s
            step += stride
    vals = _forced_values(val, a.dtype)
    if vals.size == 0 or end == 0:
        return
    vals = _unaliased(vals, a)
    idx = cupy.arange(0, end, step, dtype=numpy.int64)
    _kernels.put_axis(idx, vals, vals.size, a.size, 1, idx.size, a, _kernels.CLIP)
