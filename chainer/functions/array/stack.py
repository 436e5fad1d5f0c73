"""Joining arrays along a new axis."""
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Stack(function_node.FunctionNode):
    """Stack inputs of equal shape along a new ``axis``.

    Backward separates the gradient along that axis.
    """

    def __init__(self, axis):
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        type_check._argname((in_types[0],), ('x0',))
        axis = type_check.make_variable(self.axis, 'axis')
        type_check.expect(-in_types[0].ndim - 1 <= axis,
                          axis <= in_types[0].ndim)
        dtype = in_types[0].dtype
        shape = in_types[0].shape
        for i, x_type in enumerate(in_types[1:]):
            type_check._argname((x_type,), ('x{}'.format(i + 1),))
            type_check.expect(x_type.dtype == dtype, x_type.shape == shape)

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return xp.stack(inputs, axis=self.axis),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.separate import separate
        gy, = grad_outputs
        gxs = separate(gy, self.axis)
        return tuple(gxs[i] for i in indexes)


def stack(xs, axis=0):
    """Concatenate variables along a new axis.

    Parameters
    ----------
    xs : list of Variable or ndarray
        Arrays of the same shape and dtype.
    axis : int
        Position of the new axis in the output; it must satisfy
        ``-ndim - 1 <= axis <= ndim`` where ``ndim`` is that of the inputs.

    Returns
    -------
    Variable
        Array with ``ndim + 1`` dimensions.

    Examples
    --------
    >>> x1 = numpy.arange(0, 6).reshape(2, 3)
    >>> x2 = numpy.arange(6, 12).reshape(2, 3)
    >>> F.stack([x1, x2], axis=0).shape
    (2, 2, 3)
    >>> F.stack([x1, x2], axis=-1).array
    array([[[ 0,  6],
            [ 1,  7],
            [ 2,  8]],
    <BLANKLINE>
           [[ 3,  9],
            [ 4, 10],
            [ 5, 11]]])
    """
    y, = Stack(axis).apply(xs)
    return y
