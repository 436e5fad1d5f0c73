"""Initializers: callables that fill parameter arrays in place.

Examples
--------
>>> from chainer import initializers
>>> w = initializers.generate_array(initializers.One(), (2, 2), numpy)
>>> w
array([[1., 1.],
       [1., 1.]], dtype=float32)
"""
import numpy

import chainer
from chainer import backend
from chainer.backends import cuda
from chainer.initializer import get_fans  # NOQA
from chainer.initializer import Initializer  # NOQA
from chainer.initializers.constant import Constant  # NOQA
from chainer.initializers.constant import Identity  # NOQA
from chainer.initializers.constant import NaN  # NOQA
from chainer.initializers.constant import One  # NOQA
from chainer.initializers.constant import Zero  # NOQA
from chainer.initializers.normal import GlorotNormal  # NOQA
from chainer.initializers.normal import HeNormal  # NOQA
from chainer.initializers.normal import LeCunNormal  # NOQA
from chainer.initializers.normal import Normal  # NOQA
from chainer.initializers.orthogonal import Orthogonal  # NOQA
from chainer.initializers.uniform import GlorotUniform  # NOQA
from chainer.initializers.uniform import HeUniform  # NOQA
from chainer.initializers.uniform import LeCunUniform  # NOQA
from chainer.initializers.uniform import Uniform  # NOQA


def generate_array(initializer, shape, xp, dtype=None, device=None):
    """Create an array of ``shape`` filled by ``initializer``.

    Parameters
    ----------
    initializer : callable
        Fills an array in place; its ``dtype`` attribute (if any) is
        the default dtype.
    shape : int or tuple of int
    xp : module
        ``numpy`` or ``cupy``.
    dtype : dtype-like, optional
        Must agree with ``initializer.dtype`` when both are given;
        ``chainer.config.dtype`` is used when neither is.
    device : device specifier, optional
        Device to allocate on; must agree with ``xp``.

    Returns
    -------
    numpy.ndarray or cupy.ndarray

    Examples
    --------
    >>> generate_array(Constant(2.), 3, numpy, dtype=numpy.float64)
    array([2., 2., 2.])
    """
    dtype_attr = getattr(initializer, 'dtype', None)
    if dtype is not None and dtype_attr is not None \
            and numpy.dtype(dtype) != numpy.dtype(dtype_attr):
        raise ValueError(
            'dtype mismatch: {} != {}'.format(dtype, dtype_attr))
    if dtype is None:
        dtype = dtype_attr
    dtype = chainer.get_dtype(dtype)

    if device is None:
        if xp is numpy:
            device = backend.CpuDevice()
        else:
            device = backend.GpuDevice(cuda.cupy.cuda.Device())
    else:
        device = chainer.get_device(device)
        if xp is not device.xp:
            raise ValueError('xp and device arguments are inconsistent.')
    with chainer.using_device(device):
        array = xp.empty(shape, dtype=dtype)
        initializer(array)
    return array


def _get_initializer(initializer):
    """Normalise a user's initializer argument to a callable.

    None means the default :class:`LeCunNormal`; a scalar or array becomes
    a :class:`Constant`; callables are returned unchanged.

    Examples
    --------
    >>> type(_get_initializer(None)).__name__
    'LeCunNormal'
    >>> _get_initializer(0.5).fill_value
    0.5
    """
    if initializer is None:
        return LeCunNormal()
    if isinstance(initializer, chainer.get_array_types()) \
            or numpy.isscalar(initializer):
        return Constant(initializer)
    if not callable(initializer):
        raise TypeError('invalid type of initializer: %s' % type(initializer))
    return initializer


def _check_is_initializer_like(initializer):
    if not (initializer is None
            or isinstance(initializer, Initializer)
            or callable(initializer)
            or isinstance(initializer, chainer.get_array_types())
            or numpy.isscalar(initializer)):
        raise TypeError(
            'Initializer is of wrong type: {}. Allowed types are Initializer,'
            ' ndarray and scalar.'.format(type(initializer)))
