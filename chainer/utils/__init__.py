"""Utilities shared by chainer functions."""
import numpy

from chainer.utils import array  # NOQA
from chainer.utils import type_check  # NOQA


def force_array(x, dtype=None):
    """Return ``x`` as an ndarray (NumPy reductions may return scalars).

    Examples
    --------
    >>> chainer.utils.force_array(numpy.float32(1)).shape
    ()
    """
    if numpy.isscalar(x):
        if dtype is None:
            return numpy.array(x)
        return numpy.array(x, dtype)
    if dtype is None:
        return x
    return x.astype(dtype, copy=False)


def force_type(dtype, value):
    """Return ``value`` converted to ``dtype`` (arrays or scalars)."""
    if numpy.isscalar(value):
        return dtype.type(value)
    if value.dtype != dtype:
        return value.astype(dtype, copy=False)
    return value


def size_of_shape(shape):
    """Return the number of elements of ``shape`` as a Python int."""
    size = 1
    for i in shape:
        size *= i
    return int(size)


def _raise_from(exc_type, message, orig_exc):
    msg = '{}\n(caused by)\n{}: {}\n'.format(
        message, type(orig_exc).__name__, orig_exc)
    raise exc_type(msg) from orig_exc
