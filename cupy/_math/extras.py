"""Differences, integrals, convolutions, interpolation and special functions: diff, ediff1d,
gradient, cross, convolve, correlate, interp, trapezoid, unwrap, sinc, i0, nan_to_num,
real_if_close and vander (the polynomial routines are in :mod:`cupy._math.polynomial`).

Everything is composed from array operations or small generated kernels, so the data never
leaves the device; only shapes and scalar parameters are handled on the host.
"""
import warnings

import numpy
from numpy.lib.array_utils import normalize_axis_index

import cupy
from cupy._core._kernel import ElementwiseKernel
from cupy._core.core import ndarray

__all__ = ["diff", "ediff1d", "gradient", "cross", "convolve", "correlate", "interp",
           "trapezoid", "unwrap", "sinc", "i0", "nan_to_num", "real_if_close", "vander"]

_NoValue = object()


def _asarray(x):
    return x if isinstance(x, ndarray) else cupy.asarray(x)


# --- differences and integrals ----------------------------------------------------------------

def diff(a, n=1, axis=-1, prepend=_NoValue, append=_NoValue):
    """The ``n``-th discrete difference along ``axis``.

    Booleans use ``not_equal`` (as in NumPy, since subtraction is undefined for them).

    Example:
        >>> cupy.diff(cupy.array([1, 2, 4, 7]))
        array([1, 2, 3])

    .. seealso:: :func:`numpy.diff`
    """
    if n == 0:
        return a
    if n < 0:
        raise ValueError("order must be non-negative but got " + repr(n))
    a = _asarray(a)
    nd = a.ndim
    if nd == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    axis = normalize_axis_index(axis, nd)
    combined = []
    for extra in (prepend, None, append):
        if extra is None:
            combined.append(a)
        elif extra is not _NoValue:
            extra = _asarray(extra)
            if extra.ndim == 0:
                shape = list(a.shape)
                shape[axis] = 1
                extra = cupy.broadcast_to(extra, tuple(shape))
            combined.append(extra)
    if len(combined) > 1:
        a = cupy.concatenate(combined, axis)
    hi = [slice(None)] * nd
    lo = [slice(None)] * nd
    hi[axis] = slice(1, None)
    lo[axis] = slice(None, -1)
    hi, lo = tuple(hi), tuple(lo)
    op = cupy.not_equal if a.dtype == numpy.bool_ else cupy.subtract
    for _ in range(n):
        a = op(a[hi], a[lo])
    return a


def ediff1d(ary, to_end=None, to_begin=None):
    """Differences between consecutive elements of the flattened array, with optional values
    prepended and appended.

    Example:
        >>> cupy.ediff1d(cupy.array([1, 2, 4, 7]), to_begin=-99)
        array([-99,   1,   2,   3])

    .. seealso:: :func:`numpy.ediff1d`
    """
    ary = _asarray(ary).ravel()
    dtype = ary.dtype
    parts = []
    for name, extra in (("to_begin", to_begin), ("to_end", to_end)):
        if extra is None:
            parts.append(None)
            continue
        extra = _asarray(extra)
        if not numpy.can_cast(extra.dtype, dtype, casting="same_kind"):
            raise TypeError(f"dtype of `{name}` must be compatible with input `ary` under the "
                            "`same_kind` rule.")
        parts.append(extra.ravel().astype(dtype, copy=False))
    d = cupy.subtract(ary[1:], ary[:-1])
    return cupy.concatenate([p for p in (parts[0], d, parts[1]) if p is not None])


def gradient(f, *varargs, axis=None, edge_order=1):
    """The gradient by second-order central differences in the interior and first- or
    second-order one-sided differences at the boundaries.

    Spacing may be one scalar, one scalar per axis, or one coordinate array per axis.

    Example:
        >>> cupy.gradient(cupy.array([1., 2., 4., 7.]))
        array([1. , 1.5, 2.5, 3. ])

    .. seealso:: :func:`numpy.gradient`
    """
    f = _asarray(f)
    N = f.ndim
    if axis is None:
        axes = tuple(range(N))
    else:
        axes = tuple(normalize_axis_index(ax, N) for ax in
                     (axis if isinstance(axis, (tuple, list)) else (axis,)))
        if len(set(axes)) != len(axes):
            raise ValueError("repeated axis")
    len_axes = len(axes)
    n = len(varargs)
    if n == 0:
        dx = [1.0] * len_axes
    elif n == 1 and numpy.ndim(varargs[0]) == 0:
        dx = list(varargs) * len_axes
    elif n == len_axes:
        dx = list(varargs)
        for i, distances in enumerate(dx):
            if numpy.ndim(distances) == 0:
                continue
            distances = _asarray(distances)
            if distances.ndim != 1:
                raise ValueError("distances must be either scalars or 1d")
            if len(distances) != f.shape[axes[i]]:
                raise ValueError("when 1d, distances must match the length of the "
                                 "corresponding dimension")
            if distances.dtype.kind in "iub":
                distances = distances.astype(numpy.float64)
            diffx = cupy.diff(distances)
            # Uniform coordinates take the cheaper scalar path, as in NumPy.
            if diffx.size and bool((diffx == diffx[0]).all()):
                diffx = diffx[0]
            dx[i] = diffx
    else:
        raise TypeError("invalid number of arguments")
    if edge_order > 2:
        raise ValueError("'edge_order' greater than 2 not supported")

    outvals = []
    slice1 = [slice(None)] * N
    slice2 = [slice(None)] * N
    slice3 = [slice(None)] * N
    slice4 = [slice(None)] * N
    otype = f.dtype
    if otype.kind in "iub":
        f = f.astype(numpy.float64)
        otype = f.dtype

    for ax, ax_dx in zip(axes, dx):
        if f.shape[ax] < edge_order + 1:
            raise ValueError("Shape of array too small to calculate a numerical gradient, at "
                             "least (edge_order + 1) elements are required.")
        out = cupy.empty_like(f, dtype=otype)
        uniform = numpy.ndim(ax_dx) == 0

        slice1[ax] = slice(1, -1)
        slice2[ax] = slice(None, -2)
        slice3[ax] = slice(1, -1)
        slice4[ax] = slice(2, None)
        if uniform:
            out[tuple(slice1)] = (f[tuple(slice4)] - f[tuple(slice2)]) / (2. * ax_dx)
        else:
            dx1 = ax_dx[0:-1]
            dx2 = ax_dx[1:]
            a = -(dx2) / (dx1 * (dx1 + dx2))
            b = (dx2 - dx1) / (dx1 * dx2)
            c = dx1 / (dx2 * (dx1 + dx2))
            shape = [1] * N
            shape[ax] = -1
            a, b, c = a.reshape(shape), b.reshape(shape), c.reshape(shape)
            out[tuple(slice1)] = (a * f[tuple(slice2)] + b * f[tuple(slice3)]
                                  + c * f[tuple(slice4)])

        if edge_order == 1:
            slice1[ax], slice2[ax], slice3[ax] = 0, 1, 0
            dx_0 = ax_dx if uniform else ax_dx[0]
            out[tuple(slice1)] = (f[tuple(slice2)] - f[tuple(slice3)]) / dx_0
            slice1[ax], slice2[ax], slice3[ax] = -1, -1, -2
            dx_n = ax_dx if uniform else ax_dx[-1]
            out[tuple(slice1)] = (f[tuple(slice2)] - f[tuple(slice3)]) / dx_n
        else:
            slice1[ax] = 0
            slice2[ax] = 0
            slice3[ax] = 1
            slice4[ax] = 2
            if uniform:
                a = -1.5 / ax_dx
                b = 2. / ax_dx
                c = -0.5 / ax_dx
            else:
                dx1 = ax_dx[0]
                dx2 = ax_dx[1]
                a = -(2. * dx1 + dx2) / (dx1 * (dx1 + dx2))
                b = (dx1 + dx2) / (dx1 * dx2)
                c = - dx1 / (dx2 * (dx1 + dx2))
            out[tuple(slice1)] = (a * f[tuple(slice2)] + b * f[tuple(slice3)]
                                  + c * f[tuple(slice4)])
            slice1[ax] = -1
            slice2[ax] = -3
            slice3[ax] = -2
            slice4[ax] = -1
            if uniform:
                a = 0.5 / ax_dx
                b = -2. / ax_dx
                c = 1.5 / ax_dx
            else:
                dx1 = ax_dx[-2]
                dx2 = ax_dx[-1]
                a = (dx2) / (dx1 * (dx1 + dx2))
                b = - (dx2 + dx1) / (dx1 * dx2)
                c = (2. * dx2 + dx1) / (dx2 * (dx1 + dx2))
            out[tuple(slice1)] = (a * f[tuple(slice2)] + b * f[tuple(slice3)]
                                  + c * f[tuple(slice4)])
        outvals.append(out)
        slice1[ax] = slice(None)
        slice2[ax] = slice(None)
        slice3[ax] = slice(None)
        slice4[ax] = slice(None)

    if len_axes == 1:
        return outvals[0]
    return tuple(outvals)


def trapezoid(y, x=None, dx=1.0, axis=-1):
    """Integral along ``axis`` by the composite trapezoidal rule.

    Example:
        >>> cupy.trapezoid(cupy.array([1., 2., 3.]))
        array(4.)

    .. seealso:: :func:`numpy.trapezoid`
    """
    y = _asarray(y)
    if x is None:
        d = dx
    else:
        x = _asarray(x)
        if x.ndim == 1:
            d = diff(x)
            shape = [1] * y.ndim
            shape[axis] = d.shape[0]
            d = d.reshape(shape)
        else:
            d = diff(x, axis=axis)
    nd = y.ndim
    slice1 = [slice(None)] * nd
    slice2 = [slice(None)] * nd
    slice1[axis] = slice(1, None)
    slice2[axis] = slice(None, -1)
    return (d * (y[tuple(slice1)] + y[tuple(slice2)]) / 2.0).sum(axis)


def unwrap(p, discont=None, axis=-1, *, period=2 * numpy.pi):
    """Unwrap by taking the complement of large deltas with respect to ``period``.

    Example:
        >>> cupy.unwrap(cupy.array([0., 3., 6.5]))
        array([0.        , 3.        , 0.21681469])

    .. seealso:: :func:`numpy.unwrap`
    """
    p = _asarray(p)
    nd = p.ndim
    dd = diff(p, axis=axis)
    if discont is None:
        discont = period / 2
    slice1 = [slice(None)] * nd
    slice1[axis] = slice(1, None)
    slice1 = tuple(slice1)
    dtype = numpy.result_type(dd.dtype, period)
    if numpy.issubdtype(dtype, numpy.integer):
        interval_high, rem = divmod(period, 2)
        boundary_ambiguous = rem == 0
    else:
        interval_high = period / 2
        boundary_ambiguous = True
    interval_low = -interval_high
    ddmod = cupy.mod(dd - interval_low, period) + interval_low
    if boundary_ambiguous:
        # ``mod`` maps +period/2 to -period/2; keep the sign of the original step.
        ddmod = cupy.where((ddmod == interval_low) & (dd > 0),
                           cupy.asarray(interval_high, dtype=ddmod.dtype), ddmod)
    ph_correct = ddmod - dd
    ph_correct = cupy.where(abs(dd) < discont, cupy.zeros((), ph_correct.dtype), ph_correct)
    up = p.astype(dtype, copy=True)
    up[slice1] = p[slice1] + ph_correct.cumsum(axis)
    return up


# --- vector products and convolutions ------------------------------------------------------

def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """Cross product of (arrays of) 2- or 3-element vectors.

    Example:
        >>> cupy.cross(cupy.array([1, 0, 0]), cupy.array([0, 1, 0]))
        array([0, 0, 1])

    .. seealso:: :func:`numpy.cross`
    """
    if axis is not None:
        axisa, axisb, axisc = (axis,) * 3
    a = _asarray(a)
    b = _asarray(b)
    if (a.ndim < 1) or (b.ndim < 1):
        raise ValueError("At least one array has zero dimension")
    axisa = normalize_axis_index(axisa, a.ndim, msg_prefix="axisa")
    axisb = normalize_axis_index(axisb, b.ndim, msg_prefix="axisb")
    a = cupy.moveaxis(a, axisa, -1)
    b = cupy.moveaxis(b, axisb, -1)
    msg = ("incompatible dimensions for cross product\n"
           "(dimension must be 2 or 3)")
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError(msg)
    if a.shape[-1] == 2 or b.shape[-1] == 2:
        warnings.warn("Arrays of 2-dimensional vectors are deprecated. Use arrays of "
                      "3-dimensional vectors instead. (deprecated in NumPy 2.0)",
                      DeprecationWarning, stacklevel=2)
    shape = numpy.broadcast_shapes(a[..., 0].shape, b[..., 0].shape)
    if a.shape[-1] == 3 or b.shape[-1] == 3:
        shape += (3,)
        axisc = normalize_axis_index(axisc, len(shape), msg_prefix="axisc")
    dtype = numpy.result_type(a.dtype, b.dtype)
    cp = cupy.empty(shape, dtype)
    a = a.astype(dtype, copy=False)
    b = b.astype(dtype, copy=False)
    a0, a1 = a[..., 0], a[..., 1]
    a2 = a[..., 2] if a.shape[-1] == 3 else None
    b0, b1 = b[..., 0], b[..., 1]
    b2 = b[..., 2] if b.shape[-1] == 3 else None
    if cp.ndim != 0 and cp.shape[-1] == 3:
        cp0, cp1, cp2 = cp[..., 0], cp[..., 1], cp[..., 2]
    if a.shape[-1] == 2:
        if b.shape[-1] == 2:
            # The z component of two planar vectors.
            cp[...] = a0 * b1 - a1 * b0
            return cp
        cp0[...] = a1 * b2
        cp1[...] = -(a0 * b2)
        cp2[...] = a0 * b1 - a1 * b0
    elif b.shape[-1] == 2:
        cp0[...] = -(a2 * b1)
        cp1[...] = a2 * b0
        cp2[...] = a0 * b1 - a1 * b0
    else:
        cp0[...] = a1 * b2 - a2 * b1
        cp1[...] = a2 * b0 - a0 * b2
        cp2[...] = a0 * b1 - a1 * b0
    return cupy.moveaxis(cp, -1, axisc)


# out[i] = sum_j a[i + off + j] * v[j] over the j where the index into ``a`` is in range.
_correlate_kernel = ElementwiseKernel(
    "raw T a, raw T v, int64 n, int64 m, int64 off", "T out",
    """
    T acc = T();
    const long long base = (long long)i + off;
    long long j0 = base < 0 ? -base : 0;
    long long j1 = n - base < m ? n - base : m;
    for (long long j = j0; j < j1; ++j) {
        acc += a[base + j] * v[j];
    }
    out = acc;
    """,
    "cupy_correlate")


def _correlate(a, v, mode):
    """NumPy's ``multiarray.correlate``: ``c[k] = sum_n a[n + k] * v[n]`` (no conjugation)."""
    n, m = a.shape[0], v.shape[0]
    if n == 0:
        raise ValueError("a cannot be empty")
    if m == 0:
        raise ValueError("v cannot be empty")
    if mode == "full":
        length, start = n + m - 1, 0
    elif mode == "same":
        length = max(n, m)
        start = (m - 1) - m // 2 if n >= m else n // 2
    elif mode == "valid":
        length = max(n, m) - min(n, m) + 1
        start = m - 1 if n >= m else n - 1
    else:
        raise ValueError(f"mode must be one of 'valid', 'same', or 'full' (got {mode!r})")
    dtype = numpy.result_type(a.dtype, v.dtype)
    # Booleans: the sum of products is non-zero exactly when some product is true.
    work = numpy.dtype(numpy.int64) if dtype == numpy.bool_ else dtype
    a = cupy.ascontiguousarray(a.astype(work, copy=False))
    v = cupy.ascontiguousarray(v.astype(work, copy=False))
    out = cupy.empty((length,), work)
    _correlate_kernel(a, v, n, m, start - (m - 1), out)
    return out.astype(dtype, copy=False)


def _check_1d(a, v):
    a = _asarray(a)
    v = _asarray(v)
    if a.ndim > 1 or v.ndim > 1:
        raise ValueError("object too deep for desired array")
    return a.ravel(), v.ravel()


def correlate(a, v, mode="valid"):
    """Cross-correlation of two 1-d sequences, ``c[k] = sum_n a[n + k] * conj(v[n])``.

    Computed directly (``O(len(a) * len(v))``), without an FFT.

    Example:
        >>> cupy.correlate(cupy.array([1., 2., 3.]), cupy.array([0., 1., 0.5]))
        array([3.5])

    .. seealso:: :func:`numpy.correlate`
    """
    a, v = _check_1d(a, v)
    if v.dtype.kind == "c":
        v = cupy.conj(v)
    return _correlate(a, v, mode)


def convolve(a, v, mode="full"):
    """Discrete linear convolution of two 1-d sequences.

    Computed directly (``O(len(a) * len(v))``), without an FFT.

    Example:
        >>> cupy.convolve(cupy.array([1., 2., 3.]), cupy.array([0., 1., 0.5]))
        array([0. , 1. , 2.5, 4. , 1.5])

    .. seealso:: :func:`numpy.convolve`
    """
    a, v = _check_1d(a, v)
    if len(v) > len(a):
        a, v = v, a
    if len(a) == 0:
        raise ValueError("a cannot be empty")
    if len(v) == 0:
        raise ValueError("v cannot be empty")
    return _correlate(a, v[::-1], mode)


# --- interpolation ---------------------------------------------------------------------------

_INTERP_PREAMBLE = """
static __device__ double _cupy_interp1(double x, double x0, double x1, double y0,
                                       double y1) {
    const double slope = (y1 - y0) / (x1 - x0);
    double r = slope * (x - x0) + y0;
    if (isnan(r)) {
        r = slope * (x - x1) + y1;
        if (isnan(r) && y0 == y1) r = y0;
    }
    return r;
}
"""

_INTERP_BODY = """
    const long long last = n - 1;
    if (x > xp[last]) { out = use_right ? right : fp[last]; }
    else if (x < xp[0]) { out = use_left ? left : fp[0]; }
    else if (x == xp[last]) { out = fp[last]; }
    else {
        // Last j with xp[j] <= x (NaN x ends at j = 0 and yields NaN below).
        long long lo = 0, hi = last;
        while (hi - lo > 1) {
            const long long mid = (lo + hi) / 2;
            if (xp[mid] <= x) lo = mid; else hi = mid;
        }
        if (xp[lo] == x) { out = fp[lo]; }
        else { %s }
    }
"""

_interp_real = ElementwiseKernel(
    "float64 x, raw float64 xp, raw float64 fp, int64 n, bool use_left, float64 left, "
    "bool use_right, float64 right", "float64 out",
    _INTERP_BODY % "out = _cupy_interp1(x, xp[lo], xp[lo + 1], fp[lo], fp[lo + 1]);",
    "cupy_interp_real", preamble=_INTERP_PREAMBLE)

_interp_complex = ElementwiseKernel(
    "float64 x, raw float64 xp, raw complex128 fp, int64 n, bool use_left, complex128 left, "
    "bool use_right, complex128 right", "complex128 out",
    _INTERP_BODY % """
        const double re = _cupy_interp1(x, xp[lo], xp[lo + 1], fp[lo].real(),
                                        fp[lo + 1].real());
        const double im = _cupy_interp1(x, xp[lo], xp[lo + 1], fp[lo].imag(),
                                        fp[lo + 1].imag());
        out = complex<double>(re, im);""",
    "cupy_interp_complex", preamble=_INTERP_PREAMBLE)


def interp(x, xp, fp, left=None, right=None, period=None):
    """One-dimensional piecewise linear interpolation of ``(xp, fp)`` at ``x``.

    ``xp`` must be increasing (not checked, as in NumPy) unless ``period`` is given.

    Example:
        >>> cupy.interp(cupy.array([0.5, 1.5]), cupy.array([0., 1., 2.]),
        ...             cupy.array([0., 10., 20.]))
        array([ 5., 15.])

    .. seealso:: :func:`numpy.interp`
    """
    x = _asarray(x)
    xp = _asarray(xp)
    fp = _asarray(fp)
    if xp.ndim != 1 or fp.ndim != 1:
        raise ValueError("object too deep for desired array")
    if xp.shape[0] != fp.shape[0]:
        raise ValueError("fp and xp are not of the same length.")
    if xp.shape[0] == 0:
        raise ValueError("array of sample points is empty")
    is_complex = fp.dtype.kind == "c"
    ftype = numpy.complex128 if is_complex else numpy.float64
    x = x.astype(numpy.float64, copy=False)
    xp = xp.astype(numpy.float64, copy=False)
    fp = fp.astype(ftype, copy=False)
    if period is not None:
        if period == 0:
            raise ValueError("period must be a non-zero value")
        period = abs(period)
        left = right = None
        x = x % period
        xp = xp % period
        order = cupy.argsort(xp)
        xp = xp[order]
        fp = fp[order]
        xp = cupy.concatenate((xp[-1:] - period, xp, xp[0:1] + period))
        fp = cupy.concatenate((fp[-1:], fp, fp[0:1]))
    xp = cupy.ascontiguousarray(xp)
    fp = cupy.ascontiguousarray(fp)
    kernel = _interp_complex if is_complex else _interp_real
    ltype = complex if is_complex else float
    out = cupy.empty(x.shape, ftype)
    kernel(x, xp, fp, xp.shape[0], left is not None, ltype(0 if left is None else left),
           right is not None, ltype(0 if right is None else right), out)
    return out


# --- special functions and cleanup ---------------------------------------------------------

def sinc(x):
    """The normalized sinc function ``sin(pi x) / (pi x)`` (1 at 0).

    Example:
        >>> cupy.sinc(cupy.array([0., 0.5]))
        array([1.        , 0.63661977])

    .. seealso:: :func:`numpy.sinc`
    """
    x = _asarray(x)
    x = numpy.pi * x
    eps = numpy.finfo(x.dtype).eps if x.dtype.kind == "f" else 1e-20
    y = cupy.where(x != 0, x, cupy.asarray(eps, dtype=x.dtype))
    return cupy.sin(y) / y


# Chebyshev coefficients of Cephes' i0 (the ones NumPy uses): A on [0, 8], B on (8, inf).
_I0_A = [
    -4.41534164647933937950e-18, 3.33079451882223809783e-17, -2.43127984654795469359e-16,
    1.71539128555513303061e-15, -1.16853328779934516808e-14, 7.67618549860493561688e-14,
    -4.85644678311192946090e-13, 2.95505266312963983461e-12, -1.72682629144155570723e-11,
    9.67580903537323691224e-11, -5.18979560163526290666e-10, 2.65982372468238665035e-9,
    -1.30002500998624804212e-8, 6.04699502254191894932e-8, -2.67079385394061173391e-7,
    1.11738753912010371815e-6, -4.41673835845875056359e-6, 1.64484480707288970893e-5,
    -5.75419501008210370398e-5, 1.88502885095841655729e-4, -5.76375574538582365885e-4,
    1.63947561694133579842e-3, -4.32430999505057594430e-3, 1.05464603945949983183e-2,
    -2.37374148058994688156e-2, 4.93052842396707084878e-2, -9.49010970480476444210e-2,
    1.71620901522208775349e-1, -3.04682672343198398683e-1, 6.76795274409476084995e-1]
_I0_B = [
    -7.23318048787475395456e-18, -4.83050448594418207126e-18, 4.46562142029675999901e-17,
    3.46122286769746109310e-17, -2.82762398051658348494e-16, -3.42548561967721913462e-16,
    1.77256013305652638360e-15, 3.81168066935262242075e-15, -9.55484669882830764870e-15,
    -4.15056934728722208663e-14, 1.54008621752140982691e-14, 3.85277838274214270114e-13,
    7.18012445138366623367e-13, -1.79417853150680611778e-12, -1.32158118404477131188e-11,
    -3.14991652796324136454e-11, 1.18891471078464383424e-11, 4.94060238822496958910e-10,
    3.39623202570838634515e-9, 2.26666899049817806459e-8, 2.04891858946906374183e-7,
    2.89137052083475648297e-6, 6.88975834691682398426e-5, 3.36911647825569408990e-3,
    8.04490411014108831608e-1]


def _chbevl_code(name, coefs, arg):
    lines = [f"const double {name}_c[{len(coefs)}] = {{{', '.join(map(repr, coefs))}}};",
             f"double {name}_b0 = {name}_c[0], {name}_b1 = 0.0, {name}_b2 = 0.0;",
             f"for (int k = 1; k < {len(coefs)}; ++k) {{",
             f"  {name}_b2 = {name}_b1; {name}_b1 = {name}_b0;",
             f"  {name}_b0 = ({arg}) * {name}_b1 - {name}_b2 + {name}_c[k];",
             "}"]
    return "\n".join(lines) + "\n"


_i0_kernel = ElementwiseKernel(
    "float64 x", "float64 y",
    "const double ax = fabs(x);\n"
    "if (ax <= 8.0) {\n" + _chbevl_code("a", _I0_A, "ax / 2.0 - 2.0")
    + "  y = exp(ax) * 0.5 * (a_b0 - a_b2);\n"
    "} else {\n" + _chbevl_code("b", _I0_B, "32.0 / ax - 2.0")
    + "  y = exp(ax) * 0.5 * (b_b0 - b_b2) / sqrt(ax);\n"
    "}\n",
    "cupy_i0")


def i0(x):
    """Modified Bessel function of the first kind, order 0.

    Floating inputs keep their dtype (the series is evaluated in float64 and rounded);
    integers and booleans give float64, as in NumPy.

    Example:
        >>> cupy.i0(cupy.array([0., 1.]))
        array([1.        , 1.26606588])

    .. seealso:: :func:`numpy.i0`
    """
    x = _asarray(x)
    if x.dtype.kind == "c":
        raise TypeError("i0 not supported for complex values")
    if x.dtype.kind != "f":
        x = x.astype(numpy.float64)
    out = cupy.empty(x.shape, x.dtype)
    if out.dtype == numpy.float64:
        _i0_kernel(x, out)
    else:
        out[...] = _i0_kernel(x.astype(numpy.float64))
    return out


_nan_to_num_kernel = ElementwiseKernel(
    "T x, T nan, T posinf, T neginf", "T y",
    "y = isnan(x) ? nan : (isinf(x) ? (x > 0 ? posinf : neginf) : x)",
    "cupy_nan_to_num")


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    """Replace NaN by ``nan``, +inf by ``posinf`` (default: the largest finite value) and
    -inf by ``neginf`` (default: the most negative finite value), part by part for complex.

    Example:
        >>> cupy.nan_to_num(cupy.array([cupy.nan, cupy.inf, 1.]), posinf=9.)
        array([0., 9., 1.])

    .. seealso:: :func:`numpy.nan_to_num`
    """
    x = cupy.array(x, copy=True) if copy else _asarray(x)
    if x.dtype.kind not in "fc":
        return x
    parts = (x.real, x.imag) if x.dtype.kind == "c" else (x,)
    info = numpy.finfo(parts[0].dtype)
    hi = info.max if posinf is None else posinf
    lo = info.min if neginf is None else neginf
    ptype = parts[0].dtype.type
    for part in parts:
        _nan_to_num_kernel(part, ptype(nan), ptype(hi), ptype(lo), part)
    return x


def real_if_close(a, tol=100):
    """The real part when every imaginary part is below ``tol`` (in machine epsilons when
    ``tol > 1``), else ``a`` unchanged.

    Example:
        >>> cupy.real_if_close(cupy.array([2.1 + 4e-14j]), tol=1000)
        array([2.1])

    .. seealso:: :func:`numpy.real_if_close`
    """
    a = _asarray(a)
    if a.dtype.kind != "c":
        return a
    if tol > 1:
        tol = numpy.finfo(a.dtype).eps * tol
    if bool((abs(a.imag) < tol).all()):
        a = a.real
    return a


# --- Vandermonde matrices --------------------------------------------------------------------

def vander(x, N=None, increasing=False):
    """The Vandermonde matrix: columns are powers of ``x`` (decreasing by default).

    Example:
        >>> cupy.vander(cupy.array([1, 2, 3]), 3)
        array([[1, 1, 1],
               [4, 2, 1],
               [9, 3, 1]])

    .. seealso:: :func:`numpy.vander`
    """
    x = _asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    if N is None:
        N = len(x)
    v = cupy.empty((len(x), N), dtype=numpy.promote_types(x.dtype, int))
    tmp = v if increasing else v[:, ::-1]
    if N > 0:
        tmp[:, 0] = 1
    if N > 1:
        # Repeated products (not ``power``) so the values match NumPy bit for bit.
        tmp[:, 1:] = cupy.cumprod(cupy.broadcast_to(x[:, None], (len(x), N - 1)).astype(
            v.dtype), axis=1)
    return v
