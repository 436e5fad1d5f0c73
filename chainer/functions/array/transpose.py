"""Axis permutation."""
import numpy

from chainer import function_node
from chainer.utils import type_check


class Transpose(function_node.FunctionNode):
    """Permute axes (reverse them when ``axes`` is None)."""

    def __init__(self, axes=None):
        self.axes = None if axes is None else tuple(axes)

    @property
    def label(self):
        return 'Transpose'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        if self.axes is not None:
            type_check.expect(in_types[0].ndim == len(self.axes))

    def forward(self, inputs):
        x, = inputs
        return x.transpose(self.axes),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        ndim = len(self.inputs[0].shape)
        if self.axes is None:
            inv_axes = None  # reversing is its own inverse
        else:
            axes = [a % ndim for a in self.axes]
            inv_axes = tuple(int(i) for i in numpy.argsort(axes))
        return Transpose(inv_axes).apply((gy,))


def transpose(x, axes=None):
    """Permute the axes of an array.

    Parameters
    ----------
    x : Variable or ndarray
    axes : tuple of int or None
        New order of axes; reversed order when None.

    Returns
    -------
    Variable

    Examples
    --------
    >>> F.transpose(numpy.zeros((2, 3, 4)), (2, 0, 1)).shape
    (4, 2, 3)
    """
    return Transpose(axes).apply((x,))[0]
