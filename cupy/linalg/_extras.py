"""The array-API style linear algebra routines and chained products: multi_dot, cross,
diagonal, matrix_transpose, outer, trace, vecdot, matvec and vecmat.

The ``numpy.linalg`` versions act on the last axes (matrices are the last two, vectors the
last one) and broadcast the leading "batch" axes; ``vecdot``, ``matvec`` and ``vecmat`` are
NumPy's gufuncs written as batched :func:`cupy.matmul` calls, so they share its BLAS paths.
"""
import numpy
from numpy.lib.array_utils import normalize_axis_index

import cupy
from cupy._core.core import ndarray
from cupy.linalg import _product
from cupy.linalg._util import LinAlgError

__all__ = ["multi_dot", "cross", "diagonal", "matrix_transpose", "outer", "trace", "vecdot",
           "matvec", "vecmat"]


def _asarray(x):
    return x if isinstance(x, ndarray) else cupy.asarray(x)


def _chain_order(shapes):
    """The split table of the cheapest parenthesization (classic matrix-chain DP)."""
    n = len(shapes)
    p = [shapes[0][0]] + [s[1] for s in shapes]
    m = numpy.zeros((n, n))
    s = numpy.zeros((n, n), dtype=numpy.intp)
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            m[i, j] = numpy.inf
            for k in range(i, j):
                q = m[i, k] + m[k + 1, j] + p[i] * p[k + 1] * p[j + 1]
                if q < m[i, j]:
                    m[i, j] = q
                    s[i, j] = k
    return s


def _chain(arrays, order, i, j, out=None):
    if i == j:
        return arrays[i]
    k = order[i, j]
    return _product.dot(_chain(arrays, order, i, k), _chain(arrays, order, k + 1, j), out=out)


def multi_dot(arrays, *, out=None):
    """The product of two or more arrays in the cheapest evaluation order.

    The first array may be 1-d (a row vector) and the last 1-d (a column vector); the rest
    must be 2-d.

    Example:
        >>> a = cupy.ones((10, 2)); b = cupy.ones((2, 10)); c = cupy.ones((10, 3))
        >>> cupy.linalg.multi_dot([a, b, c]).shape
        (10, 3)

    .. seealso:: :func:`numpy.linalg.multi_dot`
    """
    n = len(arrays)
    if n < 2:
        raise ValueError("Expecting at least two arrays.")
    if n == 2:
        return _product.dot(arrays[0], arrays[1], out=out)
    arrays = [_asarray(a) for a in arrays]
    ndim_first, ndim_last = arrays[0].ndim, arrays[-1].ndim
    if ndim_first == 1:
        arrays[0] = arrays[0][None, :]
    if ndim_last == 1:
        arrays[-1] = arrays[-1][:, None]
    for a in arrays:
        if a.ndim != 2:
            raise LinAlgError(
                f"{a.ndim}-dimensional array given. Array must be two-dimensional")
    order = _chain_order([a.shape for a in arrays])
    result = _chain(arrays, order, 0, n - 1)
    if ndim_first == 1 and ndim_last == 1:
        result = result[0, 0]
    elif ndim_first == 1 or ndim_last == 1:
        result = result.ravel()
    if out is not None:
        out[...] = result
        return out
    return result


def cross(x1, x2, /, *, axis=-1):
    """Cross product of (arrays of) 3-element vectors along ``axis``.

    Example:
        >>> cupy.linalg.cross(cupy.array([1, 0, 0]), cupy.array([0, 1, 0]))
        array([0, 0, 1])

    .. seealso:: :func:`numpy.linalg.cross`
    """
    x1 = _asarray(x1)
    x2 = _asarray(x2)
    if x1.shape[axis] != 3 or x2.shape[axis] != 3:
        raise ValueError("Both input arrays must be (arrays of) 3-dimensional vectors, but "
                         f"they are {x1.shape[axis]} and {x2.shape[axis]} dimensional "
                         "instead.")
    return cupy.cross(x1, x2, axis=axis)


def diagonal(x, /, *, offset=0):
    """The ``offset``-th diagonals of the matrices in the last two axes (a view).

    Example:
        >>> cupy.linalg.diagonal(cupy.arange(4).reshape(2, 2))
        array([0, 3])

    .. seealso:: :func:`numpy.linalg.diagonal`
    """
    return _asarray(x).diagonal(offset=offset, axis1=-2, axis2=-1)


def matrix_transpose(x, /):
    """Transpose of the matrices in the last two axes (a view).

    Example:
        >>> cupy.linalg.matrix_transpose(cupy.arange(6).reshape(2, 3)).shape
        (3, 2)

    .. seealso:: :func:`numpy.linalg.matrix_transpose`
    """
    x = _asarray(x)
    if x.ndim < 2:
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {x.ndim}")
    return cupy.swapaxes(x, -1, -2)


def outer(x1, x2, /):
    """Outer product of two 1-d vectors.

    Example:
        >>> cupy.linalg.outer(cupy.array([1, 2]), cupy.array([3, 4]))
        array([[3, 4],
               [6, 8]])

    .. seealso:: :func:`numpy.linalg.outer`
    """
    x1 = _asarray(x1)
    x2 = _asarray(x2)
    if x1.ndim != 1 or x2.ndim != 1:
        raise ValueError("Input arrays must be one-dimensional, but they are "
                         f"x1.ndim={x1.ndim} and x2.ndim={x2.ndim}.")
    return _product.outer(x1, x2)


def trace(x, /, *, offset=0, dtype=None):
    """Sum along the ``offset``-th diagonals of the matrices in the last two axes.

    Example:
        >>> cupy.linalg.trace(cupy.arange(8).reshape(2, 2, 2))
        array([ 3, 11])

    .. seealso:: :func:`numpy.linalg.trace`
    """
    return _product.trace(_asarray(x), offset=offset, axis1=-2, axis2=-1, dtype=dtype)


def _vector_last(x, axis):
    return cupy.moveaxis(x, normalize_axis_index(axis, x.ndim), -1)


def _check_core(n1, n2, name, sig):
    if n1 != n2:
        raise ValueError(f"{name}: Input operand 1 has a mismatch in its core dimension 0, "
                         f"with gufunc signature {sig} (size {n2} is different from {n1})")


def vecdot(x1, x2, /, *, axis=-1):
    """Vector dot product along ``axis``, ``sum(conj(x1) * x2)``, broadcasting the other
    axes.

    Example:
        >>> cupy.vecdot(cupy.array([[1, 2], [3, 4]]), cupy.array([1, 1]))
        array([3, 7])

    .. seealso:: :func:`numpy.vecdot`
    """
    x1 = _asarray(x1)
    x2 = _asarray(x2)
    if x1.ndim == 0 or x2.ndim == 0:
        raise ValueError("vecdot: Input operand does not have enough dimensions")
    x1 = _vector_last(x1, axis)
    x2 = _vector_last(x2, axis)
    _check_core(x1.shape[-1], x2.shape[-1], "vecdot", "(n),(n)->()")
    if x1.dtype.kind == "c":
        x1 = x1.conj()
    return _product.matmul(x1[..., None, :], x2[..., :, None])[..., 0, 0]


def matvec(x1, x2, /):
    """Matrix-vector product over the last axes, ``x1 @ x2`` with ``x1`` of shape
    ``(..., m, n)`` and ``x2`` of shape ``(..., n)``; batch axes broadcast.

    Example:
        >>> cupy.matvec(cupy.array([[1, 2], [3, 4]]), cupy.array([1, 1]))
        array([3, 7])

    .. seealso:: :func:`numpy.matvec`
    """
    x1 = _asarray(x1)
    x2 = _asarray(x2)
    if x1.ndim < 2 or x2.ndim < 1:
        raise ValueError("matvec: Input operand does not have enough dimensions")
    _check_core(x1.shape[-1], x2.shape[-1], "matvec", "(m,n),(n)->(m)")
    return _product.matmul(x1, x2[..., :, None])[..., 0]


def vecmat(x1, x2, /):
    """Vector-matrix product over the last axes, ``conj(x1) @ x2`` with ``x1`` of shape
    ``(..., n)`` and ``x2`` of shape ``(..., n, m)``; batch axes broadcast.

    Example:
        >>> cupy.vecmat(cupy.array([1, 1]), cupy.array([[1, 2], [3, 4]]))
        array([4, 6])

    .. seealso:: :func:`numpy.vecmat`
    """
    x1 = _asarray(x1)
    x2 = _asarray(x2)
    if x1.ndim < 1 or x2.ndim < 2:
        raise ValueError("vecmat: Input operand does not have enough dimensions")
    _check_core(x1.shape[-1], x2.shape[-2], "vecmat", "(n),(n,m)->(m)")
    if x1.dtype.kind == "c":
        x1 = x1.conj()
    return _product.matmul(x1[..., None, :], x2)[..., 0, :]
