"""Broadcasting: ``broadcast_to`` one shape, ``broadcast`` several arrays."""
from chainer import backend
from chainer import function_node
from chainer.utils import type_check
from chainer import variable


def _sum_to(x, shape):
    # Imported here: chainer.functions.math.sum imports this module.
    from chainer.functions.math.sum import sum_to
    return sum_to(x, shape)


class BroadcastTo(function_node.FunctionNode):
    """Broadcast one array to ``shape``; backward sums back."""

    def __init__(self, shape):
        self._shape = tuple(shape)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        ndim = type_check.make_variable(len(self._shape), 'len(shape)')
        type_check.expect(in_types[0].ndim <= ndim)
        shape = type_check.eval(in_types[0].shape)
        # Compare from the last axis, as NumPy broadcasting does.
        for i in range(-1, -len(shape) - 1, -1):
            if shape[i] == self._shape[i] or shape[i] == 1:
                continue
            expect = 'in_type[0].shape[%d] == %d' % (i, self._shape[i])
            if self._shape[i] != 1:
                expect += ' or in_type[0].shape[%d] == 1' % i
            actual = 'in_type[0].shape: %s' % str(shape)
            raise type_check.InvalidType(expect, actual)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.broadcast_to(x, self._shape),

    def backward(self, indexes, grad_outputs):
        gx, = grad_outputs
        return _sum_to(gx, self.inputs[0].shape),


def broadcast_to(x, shape):
    """Broadcast an array to ``shape``.

    Parameters
    ----------
    x : Variable or ndarray
    shape : tuple of int

    Returns
    -------
    Variable

    Examples
    --------
    >>> F.broadcast_to(numpy.array([1., 2.]), (2, 2)).array
    array([[1., 2.],
           [1., 2.]])
    """
    shape = tuple(shape)
    if x.shape == shape:
        return variable.as_variable(x)
    y, = BroadcastTo(shape).apply((x,))
    return y


class Broadcast(function_node.FunctionNode):
    """Broadcast several arrays against each other."""

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        type_check.expect_broadcast_shapes(*[t.shape for t in in_types])

    def forward(self, xs):
        xp = backend.get_array_module(*xs)
        return tuple(xp.broadcast_arrays(*xs))

    def backward(self, indexes, grad_outputs):
        return tuple(None if grad_outputs[i] is None else
                     _sum_to(grad_outputs[i], self.inputs[i].shape)
                     for i in indexes)


def broadcast(*args):
    """Broadcast the given arrays against each other.

    Returns
    -------
    Variable (one input) or tuple of Variables

    Examples
    --------
    >>> a, b = F.broadcast(numpy.zeros((2, 1)), numpy.zeros(3))
    >>> a.shape, b.shape
    ((2, 3), (2, 3))
    """
    if len(args) == 1:
        return variable.as_variable(args[0])
    return Broadcast().apply(args)
