"""Parameter: a Variable holding a learnable array with lazy initialisation.

Initializers come from :mod:`chainer.initializers` when that package is
importable; otherwise scalars, arrays and None (NaN fill) are handled here.
"""
import numpy

import chainer
from chainer import backend
from chainer.backends import cuda
from chainer.variable import _array_types
from chainer.variable import Variable


class Parameter(Variable):
    """Variable that holds a learnable parameter of a link.

    Parameters
    ----------
    initializer : callable, scalar, ndarray or None
        How to fill the array.  An array is used as the initial value;
        a scalar fills a constant; a callable (with an optional ``dtype``
        attribute) is called on an empty array; None fills NaN.
    shape : int or tuple of int, optional
        When given the array is created now; otherwise creation waits
        for :meth:`initialize` (lazy initialisation).
    name : str, optional

    Attributes
    ----------
    update_rule : object or None
        Set by optimizers; :meth:`update` calls ``update_rule.update(self)``.

    Examples
    --------
    >>> p = chainer.Parameter(0.5, (2,))
    >>> p.array
    array([0.5, 0.5], dtype=float32)
    >>> q = chainer.Parameter(1.0)
    >>> q.is_initialized
    False
    >>> q.initialize((3,))
    >>> q.shape
    (3,)
    """

    initializer = None
    _grad_initializer = None
    _initial_device = None

    def __init__(self, initializer=None, shape=None, name=None):
        if initializer is None:
            initializer = _nan_initializer()
        elif numpy.isscalar(initializer):
            initializer = _constant_initializer(initializer)
        if shape is None:
            if isinstance(initializer, _array_types()):
                # The initial array defines the shape right away.
                super(Parameter, self).__init__(initializer, name=name)
            else:
                super(Parameter, self).__init__(name=name)
                dtype = getattr(initializer, 'dtype', None)
                self._grad_initializer = _nan_initializer(dtype)
        else:
            if isinstance(initializer, _array_types()):
                xp = backend.get_array_module(initializer)
                initializer = _constant_initializer(initializer)
            else:
                xp = numpy
            data = _generate_array(initializer, shape, xp)
            grad = xp.full_like(data, numpy.nan)
            super(Parameter, self).__init__(data, name=name, grad=grad)
        self.update_rule = None
        self.initializer = initializer

    def __copy__(self):
        return self._copy_to(Parameter())

    def __reduce__(self):
        args = (self.array, self.name, self.grad, self.initializer,
                self.update_rule, self.device)
        return _recover_parameter, args

    @property
    def is_initialized(self):
        """Whether the array has been created."""
        return self.array is not None

    @property
    def dtype(self):
        """dtype of the array, or of the initializer before init."""
        array = self.array
        if array is not None:
            return array.dtype
        dtype = getattr(self.initializer, 'dtype', None)
        return chainer.get_dtype(dtype)

    def cleargrad(self):
        super(Parameter, self).cleargrad()
        if not self.is_initialized:
            self._grad_initializer = None

    def zerograd(self):
        super(Parameter, self).zerograd()
        if not self.is_initialized:
            dtype = getattr(self.initializer, 'dtype', None)
            self._grad_initializer = _zero_initializer(dtype)

    def initialize(self, shape):
        """Create the array of the given shape with the initializer.

        Parameters
        ----------
        shape : int or tuple of int
        """
        device = self._initial_device
        if device is None:
            device = backend.CpuDevice()
        xp = device.xp
        data = _generate_array(self.initializer, shape, xp, device=device)
        ginit = self._grad_initializer
        grad = None if ginit is None else _generate_array(
            ginit, shape, xp, device=device)
        self.array = data
        self._set_grad_without_check(grad)

    def update(self):
        """Update the array with ``update_rule`` (set by an optimizer)."""
        if self.update_rule is not None:
            if not self.is_initialized:
                raise RuntimeError('cannot update uninitialized parameter')
            self.update_rule.update(self)


def _recover_parameter(data, name, grad, initializer, update_rule, device):
    p = Parameter(initializer=initializer, name=name)
    p.array = data
    p._set_grad_without_check(grad)
    p.update_rule = update_rule
    p._initial_device = device
    return p


class _ConstantFill(object):
    """Initializer filling a constant (used when chainer.initializers is
    not importable)."""

    def __init__(self, fill_value, dtype=None):
        self.fill_value = fill_value
        self.dtype = None if dtype is None else numpy.dtype(dtype)

    def __call__(self, array):
        if self.dtype is not None and array.dtype != self.dtype:
            raise ValueError('dtype mismatch: {} != {}'.format(
                array.dtype, self.dtype))
        xp = backend.get_array_module(array)
        fill = self.fill_value
        if isinstance(fill, _array_types()):
            fill = backend.get_device_from_array(array).send(fill)
        array[...] = xp.asarray(fill)


def _initializers_module():
    try:
        from chainer import initializers
    except ImportError:
        return None
    if not hasattr(initializers, 'generate_array'):
        return None
    return initializers


def _constant_initializer(value, dtype=None):
    inits = _initializers_module()
    if inits is not None and hasattr(inits, 'Constant'):
        return inits.Constant(value, dtype)
    return _ConstantFill(value, dtype)


def _nan_initializer(dtype=None):
    inits = _initializers_module()
    if inits is not None and hasattr(inits, 'NaN'):
        return inits.NaN(dtype)
    return _ConstantFill(numpy.nan, dtype)


def _zero_initializer(dtype=None):
    inits = _initializers_module()
    if inits is not None and hasattr(inits, 'Zero'):
        return inits.Zero(dtype)
    return _ConstantFill(0, dtype)


def _generate_array(initializer, shape, xp, dtype=None, device=None):
    inits = _initializers_module()
    if inits is not None:
        return inits.generate_array(initializer, shape, xp, dtype=dtype,
                                    device=device)
    dtype_attr = getattr(initializer, 'dtype', None)
    if dtype is not None and dtype_attr is not None \
            and numpy.dtype(dtype) != numpy.dtype(dtype_attr):
        raise ValueError('dtype mismatch: {} != {}'.format(dtype, dtype_attr))
    if dtype is None:
        dtype = dtype_attr
    dtype = chainer.get_dtype(dtype)
    if device is None:
        device = backend.CpuDevice() if xp is numpy else \
            backend.GpuDevice(cuda.cupy.cuda.Device())
    with device:
        array = xp.empty(shape, dtype=dtype)
        initializer(array)
    return array
