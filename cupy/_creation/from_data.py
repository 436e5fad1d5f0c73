"""Arrays from existing data: array, asarray, ascontiguousarray, asfortranarray, copy."""
import numpy

from cupy._core import core
from cupy._core import _dtype

_ORDERS = ("C", "F", "A", "K", None)


def _has_device_arrays(obj):
    if isinstance(obj, core.ndarray):
        return True
    if isinstance(obj, (list, tuple)):
        return any(_has_device_arrays(x) for x in obj)
    return False


def _to_host_nested(obj):
    if isinstance(obj, core.ndarray):
        return obj.get()
    if isinstance(obj, (list, tuple)):
        return [_to_host_nested(x) for x in obj]
    return obj


def array(obj, dtype=None, copy=True, order="K", subok=False, ndmin=0, *, blocking=False):
    """An array on the current device holding the data of ``obj``.

    Args:
        obj: a ``cupy.ndarray``, a ``numpy.ndarray``, a (nested) sequence or a scalar.
        dtype: data type; inferred as NumPy does by default.
        copy (bool): when False, a ``cupy.ndarray`` that already matches is returned as is.
        order ({'C', 'F', 'A', 'K'}): memory layout.
        ndmin (int): minimum number of dimensions (ones are prepended).

    Returns:
        cupy.ndarray

    Example:
        >>> cupy.array([[1, 2], [3, 4]], dtype=cupy.float32)
        array([[1., 2.],
               [3., 4.]], dtype=float32)
    """
    if order not in _ORDERS and order not in ("c", "f"):
        raise ValueError(f"order not understood: {order!r}")
    if subok:
        raise NotImplementedError("subok=True is not supported")
    if isinstance(obj, core.ndarray):
        if dtype is None:
            dtype = obj.dtype
        a = obj.astype(dtype, order=order or "K", copy=bool(copy))
    else:
        if _has_device_arrays(obj):
            obj = _to_host_nested(obj)
        host = numpy.array(obj, dtype=dtype, order="K" if order is None else order,
                           copy=True)
        _dtype.check_supported(host.dtype)
        a = core.array_from_host(host)
    if ndmin > a.ndim:
        a = a.reshape((1,) * (ndmin - a.ndim) + a.shape)
    return a


def asarray(a, dtype=None, order=None, *, blocking=False):
    """``a`` as a ``cupy.ndarray``, without copying when it already is one of ``dtype``.

    Example:
        >>> x = cupy.arange(3)
        >>> cupy.asarray(x) is x
        True
    """
    if isinstance(a, core.ndarray):
        if (dtype is None or numpy.dtype(dtype) == a.dtype) and order in (None, "K", "A"):
            return a
        return array(a, dtype, copy=False, order=order or "K")
    return array(a, dtype, copy=True, order=order or "K")


def asanyarray(a, dtype=None, order=None):
    """Same as :func:`asarray` (there are no ndarray subclasses)."""
    return asarray(a, dtype, order)


def ascontiguousarray(a, dtype=None):
    """``a`` as a C-contiguous array with at least one dimension."""
    a = asarray(a, dtype)
    if a.flags.c_contiguous:
        return a if a.ndim > 0 else a.reshape(1)
    out = a.copy("C")
    return out if out.ndim > 0 else out.reshape(1)


def asfortranarray(a, dtype=None):
    """``a`` as an F-contiguous array with at least one dimension."""
    a = asarray(a, dtype)
    if a.flags.f_contiguous:
        return a if a.ndim > 0 else a.reshape(1)
    out = a.copy("F")
    return out if out.ndim > 0 else out.reshape(1)


def copy(a, order="K"):
    """A copy of ``a`` (on the device)."""
    if isinstance(a, core.ndarray):
        return a.copy(order)
    return array(a, order=order, copy=True)
