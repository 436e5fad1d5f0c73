"""Flattening to one dimension."""
from chainer import function_node
from chainer.utils import type_check


class Flatten(function_node.FunctionNode):
    """Ravel to 1-D; backward reshapes to the input shape."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        return x.ravel(),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.reshape import reshape
        gy, = grad_outputs
        return reshape(gy, self.inputs[0].shape),


def flatten(x):
    """Flatten an array to one dimension.

    Parameters
    ----------
    x : Variable or ndarray
        Input array.

    Returns
    -------
    Variable
        1-D array with ``x.size`` elements in C order.

    Examples
    --------
    >>> x = numpy.array([[1, 2], [3, 4]])
    >>> F.flatten(x).array
    array([1, 2, 3, 4])
    """
    y, = Flatten().apply((x,))
    return y
