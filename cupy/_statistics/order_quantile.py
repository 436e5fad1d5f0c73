"""Order statistics from sorted slices: median, percentile, quantile and their NaN forms.

Every reduced slice is sorted on the device (NaNs sort last), then one elementwise kernel
picks or interpolates the order statistics following NumPy's ``_quantile`` exactly: the
same virtual indices, clamping and two-sided ``lerp``, so results match bit for bit in
float64.
"""
import warnings

import numpy

import cupy
from cupy._core._kernel import ElementwiseKernel

__all__ = ["median", "nanmedian", "percentile", "quantile", "nanpercentile", "nanquantile"]

# Method codes shared with the kernel: (code, alpha, beta) for the continuous ones.
_DISCRETE = {"inverted_cdf": 1, "closest_observation": 2, "lower": 3, "higher": 4,
             "nearest": 5}
_CONTINUOUS = {"linear": (10, 1.0, 1.0), "interpolated_inverted_cdf": (11, 0.0, 1.0),
               "hazen": (11, 0.5, 0.5), "weibull": (11, 0.0, 0.0),
               "median_unbiased": (11, 1 / 3.0, 1 / 3.0),
               "normal_unbiased": (11, 3 / 8.0, 3 / 8.0),
               "midpoint": (12, 0.0, 0.0), "averaged_inverted_cdf": (13, 0.0, 0.0)}
_MEDIAN = 20

# s: sorted rows of length N; cnt: valid (non-NaN) values per row; q: the quantiles.
# ``strict`` makes a slice holding a NaN yield NaN (the non-NaN-ignoring functions).
_pick = ElementwiseKernel(
    "raw T s, raw int64 cnt, raw float64 q, int64 rows, int64 N, int32 method, "
    "float64 alpha, float64 beta, bool strict, float64 nanv", "R out", """
    const long long r = i % rows;
    const T* row = &s[r * N];
    const long long n = cnt[r];
    const double nd = (double)n, qq = q[i / rows];
    if (n == 0 || (strict && isnan((double)row[N - 1]))) {
        out = _cupy_cast<R>(nanv);
    } else if (method == 20) {
        // A mean of the middle pair, as numpy.median computes it.
        const double a = (double)row[(n - 1) / 2], b = (double)row[n / 2];
        out = _cupy_cast<R>(n % 2 ? a : (a + b) / 2.0);
    } else if (method < 10) {
        long long k;
        if (method == 1 || method == 2) {
            const double v = method == 1 ? nd * qq - 1.0 : nd * qq - 1.5;
            const double p = floor(v), g = v - p;
            const bool take_prev = method == 1 ? g == 0.0
                                               : (g == 0.0 && fmod(p, 2.0) != 0.0);
            k = (long long)(take_prev ? p : p + 1.0);
            if (k < 0) k = 0;
        } else if (method == 3) {
            k = (long long)floor((nd - 1.0) * qq);
        } else if (method == 4) {
            k = (long long)ceil((nd - 1.0) * qq);
        } else {
            k = (long long)rint((nd - 1.0) * qq);
        }
        out = _cupy_cast<R>(row[k]);
    } else {
        double v;
        if (method == 10) v = (nd - 1.0) * qq;
        else if (method == 11) v = nd * qq + (alpha + qq * (1.0 - alpha - beta)) - 1.0;
        else if (method == 12) v = 0.5 * (floor((nd - 1.0) * qq) + ceil((nd - 1.0) * qq));
        else v = nd * qq - 1.0;
        // NumPy indexes -1 (the last valid value) above the range and 0 below it; gamma
        // is measured from that index, which only matters for the t >= 0.5 branch.
        double p = floor(v);
        long long lo = (long long)p, hi = lo + 1;
        if (v >= nd - 1.0 || isnan(v)) { p = -1.0; lo = hi = n - 1; }
        else if (v < 0.0) { p = 0.0; lo = hi = 0; }
        double g = v - p;
        if (method == 12) g = fmod(v, 1.0) == 0.0 ? 0.0 : 0.5;
        else if (method == 13) g = g == 0.0 ? 0.5 : 1.0;
        const R a = _cupy_cast<R>(row[lo]), b = _cupy_cast<R>(row[hi]);
        const R t = _cupy_cast<R>(g);
        const R d = b - a;
        out = g >= 0.5 ? R(b - d * (_cupy_cast<R>(1) - t)) : R(a + d * t);
    }""", name="cupy_quantile_pick")


def _rows(a, axis):
    """(C-ordered 2-d view with the reduced axes last, kept-dims shape, reduced shape)."""
    if axis is None:
        return a.reshape(1, -1), (1,) * a.ndim, ()
    axes = axis if isinstance(axis, tuple) else (axis,)
    axes = numpy.lib.array_utils.normalize_axis_tuple(axes, a.ndim)
    rest = [d for d in range(a.ndim) if d not in axes]
    moved = a.transpose(rest + list(axes))
    kept = tuple(1 if d in axes else a.shape[d] for d in range(a.ndim))
    reduced = tuple(a.shape[d] for d in rest)
    n = 1
    for d in axes:
        n *= a.shape[d]
    return cupy.ascontiguousarray(moved).reshape(-1, n), kept, reduced


def _order_stat(a, q, axis, out, keepdims, method, nan, weak_q):
    a = cupy.asarray(a)
    if a.dtype.kind == "c":
        raise TypeError("a must be an array of real numbers")
    rows2d, kept, reduced = _rows(a, axis)
    nrows, N = rows2d.shape
    s = cupy.sort(rows2d, axis=-1)
    if nan and a.dtype.kind == "f":
        cnt = cupy.sum(~cupy.isnan(s), axis=-1, dtype=numpy.int64)
    else:
        cnt = cupy.full((nrows,), N, dtype=numpy.int64)
    if q is None:
        code, alpha, beta = _MEDIAN, 0.0, 0.0
        r_dtype = numpy.dtype(numpy.float64) if a.dtype.kind in "biu" else a.dtype
        qd = cupy.zeros((), numpy.float64)
    else:
        if method in _DISCRETE:
            code, alpha, beta = _DISCRETE[method], 0.0, 0.0
            r_dtype = a.dtype
        elif method in _CONTINUOUS:
            code, alpha, beta = _CONTINUOUS[method]
            if code == 10 and q.dtype.kind in "biu":
                # An integer q makes NumPy's linear index integral: a plain take.
                code = 3
                r_dtype = a.dtype
            elif weak_q:
                r_dtype = numpy.result_type(a.dtype, 0.0)
            else:
                r_dtype = numpy.result_type(a.dtype, q.dtype, numpy.float16)
        else:
            raise ValueError(f"{method!r} is not a valid method. Use one of: "
                             f"{list(_DISCRETE) + list(_CONTINUOUS)}")
        if N == 0:
            raise IndexError("index -1 is out of bounds for axis 0 with size 0")
        qd = q.astype(numpy.float64)
    res = cupy.empty(qd.shape + (nrows,), r_dtype)
    if res.size:
        _pick(s, cnt, qd.ravel(), nrows, N, numpy.int32(code), alpha, beta, not nan,
              numpy.nan, res.reshape(-1))
    if q is None and N == 0:
        warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=3)
    elif nan and cnt.size and bool(cupy.any(cnt == 0)):
        warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
    res = res.reshape(qd.shape + (kept if keepdims else reduced))
    if out is not None:
        out[...] = res
        return out
    return res


def _check_q(q, scale, what):
    q = cupy.asarray(q)
    if scale != 1:
        q = cupy.true_divide(q, scale)
    if q.size and not bool(cupy.all((q >= 0) & (q <= 1))):
        raise ValueError(f"{what} must be in the range [0, {scale}]")
    return q


def quantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
             keepdims=False, *, weights=None):
    """The ``q``-th quantiles of the data along the given axes (``q`` in [0, 1]).

    ``q``'s dimensions come first in the result. Slices holding a NaN give NaN.
    ``overwrite_input`` is accepted and ignored (the input is never modified).

    .. seealso:: :func:`numpy.quantile`

    Example:
        >>> cupy.quantile(cupy.array([1.0, 2.0, 3.0, 4.0]), 0.5)
        array(2.5)
    """
    if weights is not None:
        raise NotImplementedError("weights are not supported")
    weak = type(q) in (int, float)
    return _order_stat(a, _check_q(q, 1, "Quantiles"), axis, out, keepdims, method, False,
                       weak)


def percentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
               keepdims=False, *, weights=None):
    """The ``q``-th percentiles of the data along the given axes (``q`` in [0, 100]).

    .. seealso:: :func:`numpy.percentile`

    Example:
        >>> cupy.percentile(cupy.array([1.0, 2.0, 3.0, 4.0]), 50)
        array(2.5)
    """
    if weights is not None:
        raise NotImplementedError("weights are not supported")
    weak = type(q) in (int, float)
    return _order_stat(a, _check_q(q, 100, "Percentiles"), axis, out, keepdims, method,
                       False, weak)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                keepdims=False, *, weights=None):
    """:func:`quantile` ignoring NaN (NaN, with a RuntimeWarning, for an all-NaN slice).

    .. seealso:: :func:`numpy.nanquantile`

    Example:
        >>> cupy.nanquantile(cupy.array([1.0, cupy.nan, 3.0]), 0.5)
        array(2.)
    """
    if weights is not None:
        raise NotImplementedError("weights are not supported")
    weak = type(q) in (int, float)
    return _order_stat(a, _check_q(q, 1, "Quantiles"), axis, out, keepdims, method, True,
                       weak)


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                  keepdims=False, *, weights=None):
    """:func:`percentile` ignoring NaN (NaN, with a RuntimeWarning, for an all-NaN slice).

    .. seealso:: :func:`numpy.nanpercentile`

    Example:
        >>> cupy.nanpercentile(cupy.array([1.0, cupy.nan, 3.0]), 50)
        array(2.)
    """
    if weights is not None:
        raise NotImplementedError("weights are not supported")
    weak = type(q) in (int, float)
    return _order_stat(a, _check_q(q, 100, "Percentiles"), axis, out, keepdims, method,
                       True, weak)


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """Median along the given axes (the mean of the middle pair for an even count).

    Slices holding a NaN give NaN; an empty slice gives NaN with a RuntimeWarning.

    .. seealso:: :func:`numpy.median`

    Example:
        >>> cupy.median(cupy.array([[1, 4, 2], [3, 5, 9]]), axis=1)
        array([2., 5.])
    """
    return _order_stat(a, None, axis, out, keepdims, None, False, False)


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """Median ignoring NaN (NaN, with a RuntimeWarning, for an all-NaN slice).

    .. seealso:: :func:`numpy.nanmedian`

    Example:
        >>> cupy.nanmedian(cupy.array([1.0, cupy.nan, 4.0]))
        array(2.5)
    """
    return _order_stat(a, None, axis, out, keepdims, None, True, False)
