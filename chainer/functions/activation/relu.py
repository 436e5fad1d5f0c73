"""Rectified linear unit: ``relu``."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class ReLU(function_node.FunctionNode):
    """Elementwise ``max(x, 0)``."""

    @property
    def label(self):
        return 'ReLU'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        # The sign of y equals that of x where it matters (y > 0 iff
        # x > 0), so keeping y is enough for the backward.
        self.retain_outputs((0,))
        return utils.force_array(xp.maximum(x, x.dtype.type(0))),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        return ReLUGrad(y.array > 0).apply(grad_outputs)


class ReLUGrad(function_node.FunctionNode):
    """``gy * mask``; linear in ``gy``, so it is its own derivative."""

    def __init__(self, mask):
        self.mask = mask

    def forward(self, inputs):
        gy, = inputs
        return utils.force_array(gy * self.mask, gy.dtype),

    def backward(self, indexes, grad_outputs):
        ggx, = grad_outputs
        return ReLUGrad(self.mask).apply((ggx,))


def relu(x):
    """Rectified linear unit.

    .. math:: f(x) = \\max(0, x)

    Parameters
    ----------
    x : Variable or ndarray
        Input of a floating point dtype and any shape.

    Returns
    -------
    Variable
        Output with the shape and dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([[-1, 0], [2, -3]], numpy.float32)
    >>> F.relu(x).array
    array([[0., 0.],
           [2., 0.]], dtype=float32)
    """
    y, = ReLU().apply((x,))
    return y
