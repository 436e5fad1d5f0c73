"""Weighted means and second moments between variables: average, cov, corrcoef."""
import warnings

import numpy

import cupy

__all__ = ["average", "cov", "corrcoef"]


def _weights(wgt, a, axis):
    """``wgt`` broadcastable against ``a`` (NumPy's shape rules for ``average``)."""
    if a.shape == wgt.shape:
        return wgt
    if axis is None:
        raise TypeError("Axis must be specified when shapes of a and weights differ.")
    if wgt.shape != tuple(a.shape[ax] for ax in axis):
        raise ValueError("Shape of weights must be consistent with shape of a along "
                         "specified axis.")
    wgt = wgt.transpose(tuple(int(i) for i in numpy.argsort(axis)))
    return wgt.reshape(tuple(s if ax in axis else 1 for ax, s in enumerate(a.shape)))


def average(a, axis=None, weights=None, returned=False, *, keepdims=False):
    """Weighted average along the given axes: ``sum(a * w) / sum(w)``.

    Without ``weights`` this is :func:`cupy.mean`. ``weights`` has ``a``'s shape, or the
    shape of ``a`` along ``axis``. ``returned`` adds the sum of the weights (broadcast to
    the result's shape) to the return value.

    .. seealso:: :func:`numpy.average`

    Example:
        >>> cupy.average(cupy.array([1.0, 2.0, 4.0]), weights=cupy.array([1, 1, 2]))
        array(2.75)
    """
    a = cupy.asarray(a)
    if axis is not None:
        axis = numpy.lib.array_utils.normalize_axis_tuple(axis, a.ndim, argname="axis")
    if weights is None:
        avg = cupy.mean(a, axis, keepdims=keepdims)
        scl = cupy.full((), a.size / max(avg.size, 1), avg.dtype)
    else:
        wgt = _weights(cupy.asarray(weights), a, axis)
        if a.dtype.kind in "biu":
            result_dtype = numpy.result_type(a.dtype, wgt.dtype, "f8")
        else:
            result_dtype = numpy.result_type(a.dtype, wgt.dtype)
        scl = cupy.sum(wgt, axis=axis, dtype=result_dtype, keepdims=keepdims)
        # A one-bool device read: NumPy refuses to divide by a zero weight sum.
        if bool(cupy.any(scl == 0)):
            raise ZeroDivisionError("Weights sum to zero, can't be normalized")
        prod = cupy.multiply(a.astype(result_dtype), wgt.astype(result_dtype))
        avg = cupy.sum(prod, axis=axis, keepdims=keepdims) / scl
    if returned:
        if scl.shape != avg.shape:
            scl = cupy.broadcast_to(scl, avg.shape).copy()
        return avg, scl
    return avg


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *,
        dtype=None):
    """Covariance matrix of the variables in the rows (``rowvar``) or columns of ``m``.

    ``y`` adds more variables; ``fweights`` (integer repeat counts) and ``aweights``
    (observation weights) weight the observations; the normalisation is ``N - ddof``
    (``ddof`` defaults to 1, or 0 with ``bias``).

    .. seealso:: :func:`numpy.cov`

    Example:
        >>> cupy.cov(cupy.array([[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]))
        array([[ 1., -1.],
               [-1.,  1.]])
    """
    if ddof is not None and ddof != int(ddof):
        raise ValueError("ddof must be integer")
    m = cupy.asarray(m)
    if m.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    if y is not None:
        y = cupy.asarray(y)
        if y.ndim > 2:
            raise ValueError("y has more than 2 dimensions")
    if dtype is None:
        dtype = numpy.result_type(m.dtype, numpy.float64) if y is None else \
            numpy.result_type(m.dtype, y.dtype, numpy.float64)
    X = cupy.array(m, ndmin=2, dtype=dtype)
    if not rowvar and m.ndim != 1:
        X = X.T
    if X.shape[0] == 0:
        return cupy.empty((0, 0), dtype=numpy.float64)
    if y is not None:
        y = cupy.array(y, ndmin=2, dtype=dtype)
        if not rowvar and y.shape[0] != 1:
            y = y.T
        X = cupy.concatenate((X, y), axis=0)
    if ddof is None:
        ddof = 0 if bias else 1
    w = None
    if fweights is not None:
        fweights = cupy.asarray(fweights, dtype=numpy.float64)
        if not bool(cupy.all(fweights == cupy.around(fweights))):
            raise TypeError("fweights must be integer")
        if fweights.ndim > 1:
            raise RuntimeError("cannot handle multidimensional fweights")
        if fweights.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and fweights")
        if bool(cupy.any(fweights < 0)):
            raise ValueError("fweights cannot be negative")
        w = fweights
    if aweights is not None:
        aweights = cupy.asarray(aweights, dtype=numpy.float64)
        if aweights.ndim > 1:
            raise RuntimeError("cannot handle multidimensional aweights")
        if aweights.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and aweights")
        if bool(cupy.any(aweights < 0)):
            raise ValueError("aweights cannot be negative")
        w = aweights if w is None else w * aweights
    avg, w_sum = average(X, axis=1, weights=w, returned=True)
    # The normalisation is one scalar, read back to choose NumPy's warning.
    w_sum = w_sum[0].item()
    if w is None:
        fact = X.shape[1] - ddof
    elif ddof == 0:
        fact = w_sum
    elif aweights is None:
        fact = w_sum - ddof
    else:
        fact = w_sum - ddof * cupy.sum(w * aweights).item() / w_sum
    if fact <= 0:
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=2)
        fact = 0.0
    # NumPy subtracts in place, so the data keep their dtype.
    X = (X - avg[:, None]).astype(X.dtype, copy=False)
    X_T = X.T if w is None else (X * w).T
    c = cupy.dot(X, X_T.conj())
    c = c * float(numpy.true_divide(1, fact))
    return c.squeeze()


def corrcoef(x, y=None, rowvar=True, *, dtype=None):
    """Pearson correlation coefficients: the covariance matrix normalised by the standard
    deviations, clipped to [-1, 1] (real and imaginary parts separately).

    .. seealso:: :func:`numpy.corrcoef`

    Example:
        >>> cupy.corrcoef(cupy.array([[0.0, 1.0, 2.0], [2.0, 1.0, 0.5]]))[0, 1]
        array(-0.98198051)
    """
    c = cov(x, y, rowvar, dtype=dtype)
    if c.ndim == 0:
        # One variable: NaN for a zero, infinite or NaN variance, 1 otherwise.
        return c / c
    stddev = cupy.sqrt(cupy.diag(c).real)
    c = c / stddev[:, None]
    c = c / stddev[None, :]
    if c.dtype.kind == "c":
        return (cupy.clip(c.real, -1, 1) + 1j * cupy.clip(c.imag, -1, 1)).astype(c.dtype)
    return cupy.clip(c, -1, 1)
