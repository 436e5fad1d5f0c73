"""Huber (smooth L1) loss: ``huber_loss``."""
from chainer import backend
from chainer import function_node
from chainer.functions.array.broadcast import broadcast_to
from chainer.functions.array.reshape import reshape
from chainer import utils
from chainer.utils import type_check


class HuberLoss(function_node.FunctionNode):
    """Quadratic for ``|x - t| <= delta``, linear beyond."""

    def __init__(self, delta, reduce='sum_along_second_axis'):
        self.delta = delta
        if reduce not in ('sum_along_second_axis', 'no'):
            raise ValueError(
                "only 'sum_along_second_axis' and 'no' are valid for "
                "'reduce', but '%s' is given" % reduce)
        self.reduce = reduce

    @property
    def label(self):
        return 'huber_loss'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.dtype == t_type.dtype,
            x_type.shape == t_type.shape,
        )
        if self.reduce == 'sum_along_second_axis':
            type_check.expect(x_type.ndim >= 2)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, t = inputs
        xp = backend.get_array_module(x)
        diff = x - t
        a = abs(diff)
        delta = x.dtype.type(self.delta)
        half = x.dtype.type(0.5)
        y = xp.where(a <= delta, half * diff * diff,
                     delta * (a - half * delta))
        if self.reduce == 'sum_along_second_axis':
            y = y.sum(axis=1)
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, t = self.get_retained_inputs()
        gy, = grad_outputs
        xp = backend.get_array_module(x)
        diff = x - t
        inside = abs(diff.array) <= self.delta
        # clip(diff, -delta, delta) as diff * inside + delta * sign(diff) *
        # outside: the constant part carries no second derivative.
        outside = (~inside) * xp.sign(diff.array) * self.delta
        clipped = diff * inside + outside
        if self.reduce == 'sum_along_second_axis':
            gy = broadcast_to(
                reshape(gy, gy.shape[:1] + (1,) + gy.shape[1:]), x.shape)
        gx = gy * clipped
        return gx, -gx


def huber_loss(x, t, delta, reduce='sum_along_second_axis'):
    """Huber loss.

    .. math::
        L_\\delta(a) = \\begin{cases}
            \\frac{1}{2} a^2 & (|a| \\le \\delta) \\\\
            \\delta (|a| - \\frac{1}{2} \\delta) & (|a| > \\delta)
        \\end{cases}, \\quad a = x - t

    Parameters
    ----------
    x, t : Variable or ndarray
        Prediction and target of the same shape and floating point dtype.
    delta : float
        Point where the loss turns from quadratic to linear.
    reduce : {'sum_along_second_axis', 'no'}
        Sum over axis 1 (the default, shape ``(B, ...)`` without axis 1)
        or keep the elementwise loss.

    Returns
    -------
    Variable
        The loss with the dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([[-2, 3, .5], [5, 2, -.5]], numpy.float32)
    >>> t = numpy.zeros_like(x)
    >>> F.huber_loss(x, t, delta=1).array
    array([4.125, 6.125], dtype=float32)
    """
    loss, = HuberLoss(delta=delta, reduce=reduce).apply((x, t))
    return loss
