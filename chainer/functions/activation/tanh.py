"""Hyperbolic tangent: ``tanh``."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class Tanh(function_node.FunctionNode):
    """Elementwise hyperbolic tangent."""

    @property
    def label(self):
        return 'tanh'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_outputs((0,))
        return utils.force_array(xp.tanh(x), x.dtype),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        return TanhGrad().apply((y, gy))


class TanhGrad(function_node.FunctionNode):
    """``gy * (1 - y ** 2)`` from the tanh output ``y``."""

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        y, gy = inputs
        one = y.dtype.type(1)
        return utils.force_array(gy * (one - y * y), y.dtype),

    def backward(self, indexes, grad_outputs):
        y, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(-2 * ggx * gy * y)
        if 1 in indexes:
            ret.append(ggx * (1 - y * y))
        return ret


def tanh(x):
    """Elementwise hyperbolic tangent.

    .. math:: f(x) = \\tanh(x)

    Parameters
    ----------
    x : Variable or ndarray
        Input of a floating point dtype.

    Returns
    -------
    Variable
        Output in ``(-1, 1)`` with the shape and dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([-1, 0, 1], numpy.float32)
    >>> F.tanh(x).array
    array([-0.7615942,  0.       ,  0.7615942], dtype=float32)
    """
    y, = Tanh().apply((x,))
    return y
