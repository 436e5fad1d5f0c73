"""Adding and removing elements: append, insert, delete, resize, trim_zeros."""
import numpy

import cupy
from cupy._core.core import ndarray
from cupy._manipulation._util import (
    as_device, is_int_like, normalize_axis_index, normalize_axis_tuple)
from cupy._manipulation.join import concatenate

__all__ = ["append", "insert", "delete", "resize", "trim_zeros"]


def append(arr, values, axis=None):
    """Appends values to the end of an array (a new array).

    Args:
        arr (array_like): Values are appended to a copy of this array.
        values (array_like): Appended values; with ``axis`` given, their shape must match
            ``arr`` except along ``axis``.
        axis (int or None): Axis to append along; both inputs are flattened when ``None``.

    .. seealso:: :func:`numpy.append`

    Example:
        >>> cupy.append(cupy.array([1, 2]), [[3], [4]])
        array([1, 2, 3, 4])
    """
    arr = as_device(arr)
    values = as_device(values)
    if axis is None:
        arr = arr.ravel()
        values = values.ravel()
        axis = 0
    return concatenate((arr, values), axis=axis)


def _order(arr):
    # NumPy keeps Fortran order for arrays that are F- but not C-contiguous.
    return "F" if arr.flags.f_contiguous and not arr.flags.c_contiguous else "C"


def _flat_axis(arr, axis):
    if axis is None:
        return arr.ravel(), 0
    return arr, normalize_axis_index(axis, arr.ndim)


def _host_index(obj):
    """An index argument on the host: indices are arguments (small), not array data."""
    if isinstance(obj, ndarray):
        return obj.get()
    return numpy.array(obj)


def insert(arr, obj, values, axis=None):
    """Inserts values before the given indices along an axis (a new array).

    Args:
        arr (array_like): Input array.
        obj (int, slice or sequence of ints): Indices before which ``values`` go; several
            equal indices insert in the order given.
        values (array_like): Values to insert, cast to ``arr.dtype``.
        axis (int or None): Axis to insert along; ``arr`` is flattened when ``None``.

    .. seealso:: :func:`numpy.insert`

    Example:
        >>> cupy.insert(cupy.arange(4), [1, 3], [10, 20])
        array([ 0, 10,  1,  2, 20,  3])
    """
    arr, axis = _flat_axis(as_device(arr), axis)
    order = _order(arr)
    ndim = arr.ndim
    pre = (slice(None),) * axis
    n = arr.shape[axis]
    newshape = list(arr.shape)
    if isinstance(obj, slice):
        indices = numpy.arange(*obj.indices(n), dtype=numpy.intp)
    else:
        indices = _host_index(obj)
        if indices.dtype == numpy.bool_:
            if indices.ndim != 1:
                raise ValueError("boolean array argument obj to insert must be one "
                                 "dimensional")
            indices = numpy.flatnonzero(indices)
        elif indices.ndim > 1:
            raise ValueError("index array argument obj to insert must be one dimensional "
                             "or scalar")
    if indices.size == 1:
        index = indices.item()
        if index < -n or index > n:
            raise IndexError(f"index {obj} is out of bounds for axis {axis} with size {n}")
        if index < 0:
            index += n
        values = cupy.asarray(values, dtype=arr.dtype) if not isinstance(values, ndarray) \
            else values.astype(arr.dtype, copy=False)
        if values.ndim < ndim:
            values = values.reshape((1,) * (ndim - values.ndim) + values.shape)
        if indices.ndim == 0:
            # A scalar index inserts like ``a[:, i:i+1] = ...``: values' first axis runs
            # along ``axis``.
            values = cupy.moveaxis(values, 0, axis)
        numnew = values.shape[axis]
        newshape[axis] += numnew
        new = cupy.empty(newshape, arr.dtype, order=order)
        new[pre + (slice(None, index),)] = arr[pre + (slice(None, index),)]
        new[pre + (slice(index, index + numnew),)] = values
        new[pre + (slice(index + numnew, None),)] = arr[pre + (slice(index, None),)]
        return new
    if indices.size == 0 and not isinstance(obj, (numpy.ndarray, ndarray)):
        indices = indices.astype(numpy.intp)
    if indices.dtype.kind not in "iu":
        raise IndexError("arrays used as indices must be of integer (or boolean) type")
    indices = indices.astype(numpy.intp)
    bad = (indices < -n) | (indices > n)
    if bad.any():
        raise IndexError(f"index {indices[bad][0]} is out of bounds for axis {axis} "
                         f"with size {n + 1}")
    indices[indices < 0] += n
    numnew = len(indices)
    # Positions in the result: each inserted value shifts the later ones by one (a stable
    # sort keeps equal indices in the given order).
    indices[indices.argsort(kind="mergesort")] += numpy.arange(numnew)
    newshape[axis] += numnew
    dev_indices = cupy.asarray(indices)
    old_mask = cupy.ones(newshape[axis], dtype=numpy.bool_)
    old_mask[dev_indices] = False
    new = cupy.empty(newshape, arr.dtype, order=order)
    new[pre + (dev_indices,)] = values
    new[pre + (old_mask,)] = arr
    return new


def delete(arr, obj, axis=None):
    """Removes the entries at the given indices along an axis (a new array).

    Args:
        arr (array_like): Input array.
        obj (int, slice, sequence of ints or boolean mask): What to remove.
        axis (int or None): Axis to delete along; ``arr`` is flattened when ``None``.

    .. seealso:: :func:`numpy.delete`

    Example:
        >>> cupy.delete(cupy.arange(6).reshape(2, 3), 1, axis=1)
        array([[0, 2],
               [3, 5]])
    """
    arr, axis = _flat_axis(as_device(arr), axis)
    order = _order(arr)
    pre = (slice(None),) * axis
    n = arr.shape[axis]
    newshape = list(arr.shape)
    if isinstance(obj, slice):
        start, stop, step = obj.indices(n)
        removed = range(start, stop, step)
        if len(removed) == 0:
            return arr.copy(order=order)
        keep = cupy.ones(n, dtype=numpy.bool_)
        keep[obj] = False
        return arr[pre + (keep,)]
    single = is_int_like(obj)
    if not single:
        host = _host_index(obj)
        if host.size == 0 and not isinstance(obj, (numpy.ndarray, ndarray)):
            host = host.astype(numpy.intp)
        elif host.size == 1 and host.dtype.kind in "ui":
            obj, single = host.item(), True
    if single:
        if obj < -n or obj >= n:
            raise IndexError(f"index {obj} is out of bounds for axis {axis} with size {n}")
        if obj < 0:
            obj += n
        newshape[axis] -= 1
        new = cupy.empty(newshape, arr.dtype, order=order)
        new[pre + (slice(None, obj),)] = arr[pre + (slice(None, obj),)]
        new[pre + (slice(obj, None),)] = arr[pre + (slice(obj + 1, None),)]
        return new
    if host.dtype == numpy.bool_:
        if host.shape != (n,):
            raise ValueError("boolean array argument obj to delete must be one dimensional "
                             f"and match the axis length of {n}")
        keep = cupy.asarray(~host)
    else:
        if host.dtype.kind not in "iu":
            raise IndexError("arrays used as indices must be of integer (or boolean) type")
        bad = (host < -n) | (host >= n)
        if bad.any():
            raise IndexError(f"index {host[bad].ravel()[0]} is out of bounds for axis "
                             f"{axis} with size {n}")
        keep = cupy.ones(n, dtype=numpy.bool_)
        if host.size:
            keep[cupy.asarray(host.ravel())] = False
    return arr[pre + (keep,)]


def resize(a, new_shape):
    """A new array of shape ``new_shape`` filled with ``a``'s elements repeated in order.

    Unlike ``ndarray.resize``, the elements repeat instead of being zero-filled (an empty
    ``a`` gives zeros).

    .. seealso:: :func:`numpy.resize`

    Example:
        >>> cupy.resize(cupy.array([1, 2, 3]), (2, 4))
        array([[1, 2, 3, 1],
               [2, 3, 1, 2]])
    """
    if is_int_like(new_shape):
        new_shape = (new_shape,)
    new_shape = tuple(int(s) for s in new_shape)
    a = as_device(a).ravel()
    new_size = 1
    for s in new_shape:
        new_size *= s
        if s < 0:
            raise ValueError("all elements of `new_shape` must be non-negative")
    if a.size == 0 or new_size == 0:
        return cupy.zeros(new_shape, a.dtype)
    repeats = -(-new_size // a.size)
    out = cupy.empty(repeats * a.size, a.dtype)
    out.reshape(repeats, a.size)[...] = a    # one broadcast copy
    return out[:new_size].reshape(new_shape)


def trim_zeros(filt, trim="fb", axis=None):
    """Removes leading and/or trailing zeros (a view).

    Args:
        filt (cupy.ndarray): Input array.
        trim (str): ``'f'`` trims the front, ``'b'`` the back, ``'fb'`` both.
        axis (int or tuple of ints or None): Axes to trim; all when ``None``. The result is
            the smallest box that still contains every non-zero element.

    .. seealso:: :func:`numpy.trim_zeros`

    Example:
        >>> cupy.trim_zeros(cupy.array([0, 0, 1, 2, 0]))
        array([1, 2])
    """
    filt = as_device(filt)
    trim = trim.lower()
    if trim not in {"fb", "bf", "f", "b"}:
        raise ValueError(f"unexpected character(s) in `trim`: {trim!r}")
    if axis is None:
        axes = tuple(range(filt.ndim))
    else:
        axes = normalize_axis_tuple(axis, filt.ndim, "axis")
    if not axes:
        return filt
    nonzero = filt.nonzero()
    if nonzero[0].size == 0:
        # All zero: every trimmed axis becomes empty.
        start = stop = [0] * filt.ndim
    else:
        start = [int(i.min()) for i in nonzero] if "f" in trim else [None] * filt.ndim
        stop = [int(i.max()) + 1 for i in nonzero] if "b" in trim else [None] * filt.ndim
    return filt[tuple(slice(start[d], stop[d]) if d in axes else slice(None)
                      for d in range(filt.ndim))]
