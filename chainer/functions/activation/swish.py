"""Swish activation with a learnable slope: ``swish``."""
from chainer import backend
from chainer import function_node
from chainer.functions.activation.sigmoid import sigmoid
from chainer.functions.array.broadcast import broadcast_to
from chainer.functions.array.reshape import reshape
from chainer.functions.math.sum import sum as _sum
from chainer import utils
from chainer.utils import type_check


def _extended_shape(beta_shape, x_ndim):
    # beta covers axes 1 .. beta.ndim of x; the batch axis and trailing
    # axes broadcast.
    return (1,) + tuple(beta_shape) + (1,) * (
        x_ndim - len(beta_shape) - 1)


def _reduction_axes(beta_ndim, x_ndim):
    return (0,) + tuple(range(1 + beta_ndim, x_ndim))


class Swish(function_node.FunctionNode):
    """``x * sigmoid(beta * x)`` with ``beta`` broadcast from axis 1."""

    @property
    def label(self):
        return 'swish'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'beta'))
        x_type, beta_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            beta_type.dtype == x_type.dtype,
            beta_type.ndim <= x_type.ndim - 1,
        )
        beta_ndim = type_check.eval(beta_type.ndim)
        type_check.expect(
            x_type.shape[1:1 + beta_ndim] == beta_type.shape)

    def forward(self, inputs):
        x, beta = inputs
        xp = backend.get_array_module(x)
        b = beta.reshape(_extended_shape(beta.shape, x.ndim))
        half = x.dtype.type(0.5)
        # Bounded form of the sigmoid (exp(-z) overflows for z << 0).
        s = xp.tanh(b * x * half) * half + half
        self.retain_inputs((0, 1))
        return utils.force_array(x * s, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, beta = self.get_retained_inputs()
        gy, = grad_outputs
        b = broadcast_to(
            reshape(beta, _extended_shape(beta.shape, x.ndim)),
            x.shape)
        s = sigmoid(b * x)
        # ds/dz = s * (1 - s) with z = beta * x.
        ds = s * (1 - s)
        ret = []
        if 0 in indexes:
            ret.append(gy * (s + b * x * ds))
        if 1 in indexes:
            gb = _sum(gy * x * x * ds,
                      axis=_reduction_axes(beta.ndim, x.ndim))
            ret.append(reshape(gb, beta.shape))
        return ret


def swish(x, beta):
    """Swish activation function.

    .. math:: f(x, \\beta) = x \\cdot \\sigma(\\beta x)

    where :math:`\\sigma` is the logistic sigmoid.  ``beta`` is a
    parameter (usually learned, see ``chainer.links.Swish``) shared over
    the batch axis and the axes after ``beta.ndim + 1``.

    Parameters
    ----------
    x : Variable or ndarray
        Input of shape ``(B, ...)`` and a floating point dtype.
    beta : Variable or ndarray
        Slope, of shape ``x.shape[1:1 + beta.ndim]`` and the dtype of
        ``x``.

    Returns
    -------
    Variable
        Output with the shape and dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([[-1, 0, 1], [2, 3, -2]], numpy.float32)
    >>> beta = numpy.ones(3, numpy.float32)
    >>> F.swish(x, beta).array
    array([[-0.2689414 ,  0.        ,  0.7310586 ],
           [ 1.7615942 ,  2.8577223 , -0.23840582]], dtype=float32)
    """
    y, = Swish().apply((x, beta))
    return y
