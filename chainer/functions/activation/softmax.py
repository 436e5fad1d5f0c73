"""Softmax along an axis: ``softmax``."""
from chainer import backend
from chainer import function_node
from chainer.functions.math.sum import sum as _sum
from chainer import utils
from chainer.utils import type_check


def _check_axis(x_type, axis):
    type_check.expect(-x_type.ndim <= axis)
    type_check.expect(axis < x_type.ndim)


class Softmax(function_node.FunctionNode):
    """``exp(x) / sum(exp(x), axis)``."""

    def __init__(self, axis=1):
        self.axis = axis

    @property
    def label(self):
        return 'softmax'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.dtype.kind == 'f')
        _check_axis(x_type, self.axis)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        # Subtracting the max leaves the result unchanged and keeps exp
        # from overflowing.
        y = xp.exp(x - x.max(axis=self.axis, keepdims=True))
        y /= y.sum(axis=self.axis, keepdims=True)
        self.retain_outputs((0,))
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        # J^T gy = y * gy - y * sum(y * gy); written with differentiable
        # functions so that the gradient can be differentiated again.
        gx = y * gy
        return gx - y * _sum(gx, axis=self.axis, keepdims=True),


def softmax(x, axis=1):
    """Softmax function.

    .. math:: y_i = \\frac{\\exp(x_i)}{\\sum_j \\exp(x_j)}

    where the sum runs over ``axis``.  The maximum along ``axis`` is
    subtracted first, so large inputs do not overflow.

    Parameters
    ----------
    x : Variable or ndarray
        Input of a floating point dtype, typically ``(B, C)`` scores.
    axis : int
        Axis along which the output sums to one.

    Returns
    -------
    Variable
        Output with the shape and dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([[0, 1, 2], [0, 2, 4]], numpy.float32)
    >>> y = F.softmax(x, axis=1)
    >>> y.array
    array([[0.09003057, 0.24472846, 0.66524094],
           [0.01587624, 0.11731043, 0.86681336]], dtype=float32)
    >>> F.sum(y, axis=1).array
    array([1., 1.], dtype=float32)
    """
    y, = Softmax(axis=axis).apply((x,))
    return y
