"""Samplers whose draws are vectors: ``dirichlet``, ``multinomial``, ``multivariate_normal``,
and ``multivariate_hypergeometric``.

``dirichlet``, ``multinomial`` and ``multivariate_hypergeometric`` run one kernel thread (one
Philox stream) per output row; ``multivariate_normal`` transforms standard normal draws by a
factor of the covariance that ``cupy.linalg`` computes on the device. Shared by
``RandomState`` (``legacy=True``: NumPy's legacy checks) and ``Generator``.
"""
import numbers
import operator
import warnings

import numpy

import cupy
from cupy.random import _kernels
from cupy.random import _sampling

_F8 = numpy.float64


def _row_shape(size, vector_len):
    """``size`` followed by the length of one draw, NumPy's output shape of vector samplers."""
    shape = _sampling.normalize_size(size)
    if shape is None:
        return (vector_len,)
    if any(s < 0 for s in shape):
        raise ValueError("negative dimensions are not allowed")
    return shape + (vector_len,)


def _as_vector(x, name):
    """A 1-d float64 device array from ``x``, with NumPy's errors for other ranks."""
    if isinstance(x, cupy.ndarray):
        arr = x
    else:
        if numpy.ndim(x) == 0:
            raise TypeError(f"object of type '{type(x).__name__}' has no len()")
        arr = numpy.asarray(x, _F8)
    if arr.ndim == 0:
        raise TypeError(f"{name} must be a 1-d sequence")
    if arr.ndim > 1:
        raise ValueError("object too deep for desired array")
    return cupy.asarray(arr, _F8)


def dirichlet(bitgen, alpha, size, dtype=_F8, legacy=True):
    alpha = _as_vector(alpha, "alpha")
    k = alpha.shape[0]
    if legacy:
        _sampling.check(alpha, lambda v: v <= 0, "alpha <= 0")
    else:
        _sampling.check(alpha, lambda v: v < 0, "alpha < 0")
    dtype = _sampling.float_dtype(dtype)
    shape = _row_shape(size, k)
    rows = int(numpy.prod(shape[:-1], dtype=numpy.int64))
    if k == 0 or rows == 0:
        return cupy.empty(shape, dtype)
    amax = float(alpha.max())
    if amax == 0.0:
        return cupy.zeros(shape, dtype)   # every component has weight 0 (Generator only)
    # Stick breaking below NumPy's threshold: there the gamma variates underflow.
    stick = amax < 0.1
    csum = cupy.cumsum(alpha[::-1])[::-1].copy() if stick else alpha
    out = cupy.empty(shape, _F8)
    seed, offset = bitgen._next_stream()
    _kernels.sampler("dirichlet")(alpha, csum, numpy.int64(k), numpy.int32(stick),
                                  numpy.uint64(seed), numpy.uint32(offset), out, size=rows)
    return out if dtype == _F8 else out.astype(dtype)


_INT64_MAX = int(numpy.iinfo(numpy.int64).max)
# NumPy's bound on the population of the "marginals" method.
_MARGINALS_MAX = 10**9


def multivariate_hypergeometric(bitgen, colors, nsample, size, method):
    """Counts per color of ``nsample`` items drawn without replacement (``Generator`` only).

    Both of NumPy's methods give the same distribution; both are sampled by the conditional
    hypergeometric counts of NumPy's "marginals" method (NumPy's "count" walks the items
    one by one, so it only limits the population by memory), and each keeps NumPy's limits.
    The few ``colors`` are checked on the host."""
    if method not in ("count", "marginals"):
        raise ValueError('method must be "count" or "marginals".')
    try:
        nsample = operator.index(nsample)
    except TypeError:
        raise ValueError("nsample must be an integer") from None
    if nsample < 0:
        raise ValueError("nsample must be nonnegative.")
    if nsample > _INT64_MAX:
        raise ValueError(f"nsample must not exceed {_INT64_MAX}")
    host = cupy.asnumpy(colors) if isinstance(colors, cupy.ndarray) else numpy.asarray(colors)
    if (host.ndim != 1 or (host.size > 0 and host.dtype.kind not in "iu")
            or ((host < 0) | (host > _INT64_MAX)).any()):
        raise ValueError("colors must be a one-dimensional sequence of nonnegative integers "
                         f"not exceeding {_INT64_MAX}.")
    total = sum(int(c) for c in host)
    if total > _INT64_MAX:
        raise ValueError("sum(colors) must not exceed the maximum value of a 64 bit signed "
                         f"integer ({_INT64_MAX})")
    if nsample > total:
        raise ValueError("nsample > sum(colors)")
    k = host.shape[0]
    shape = _row_shape(size, k)
    out = cupy.zeros(shape, numpy.int64)
    if k == 0:
        return out
    if method == "marginals" and total >= _MARGINALS_MAX:
        raise ValueError('When method is "marginals", sum(colors) must be less than '
                         f"{_MARGINALS_MAX}.")
    rows = int(numpy.prod(shape[:-1], dtype=numpy.int64))
    if rows == 0:
        return out
    seed, offset = bitgen._next_stream()
    _kernels.sampler("multivariate_hypergeometric")(
        cupy.asarray(host.astype(numpy.int64)), numpy.int64(k), numpy.int64(total),
        numpy.int64(nsample), numpy.uint64(seed), numpy.uint32(offset), out, size=rows)
    return out


# Tolerance of NumPy's check that sum(pvals[:-1]) <= 1.
_PVALS_SLACK = 1e-12


def multinomial(bitgen, n, pvals, size, legacy=True):
    if legacy:
        # NumPy's legacy ``n`` is a C long and ``pvals`` one vector.
        n = n.get() if isinstance(n, cupy.ndarray) else n
        if not isinstance(n, (numbers.Real, numpy.ndarray)):
            raise TypeError("an integer is required")
        n = int(n)
        if not isinstance(pvals, cupy.ndarray) and numpy.ndim(pvals) == 0:
            raise TypeError("pvals must be a 1-d sequence")
        pvals = _as_vector(pvals, "pvals")
    else:
        if isinstance(pvals, cupy.ndarray):
            pvals = pvals.astype(_F8, copy=False)
        else:
            pvals = cupy.asarray(numpy.asarray(pvals, _F8))
        if pvals.ndim == 0 or pvals.shape[-1] == 0:
            raise ValueError("pvals must have at least 1 dimension and the last dimension "
                             "of pvals must be greater than 0.")
    k = pvals.shape[-1]
    _sampling.check(pvals, lambda v: (v < 0) | (v > 1) | cupy.isnan(v),
                    "pvals < 0, pvals > 1 or pvals contains NaNs")
    if k > 1 and bool((pvals[..., :-1].sum(axis=-1) > 1.0 + _PVALS_SLACK).any()):
        raise ValueError("sum(pvals[:-1]) > 1.0" if pvals.ndim == 1
                         else "sum(pvals[...,:-1]) > 1.0")
    if isinstance(n, cupy.ndarray):
        n = n.astype(numpy.int64)
    elif numpy.ndim(n) > 0:
        n = cupy.asarray(numpy.asarray(n).astype(numpy.int64))
    else:
        n = int(n)
    _sampling.check(n, lambda v: v < 0, "n < 0")
    row_shape = _multinomial_rows(n, pvals, size)
    out = cupy.empty(row_shape + (k,), numpy.int64)
    rows = int(numpy.prod(row_shape, dtype=numpy.int64))
    if rows == 0 or k == 0:
        return out
    if pvals.ndim > 1:
        pvals = cupy.ascontiguousarray(cupy.broadcast_to(pvals, row_shape + (k,)))
        pstride = k
    else:
        pvals = cupy.ascontiguousarray(pvals)
        pstride = 0
    seed, offset = bitgen._next_stream()
    args = (numpy.int64(k), numpy.int64(pstride), numpy.uint64(seed), numpy.uint32(offset), out)
    kernel = _kernels.sampler("multinomial")
    if isinstance(n, cupy.ndarray):
        kernel(cupy.broadcast_to(n, row_shape), pvals, *args)
    else:
        kernel(numpy.int64(n), pvals, *args, size=rows)
    return out


def _multinomial_rows(n, pvals, size):
    """The shape of the rows of a multinomial draw.

    With a scalar ``n`` and one vector ``pvals``, it is ``size``. Otherwise (``Generator``
    only) ``n`` and the rows of ``pvals`` broadcast together, and with ``size``, which must be
    their broadcast shape; the errors are NumPy's, which broadcasts ``(n, pvals[..., 0],
    empty(size))`` in this order."""
    shape = _sampling.normalize_size(size)
    if shape is not None and any(s < 0 for s in shape):
        raise ValueError("negative dimensions are not allowed")
    if not isinstance(n, cupy.ndarray) and pvals.ndim == 1:
        return () if shape is None else shape
    n_shape = n.shape if isinstance(n, cupy.ndarray) else ()
    shapes = (n_shape, pvals.shape[:-1]) + (() if shape is None else (shape,))
    rows = numpy.broadcast_shapes(*shapes)
    if shape is not None and rows != shape:
        raise ValueError(f"Output size {shape} is not compatible with broadcast dimensions "
                         f"of inputs {rows}.")
    return rows


_CHECK_VALID = ("warn", "raise", "ignore")
_METHODS = ("svd", "eigh", "cholesky")


def multivariate_normal(bitgen, mean, cov, size, check_valid, tol, method, dtype=_F8):
    """Draws ``mean + z @ factor.T`` for standard normal ``z``, ``factor @ factor.T == cov``.

    The factor comes from ``cupy.linalg``: ``cholesky`` (fails unless ``cov`` is positive
    definite), ``eigh`` or ``svd`` (both accept a positive semi-definite ``cov``; they check it
    as NumPy does, within ``tol``, and warn or raise as ``check_valid`` says)."""
    if method not in _METHODS:
        raise ValueError("method must be one of {'eigh', 'svd', 'cholesky'}")
    dtype = _sampling.float_dtype(dtype)
    mean = cupy.asarray(mean, dtype=_F8)
    cov = cupy.asarray(cov, dtype=_F8)
    shape = _sampling.normalize_size(size)
    shape = () if shape is None else shape
    if mean.ndim != 1:
        raise ValueError("mean must be 1 dimensional")
    if cov.ndim != 2 or cov.shape[0] != cov.shape[1]:
        raise ValueError("cov must be 2 dimensional and square")
    if mean.shape[0] != cov.shape[0]:
        raise ValueError("mean and cov must have same length")
    if not isinstance(tol, numbers.Real):
        raise TypeError(f"tol must be a real number, not {type(tol).__name__}")
    n = mean.shape[0]
    if method == "cholesky":
        # As NumPy's Generator: a failed factorization is the check (LinAlgError).
        factor = cupy.linalg.cholesky(cov)
    else:
        if method == "eigh":
            s, u = cupy.linalg.eigh(cov)
        else:
            u, s, vh = cupy.linalg.svd(cov)
        if check_valid != "ignore":
            if check_valid not in _CHECK_VALID:
                raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
            if method == "eigh":
                psd = not bool((s < -tol).any())
            else:
                psd = bool(cupy.allclose((vh.T * s) @ vh, cov, rtol=tol, atol=tol))
            if not psd:
                if check_valid == "warn":
                    warnings.warn("covariance is not symmetric positive-semidefinite.",
                                  RuntimeWarning, stacklevel=3)
                else:
                    raise ValueError("covariance is not symmetric positive-semidefinite.")
        # eigh: |s| keeps the square root real for slightly negative eigenvalues.
        factor = u * cupy.sqrt(cupy.abs(s) if method == "eigh" else s)
    z = _sampling.draw(bitgen, "standard_normal", shape + (n,), _F8)
    x = z @ factor.T
    x += mean
    return x if dtype == _F8 else x.astype(dtype)
