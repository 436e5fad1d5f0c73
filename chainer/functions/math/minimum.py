"""Elementwise minimum of two arrays."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class Minimum(function_node.FunctionNode):
    """``xp.minimum(x1, x2)`` with broadcasting.

    The gradient goes to ``x1`` where ``x1 <= x2`` (ties included) and to
    ``x2`` elsewhere.
    """

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x1', 'x2'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
        )
        type_check.expect_broadcast_shapes(
            in_types[0].shape, in_types[1].shape)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x1, x2 = inputs
        xp = backend.get_array_module(x1, x2)
        return utils.force_array(xp.minimum(x1, x2)),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.where import where
        from chainer.functions.math.sum import sum_to
        x1, x2 = self.get_retained_inputs()
        gy, = grad_outputs
        cond = x1.array <= x2.array
        xp = backend.get_array_module(gy)
        zero = xp.zeros((), gy.dtype)
        ret = []
        if 0 in indexes:
            ret.append(sum_to(where(cond, gy, zero), x1.shape))
        if 1 in indexes:
            ret.append(sum_to(where(cond, zero, gy), x2.shape))
        return ret


def minimum(x1, x2):
    """Elementwise minimum of two arrays.

    Parameters
    ----------
    x1, x2 : Variable or ndarray
        Float arrays of the same dtype; shapes are broadcast.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x1 = numpy.array([1., 5.], numpy.float32)
    >>> x2 = numpy.array([3., 2.], numpy.float32)
    >>> F.minimum(x1, x2).array
    array([1., 2.], dtype=float32)
    """
    y, = Minimum().apply((x1, x2))
    return y
