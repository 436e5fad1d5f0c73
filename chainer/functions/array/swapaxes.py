"""Interchanging two axes."""
from chainer import function_node
from chainer.utils import type_check


def _check_axis(x_type, axis, name):
    axis = type_check.make_variable(axis, name)
    type_check.expect(-x_type.ndim <= axis, axis < x_type.ndim)


class Swapaxes(function_node.FunctionNode):
    """Swap ``axis1`` and ``axis2``; the operation is its own inverse."""

    def __init__(self, axis1, axis2):
        self.axis1 = axis1
        self.axis2 = axis2

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        _check_axis(x_type, self.axis1, 'axis1')
        _check_axis(x_type, self.axis2, 'axis2')

    def forward(self, inputs):
        x, = inputs
        return x.swapaxes(self.axis1, self.axis2),

    def backward(self, indexes, grad_outputs):
        return Swapaxes(self.axis1, self.axis2).apply(grad_outputs)


def swapaxes(x, axis1, axis2):
    """Swap two axes of an array.

    Parameters
    ----------
    x : Variable or ndarray
        Input array.
    axis1, axis2 : int
        Axes to interchange.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.zeros((2, 3, 4))
    >>> F.swapaxes(x, 0, 2).shape
    (4, 3, 2)
    """
    y, = Swapaxes(axis1, axis2).apply((x,))
    return y
