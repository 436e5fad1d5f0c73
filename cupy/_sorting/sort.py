"""Sorting: sort, argsort, lexsort, sort_complex, partition, argpartition.

Every routine sorts along one axis by moving that axis last, making the array C-contiguous and
sorting its rows on the device (:func:`cupy._sorting._sort_kernels.sort_rows`: a stable radix
sort for long rows of real keys, a stable merge sort otherwise). The order is NumPy's: NaN
last, complex numbers by real then imaginary part.
"""
import operator

import numpy
from numpy.lib.array_utils import normalize_axis_index

from cupy._core.core import ndarray
from cupy._sorting import _sort_kernels

__all__ = ["sort", "argsort", "lexsort", "sort_complex", "partition", "argpartition"]


def _as_device(a):
    if isinstance(a, ndarray):
        return a
    import cupy
    return cupy.asarray(a)


def _check_sort_args(kind, order, stable):
    # Every kind gives the same (stable) result; only NumPy's argument checks remain.
    if kind is not None and stable is not None:
        raise ValueError("`kind` and keyword parameters can't be provided at the same time. "
                         "Use only one of them.")
    if kind is not None:
        if not isinstance(kind, str):
            raise TypeError(f"sort kind must be str, not {type(kind).__name__}")
        if not kind or kind[0].lower() not in "qhms":
            raise ValueError(f"sort kind must be one of 'quick', 'heap', or 'stable' "
                             f"(got {kind!r})")
    _check_order(order)


def _check_order(order):
    if order is not None:
        raise ValueError("Cannot specify order when the array has no fields.")


def _moved_axes(ndim, axis):
    axes = [i for i in range(ndim) if i != axis] + [axis]
    inverse = [0] * ndim
    for i, ax in enumerate(axes):
        inverse[ax] = i
    return axes, inverse


def _rows(a, axis):
    """``a`` with ``axis`` moved last, C-contiguous (a copy only when needed), and the
    permutation that moves the axis back."""
    axes, inverse = _moved_axes(a.ndim, axis)
    moved = a.transpose(axes)
    if not moved.flags.c_contiguous:
        moved = moved.copy()
    return moved, inverse


def _sort_along(a, axis, with_index, want_keys=True):
    """``(keys, positions)``: ``a`` stably sorted along ``axis`` (normalised) and the positions
    along the axis the keys came from (None unless ``with_index``), shaped like ``a``. With
    ``want_keys`` False the keys may be None."""
    moved, inverse = _rows(a, axis)
    keys, idx = _sort_kernels.sort_rows(moved, moved.shape[-1], with_index,
                                        want_keys=want_keys)
    return tuple(None if x is None else x.transpose(inverse) for x in (keys, idx))


def _c_order(x):
    if x.flags.c_contiguous:
        return x
    import cupy
    return cupy.ascontiguousarray(x)


def _order_k(x, like):
    """``x`` laid out as NumPy's ``like.copy(order='K')`` is for C and Fortran layouts."""
    if like.flags.f_contiguous and not like.flags.c_contiguous:
        if x.flags.f_contiguous:
            return x
        import cupy
        return cupy.asfortranarray(x)
    return _c_order(x)


def _sort_axis(a, axis):
    """``(a, axis)``: flattened when ``axis`` is None, else ``axis`` normalised."""
    if axis is None:
        return a.ravel(), 0
    return a, normalize_axis_index(operator.index(axis), a.ndim)


def sort(a, axis=-1, kind=None, order=None, *, stable=None):
    """A sorted copy of an array.

    NaNs are sorted to the end; complex numbers are ordered by their real parts, then by their
    imaginary parts. Every ``kind`` uses the same stable sort on the device.

    Args:
        a (cupy.ndarray): array to sort.
        axis (int or None): axis to sort along; None sorts the flattened array.
        kind (str): accepted for compatibility ('quicksort', 'mergesort', 'heapsort', 'stable').
        order: not supported for arrays without fields (raises ValueError when given).
        stable (bool): accepted for compatibility; the sort is always stable.

    Returns:
        cupy.ndarray: the sorted array, with the shape and dtype of ``a``.

    .. seealso:: :func:`numpy.sort`

    Example:
        >>> cupy.sort(cupy.array([[3, 1, 2], [0, cupy.nan, -1]]))
        array([[ 1.,  2.,  3.],
               [-1.,  0., nan]])
    """
    _check_sort_args(kind, order, stable)
    a = _as_device(a)
    src, axis = _sort_axis(a, axis)
    keys, _ = _sort_along(src, axis, False)
    return _order_k(keys, src)


def _ndarray_sort(a, axis=-1, kind=None, order=None, *, stable=None):
    """Sort ``a`` in place along ``axis`` (the body of ``ndarray.sort``).

    Example:
        >>> x = cupy.array([3, 1, 2])
        >>> _ndarray_sort(x)
        >>> x
        array([1, 2, 3])
    """
    _check_sort_args(kind, order, stable)
    if axis is None:
        raise TypeError("'NoneType' object cannot be interpreted as an integer")
    axis = normalize_axis_index(operator.index(axis), a.ndim)
    if a.size:
        keys, _ = _sort_along(a, axis, False)
        a[...] = keys


def argsort(a, axis=-1, kind=None, order=None, *, stable=None):
    """Indices that sort an array along an axis.

    The sort is stable: equal elements (including ``-0.0`` and ``0.0``, and all NaNs) keep
    their original order. A 0-d array is treated as 1-d, as NumPy does.

    Args:
        a (cupy.ndarray): array to sort.
        axis (int or None): axis to sort along; None sorts the flattened array.
        kind (str): accepted for compatibility; the sort is always stable.
        order: not supported for arrays without fields (raises ValueError when given).
        stable (bool): accepted for compatibility.

    Returns:
        cupy.ndarray: int64 indices with the shape of ``a`` (1-d for ``axis=None``).

    .. seealso:: :func:`numpy.argsort`

    Example:
        >>> cupy.argsort(cupy.array([2, 1, 2, 0]))
        array([3, 1, 0, 2])
    """
    _check_sort_args(kind, order, stable)
    a = _as_device(a)
    if a.ndim == 0:
        a = a.reshape(1)
    src, axis = _sort_axis(a, axis)
    _, idx = _sort_along(src, axis, True, want_keys=False)
    return _c_order(idx)


def lexsort(keys, axis=-1):
    """Indirect stable sort by several keys: the last key is the primary one.

    Sorted by one stable sort per key, from the first key to the last, each sorting the key in
    the order found so far.

    Args:
        keys (cupy.ndarray or sequence of cupy.ndarray): ``k`` arrays of one shape, or an
            array whose first axis runs over the keys.
        axis (int): axis to sort along.

    Returns:
        cupy.ndarray: int64 indices that sort the keys along ``axis``.

    .. seealso:: :func:`numpy.lexsort`

    Example:
        >>> surnames = cupy.array([2, 1, 2, 1])
        >>> first = cupy.array([0, 3, 1, 2])
        >>> cupy.lexsort((first, surnames))
        array([3, 1, 0, 2])
    """
    if isinstance(keys, ndarray):
        if keys.ndim == 0:
            raise TypeError("need sequence of keys with len > 0 in lexsort")
        keys = [keys[i] for i in range(keys.shape[0])]
    else:
        keys = [_as_device(k) for k in keys]
    if not keys:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    shape = keys[0].shape
    if any(k.shape != shape for k in keys):
        raise ValueError("all keys need to be the same shape")
    axis = operator.index(axis)
    if len(shape) == 0:
        import cupy
        return cupy.zeros((), dtype=numpy.int64)
    axis = normalize_axis_index(axis, len(shape))
    perm = None
    inverse = None
    for k in keys:
        moved, inverse = _rows(k, axis)
        _, perm = _sort_kernels.sort_rows(moved, moved.shape[-1], True, perm, want_keys=False)
    return _c_order(perm.transpose(inverse))


def sort_complex(a):
    """Sort a complex array by the real part, then the imaginary part (along the last axis).

    Real inputs are converted to complex: int8, uint8, int16 and uint16 to complex64, the
    others to complex128, as NumPy does.

    .. seealso:: :func:`numpy.sort_complex`

    Example:
        >>> cupy.sort_complex(cupy.array([1 + 2j, 2 - 1j, 1 - 1j]))
        array([1.-1.j, 1.+2.j, 2.-1.j])
    """
    b = sort(a)
    if b.dtype.kind != "c":
        b = b.astype(numpy.complex64 if b.dtype.char in "bhBH" else numpy.complex128)
    return b


def _kth_array(kth, n, check_bounds):
    """``kth`` as a host int array, checked as NumPy checks it."""
    if isinstance(kth, ndarray):
        kth = kth.get()
    k = numpy.asarray(kth)
    if k.ndim > 1:
        raise ValueError("kth must be a scalar or a 1-d sequence of integers")
    if k.dtype == numpy.bool_:
        raise ValueError("Booleans unacceptable as partition index")
    if k.dtype.kind not in "iu":
        raise TypeError("Partition index must be integer")
    if check_bounds:
        for v in k.ravel().tolist():
            w = v + n if v < 0 else v
            if not 0 <= w < n:
                raise ValueError(f"kth(={w}) out of bounds ({n})")
    return k


def partition(a, kth, axis=-1, kind="introselect", order=None):
    """A copy of an array partitioned around its ``kth`` elements.

    Element ``kth`` of the result is where it would be in the sorted array, the elements before
    it are not greater and those after it are not smaller. This implementation sorts the whole
    axis (so the result is the sorted array, which meets that contract for every ``kth``).

    Args:
        a (cupy.ndarray): array to partition.
        kth (int or sequence of int): element indices to partition by (negative counts from
            the end).
        axis (int or None): axis to partition along; None uses the flattened array.
        kind (str): must be ``'introselect'``.
        order: not supported for arrays without fields (raises ValueError when given).

    Returns:
        cupy.ndarray: the partitioned array.

    .. seealso:: :func:`numpy.partition`

    Example:
        >>> cupy.partition(cupy.array([3, 4, 2, 1]), 2)[2]
        array(3)
    """
    _check_partition_args(kind, order)
    a = _as_device(a)
    src, axis = _sort_axis(a, axis)
    _kth_array(kth, src.shape[axis], src.size > 0)
    keys, _ = _sort_along(src, axis, False)
    return _order_k(keys, src)


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """Indices that partition an array around its ``kth`` elements.

    Implemented by a full stable sort of the axis (see :func:`partition`). A 0-d array is
    treated as 1-d, as NumPy does.

    Args:
        a (cupy.ndarray): array to partition.
        kth (int or sequence of int): element indices to partition by.
        axis (int or None): axis to partition along; None uses the flattened array.
        kind (str): must be ``'introselect'``.
        order: not supported for arrays without fields (raises ValueError when given).

    Returns:
        cupy.ndarray: int64 indices with the shape of ``a`` (1-d for ``axis=None``).

    .. seealso:: :func:`numpy.argpartition`

    Example:
        >>> cupy.argpartition(cupy.array([3, 4, 2, 1]), 2)[2]
        array(0)
    """
    _check_partition_args(kind, order)
    a = _as_device(a)
    if a.ndim == 0:
        a = a.reshape(1)
    src, axis = _sort_axis(a, axis)
    _kth_array(kth, src.shape[axis], src.size > 0)
    _, idx = _sort_along(src, axis, True, want_keys=False)
    return _c_order(idx)


def _check_partition_args(kind, order):
    if kind != "introselect":
        raise ValueError(f"select kind must be 'introselect' (got {kind!r})")
    _check_order(order)
