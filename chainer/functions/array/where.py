"""Elementwise choice between two arrays."""
import numpy

from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check
from chainer import variable


class Where(function_node.FunctionNode):
    """``xp.where(condition, x, y)`` with a constant boolean condition.

    The condition takes no gradient; ``x`` and ``y`` receive the output
    gradient where they were chosen, summed back to their shapes.
    """

    def __init__(self, condition):
        self.condition = condition

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'y'))
        x_type, y_type = in_types
        condition = type_check.make_variable(
            type_check.TypeInfo(self.condition.shape, self.condition.dtype),
            'condition')
        type_check.expect(
            condition.dtype == numpy.bool_,
            x_type.dtype == y_type.dtype,
        )
        type_check.expect_broadcast_shapes(
            condition.shape, x_type.shape, y_type.shape)

    def forward(self, inputs):
        x, y = inputs
        xp = backend.get_array_module(x, y)
        return utils.force_array(xp.where(self.condition, x, y)),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.math.sum import sum_to
        g, = grad_outputs
        xp = backend.get_array_module(g)
        # A 0-d zero broadcasts against any shape.
        zero = xp.zeros((), dtype=g.dtype)
        ret = []
        if 0 in indexes:
            gx, = Where(self.condition).apply((g, zero))
            ret.append(sum_to(gx, self.inputs[0].shape))
        if 1 in indexes:
            gy, = Where(self.condition).apply((zero, g))
            ret.append(sum_to(gy, self.inputs[1].shape))
        return ret


def where(condition, x, y):
    """Choose elements from ``x`` or ``y`` depending on a condition.

    Parameters
    ----------
    condition : Variable or ndarray of bool
        Where True take ``x``, elsewhere ``y``.  It receives no gradient.
    x, y : Variable or ndarray
        Arrays of the same dtype; ``condition``, ``x`` and ``y`` are
        broadcast against each other.

    Returns
    -------
    Variable

    Examples
    --------
    >>> cond = numpy.array([[1, 0], [0, 1]], dtype=bool)
    >>> x = numpy.array([[1, 2], [3, 4]], numpy.float32)
    >>> y = numpy.zeros((2, 2), numpy.float32)
    >>> F.where(cond, x, y).array
    array([[1., 0.],
           [0., 4.]], dtype=float32)
    """
    if isinstance(condition, variable.Variable):
        condition = condition.array
    z, = Where(condition).apply((x, y))
    return z
