"""Mean squared error: ``mean_squared_error``."""
from chainer import backend
from chainer import function_node
from chainer.functions.array.broadcast import broadcast_to
from chainer import utils
from chainer.utils import type_check


def _check_pair(in_types):
    type_check._argname(in_types, ('x0', 'x1'))
    type_check.expect(
        in_types[0].dtype.kind == 'f',
        in_types[0].dtype == in_types[1].dtype,
        in_types[0].shape == in_types[1].shape,
    )


class MeanSquaredError(function_node.FunctionNode):
    """``sum((x0 - x1) ** 2) / size``."""

    @property
    def label(self):
        return 'mean_squared_error'

    def check_type_forward(self, in_types):
        _check_pair(in_types)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x0, x1 = inputs
        xp = backend.get_array_module(x0)
        diff = (x0 - x1).ravel()
        loss = xp.dot(diff, diff) / diff.dtype.type(max(diff.size, 1))
        return utils.force_array(loss, x0.dtype),

    def backward(self, indexes, grad_outputs):
        x0, x1 = self.get_retained_inputs()
        gy, = grad_outputs
        diff = x0 - x1
        coeff = broadcast_to(gy, diff.shape) * (2. / max(diff.size, 1))
        gx0 = coeff * diff
        return gx0, -gx0


def mean_squared_error(x0, x1):
    """Mean of the squared elementwise differences.

    .. math:: \\frac{1}{N} \\sum_i (x_{0,i} - x_{1,i})^2

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
    >>> F.mean_squared_error(x0, x1).array
    array(1.6666666, dtype=float32)
    """
    loss, = MeanSquaredError().apply((x0, x1))
    return loss
