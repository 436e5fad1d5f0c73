"""Smooth approximation of ReLU: ``softplus``."""
from chainer import backend
from chainer import function_node
from chainer.functions.activation.sigmoid import sigmoid
from chainer import utils
from chainer.utils import type_check


class Softplus(function_node.FunctionNode):
    """Elementwise ``log(1 + exp(beta * x)) / beta``."""

    def __init__(self, beta=1.0):
        self.beta = float(beta)
        self.beta_inv = 1.0 / self.beta

    @property
    def label(self):
        return 'softplus'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        bx = x * x.dtype.type(self.beta)
        # log(1 + exp(z)) = max(z, 0) + log1p(exp(-|z|)): exp never
        # overflows and log1p keeps precision when exp(-|z|) is tiny.
        y = xp.maximum(bx, x.dtype.type(0)) + xp.log1p(xp.exp(-abs(bx)))
        return utils.force_array(y * x.dtype.type(self.beta_inv), x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        return sigmoid(x * self.beta) * gy,


def softplus(x, beta=1.0):
    """Elementwise softplus.

    .. math:: f(x) = \\frac{1}{\\beta} \\log(1 + \\exp(\\beta x))

    Parameters
    ----------
    x : Variable or ndarray
        Input of a floating point dtype.
    beta : float
        Sharpness: ``f`` approaches ``relu`` as ``beta`` grows.

    Returns
    -------
    Variable
        Output with the shape and dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([-1, 0, 1], numpy.float32)
    >>> F.softplus(x).array
    array([0.3132617, 0.6931472, 1.3132617], dtype=float32)
    """
    y, = Softplus(beta=beta).apply((x,))
    return y
