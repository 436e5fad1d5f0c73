"""Moving axes to new positions."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


def _as_tuple(axes):
    if isinstance(axes, (int, numpy.integer)):
        return (int(axes),)
    if isinstance(axes, (tuple, list)) and all(
            isinstance(a, (int, numpy.integer)) for a in axes):
        return tuple(int(a) for a in axes)
    raise TypeError('axes must be int or a sequence of int')


def _normalize(axes, ndim):
    axes = tuple(a % ndim for a in axes)
    if len(set(axes)) != len(axes):
        raise ValueError('repeated axis: {}'.format(axes))
    return axes


class Moveaxis(function_node.FunctionNode):
    """``xp.moveaxis``; backward moves the axes back."""

    def __init__(self, source, destination):
        self.source = _as_tuple(source)
        self.destination = _as_tuple(destination)
        if len(self.source) != len(self.destination):
            raise ValueError('source and destination must have the same '
                             'number of elements')

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        for name, axes in (('source', self.source),
                           ('destination', self.destination)):
            for a in axes:
                a = type_check.make_variable(a, name)
                type_check.expect(-x_type.ndim <= a, a < x_type.ndim)

    def forward(self, inputs):
        x, = inputs
        # Duplicates can only be detected once ndim is known.
        _normalize(self.source, x.ndim)
        _normalize(self.destination, x.ndim)
        xp = backend.get_array_module(x)
        return xp.moveaxis(x, self.source, self.destination),

    def backward(self, indexes, grad_outputs):
        return Moveaxis(self.destination, self.source).apply(grad_outputs)


def moveaxis(x, source, destination):
    """Move axes of an array to new positions.

    Parameters
    ----------
    x : Variable or ndarray
        Input array.
    source : int or sequence of int
        Original positions of the axes to move.
    destination : int or sequence of int
        Their positions in the output; the other axes keep their order.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.zeros((2, 3, 4, 5))
    >>> F.moveaxis(x, 0, -1).shape
    (3, 4, 5, 2)
    >>> F.moveaxis(x, (0, 1), (-1, -2)).shape
    (4, 5, 3, 2)
    """
    y, = Moveaxis(source, destination).apply((x,))
    return y
