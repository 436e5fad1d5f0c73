"""Removing length-1 axes."""
import numpy

from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class Squeeze(function_node.FunctionNode):
    """Remove length-1 axes (all of them when ``axis`` is None)."""

    def __init__(self, axis=None):
        if axis is None:
            self.axis = None
        elif isinstance(axis, (int, numpy.integer)):
            self.axis = (int(axis),)
        elif isinstance(axis, tuple) and all(
                isinstance(a, (int, numpy.integer)) for a in axis):
            self.axis = tuple(int(a) for a in axis)
        else:
            raise TypeError('axis must be None, int or tuple of ints')

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        if self.axis is not None:
            for a in self.axis:
                if a >= 0:
                    type_check.expect(x_type.ndim > a)
                else:
                    type_check.expect(-x_type.ndim <= a)
                type_check.expect(x_type.shape[a] == 1)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return utils.force_array(xp.squeeze(x, self.axis)),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.reshape import reshape
        gy, = grad_outputs
        return reshape(gy, self.inputs[0].shape),


def squeeze(x, axis=None):
    """Remove dimensions of size one from the shape of an array.

    Parameters
    ----------
    x : Variable or ndarray
        Input array.
    axis : None, int or tuple of int
        Axes to remove; each must have length 1.  All length-1 axes are
        removed when None.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.zeros((1, 2, 1, 3))
    >>> F.squeeze(x).shape
    (2, 3)
    >>> F.squeeze(x, axis=(0, 2)).shape
    (2, 3)
    >>> F.squeeze(x, axis=-2).shape
    (1, 2, 3)
    """
    y, = Squeeze(axis).apply((x,))
    return y
