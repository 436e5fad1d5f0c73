"""Repeating a whole array along each axis."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Tile(function_node.FunctionNode):
    """``xp.tile(x, reps)``; backward sums over the repetitions."""

    def __init__(self, reps):
        if isinstance(reps, (int, numpy.integer)):
            self.reps = (int(reps),)
        elif isinstance(reps, tuple) and all(
                isinstance(r, (int, numpy.integer)) for r in reps):
            self.reps = tuple(int(r) for r in reps)
        else:
            raise TypeError('reps must be int or tuple of ints')
        if not all(r >= 0 for r in self.reps):
            raise ValueError('All elements in reps must be zero or larger')

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.tile(x, self.reps),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.reshape import reshape
        from chainer.functions.math.sum import sum
        gy, = grad_outputs
        x_shape = self.inputs[0].shape
        reps = self.reps
        # Align reps and the input shape by prepending ones, as tile does.
        if len(x_shape) > len(reps):
            reps = (1,) * (len(x_shape) - len(reps)) + reps
        elif len(x_shape) < len(reps):
            x_shape = (1,) * (len(reps) - len(x_shape)) + x_shape
        # Each output axis of length r * s becomes (r, s); summing the
        # r axes adds up all copies of every input element.
        new_shape = []
        for r, s in zip(reps, x_shape):
            new_shape.append(r)
            new_shape.append(s)
        gy = reshape(gy, tuple(new_shape))
        gx = sum(gy, axis=tuple(range(0, 2 * len(reps), 2)))
        return reshape(gx, self.inputs[0].shape),


def tile(x, reps):
    """Construct an array by tiling a given array.

    Parameters
    ----------
    x : Variable or ndarray
        Input array; let its ndim be ``n``.
    reps : int or tuple of int
        Repetitions along each axis (all non-negative).  If
        ``len(reps) < n``, ones are prepended to ``reps``; if
        ``len(reps) > n``, ones are prepended to ``x``'s shape.

    Returns
    -------
    Variable
        Array with ``max(n, len(reps))`` dimensions.

    Examples
    --------
    >>> x = numpy.array([0, 1, 2])
    >>> F.tile(x, 2).array
    array([0, 1, 2, 0, 1, 2])
    >>> F.tile(x, (2, 1)).array
    array([[0, 1, 2],
           [0, 1, 2]])
    """
    y, = Tile(reps).apply((x,))
    return y
