"""Arrays of evenly spaced values: arange, linspace, logspace."""
import math

import numpy

from cupy._core import core
from cupy._core._kernel import ElementwiseKernel

_arange_kernel = ElementwiseKernel(
    "T start, T delta", "T out", "out = start + static_cast<T>(i) * delta", "cupy_arange")
_linspace_kernel = ElementwiseKernel(
    "float64 start, float64 step, float64 stop, int64 last", "T out",
    "out = _cupy_cast<T>(i == last ? stop : start + static_cast<double>(i) * step)",
    "cupy_linspace")
_linspace_floor_kernel = ElementwiseKernel(
    "float64 start, float64 step, float64 stop, int64 last", "T out",
    "out = _cupy_cast<T>(floor(i == last ? stop : start + static_cast<double>(i) * step))",
    "cupy_linspace_floor")


def arange(start, stop=None, step=1, dtype=None):
    """Evenly spaced values in ``[start, stop)`` with spacing ``step``.

    Example:
        >>> cupy.arange(5)
        array([0, 1, 2, 3, 4])
    """
    if stop is None:
        start, stop = 0, start
    if dtype is None:
        dtype = numpy.result_type(numpy.asarray(start), numpy.asarray(stop),
                                  numpy.asarray(step))
        if dtype.kind == "b":
            dtype = numpy.dtype(numpy.int64)
    dtype = numpy.dtype(dtype)
    if step == 0:
        raise ZeroDivisionError("division by zero")
    size = int(max(math.ceil((stop - start) / step), 0)) if not isinstance(
        start, complex) else 0
    if dtype.kind == "b" and size > 2:
        raise TypeError("arange() is only supported for booleans when the result has at "
                        "most length 2.")
    out = core.ndarray((size,), dtype)
    if size and dtype.kind == "b":
        # At most two values, each a scalar argument converted to bool (bool has no step).
        out.set(numpy.array([start, start + step][:size]).astype(dtype))
    elif size:
        # NumPy computes the step as the difference of the first two values in ``dtype``.
        first = numpy.array(start).astype(dtype)[()]
        delta = (numpy.array(start + step).astype(dtype) - first)[()] if size > 1 \
            else numpy.array(step).astype(dtype)[()]
        _arange_kernel(first, delta, out)
    return out


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    """``num`` evenly spaced values from ``start`` to ``stop``.

    Example:
        >>> cupy.linspace(0, 1, 5)
        array([0.  , 0.25, 0.5 , 0.75, 1.  ])
    """
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    if isinstance(start, core.ndarray) or isinstance(stop, core.ndarray) or \
            numpy.ndim(start) or numpy.ndim(stop):
        raise NotImplementedError("array start/stop are not supported")
    dt = numpy.result_type(start, stop, float(num))
    if dtype is None:
        dtype = dt
    dtype = numpy.dtype(dtype)
    div = (num - 1) if endpoint else num
    step = (stop - start) / div if div > 0 else float("nan")
    if dt.kind == "c" and dtype.kind != "c":
        raise TypeError("linspace of complex values needs a complex dtype")
    out = core.ndarray((num,), dtype)
    if num:
        last = num - 1 if endpoint and num > 1 else -1
        st = 0.0 if div == 0 else step
        if dtype.kind == "c":
            # Real and imaginary parts are two real linspaces written through views.
            start, stop = complex(start), complex(stop)
            for part, a, b in ((out.real, start.real, stop.real),
                               (out.imag, start.imag, stop.imag)):
                s = (b - a) / div if div > 0 else 0.0
                _linspace_kernel(a, s, b, last, part)
        elif dtype.kind in "iu":
            _linspace_floor_kernel(float(start), st, float(stop), last, out)
        else:
            _linspace_kernel(float(start), st, float(stop), last, out)
    if retstep:
        return out, step
    return out


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    """``base ** linspace(start, stop, num)``.

    Example:
        >>> cupy.logspace(0, 2, 3)
        array([  1.,  10., 100.])
    """
    import cupy
    y = linspace(start, stop, num, endpoint)
    out = cupy.power(base, y)
    if dtype is not None:
        out = out.astype(dtype, copy=False)
    return out
