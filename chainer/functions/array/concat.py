"""Concatenation of arrays along an existing axis."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Concat(function_node.FunctionNode):
    """Concatenate inputs along ``axis``; backward splits the gradient."""

    def __init__(self, axis=1):
        if not isinstance(axis, (int, numpy.integer)):
            raise TypeError('axis must be int')
        self.axis = int(axis)

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        type_check._argname((in_types[0],), ('x0',))
        axis = type_check.make_variable(self.axis, 'axis')
        type_check.expect(-in_types[0].ndim <= axis,
                          axis < in_types[0].ndim)
        ndim = type_check.eval(in_types[0].ndim)
        axis = self.axis % ndim
        for i in range(1, type_check.eval(in_types.size())):
            type_check._argname((in_types[i],), ('x{}'.format(i),))
            type_check.expect(
                in_types[0].dtype == in_types[i].dtype,
                in_types[0].ndim == in_types[i].ndim,
            )
            for d in range(ndim):
                if d == axis:
                    continue
                type_check.expect(in_types[0].shape[d] == in_types[i].shape[d])

    def forward(self, xs):
        xp = backend.get_array_module(*xs)
        return xp.concatenate(xs, self.axis),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.split_axis import split_axis
        if len(self.inputs) == 1:
            return grad_outputs
        gy, = grad_outputs
        # Split points are the running sizes of all but the last input.
        sizes = numpy.array(
            [x.shape[self.axis] for x in self.inputs[:-1]]).cumsum()
        gxs = split_axis(gy, sizes, self.axis)
        return tuple(gxs[i] for i in indexes)


def concat(xs, axis=1):
    """Concatenate variables along an axis.

    Parameters
    ----------
    xs : list or tuple of Variable or ndarray
        Arrays of the same dtype and ndim whose shapes agree except along
        ``axis``.
    axis : int
        Axis to join along (negative values count from the end).

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.arange(0, 12).reshape(3, 4)
    >>> y = numpy.arange(-1, -7, -1).reshape(3, 2)
    >>> F.concat((x, y), axis=1).array
    array([[ 0,  1,  2,  3, -1, -2],
           [ 4,  5,  6,  7, -3, -4],
           [ 8,  9, 10, 11, -5, -6]])
    """
    y, = Concat(axis).apply(xs)
    return y
