"""Joining arrays: concatenate, stack, hstack, vstack, dstack, column_stack, block."""
import functools
import warnings

import numpy

import cupy
from cupy._core.core import ndarray
from cupy._manipulation import dims
from cupy._manipulation._util import as_device, normalize_axis_index

__all__ = ["concatenate", "concat", "stack", "hstack", "vstack", "row_stack", "dstack",
           "column_stack", "block"]


def _result_type(arrays):
    # Pairwise on dtypes: no argument-count limit, and no array is ever handed to NumPy.
    return functools.reduce(numpy.promote_types, [a.dtype for a in arrays])


def _check_cast(arrays, dtype, casting):
    for a in arrays:
        if not numpy.can_cast(a.dtype, dtype, casting=casting):
            raise TypeError(f"Cannot cast array data from {a.dtype!r} to {dtype!r} "
                            f"according to the rule '{casting}'")


def _concat_shape(arrays, axis):
    """The result shape; raises NumPy's errors for mismatched inputs."""
    first = arrays[0]
    if first.ndim == 0:
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    axis = normalize_axis_index(axis, first.ndim)
    total = 0
    for i, a in enumerate(arrays):
        if a.ndim != first.ndim:
            raise ValueError(
                "all the input arrays must have same number of dimensions, but the array "
                f"at index 0 has {first.ndim} dimension(s) and the array at index {i} has "
                f"{a.ndim} dimension(s)")
        for d in range(first.ndim):
            if d != axis and a.shape[d] != first.shape[d]:
                raise ValueError(
                    "all the input array dimensions except for the concatenation axis must "
                    f"match exactly, but along dimension {d}, the array at index 0 has size "
                    f"{first.shape[d]} and the array at index {i} has size {a.shape[d]}")
        total += a.shape[axis]
    shape = list(first.shape)
    shape[axis] = total
    return tuple(shape), axis


def _result_order(arrays):
    # As NumPy's block: Fortran order only when every input is F- and not C-contiguous.
    if all(a.flags.f_contiguous for a in arrays) and \
            not all(a.flags.c_contiguous for a in arrays):
        return "F"
    return "C"


def concatenate(arrays, /, axis=0, out=None, *, dtype=None, casting="same_kind"):
    """Joins arrays along an existing axis.

    The result is allocated once and each input is copied into its slice.

    Args:
        arrays (sequence of array_like): Arrays with equal shapes except along ``axis``.
        axis (int or None): The axis to join along; ``None`` flattens the inputs first.
        out (cupy.ndarray): Destination of the result.
        dtype (dtype): Result dtype (not together with ``out``); by default the
            ``result_type`` of the inputs.
        casting (str): Casting rule checked from each input to the result dtype.

    .. seealso:: :func:`numpy.concatenate`

    Example:
        >>> cupy.concatenate([cupy.zeros((1, 2)), cupy.ones((2, 2))]).shape
        (3, 2)
    """
    if out is not None and dtype is not None:
        raise TypeError("concatenate() only takes `out` or `dtype` as an argument, but both "
                        "were provided.")
    arrays = [as_device(a) for a in arrays]
    if not arrays:
        raise ValueError("need at least one array to concatenate")
    if axis is None:
        arrays = [a.ravel() for a in arrays]
        axis = 0
    shape, axis = _concat_shape(arrays, axis)
    if out is not None:
        if not isinstance(out, ndarray):
            raise TypeError("out must be a cupy.ndarray")
        if out.ndim != len(shape):
            raise ValueError("Output array has wrong dimensionality")
        if out.shape != shape:
            raise ValueError("Output array is the wrong shape")
        _check_cast(arrays, out.dtype, casting)
        result = out
    else:
        dtype = _result_type(arrays) if dtype is None else numpy.dtype(dtype)
        _check_cast(arrays, dtype, casting)
        result = cupy.empty(shape, dtype, order=_result_order(arrays))
    start = 0
    for a in arrays:
        stop = start + a.shape[axis]
        if a.size:
            # Assignment reads an input that aliases ``out`` before writing it.
            result[(slice(None),) * axis + (slice(start, stop),)] = a
        start = stop
    return result


def concat(arrays, /, axis=0, out=None, *, dtype=None, casting="same_kind"):
    """Array API name of :func:`concatenate`.

    Example:
        >>> cupy.concat([cupy.arange(2), cupy.arange(3)])
        array([0, 1, 0, 1, 2])
    """
    return concatenate(arrays, axis, out, dtype=dtype, casting=casting)


def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    """Joins arrays of one shape along a new axis.

    Args:
        arrays (sequence of array_like): Arrays of the same shape.
        axis (int): Position of the new axis in the result.
        out (cupy.ndarray): Destination of the result.
        dtype (dtype): Result dtype (not together with ``out``).
        casting (str): Casting rule checked from each input to the result dtype.

    .. seealso:: :func:`numpy.stack`

    Example:
        >>> cupy.stack([cupy.arange(3), cupy.arange(3)], axis=1).shape
        (3, 2)
    """
    arrays = [as_device(a) for a in arrays]
    if not arrays:
        raise ValueError("need at least one array to stack")
    shape = arrays[0].shape
    if any(a.shape != shape for a in arrays):
        raise ValueError("all input arrays must have the same shape")
    axis = normalize_axis_index(axis, len(shape) + 1)
    expanded = [a[(slice(None),) * axis + (None,)] for a in arrays]
    return concatenate(expanded, axis, out, dtype=dtype, casting=casting)


def hstack(tup, *, dtype=None, casting="same_kind"):
    """Joins arrays column-wise (along axis 1, or axis 0 for 1-d inputs).

    .. seealso:: :func:`numpy.hstack`

    Example:
        >>> cupy.hstack([cupy.arange(2), cupy.arange(3)])
        array([0, 1, 0, 1, 2])
    """
    arrs = [dims.atleast_1d(a) for a in tup]
    axis = 0 if arrs and arrs[0].ndim == 1 else 1
    return concatenate(arrs, axis, dtype=dtype, casting=casting)


def vstack(tup, *, dtype=None, casting="same_kind"):
    """Joins arrays row-wise (along axis 0 after making them at least 2-d).

    .. seealso:: :func:`numpy.vstack`

    Example:
        >>> cupy.vstack([cupy.arange(3), cupy.arange(3)]).shape
        (2, 3)
    """
    return concatenate([dims.atleast_2d(a) for a in tup], 0, dtype=dtype, casting=casting)


def row_stack(tup, *, dtype=None, casting="same_kind"):
    """Deprecated alias of :func:`vstack` (as in NumPy 2).

    Example:
        >>> cupy.row_stack([cupy.arange(2), cupy.arange(2)]).shape  # doctest: +SKIP
        (2, 2)
    """
    warnings.warn("`row_stack` alias is deprecated. Use `np.vstack` directly.",
                  DeprecationWarning, stacklevel=2)
    return vstack(tup, dtype=dtype, casting=casting)


def dstack(tup):
    """Joins arrays depth-wise (along axis 2 after making them at least 3-d).

    .. seealso:: :func:`numpy.dstack`

    Example:
        >>> cupy.dstack([cupy.arange(3), cupy.arange(3)]).shape
        (1, 3, 2)
    """
    return concatenate([dims.atleast_3d(a) for a in tup], 2)


def column_stack(tup):
    """Stacks 1-d arrays as columns of a 2-d array (2-d inputs join along axis 1).

    .. seealso:: :func:`numpy.column_stack`

    Example:
        >>> cupy.column_stack([cupy.arange(3), cupy.arange(3)]).shape
        (3, 2)
    """
    arrays = []
    for a in tup:
        a = as_device(a)
        if a.ndim < 2:
            a = dims.atleast_2d(a).T    # a 0-d or 1-d input becomes one column
        arrays.append(a)
    return concatenate(arrays, 1)


def _block_index(index):
    return "arrays" + "".join(f"[{i}]" for i in index if i is not None)


def _block_check_depths(arrays, parent_index=()):
    """(index of the first leaf, largest leaf ndim); raises NumPy's errors for tuples,
    empty lists and uneven nesting."""
    if isinstance(arrays, tuple):
        raise TypeError(f"{_block_index(parent_index)} is a tuple. Only lists can be used to "
                        "arrange blocks, and np.block does not allow implicit conversion from "
                        "tuple to ndarray.")
    if isinstance(arrays, list) and arrays:
        results = [_block_check_depths(a, parent_index + (i,)) for i, a in enumerate(arrays)]
        first_index, max_ndim = results[0]
        for index, nd in results[1:]:
            max_ndim = max(max_ndim, nd)
            if len(index) != len(first_index):
                raise ValueError(
                    "List depths are mismatched. First element was at depth "
                    f"{len(first_index)}, but there is an element at depth {len(index)} "
                    f"({_block_index(index)})")
            if index[-1] is None:
                first_index = index    # keep the marker of an empty list at the bottom
        return first_index, max_ndim
    if isinstance(arrays, list):
        return parent_index + (None,), 0
    return parent_index, numpy.ndim(arrays)


def _atleast_nd(a, ndim):
    a = as_device(a)
    return a.reshape((1,) * (ndim - a.ndim) + a.shape) if a.ndim < ndim else a


def _block_layout(arrays, max_depth, result_ndim, depth=0):
    """(shape, index prefix of each leaf, leaves) of a nested block."""
    if depth == max_depth:
        a = _atleast_nd(arrays, result_ndim)
        return a.shape, [()], [a]
    parts = [_block_layout(a, max_depth, result_ndim, depth + 1) for a in arrays]
    axis = result_ndim - max_depth + depth
    first = parts[0][0]
    for shape, _, _ in parts:
        if shape[:axis] != first[:axis] or shape[axis + 1:] != first[axis + 1:]:
            raise ValueError(f"Mismatched array shapes in block along axis {axis}.")
    slices, leaves, start = [], [], 0
    for shape, inner, arrs in parts:
        prefix = (slice(start, start + shape[axis]),)
        start += shape[axis]
        slices.extend(prefix + s for s in inner)
        leaves.extend(arrs)
    return first[:axis] + (start,) + first[axis + 1:], slices, leaves


def block(arrays):
    """Assembles an array from nested lists of blocks.

    Blocks in the innermost lists are joined along the last axis, the next level along the
    second-to-last axis, and so on. The result is allocated once.

    .. seealso:: :func:`numpy.block`

    Example:
        >>> a = cupy.ones((2, 2))
        >>> cupy.block([[a, cupy.zeros((2, 1))], [cupy.zeros((1, 3))]]).shape
        (3, 3)
    """
    bottom_index, arr_ndim = _block_check_depths(arrays)
    list_ndim = len(bottom_index)
    if bottom_index and bottom_index[-1] is None:
        raise ValueError(f"List at {_block_index(bottom_index)} cannot be empty")
    result_ndim = max(arr_ndim, list_ndim)
    shape, slices, leaves = _block_layout(arrays, list_ndim, result_ndim)
    dtype = _result_type(leaves)
    result = cupy.empty(shape, dtype, order=_result_order(leaves))
    for sl, a in zip(slices, leaves):
        result[(Ellipsis,) + sl] = a
    return result
