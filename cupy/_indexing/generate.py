"""Generating index arrays: indices, ix_, ravel_multi_index, unravel_index and the
diagonal and triangle index helpers."""
import operator

import numpy

import cupy
from cupy._core.core import ndarray
from cupy._indexing import _kernels

__all__ = ["indices", "ix_", "ravel_multi_index", "unravel_index", "diag_indices",
           "diag_indices_from", "mask_indices", "tril_indices", "tril_indices_from",
           "triu_indices", "triu_indices_from"]

_INTP_MAX = numpy.iinfo(numpy.intp).max


def indices(dimensions, dtype=int, sparse=False):
    """Returns an array representing the indices of a grid.

    Args:
        dimensions (tuple of ints): The shape of the grid.
        dtype (data-type): Data type of the result.
        sparse (bool): Return a tuple of broadcastable arrays (one per axis, each of length
            1 in the other axes) instead of one dense array.

    Returns:
        cupy.ndarray or tuple of cupy.ndarray: A dense array of shape
        ``(len(dimensions),) + dimensions`` whose ``k``-th slice holds the ``k``-th
        coordinate, or the sparse tuple.

    .. seealso:: :func:`numpy.indices`

    Example:
        >>> cupy.indices((2, 3))
        array([[[0, 0, 0],
                [1, 1, 1]],
        <BLANKLINE>
               [[0, 1, 2],
                [0, 1, 2]]])
    """
    dimensions = tuple(operator.index(d) for d in dimensions)
    nd = len(dimensions)
    axes = [cupy.arange(dim, dtype=dtype).reshape((1,) * k + (dim,) + (1,) * (nd - k - 1))
            for k, dim in enumerate(dimensions)]
    if sparse:
        return tuple(axes)
    res = cupy.empty((nd,) + dimensions, dtype=dtype)
    for k, ax in enumerate(axes):
        res[k] = ax    # a broadcast copy along the other axes
    return res


def ix_(*args):
    """Constructs an open mesh from multiple sequences, for indexing cross products.

    Each 1-d sequence ``k`` becomes an array with its values along axis ``k`` and length 1
    in the others; boolean sequences are turned into the indices of their true entries.

    Returns:
        tuple of cupy.ndarray: One array per argument.

    .. seealso:: :func:`numpy.ix_`

    Example:
        >>> rows, cols = cupy.ix_([0, 1], [True, False, True])
        >>> rows.shape, cols.shape
        ((2, 1), (1, 2))
    """
    out = []
    nd = len(args)
    for k, new in enumerate(args):
        if not isinstance(new, ndarray):
            host = numpy.asarray(new)
            if host.size == 0:
                host = host.astype(numpy.intp)    # an empty list would default to float
            new = cupy.asarray(host)
        if new.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if new.dtype == numpy.bool_:
            new = cupy.nonzero(new)[0]
        out.append(new.reshape((1,) * k + (new.size,) + (1,) * (nd - k - 1)))
    return tuple(out)


def _as_dims(dims):
    if isinstance(dims, (int, numpy.integer)):
        return (operator.index(dims),)
    return tuple(operator.index(d) for d in dims)


def _check_order(order):
    if order not in ("C", "F"):
        raise ValueError("only 'C' or 'F' order is permitted")
    return order == "F"


def _int_indices(x):
    """An integer index argument of ravel/unravel_index as a device array."""
    if isinstance(x, ndarray):
        dtype = x.dtype
    else:
        x = numpy.asarray(x)
        dtype = x.dtype
    if dtype.kind not in "biu":
        raise TypeError("only int indices permitted")
    return cupy.asarray(x)


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    """Converts a tuple of index arrays into an array of flat indices.

    Args:
        multi_index (tuple of int array_like): One integer array per axis of ``dims``; they
            broadcast together.
        dims (tuple of ints): The shape of the array the indices refer to.
        mode (str or tuple of str): ``'raise'`` (an entry outside ``[0, n)`` raises
            ValueError), ``'wrap'`` or ``'clip'``, or one mode per axis.
        order (str): ``'C'`` (row-major) or ``'F'`` (column-major) flat indices.

    Returns:
        cupy.ndarray: The int64 flat indices, of the broadcast shape of the indices.

    .. seealso:: :func:`numpy.ravel_multi_index`

    Example:
        >>> cupy.ravel_multi_index((cupy.array([1, 2]), cupy.array([0, 3])), (3, 4))
        array([ 4, 11])
    """
    dims = _as_dims(dims)
    k = len(dims)
    f_order = _check_order(order)
    if isinstance(multi_index, (ndarray, numpy.ndarray)):
        rows = [multi_index[d] for d in range(len(multi_index))]
    else:
        rows = list(multi_index)
    if len(rows) != k:
        raise ValueError(f"parameter multi_index must be a sequence of length {k}")
    if isinstance(mode, (tuple, list)):
        if len(mode) != k:
            raise ValueError(f"list of clipmodes has wrong length ({len(mode)} instead of {k})")
        modes = [_kernels.clip_mode(m) for m in mode]
    else:
        modes = [_kernels.clip_mode(mode)] * k
    modes = [_kernels.RAISE_NONNEGATIVE if m == _kernels.RAISE else m for m in modes]
    size = 1
    for d in dims:
        size *= d
    if size > _INTP_MAX:
        raise ValueError("invalid dims: array size defined by dims is larger than the "
                         "maximum possible size.")
    if 0 in dims:
        raise ValueError("cannot unravel if shape has zero entries (is empty).")
    rows = [_int_indices(r) for r in rows]
    shape = numpy.broadcast_shapes(*[r.shape for r in rows])
    m = 1
    for s in shape:
        m *= s
    out = cupy.empty(shape, numpy.int64)
    if m == 0:
        return out
    coords = cupy.empty((k, m), numpy.int64)
    for d, r in enumerate(rows):
        coords[d].reshape(shape)[...] = r
    mult, acc = [0] * k, 1
    for d in (range(k) if f_order else range(k - 1, -1, -1)):
        mult[d] = acc
        acc *= dims[d]
    # One upload for all per-axis constants: extents, element strides and modes.
    meta = cupy.asarray(numpy.array([dims, mult, modes], dtype=numpy.int64).reshape(3, k))
    flag = _kernels.ErrorFlag(_kernels.RAISE_NONNEGATIVE in modes)
    _kernels._ravel(coords, meta, k, m, flag.array, out)
    if flag.value() is not None:
        raise ValueError("invalid entry in coordinates array")
    return out


def unravel_index(indices, shape, order="C"):
    """Converts flat indices into a tuple of coordinate arrays.

    Args:
        indices (int array_like): Flat indices into an array of shape ``shape``.
        shape (tuple of ints): The shape of that array.
        order (str): ``'C'`` (row-major) or ``'F'`` (column-major) flat indices.

    Returns:
        tuple of cupy.ndarray: One int64 array per axis, each of ``indices``' shape.

    .. seealso:: :func:`numpy.unravel_index`

    Example:
        >>> cupy.unravel_index(cupy.array([1, 5]), (2, 3))
        (array([0, 1]), array([1, 2]))
    """
    dims = _as_dims(shape)
    f_order = _check_order(order)
    if not isinstance(indices, ndarray):
        host = numpy.asarray(indices)
        if host.size == 0 and host.dtype.kind == "f":
            raise TypeError("indices must be integral: the provided empty sequence was "
                            "inferred as float. Wrap it with "
                            "'cupy.array(indices, dtype=cupy.intp)'")
        indices = host
    idx = _int_indices(indices)
    size = 1
    for d in dims:
        size *= d
    if size > _INTP_MAX:
        raise ValueError("dimensions are too large")
    k = len(dims)
    out = cupy.empty((k,) + idx.shape, numpy.int64)
    if idx.size:
        dims_dev = cupy.asarray(numpy.array(dims, dtype=numpy.int64).reshape(k))
        flag = _kernels.ErrorFlag(True)
        _kernels._unravel(idx, dims_dev, k, size, idx.size, int(f_order), flag.array, out)
        bad = flag.value()
        if bad is not None:
            raise ValueError(f"index {bad} is out of bounds for array with size {size}")
    return tuple(out[d] for d in range(k))


def diag_indices(n, ndim=2):
    """Returns the indices of the main diagonal of an ``n``-sized, ``ndim``-d array.

    .. seealso:: :func:`numpy.diag_indices`

    Example:
        >>> cupy.diag_indices(3)
        (array([0, 1, 2]), array([0, 1, 2]))
    """
    idx = cupy.arange(n)
    return (idx,) * ndim


def diag_indices_from(arr):
    """Returns the indices of the main diagonal of ``arr`` (at least 2-d, all axes equal).

    .. seealso:: :func:`numpy.diag_indices_from`

    Example:
        >>> cupy.diag_indices_from(cupy.zeros((2, 2)))
        (array([0, 1]), array([0, 1]))
    """
    if arr.ndim < 2:
        raise ValueError("input array must be at least 2-d")
    if any(s != arr.shape[0] for s in arr.shape[1:]):
        raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(arr.shape[0], arr.ndim)


def mask_indices(n, mask_func, k=0):
    """Returns the indices of the entries of an ``(n, n)`` array that ``mask_func`` keeps.

    Args:
        n (int): Size of the square array.
        mask_func (callable): Called as ``mask_func(a, k)`` on an ``(n, n)`` array of ones
            (e.g. :func:`cupy.triu`); the indices of its nonzero results are returned.
        k (int): Passed to ``mask_func``.

    Returns:
        tuple of cupy.ndarray: Row and column indices, in C order.

    .. seealso:: :func:`numpy.mask_indices`

    Example:
        >>> cupy.mask_indices(3, cupy.triu, 1)
        (array([0, 0, 1]), array([1, 2, 2]))
    """
    kept = mask_func(cupy.ones((n, n), dtype=int), k)
    return cupy.nonzero(kept != 0)


def tril_indices(n, k=0, m=None):
    """Returns the indices of the lower triangle of an ``(n, m)`` array.

    Args:
        n (int): Number of rows.
        k (int): Diagonal offset (see :func:`cupy.tril`).
        m (int): Number of columns (default ``n``).

    Returns:
        tuple of cupy.ndarray: Row and column indices, in C order.

    .. seealso:: :func:`numpy.tril_indices`

    Example:
        >>> cupy.tril_indices(2)
        (array([0, 1, 1]), array([0, 0, 1]))
    """
    return cupy.nonzero(cupy.tri(n, m, k=k, dtype=bool))


def triu_indices(n, k=0, m=None):
    """Returns the indices of the upper triangle of an ``(n, m)`` array.

    Args:
        n (int): Number of rows.
        k (int): Diagonal offset (see :func:`cupy.triu`).
        m (int): Number of columns (default ``n``).

    Returns:
        tuple of cupy.ndarray: Row and column indices, in C order.

    .. seealso:: :func:`numpy.triu_indices`

    Example:
        >>> cupy.triu_indices(2)
        (array([0, 0, 1]), array([0, 1, 1]))
    """
    return cupy.nonzero(~cupy.tri(n, m, k=k - 1, dtype=bool))


def _check_2d(arr):
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")


def tril_indices_from(arr, k=0):
    """Returns the indices of the lower triangle of the 2-d array ``arr``.

    .. seealso:: :func:`numpy.tril_indices_from`

    Example:
        >>> cupy.tril_indices_from(cupy.zeros((2, 3)))
        (array([0, 1, 1]), array([0, 0, 1]))
    """
    _check_2d(arr)
    return tril_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def triu_indices_from(arr, k=0):
    """Returns the indices of the upper triangle of the 2-d array ``arr``.

    .. seealso:: :func:`numpy.triu_indices_from`

    Example:
        >>> cupy.triu_indices_from(cupy.zeros((2, 3)))
        (array([0, 0, 0, 1, 1]), array([0, 1, 2, 1, 2]))
    """
    _check_2d(arr)
    return triu_indices(arr.shape[-2], k=k, m=arr.shape[-1])
