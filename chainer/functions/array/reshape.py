"""Reshape without copying data."""
from chainer import function_node
from chainer.utils import type_check
from chainer import variable


def _count_unknown_dims(shape):
    cnt = 0
    for dim in shape:
        cnt += dim < 0
    return cnt


class Reshape(function_node.FunctionNode):
    """Reshape to ``shape`` (at most one entry may be -1)."""

    def __init__(self, shape):
        self.shape = tuple(shape)
        self._cnt = _count_unknown_dims(self.shape)
        if self._cnt > 1:
            raise ValueError('Shape can contain at most one -1: {}'.format(
                self.shape))

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        if self._cnt == 0:
            type_check.expect(
                type_check.prod(x_type.shape) == type_check.prod(self.shape))
        else:
            known_size = 1
            for s in self.shape:
                if s > 0:
                    known_size *= s
            size_var = type_check.make_variable(
                known_size, 'known_size(=%d)' % known_size)
            type_check.expect(
                type_check.prod(x_type.shape) % size_var == 0)

    def forward(self, inputs):
        x, = inputs
        return x.reshape(self.shape),

    def backward(self, indexes, grad_outputs):
        gx, = grad_outputs
        return reshape(gx, self.inputs[0].shape),


def reshape(x, shape):
    """Reshape an array (one dimension may be -1).

    Parameters
    ----------
    x : Variable or ndarray
    shape : tuple of int

    Returns
    -------
    Variable (``x`` itself, as a Variable, when the shape is unchanged)

    Examples
    --------
    >>> F.reshape(numpy.arange(6.), (2, -1)).shape
    (2, 3)
    """
    if isinstance(shape, int):
        shape = (shape,)
    shape = tuple(shape)
    if x.shape == shape:
        return variable.as_variable(x)
    y, = Reshape(shape).apply((x,))
    return y
