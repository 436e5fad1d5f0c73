"""Log of the sum of exponentials, computed stably."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


def _normalize_axis(axis):
    if axis is None:
        return None
    if isinstance(axis, int):
        return (axis,)
    if isinstance(axis, tuple) and all(isinstance(a, int) for a in axis):
        if len(set(axis)) != len(axis):
            raise ValueError('duplicate value in axis: ({})'.format(
                ', '.join(map(str, axis))))
        return axis
    raise TypeError('None, int or tuple of int are required')


class LogSumExp(function_node.FunctionNode):
    """``log(sum(exp(x), axis))``; the gradient is ``softmax(x) * gy``."""

    def __init__(self, axis=None):
        self.axis = _normalize_axis(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        if self.axis is not None:
            for axis in self.axis:
                if axis >= 0:
                    type_check.expect(axis < in_types[0].ndim)
                else:
                    type_check.expect(-axis - 1 < in_types[0].ndim)

    def forward(self, inputs):
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        # Shifting by the maximum keeps exp from overflowing.
        m = x.max(axis=self.axis, keepdims=True)
        e = xp.exp(x - m)
        s = e.sum(axis=self.axis)
        y = xp.log(s) + m.reshape(s.shape)
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.broadcast import broadcast_to
        from chainer.functions.array.expand_dims import expand_dims
        from chainer.functions.math.exponential import exp
        x, = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        if self.axis is not None:
            # Re-insert the reduced axes so y and gy broadcast against x.
            actual_axis = sorted(a % x.ndim for a in self.axis)
            for axis in actual_axis:
                gy = expand_dims(gy, axis=axis)
                y = expand_dims(y, axis=axis)
        gy = broadcast_to(gy, x.shape)
        y = broadcast_to(y, x.shape)
        return gy * exp(x - y),


def logsumexp(x, axis=None):
    """Log-sum-exp of array elements over given axes.

    Computes :math:`\\log \\sum_i \\exp(x_i)` without overflow by
    subtracting the maximum first.

    Parameters
    ----------
    x : Variable or ndarray
        Float input array.
    axis : None, int or tuple of int
        Axes to reduce (all when None).

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([[0., 0.], [1000., 1000.]], numpy.float32)
    >>> F.logsumexp(x, axis=1).array
    array([6.9314718e-01, 1.0006932e+03], dtype=float32)
    """
    y, = LogSumExp(axis).apply((x,))
    return y
