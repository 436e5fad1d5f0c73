"""Piecewise linear approximation of the sigmoid: ``hard_sigmoid``."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class HardSigmoid(function_node.FunctionNode):
    """Elementwise ``clip(0.2 * x + 0.5, 0, 1)``."""

    @property
    def label(self):
        return 'hard_sigmoid'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        t = x.dtype.type
        y = xp.clip(x * t(0.2) + t(0.5), t(0), t(1))
        self.retain_inputs((0,))
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        x = x.array
        return HardSigmoidGrad((-2.5 < x) & (x < 2.5)).apply(grad_outputs)


class HardSigmoidGrad(function_node.FunctionNode):
    """``0.2 * gy`` on the linear part, 0 elsewhere (linear in ``gy``)."""

    def __init__(self, mask):
        self.mask = mask

    def forward(self, inputs):
        gy, = inputs
        return utils.force_array(
            gy * self.mask * gy.dtype.type(0.2), gy.dtype),

    def backward(self, indexes, grad_outputs):
        return HardSigmoidGrad(self.mask).apply(grad_outputs)


def hard_sigmoid(x):
    """Elementwise hard sigmoid.

    .. math::
        f(x) = \\begin{cases} 0 & (x < -2.5) \\\\
                              0.2 x + 0.5 & (-2.5 \\le x \\le 2.5) \\\\
                              1 & (2.5 < x) \\end{cases}

    Parameters
    ----------
    x : Variable or ndarray
        Input of a floating point dtype.

    Returns
    -------
    Variable
        Output with the shape and dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([-3, -1, 0, 1, 3], numpy.float32)
    >>> F.hard_sigmoid(x).array
    array([0. , 0.3, 0.5, 0.7, 1. ], dtype=float32)
    """
    y, = HardSigmoid().apply((x,))
    return y
