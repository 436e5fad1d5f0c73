"""Sample frequencies and spectrum shifts of ``numpy.fft``."""
import numpy

import cupy
from cupy._core.core import ndarray

_INTEGER_TYPES = (int, numpy.integer)


def fftfreq(n, d=1.0):
    """The sample frequencies of an ``n``-point transform with sample spacing ``d``:
    ``[0, 1, ..., (n - 1) // 2, -(n // 2), ..., -1] / (n * d)``.

    .. seealso:: :func:`numpy.fft.fftfreq`

    Example:
        >>> cupy.fft.fftfreq(4, 0.5)
        array([ 0. ,  0.5, -1. , -0.5])
    """
    if not isinstance(n, _INTEGER_TYPES):
        raise ValueError("n should be an integer")
    val = 1.0 / (n * d)
    half = (n - 1) // 2 + 1
    results = cupy.empty(n, numpy.intp)
    results[:half] = cupy.arange(0, half, dtype=numpy.intp)
    results[half:] = cupy.arange(-(n // 2), 0, dtype=numpy.intp)
    return results * val


def rfftfreq(n, d=1.0):
    """The sample frequencies of :func:`~cupy.fft.rfft`:
    ``[0, 1, ..., n // 2] / (n * d)``.

    .. seealso:: :func:`numpy.fft.rfftfreq`

    Example:
        >>> cupy.fft.rfftfreq(5, 0.5)
        array([0. , 0.4, 0.8])
    """
    if not isinstance(n, _INTEGER_TYPES):
        raise ValueError("n should be an integer")
    val = 1.0 / (n * d)
    return cupy.arange(0, n // 2 + 1, dtype=numpy.intp) * val


def _shift(x, axes, sign):
    x = x if isinstance(x, ndarray) else cupy.asarray(x)
    if axes is None:
        axes = tuple(range(x.ndim))
        shift = [sign * (dim // 2) for dim in x.shape]
    elif isinstance(axes, _INTEGER_TYPES):
        shift = sign * (x.shape[axes] // 2)
    else:
        shift = [sign * (x.shape[ax] // 2) for ax in axes]
    return cupy.roll(x, shift, axes)


def fftshift(x, axes=None):
    """Moves the zero-frequency term to the centre of the spectrum (along ``axes``, default
    all): ``roll`` by ``n // 2``.

    .. seealso:: :func:`numpy.fft.fftshift`

    Example:
        >>> cupy.fft.fftshift(cupy.fft.fftfreq(5))
        array([-0.4, -0.2,  0. ,  0.2,  0.4])
    """
    return _shift(x, axes, 1)


def ifftshift(x, axes=None):
    """The inverse of :func:`fftshift` (they differ for odd lengths).

    .. seealso:: :func:`numpy.fft.ifftshift`

    Example:
        >>> cupy.fft.ifftshift(cupy.fft.fftshift(cupy.arange(5)))
        array([0, 1, 2, 3, 4])
    """
    return _shift(x, axes, -1)
