"""Square root and reciprocal square root."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class Sqrt(function_node.FunctionNode):
    """Elementwise ``x ** 0.5``."""

    @property
    def label(self):
        return 'sqrt'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, x):
        self.retain_outputs((0,))
        xp = backend.get_array_module(*x)
        return utils.force_array(xp.sqrt(x[0], dtype=x[0].dtype)),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        # d sqrt(x) / dx = 1 / (2 sqrt(x))
        return gy / (y * 2.0),


def sqrt(x):
    """Elementwise square root.

    Examples
    --------
    >>> F.sqrt(numpy.array([4.], numpy.float32)).array
    array([2.], dtype=float32)
    """
    return Sqrt().apply((x,))[0]


def rsqrt(x):
    """Elementwise reciprocal square root ``1 / sqrt(x)``.

    Examples
    --------
    >>> F.rsqrt(numpy.array([4.], numpy.float32)).array
    array([0.5], dtype=float32)
    """
    return 1.0 / sqrt(x)
