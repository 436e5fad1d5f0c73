"""Set routines: unique (and the array API's unique_*), isin, in1d, intersect1d, union1d,
setdiff1d, setxor1d.

All of them work on sorted data (the stable device sort of :mod:`cupy._sorting.sort`): unique
values start where a sorted element differs from its predecessor, and membership is a binary
search in the sorted test elements. Results whose size depends on the data read one count back
from the device (as boolean indexing does).
"""
from typing import NamedTuple

import numpy
from numpy.lib.array_utils import normalize_axis_index

from cupy._core.core import ndarray
from cupy._sorting import _sort_kernels
from cupy._sorting.sort import _sort_along, sort

__all__ = ["unique", "unique_all", "unique_counts", "unique_inverse", "unique_values", "isin",
           "in1d", "intersect1d", "union1d", "setdiff1d", "setxor1d"]


class UniqueAllResult(NamedTuple):
    values: ndarray
    indices: ndarray
    inverse_indices: ndarray
    counts: ndarray


class UniqueCountsResult(NamedTuple):
    values: ndarray
    counts: ndarray


class UniqueInverseResult(NamedTuple):
    values: ndarray
    inverse_indices: ndarray


def _as_device(a):
    if isinstance(a, ndarray):
        return a
    import cupy
    return cupy.asarray(a)


def _from_mask(mask, perm, n, return_index, return_inverse, return_counts):
    """The optional outputs of unique, given where each value starts (``mask``) in the
    sorted order ``perm`` of ``n`` elements."""
    import cupy
    ret = ()
    if return_index:
        ret += (perm[mask],)
    starts = cupy.flatnonzero(mask) if return_inverse or return_counts else None
    if return_inverse:
        inverse = ndarray((n,), numpy.int64)
        _sort_kernels.kernel("unique_inverse", numpy.int64)(
            starts, starts.size, perm, inverse, size=n)
        ret += (inverse,)
    if return_counts:
        bounds = cupy.concatenate((starts, cupy.array([n], numpy.int64)))
        ret += (bounds[1:] - bounds[:-1],)
    return ret


def _unique1d(ar, return_index, return_inverse, return_counts, equal_nan):
    ar = ar.ravel()
    if return_index or return_inverse:
        aux, perm = _sort_along(ar, 0, True)
    else:
        aux, perm = _sort_along(ar, 0, False)
    mask = ndarray(aux.shape, numpy.bool_)
    _sort_kernels.kernel("unique_mask", aux.dtype)(
        aux, bool(equal_nan) and aux.dtype.kind in "fc", mask)
    return (aux[mask],) + _from_mask(mask, perm, ar.size, return_index, return_inverse,
                                     return_counts)


def _unique_rows(ar, axis, return_index, return_inverse, return_counts):
    """unique along ``axis``: the sub-arrays ``ar[..., i, ...]`` are compared as wholes
    (lexicographically, in C order, NaN last in each position; equal when all elements are
    ``==``, as NumPy compares them through a structured dtype)."""
    import cupy
    moved = cupy.moveaxis(ar, axis, 0)
    shape = moved.shape
    n = shape[0]
    m = 1
    for d in shape[1:]:
        m *= d
    rows = cupy.ascontiguousarray(moved.reshape(n, m))
    perm = None
    if n:
        # lexsort: a stable sort per column, from the last column to the first.
        for c in range(m - 1, -1, -1):
            col = cupy.ascontiguousarray(rows[:, c])
            _, perm = _sort_kernels.sort_rows(col, n, True, perm, want_keys=False)
    if perm is None:
        perm = cupy.arange(n, dtype=numpy.int64)
    mask = ndarray((n,), numpy.bool_)
    _sort_kernels.kernel("unique_rows_mask", rows.dtype)(rows, perm, m, mask)
    values = rows[perm[mask]]
    values = values.reshape(values.shape[:1] + shape[1:])
    values = cupy.moveaxis(values, 0, axis)
    return (values,) + _from_mask(mask, perm, n, return_index, return_inverse, return_counts)


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *,
           equal_nan=True, sorted=True):
    """The sorted unique elements of an array.

    Args:
        ar (cupy.ndarray): input array; flattened unless ``axis`` is given.
        return_index (bool): also return the index of the first occurrence of each value.
        return_inverse (bool): also return the indices that rebuild ``ar`` from the values
            (shaped like ``ar`` when ``axis`` is None, else 1-d).
        return_counts (bool): also return how often each value occurs.
        axis (int or None): find unique sub-arrays along this axis instead.
        equal_nan (bool): count all NaNs as one value (only when ``axis`` is None).
        sorted (bool): accepted for compatibility; the values are always sorted.

    Returns:
        cupy.ndarray or tuple of cupy.ndarray: the values, then the requested outputs.

    .. seealso:: :func:`numpy.unique`

    Example:
        >>> cupy.unique(cupy.array([3, 1, 3, 2]), return_counts=True)
        (array([1, 2, 3]), array([1, 1, 2]))
    """
    ar = _as_device(ar)
    if axis is None or ar.ndim == 1:
        if axis is not None:
            normalize_axis_index(axis, ar.ndim)
        ret = _unique1d(ar, return_index, return_inverse, return_counts, equal_nan)
        if return_inverse:
            k = 1 + bool(return_index)
            ret = ret[:k] + (ret[k].reshape(ar.shape),) + ret[k + 1:]
    else:
        axis = normalize_axis_index(axis, ar.ndim)
        ret = _unique_rows(ar, axis, return_index, return_inverse, return_counts)
    return ret[0] if len(ret) == 1 else ret


def unique_all(x):
    """Unique values with first indices, inverse indices and counts (NaNs are distinct).

    .. seealso:: :func:`numpy.unique_all`

    Example:
        >>> cupy.unique_all(cupy.array([2, 1, 2])).counts
        array([1, 2])
    """
    return UniqueAllResult(*unique(x, True, True, True, equal_nan=False))


def unique_counts(x):
    """Unique values and their counts (NaNs are distinct).

    .. seealso:: :func:`numpy.unique_counts`

    Example:
        >>> cupy.unique_counts(cupy.array([2, 1, 2]))
        UniqueCountsResult(values=array([1, 2]), counts=array([1, 2]))
    """
    return UniqueCountsResult(*unique(x, return_counts=True, equal_nan=False))


def unique_inverse(x):
    """Unique values and the indices that rebuild ``x`` from them (NaNs are distinct).

    .. seealso:: :func:`numpy.unique_inverse`

    Example:
        >>> cupy.unique_inverse(cupy.array([2, 1, 2])).inverse_indices
        array([1, 0, 1])
    """
    return UniqueInverseResult(*unique(x, return_inverse=True, equal_nan=False))


def unique_values(x):
    """Unique values (NaNs are distinct). Returned sorted; NumPy leaves the order
    unspecified.

    .. seealso:: :func:`numpy.unique_values`

    Example:
        >>> cupy.unique_values(cupy.array([2, 1, 2]))
        array([1, 2])
    """
    return unique(x, equal_nan=False)


def _isin(element, test_elements, invert, kind):
    import cupy
    if kind not in (None, "sort", "table"):
        raise ValueError(f"Invalid kind: '{kind}'. Please use None, 'sort' or 'table'.")
    element = _as_device(element)
    test = _as_device(test_elements).ravel()
    if kind == "table" and not (element.dtype.kind in "biu" and test.dtype.kind in "biu"):
        raise ValueError("The 'table' method is only supported for boolean or integer "
                         "arrays. Please select 'sort' or None for kind.")
    if element.dtype.kind in "biu" and test.dtype.kind in "biu" and kind != "sort":
        out = _isin_table(element, test, invert, kind == "table")
        if out is not None:
            return out
    dtype = numpy.promote_types(element.dtype, test.dtype)
    sorted_test = sort(test.astype(dtype, copy=False))
    out = ndarray(element.shape, numpy.bool_)
    _sort_kernels.kernel("isin", dtype)(
        element.astype(dtype, copy=False), cupy.ascontiguousarray(sorted_test),
        sorted_test.size, bool(invert), out)
    return out


def _isin_table(element, test, invert, forced):
    """isin of integers through a table over [min, max] of ``test``, under NumPy's conditions
    (the table is at most 6 times the inputs, unless ``forced``); None when they fail."""
    import cupy
    out = ndarray(element.shape, numpy.bool_)
    if test.size == 0:
        out.fill(invert)
        return out
    lo, hi = int(test.min()), int(test.max())
    span = hi - lo
    # NumPy refuses a range that overflows the dtype of the test elements; the kernels also
    # need the test elements to fit in int64.
    limit = numpy.iinfo(numpy.uint8 if test.dtype.kind == "b" else test.dtype).max
    if span > limit or hi > numpy.iinfo(numpy.int64).max:
        if forced:
            raise RuntimeError("You have specified kind='table', but the range of values in "
                               "`ar2` or `ar1` exceed the maximum integer of the datatype. "
                               "Please set `kind` to None or 'sort'.")
        return None
    if not forced and span > 6 * (element.size + test.size):
        return None
    table = cupy.zeros(span + 1, dtype=numpy.bool_)
    _sort_kernels.kernel("isin_table_fill", test.dtype)(test, lo, table)
    _sort_kernels.kernel("isin_table_lookup", element.dtype)(
        element, table, lo, hi, bool(invert), out)
    return out


def isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    """Whether each element of ``element`` is in ``test_elements``.

    Found by a binary search of every element in the sorted test elements (or, for integers,
    in a table); values compare with ``==`` in their common dtype (so NaN is never found).

    Args:
        element (cupy.ndarray): input array.
        test_elements (cupy.ndarray): the values to look for (flattened).
        assume_unique (bool): accepted for compatibility (the result does not depend on it).
        invert (bool): return whether each element is *not* in ``test_elements``.
        kind (str): None, 'sort' or 'table'. Integer inputs use a table over the range of
            the test elements when it is small (at most 6 times the inputs, as in NumPy) or
            when 'table' is asked for; otherwise, and for 'sort', a binary search.

    Returns:
        cupy.ndarray: bool array with the shape of ``element``.

    .. seealso:: :func:`numpy.isin`

    Example:
        >>> cupy.isin(cupy.array([[1, 2], [3, 4]]), cupy.array([2, 3]))
        array([[False,  True],
               [ True, False]])
    """
    return _isin(element, test_elements, invert, kind)


def in1d(ar1, ar2, assume_unique=False, invert=False, *, kind=None):
    """Whether each element of the flattened ``ar1`` is in ``ar2`` (1-d result).

    NumPy 2 removed this function in favour of :func:`isin`; it is kept for CuPy
    compatibility.

    .. seealso:: :func:`isin`

    Example:
        >>> cupy.in1d(cupy.array([[1, 2], [3, 4]]), cupy.array([2, 3]))
        array([False,  True,  True, False])
    """
    return _isin(_as_device(ar1).ravel(), ar2, invert, kind)


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    """The sorted unique values present in both arrays.

    Args:
        ar1, ar2 (cupy.ndarray): input arrays (flattened).
        assume_unique (bool): the inputs are known to be unique (skips finding their unique
            values; wrong results otherwise).
        return_indices (bool): also return the indices of the first occurrences of the
            common values in ``ar1`` and ``ar2``.

    Returns:
        cupy.ndarray or tuple of cupy.ndarray

    .. seealso:: :func:`numpy.intersect1d`

    Example:
        >>> cupy.intersect1d(cupy.array([1, 3, 4, 3]), cupy.array([3, 1, 2, 1]))
        array([1, 3])
    """
    import cupy
    ar1 = _as_device(ar1)
    ar2 = _as_device(ar2)
    if not assume_unique:
        if return_indices:
            ar1, ind1 = unique(ar1, return_index=True)
            ar2, ind2 = unique(ar2, return_index=True)
        else:
            ar1 = unique(ar1)
            ar2 = unique(ar2)
    else:
        ar1 = ar1.ravel()
        ar2 = ar2.ravel()
    aux = cupy.concatenate((ar1, ar2))
    if return_indices:
        aux, order = _sort_along(aux, 0, True)
    else:
        aux = sort(aux)
    # In the stable sort of the concatenation, a common value appears once from each input,
    # the one from ar1 first.
    mask = aux[1:] == aux[:-1]
    int1d = aux[:-1][mask]
    if not return_indices:
        return int1d
    ar1_indices = order[:-1][mask]
    ar2_indices = order[1:][mask] - ar1.size
    if not assume_unique:
        ar1_indices = ind1[ar1_indices]
        ar2_indices = ind2[ar2_indices]
    return int1d, ar1_indices, ar2_indices


def union1d(ar1, ar2):
    """The sorted unique values present in either array.

    .. seealso:: :func:`numpy.union1d`

    Example:
        >>> cupy.union1d(cupy.array([-1, 0, 1]), cupy.array([-2, 0, 2]))
        array([-2, -1,  0,  1,  2])
    """
    import cupy
    return unique(cupy.concatenate((_as_device(ar1).ravel(), _as_device(ar2).ravel())))


def setdiff1d(ar1, ar2, assume_unique=False):
    """The unique values of ``ar1`` that are not in ``ar2`` (sorted unless
    ``assume_unique``, in which case the order of ``ar1`` is kept).

    .. seealso:: :func:`numpy.setdiff1d`

    Example:
        >>> cupy.setdiff1d(cupy.array([1, 2, 3, 2, 4, 1]), cupy.array([3, 4, 5, 6]))
        array([1, 2])
    """
    if assume_unique:
        ar1 = _as_device(ar1).ravel()
    else:
        ar1 = unique(ar1)
        ar2 = unique(ar2)
    return ar1[_isin(ar1, ar2, True, None)]


def setxor1d(ar1, ar2, assume_unique=False):
    """The sorted unique values that are in exactly one of the arrays.

    .. seealso:: :func:`numpy.setxor1d`

    Example:
        >>> cupy.setxor1d(cupy.array([1, 2, 3, 2, 4]), cupy.array([2, 3, 5, 7, 5]))
        array([1, 4, 5, 7])
    """
    import cupy
    if not assume_unique:
        ar1 = unique(ar1)
        ar2 = unique(ar2)
    aux = cupy.concatenate((_as_device(ar1).ravel(), _as_device(ar2).ravel()))
    if aux.size == 0:
        return aux
    aux = sort(aux)
    edge = cupy.ones(1, dtype=numpy.bool_)
    flag = cupy.concatenate((edge, aux[1:] != aux[:-1], edge))
    return aux[flag[1:] & flag[:-1]]
