"""Norms and condition numbers: ``norm``, ``matrix_norm``, ``vector_norm``, ``cond``.

Vector norms and the entrywise matrix norms are reductions (``sum``/``max``/``min`` of
``abs``); the spectral (2, -2) and nuclear norms and the condition number go through the SVD.
Everything is built from cupy array operations, with NumPy's ``numpy.linalg.norm`` semantics.
"""
import numpy
from numpy.lib.array_utils import normalize_axis_index, normalize_axis_tuple

import cupy
from cupy.linalg import _util
from cupy.linalg._decomposition import svd
from cupy.linalg._util import LinAlgError

__all__ = ["norm", "matrix_norm", "vector_norm", "cond"]

_inf = numpy.inf


def _max0(x, axis, keepdims=False):
    """``x.max(axis, initial=0)``: zeros where the reduced axis is empty."""
    if x.shape[axis] == 0:
        shape = list(x.shape)
        if keepdims:
            shape[axis] = 1
        else:
            del shape[axis]
        return cupy.zeros(tuple(shape), x.dtype)
    return x.max(axis=axis, keepdims=keepdims)


def _abs2(x):
    """``|x|**2`` in ``x``'s real type."""
    if x.dtype.kind == "c":
        return x.real * x.real + x.imag * x.imag
    return x * x


def _multi_svd_norm(x, row_axis, col_axis, op):
    s = svd(cupy.moveaxis(x, (row_axis, col_axis), (-2, -1)), compute_uv=False)
    if op == "max":
        return _max0(s, -1)
    if op == "min":
        return s.min(axis=-1)
    return s.sum(axis=-1)


def norm(x, ord=None, axis=None, keepdims=False):
    """Matrix or vector norm (NumPy's ``numpy.linalg.norm``).

    ============  ==============================  ==========================
    ord           norm for matrices               norm for vectors
    ============  ==============================  ==========================
    None          Frobenius                       2-norm
    'fro'         Frobenius                       --
    'nuc'         nuclear (sum of singular values) --
    inf           max(sum(abs(x), axis=1))        max(abs(x))
    -inf          min(sum(abs(x), axis=1))        min(abs(x))
    0             --                              number of nonzero entries
    1             max(sum(abs(x), axis=0))        sum(abs(x))
    -1            min(sum(abs(x), axis=0))        1 / sum(1 / abs(x))
    2             largest singular value          2-norm
    -2            smallest singular value         sum(abs(x)**ord)**(1./ord)
    other         --                              sum(abs(x)**ord)**(1./ord)
    ============  ==============================  ==========================

    Args:
        x (cupy.ndarray): input; integers and bool are converted to float64. With
            ``axis=None`` it must be 1-d or 2-d unless ``ord`` is None.
        ord: the order (table above).
        axis (None, int or 2-tuple of ints): the vector axis, or the two matrix axes; None
            means the whole 1-d or 2-d array (the flattened array when ``ord`` is None).
        keepdims (bool): keep the normed axes with length one.

    Returns:
        cupy.ndarray: the norms, in ``x``'s real type.

    Example:
        >>> a = cupy.arange(9.) - 4
        >>> cupy.linalg.norm(a), cupy.linalg.norm(a.reshape(3, 3), 1)
        (array(7.74596669), array(7.))
    """
    x = _util.asarray(x)
    if x.dtype.kind not in "fc":
        x = x.astype(numpy.float64)
    if axis is None:
        ndim = x.ndim
        if ord is None or (ord in ("f", "fro") and ndim == 2) or (ord == 2 and ndim == 1):
            ret = cupy.sqrt(_abs2(x.ravel()).sum())
            if keepdims:
                ret = ret.reshape(ndim * [1])
            return ret
    nd = x.ndim
    if axis is None:
        axis = tuple(range(nd))
    elif not isinstance(axis, tuple):
        try:
            axis = int(axis)
        except Exception as e:
            raise TypeError("'axis' must be None, an integer or a tuple of integers") from e
        axis = (axis,)

    if len(axis) == 1:
        if isinstance(ord, str):
            raise ValueError(f"Invalid norm order '{ord}' for vectors")
        if ord == _inf:
            return _max0(abs(x), axis[0], keepdims)
        if ord == -_inf:
            return abs(x).min(axis=axis, keepdims=keepdims)
        if ord == 0:
            return (x != 0).astype(x.real.dtype).sum(axis=axis, keepdims=keepdims)
        if ord == 1:
            return abs(x).sum(axis=axis, keepdims=keepdims)
        if ord is None or ord == 2:
            return cupy.sqrt(_abs2(x).sum(axis=axis, keepdims=keepdims))
        ret = (abs(x) ** ord).sum(axis=axis, keepdims=keepdims)
        # The exponent rounded to the result type, as NumPy does.
        return ret ** numpy.reciprocal(ord, dtype=ret.dtype)

    if len(axis) == 2:
        row_axis = normalize_axis_index(axis[0], nd)
        col_axis = normalize_axis_index(axis[1], nd)
        if row_axis == col_axis:
            raise ValueError("Duplicate axes given.")
        if ord == 2:
            ret = _multi_svd_norm(x, row_axis, col_axis, "max")
        elif ord == -2:
            ret = _multi_svd_norm(x, row_axis, col_axis, "min")
        elif ord == 1:
            if col_axis > row_axis:
                col_axis -= 1
            ret = _max0(abs(x).sum(axis=row_axis), col_axis)
        elif ord == _inf:
            if row_axis > col_axis:
                row_axis -= 1
            ret = _max0(abs(x).sum(axis=col_axis), row_axis)
        elif ord == -1:
            if col_axis > row_axis:
                col_axis -= 1
            ret = abs(x).sum(axis=row_axis).min(axis=col_axis)
        elif ord == -_inf:
            if row_axis > col_axis:
                row_axis -= 1
            ret = abs(x).sum(axis=col_axis).min(axis=row_axis)
        elif ord in (None, "fro", "f"):
            ret = cupy.sqrt(_abs2(x).sum(axis=axis))
        elif ord == "nuc":
            ret = _multi_svd_norm(x, row_axis, col_axis, "sum")
        else:
            raise ValueError("Invalid norm order for matrices.")
        if keepdims:
            ret_shape = list(x.shape)
            ret_shape[axis[0]] = 1
            ret_shape[axis[1]] = 1
            ret = ret.reshape(ret_shape)
        return ret
    raise ValueError("Improper number of dimensions to norm.")


def matrix_norm(x, /, *, keepdims=False, ord="fro"):
    """Norm of each matrix in the stack ``x`` (..., M, N) (Array API): ``norm(x, ord,
    axis=(-2, -1), keepdims=keepdims)``.

    Example:
        >>> cupy.linalg.matrix_norm(cupy.ones((2, 3, 3)), ord=1)
        array([3., 3.])
    """
    return norm(_util.asarray(x), axis=(-2, -1), keepdims=keepdims, ord=ord)


def vector_norm(x, /, *, axis=None, keepdims=False, ord=2):
    """Vector norm over ``axis`` (Array API): None flattens ``x``; a tuple of axes norms the
    vectors formed by those axes together.

    Example:
        >>> cupy.linalg.vector_norm(cupy.ones((2, 3, 4)), axis=(0, 2))
        array([2.82842712, 2.82842712, 2.82842712])
    """
    x = _util.asarray(x)
    shape = list(x.shape)
    if axis is None:
        x = x.ravel()
        _axis = 0
    elif isinstance(axis, tuple):
        normalized = normalize_axis_tuple(axis, x.ndim)
        rest = tuple(i for i in range(x.ndim) if i not in normalized)
        x = x.transpose(normalized + rest).reshape(
            (_util.prod(x.shape[i] for i in normalized),) + tuple(x.shape[i] for i in rest))
        _axis = 0
    else:
        _axis = axis
    res = norm(x, axis=_axis, ord=ord)
    if keepdims:
        for i in normalize_axis_tuple(range(len(shape)) if axis is None else axis,
                                      len(shape)):
            shape[i] = 1
        res = res.reshape(tuple(shape))
    return res


def cond(x, p=None):
    """Condition number of stacked matrices in the norm ``p``.

    Args:
        x (cupy.ndarray): ``(..., M, N)`` matrices (square unless ``p`` is None, 2 or -2).
        p: None or 2 (ratio of the largest to the smallest singular value), -2 (its
            inverse), or a matrix norm order of :func:`norm` ('fro', 'nuc', 1, -1, inf,
            -inf) for ``norm(x, p) * norm(inv(x), p)``.

    Returns:
        cupy.ndarray: ``(...)`` condition numbers; ``inf`` for a singular matrix (unless it
        contains NaN).

    Raises:
        LinAlgError: ``x`` is empty, or not square for a norm order that needs it.

    Example:
        >>> cupy.linalg.cond(cupy.array([[1., 0.], [0., 4.]]))
        array(4.)
    """
    x = _util.asarray(x)
    if x.size == 0 and _util.prod(x.shape[-2:]) == 0:
        raise LinAlgError("cond is not defined on empty arrays")
    if p is None or p == 2 or p == -2:
        s = svd(x, compute_uv=False)
        if p == -2:
            r = s[..., -1] / s[..., 0]
        else:
            r = s[..., 0] / s[..., -1]
    else:
        _util.assert_stacked_square(x)
        dtype = _util.linalg_type(x)
        from cupy.linalg._solve import _inv
        invx, info = _inv(x, dtype)
        # NumPy's inverse of a singular matrix is all NaN; the NaN norm becomes inf below.
        failed = (info > 0).reshape(x.shape[:-2] + (1, 1))
        invx = cupy.where(failed, numpy.nan, invx)
        r = norm(x, p, axis=(-2, -1)) * norm(invx, p, axis=(-2, -1))
        r = r.astype(_util.real_type(dtype), copy=False)
    # NaN from a singular matrix means an infinite condition number, unless x had NaN.
    nan_mask = cupy.isnan(r) & ~cupy.isnan(x).any(axis=(-2, -1))
    return cupy.where(nan_mask, _inf, r)
