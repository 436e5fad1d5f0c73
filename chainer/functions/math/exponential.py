"""Exponential and logarithms: exp, log, log2, log10."""
import numpy

from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


def _check_float(in_types):
    type_check._argname(in_types, ('x',))
    type_check.expect(in_types[0].dtype.kind == 'f')


class Exp(function_node.FunctionNode):
    """Elementwise ``e ** x``."""

    @property
    def label(self):
        return 'exp'

    def check_type_forward(self, in_types):
        _check_float(in_types)

    def forward(self, x):
        self.retain_outputs((0,))
        xp = backend.get_array_module(*x)
        return utils.force_array(xp.exp(x[0])),

    def backward(self, indexes, gy):
        y, = self.get_retained_outputs()
        return y * gy[0],


def exp(x):
    """Elementwise exponential.

    Examples
    --------
    >>> F.exp(numpy.array([0.], numpy.float32)).array
    array([1.], dtype=float32)
    """
    return Exp().apply((x,))[0]


class _LogBase(function_node.FunctionNode):
    _name = 'log'
    _func = 'log'
    _scale = 1.0  # d/dx log_b(x) = 1 / (x ln b)

    @property
    def label(self):
        return self._name

    def check_type_forward(self, in_types):
        _check_float(in_types)

    def forward(self, x):
        self.retain_inputs((0,))
        xp = backend.get_array_module(*x)
        return utils.force_array(getattr(xp, self._func)(x[0])),

    def backward(self, indexes, gy):
        x, = self.get_retained_inputs()
        g = gy[0] / x
        if self._scale != 1.0:
            g = g * self._scale
        return g,


class Log(_LogBase):
    """Natural logarithm."""


class Log2(_LogBase):
    """Base-2 logarithm."""
    _name = 'log2'
    _func = 'log2'
    _scale = float(1.0 / numpy.log(2.0))


class Log10(_LogBase):
    """Base-10 logarithm."""
    _name = 'log10'
    _func = 'log10'
    _scale = float(1.0 / numpy.log(10.0))


def log(x):
    """Elementwise natural logarithm.

    Examples
    --------
    >>> F.log(numpy.array([1.], numpy.float32)).array
    array([0.], dtype=float32)
    """
    return Log().apply((x,))[0]


def log2(x):
    """Elementwise base-2 logarithm."""
    return Log2().apply((x,))[0]


def log10(x):
    """Elementwise base-10 logarithm."""
    return Log10().apply((x,))[0]
