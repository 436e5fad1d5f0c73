"""Coordinate grids, geometric sequences, window functions and checked conversion:
meshgrid, geomspace, bartlett, blackman, hamming, hanning, kaiser, asarray_chkfinite."""
import numpy
from numpy.lib.array_utils import normalize_axis_index

import cupy

__all__ = ["meshgrid", "geomspace", "bartlett", "blackman", "hamming", "hanning", "kaiser",
           "asarray_chkfinite"]


def meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    """Coordinate matrices from coordinate vectors.

    Example:
        >>> xv, yv = cupy.meshgrid(cupy.arange(3), cupy.arange(2))
        >>> xv
        array([[0, 1, 2],
               [0, 1, 2]])

    .. seealso:: :func:`numpy.meshgrid`
    """
    ndim = len(xi)
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    s0 = (1,) * ndim
    output = [cupy.asarray(x).reshape(s0[:i] + (-1,) + s0[i + 1:]) for i, x in enumerate(xi)]
    if indexing == "xy" and ndim > 1:
        # Cartesian indexing swaps the first two axes.
        output[0] = output[0].reshape((1, -1) + s0[2:])
        output[1] = output[1].reshape((-1, 1) + s0[2:])
    if not sparse:
        output = cupy.broadcast_arrays(*output)
    if copy:
        output = [x.copy() for x in output]
    return tuple(output)


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """Numbers spaced evenly on a log scale (a geometric progression) from ``start`` to
    ``stop``; the end points are exact.

    Example:
        >>> cupy.geomspace(1, 1000, 4)
        array([   1.,   10.,  100., 1000.])

    .. seealso:: :func:`numpy.geomspace`
    """
    num = int(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    start = cupy.asarray(start) * 1.0
    stop = cupy.asarray(stop) * 1.0
    if bool((start == 0).any()) or bool((stop == 0).any()):
        raise ValueError("Geometric sequence cannot include zero")
    dt = numpy.result_type(start.dtype, stop.dtype, float(num), numpy.zeros((), dtype))
    dtype = dt if dtype is None else numpy.dtype(dtype)
    start = start.astype(dt, copy=True)
    stop = stop.astype(dt, copy=True)
    # Work on positive values and restore the common sign at the end.
    out_sign = cupy.sign(start)
    start = start / out_sign
    stop = stop / out_sign
    log_start = cupy.log10(start)
    log_stop = cupy.log10(stop)
    div = (num - 1) if endpoint else num
    steps = cupy.arange(num, dtype=dt).reshape((-1,) + (1,) * log_start.ndim)
    if div > 0:
        y = steps * ((log_stop - log_start) / div) + log_start
    else:
        y = steps * (log_stop - log_start) + log_start
    result = cupy.power(10.0, y).astype(dt, copy=False)
    if num > 0:
        result[0] = start
        if num > 1 and endpoint:
            result[-1] = stop
    result = out_sign * result
    if axis != 0:
        result = cupy.moveaxis(result, 0, normalize_axis_index(axis, result.ndim))
    return result.astype(dtype, copy=False)


def _symmetric_window(M, fn):
    """``fn(n / (M - 1))`` for ``n = 1 - M, 3 - M, ..., M - 1``, with NumPy's small cases."""
    if M < 1:
        return cupy.empty((0,), numpy.float64)
    if M == 1:
        return cupy.ones((1,), numpy.float64)
    n = cupy.arange(1 - M, M, 2, dtype=numpy.float64)
    return fn(n / (M - 1))


def bartlett(M):
    """The Bartlett (triangular) window of ``M`` points.

    Example:
        >>> cupy.bartlett(5)
        array([0. , 0.5, 1. , 0.5, 0. ])

    .. seealso:: :func:`numpy.bartlett`
    """
    return _symmetric_window(M, lambda r: cupy.where(r <= 0, 1 + r, 1 - r))


def blackman(M):
    """The Blackman window of ``M`` points.

    Example:
        >>> cupy.blackman(3)
        array([-1.38777878e-17,  1.00000000e+00, -1.38777878e-17])

    .. seealso:: :func:`numpy.blackman`
    """
    return _symmetric_window(M, lambda r: 0.42 + 0.5 * cupy.cos(numpy.pi * r)
                             + 0.08 * cupy.cos(2.0 * numpy.pi * r))


def hamming(M):
    """The Hamming window of ``M`` points.

    Example:
        >>> cupy.hamming(3)
        array([0.08, 1.  , 0.08])

    .. seealso:: :func:`numpy.hamming`
    """
    return _symmetric_window(M, lambda r: 0.54 + 0.46 * cupy.cos(numpy.pi * r))


def hanning(M):
    """The Hann window of ``M`` points.

    Example:
        >>> cupy.hanning(3)
        array([0., 1., 0.])

    .. seealso:: :func:`numpy.hanning`
    """
    return _symmetric_window(M, lambda r: 0.5 + 0.5 * cupy.cos(numpy.pi * r))


def kaiser(M, beta):
    """The Kaiser window of ``M`` points with shape parameter ``beta``.

    Example:
        >>> cupy.kaiser(3, 5.)
        array([0.03671089, 1.        , 0.03671089])

    .. seealso:: :func:`numpy.kaiser`
    """
    if M < 1:
        return cupy.empty((0,), numpy.float64)
    if M == 1:
        return cupy.ones((1,), numpy.float64)
    n = cupy.arange(0, M, dtype=numpy.float64)
    alpha = (M - 1) / 2.0
    return (cupy.i0(beta * cupy.sqrt(1 - ((n - alpha) / alpha) ** 2.0))
            / cupy.i0(cupy.asarray(float(beta))))


def asarray_chkfinite(a, dtype=None, order=None):
    """:func:`cupy.asarray`, raising ``ValueError`` when a float or complex result holds an
    inf or NaN.

    Example:
        >>> cupy.asarray_chkfinite([1., 2.])
        array([1., 2.])

    .. seealso:: :func:`numpy.asarray_chkfinite`
    """
    a = cupy.asarray(a, dtype=dtype, order=order)
    if a.dtype.kind in "fc" and not bool(cupy.isfinite(a).all()):
        raise ValueError("array must not contain infs or NaNs")
    return a
