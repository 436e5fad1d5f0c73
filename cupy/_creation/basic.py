"""Arrays from shapes: empty, zeros, ones, full and their ``_like`` forms."""
import numpy

from cupy._core import core
from cupy._core import _kernel


def _order_of(a, order):
    if order in ("K", "A", None):
        return "F" if a.flags.f_contiguous and not a.flags.c_contiguous else "C"
    return order


def empty(shape, dtype=float, order="C"):
    """A new array without initialising its elements.

    Args:
        shape (int or tuple of ints): the shape.
        dtype: data type (float64 by default).
        order ({'C', 'F'}): memory layout.

    Returns:
        cupy.ndarray

    Example:
        >>> cupy.empty((2, 3), dtype=cupy.float32).shape
        (2, 3)
    """
    return core.ndarray(shape, dtype, order=order)


def empty_like(prototype, dtype=None, order="K", subok=None, shape=None):
    """A new uninitialised array with the shape and dtype of ``prototype``."""
    if subok is not None and subok is not True and subok is not False:
        raise TypeError("subok must be a bool")
    dtype = prototype.dtype if dtype is None else dtype
    if order in ("K", None) and (shape is None or tuple(numpy.atleast_1d(shape)) ==
                                 prototype.shape) and prototype.ndim:
        # NumPy keeps the prototype's axis order (its strides' ranking) for order='K'.
        return core._empty_k_order(prototype, dtype)
    shape = prototype.shape if shape is None else shape
    return core.ndarray(shape, dtype, order=_order_of(prototype, order))


def zeros(shape, dtype=float, order="C"):
    """A new array of zeros.

    Example:
        >>> cupy.zeros(3)
        array([0., 0., 0.])
    """
    a = core.ndarray(shape, dtype, order=order)
    if a.size:
        a.data.memset_async(0, a.nbytes)
    return a


def zeros_like(a, dtype=None, order="K", subok=None, shape=None):
    """A new array of zeros with the shape and dtype of ``a``."""
    out = empty_like(a, dtype, order, subok, shape)
    if out.size:
        out.data.memset_async(0, out.nbytes)
    return out


def ones(shape, dtype=float, order="C"):
    """A new array of ones.

    Example:
        >>> cupy.ones(2, dtype=cupy.int32)
        array([1, 1], dtype=int32)
    """
    a = core.ndarray(shape, dtype, order=order)
    a.fill(1)
    return a


def ones_like(a, dtype=None, order="K", subok=None, shape=None):
    """A new array of ones with the shape and dtype of ``a``."""
    out = empty_like(a, dtype, order, subok, shape)
    out.fill(1)
    return out


def full(shape, fill_value, dtype=None, order="C"):
    """A new array filled with ``fill_value`` (its dtype by default).

    Example:
        >>> cupy.full(2, 7)
        array([7, 7])
    """
    if dtype is None:
        if isinstance(fill_value, core.ndarray):
            dtype = fill_value.dtype
        else:
            dtype = numpy.array(fill_value).dtype
    a = core.ndarray(shape, dtype, order=order)
    if isinstance(fill_value, core.ndarray):
        _kernel.elementwise_copy(fill_value, a)
    else:
        _fill_any(a, fill_value)
    return a


def full_like(a, fill_value, dtype=None, order="K", subok=None, shape=None):
    """A new array with the shape and dtype of ``a`` filled with ``fill_value``."""
    out = empty_like(a, dtype, order, subok, shape)
    if isinstance(fill_value, core.ndarray):
        _kernel.elementwise_copy(fill_value, out)
    else:
        _fill_any(out, fill_value)
    return out


def _fill_any(a, value):
    value = numpy.asarray(value)
    if value.ndim == 0:
        a.fill(value[()])
    else:
        _kernel.elementwise_copy(core.array_from_host(value), a)
