"""Rolling one axis to a new position."""
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Rollaxis(function_node.FunctionNode):
    """``xp.rollaxis(x, axis, start)``; backward rolls it back."""

    def __init__(self, axis, start):
        self.axis = axis
        self.start = start

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        if self.axis >= 0:
            type_check.expect(x_type.ndim > self.axis)
        else:
            type_check.expect(x_type.ndim >= -self.axis)
        # NumPy accepts start == ndim (roll to the very end).
        if self.start >= 0:
            type_check.expect(x_type.ndim >= self.start)
        else:
            type_check.expect(x_type.ndim >= -self.start)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.rollaxis(x, self.axis, self.start),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        ndim = len(self.inputs[0].shape)
        axis = self.axis % ndim
        start = self.start + ndim if self.start < 0 else self.start
        # Where the rolled axis ended up, and where it came from.
        if axis < start:
            return Rollaxis(start - 1, axis).apply((gy,))
        return Rollaxis(start, axis + 1).apply((gy,))


def rollaxis(x, axis, start=0):
    """Roll an axis backwards to a given position.

    Parameters
    ----------
    x : Variable or ndarray
        Input array.
    axis : int
        Axis to roll.
    start : int
        The axis is rolled until it lies before this position (as in
        :func:`numpy.rollaxis`).

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.zeros((2, 3, 4, 5))
    >>> F.rollaxis(x, 3, 1).shape
    (2, 5, 3, 4)
    >>> F.rollaxis(x, 1, 4).shape
    (2, 4, 5, 3)
    """
    y, = Rollaxis(axis, start).apply((x,))
    return y
