"""Logarithm of the softmax: ``log_softmax``."""
from chainer import backend
from chainer import function_node
from chainer.functions.activation.softmax import _check_axis
from chainer.functions.math.exponential import exp
from chainer.functions.math.sum import sum as _sum
from chainer import utils
from chainer.utils import type_check


def _log_softmax(x, axis):
    """Array-level ``x - logsumexp(x, axis)`` (max subtracted first)."""
    xp = backend.get_array_module(x)
    shifted = x - x.max(axis=axis, keepdims=True)
    lse = xp.log(xp.exp(shifted).sum(axis=axis, keepdims=True))
    return shifted - lse


class LogSoftmax(function_node.FunctionNode):
    """``x - log(sum(exp(x), axis))``."""

    def __init__(self, axis=1):
        self.axis = axis

    @property
    def label(self):
        return 'log_softmax'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.dtype.kind == 'f')
        _check_axis(x_type, self.axis)

    def forward(self, inputs):
        x, = inputs
        self.retain_outputs((0,))
        return utils.force_array(_log_softmax(x, self.axis), x.dtype),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        # d/dx_i = gy_i - softmax_i * sum_j gy_j with softmax = exp(y).
        return gy - exp(y) * _sum(
            gy, axis=self.axis, keepdims=True),


def log_softmax(x, axis=1):
    """Logarithm of the softmax function.

    .. math::
        y_i = \\log \\frac{\\exp(x_i)}{\\sum_j \\exp(x_j)}
            = x_i - \\log \\sum_j \\exp(x_j)

    Computed as ``x - m - log(sum(exp(x - m)))`` with ``m`` the maximum
    along ``axis``: more accurate than ``log(softmax(x))``, which
    underflows to ``log(0)`` for very unlikely classes.

    Parameters
    ----------
    x : Variable or ndarray
        Input of a floating point dtype.
    axis : int
        Axis of the normalization.

    Returns
    -------
    Variable
        Output with the shape and dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([[0, 1, 2], [0, 2, 4]], numpy.float32)
    >>> F.log_softmax(x).array
    array([[-2.4076061, -1.407606 , -0.407606 ],
           [-4.1429315, -2.1429317, -0.1429316]], dtype=float32)
    """
    y, = LogSoftmax(axis=axis).apply((x,))
    return y
