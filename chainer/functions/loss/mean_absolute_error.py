"""Mean absolute error: ``mean_absolute_error``."""
from chainer import backend
from chainer import function_node
from chainer.functions.array.broadcast import broadcast_to
from chainer.functions.loss.mean_squared_error import _check_pair
from chainer import utils


class MeanAbsoluteError(function_node.FunctionNode):
    """``sum(|x0 - x1|) / size``."""

    @property
    def label(self):
        return 'mean_absolute_error'

    def check_type_forward(self, in_types):
        _check_pair(in_types)

    def forward(self, inputs):
        x0, x1 = inputs
        self.diff = x0 - x1
        loss = abs(self.diff).sum() / self.diff.dtype.type(
            max(self.diff.size, 1))
        return utils.force_array(loss, x0.dtype),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        xp = backend.get_array_module(self.diff)
        # sign(x0 - x1) is piecewise constant: the second derivative is 0
        # away from x0 == x1, which a constant factor expresses.
        sign = xp.sign(self.diff) / max(self.diff.size, 1)
        gx0 = broadcast_to(gy, self.diff.shape) * sign
        return gx0, -gx0


def mean_absolute_error(x0, x1):
    """Mean of the absolute elementwise differences.

    .. math:: \\frac{1}{N} \\sum_i |x_{0,i} - x_{1,i}|

    Parameters
    ----------
    x0, x1 : Variable or ndarray
        Inputs of the same shape and floating point dtype.

    Returns
    -------
    Variable
        Scalar loss with the dtype of the inputs.

    Examples
    --------
    >>> x0 = numpy.array([1, 2, 3], numpy.float32)
    >>> x1 = numpy.array([0, 2, 5], numpy.float32)
    >>> F.mean_absolute_error(x0, x1).array
    array(1., dtype=float32)
    """
    loss, = MeanAbsoluteError().apply((x0, x1))
    return loss
