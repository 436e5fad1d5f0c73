"""Elementwise linear interpolation."""
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class LinearInterpolate(function_node.FunctionNode):
    """``p * x + (1 - p) * y`` elementwise."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('p', 'x', 'y'))
        p_type, x_type, y_type = in_types
        type_check.expect(
            p_type.dtype.kind == 'f',
            p_type.dtype == x_type.dtype,
            p_type.dtype == y_type.dtype,
            p_type.shape == x_type.shape,
            p_type.shape == y_type.shape,
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        p, x, y = inputs
        one = p.dtype.type(1)
        return utils.force_array(p * x + (one - p) * y),

    def backward(self, indexes, grad_outputs):
        p, x, y = self.get_retained_inputs()
        g, = grad_outputs
        # Written with Variables so the result is differentiable again.
        grads = {0: lambda: g * (x - y),
                 1: lambda: g * p,
                 2: lambda: g * (1 - p)}
        return tuple(grads[i]() for i in indexes)


def linear_interpolate(p, x, y):
    """Elementwise linear interpolation ``p * x + (1 - p) * y``.

    Parameters
    ----------
    p, x, y : Variable or ndarray
        Float arrays of the same shape and dtype.

    Returns
    -------
    Variable

    Examples
    --------
    >>> p = numpy.array([0., .25, 1.], numpy.float32)
    >>> x = numpy.ones(3, numpy.float32)
    >>> y = numpy.zeros(3, numpy.float32)
    >>> F.linear_interpolate(p, x, y).array
    array([0.  , 0.25, 1.  ], dtype=float32)
    """
    z, = LinearInterpolate().apply((p, x, y))
    return z
