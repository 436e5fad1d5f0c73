"""Logistic sigmoid: ``sigmoid``."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class Sigmoid(function_node.FunctionNode):
    """Elementwise ``1 / (1 + exp(-x))``."""

    @property
    def label(self):
        return 'sigmoid'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        # 1 / (1 + exp(-x)) overflows exp for very negative x; the tanh
        # form is bounded everywhere.
        half = x.dtype.type(0.5)
        y = xp.tanh(x * half) * half + half
        self.retain_outputs((0,))
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        return SigmoidGrad().apply((y, gy))


class SigmoidGrad(function_node.FunctionNode):
    """``gy * y * (1 - y)`` from the sigmoid output ``y``."""

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        y, gy = inputs
        one = y.dtype.type(1)
        return utils.force_array(gy * y * (one - y), y.dtype),

    def backward(self, indexes, grad_outputs):
        y, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(ggx * gy * (1 - 2 * y))
        if 1 in indexes:
            ret.append(ggx * y * (1 - y))
        return ret


def sigmoid(x):
    """Elementwise logistic sigmoid.

    .. math:: f(x) = \\frac{1}{1 + \\exp(-x)}

    Parameters
    ----------
    x : Variable or ndarray
        Input of a floating point dtype.

    Returns
    -------
    Variable
        Output in ``(0, 1)`` with the shape and dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([-2, 0, 2], numpy.float32)
    >>> F.sigmoid(x).array
    array([0.11920291, 0.5       , 0.8807971 ], dtype=float32)
    """
    y, = Sigmoid().apply((x,))
    return y
