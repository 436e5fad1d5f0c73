"""Deterministic initializers: Constant, Zero, One, NaN and Identity."""
import numpy

import chainer
from chainer import backend
from chainer import initializer


def _check_dtype(init, array):
    # An initializer bound to a dtype refuses arrays of another dtype so a
    # silent precision change cannot happen.
    if init.dtype is not None and array.dtype != numpy.dtype(init.dtype):
        raise ValueError('dtype mismatch: array is {}, initializer is {}'
                         .format(array.dtype, numpy.dtype(init.dtype)))


class Identity(initializer.Initializer):
    """Fill a square matrix with a scaled identity matrix.

    Parameters
    ----------
    scale : float
        Value of the diagonal.
    dtype : dtype-like, optional

    Examples
    --------
    >>> a = numpy.empty((2, 2), numpy.float32)
    >>> chainer.initializers.Identity(2.)(a)
    >>> a
    array([[2., 0.],
           [0., 2.]], dtype=float32)
    """

    def __init__(self, scale=1.0, dtype=None):
        self.scale = scale
        super(Identity, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        shape = array.shape
        if len(shape) != 2 or shape[0] != shape[1]:
            raise ValueError('Identity matrix initialization can only be used '
                             'for 2D squared matrices.')
        xp = backend.get_array_module(array)
        array[...] = xp.identity(shape[0]) * self.scale


class Constant(initializer.Initializer):
    """Fill an array with a scalar or (broadcast) array value.

    Parameters
    ----------
    fill_value : scalar, numpy.ndarray or cupy.ndarray
        Value broadcast to the filled array.
    dtype : dtype-like, optional

    Examples
    --------
    >>> a = numpy.empty(3, numpy.float32)
    >>> chainer.initializers.Constant(0.5)(a)
    >>> a
    array([0.5, 0.5, 0.5], dtype=float32)
    """

    def __init__(self, fill_value, dtype=None):
        if not (isinstance(fill_value, chainer.get_array_types())
                or numpy.isscalar(fill_value)):
            raise ValueError('fill_value must be either scalar, '
                             'numpy.ndarray or cupy.ndarray.')
        self.fill_value = fill_value
        super(Constant, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fill = self.fill_value
        if isinstance(fill, chainer.get_array_types()):
            # The value may live on another device than the target.
            fill = backend.get_device_from_array(array).send(fill)
        xp = backend.get_array_module(array)
        array[...] = xp.asarray(fill)


def Zero(dtype=None):
    """Return an initializer filling zeros (``Constant(0.0)``).

    Examples
    --------
    >>> a = numpy.ones(2, numpy.float32)
    >>> chainer.initializers.Zero()(a)
    >>> a
    array([0., 0.], dtype=float32)
    """
    return Constant(0.0, dtype=dtype)


def One(dtype=None):
    """Return an initializer filling ones (``Constant(1.0)``).

    Examples
    --------
    >>> a = numpy.zeros(2, numpy.float32)
    >>> chainer.initializers.One()(a)
    >>> a
    array([1., 1.], dtype=float32)
    """
    return Constant(1.0, dtype=dtype)


def NaN(dtype=None):
    """Return an initializer filling NaN (marks not-yet-computed values).

    Examples
    --------
    >>> a = numpy.zeros(1, numpy.float32)
    >>> chainer.initializers.NaN()(a)
    >>> a
    array([nan], dtype=float32)
    """
    return Constant(numpy.nan, dtype=dtype)
