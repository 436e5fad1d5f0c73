"""Inserting a length-1 axis."""
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class ExpandDims(function_node.FunctionNode):
    """Insert an axis of length 1 at ``axis``; backward reshapes back."""

    def __init__(self, axis):
        self.axis = int(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        if self.axis >= 0:
            type_check.expect(x_type.ndim >= self.axis)
        else:
            type_check.expect(x_type.ndim >= -self.axis - 1)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.expand_dims(x, self.axis),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.reshape import reshape
        gy, = grad_outputs
        return reshape(gy, self.inputs[0].shape),


def expand_dims(x, axis):
    """Expand the shape of an array with a length-1 axis.

    Parameters
    ----------
    x : Variable or ndarray
        Input array.
    axis : int
        Position of the new axis in the output, ``-x.ndim - 1 <= axis <=
        x.ndim``.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([1, 2, 3])
    >>> F.expand_dims(x, axis=0).shape
    (1, 3)
    >>> F.expand_dims(x, axis=-1).shape
    (3, 1)
    """
    y, = ExpandDims(axis).apply((x,))
    return y
