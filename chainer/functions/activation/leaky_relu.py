"""Leaky rectified linear unit: ``leaky_relu``."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class LeakyReLU(function_node.FunctionNode):
    """Elementwise ``x if x >= 0 else slope * x``."""

    def __init__(self, slope=0.2):
        self.slope = slope

    @property
    def label(self):
        return 'LeakyReLU'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        y = xp.where(x >= 0, x, x * x.dtype.type(self.slope))
        # With a non-negative slope, y > 0 iff x > 0, so the output alone
        # decides the branch; a negative slope flips the sign of y.
        if self.slope >= 0:
            self.retain_outputs((0,))
        else:
            self.retain_inputs((0,))
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        if self.slope >= 0:
            cond, = self.get_retained_outputs()
        else:
            cond, = self.get_retained_inputs()
        return _LeakyReLUGrad(cond.array > 0, self.slope).apply(
            grad_outputs)


class _LeakyReLUGrad(function_node.FunctionNode):
    """``gy`` where the mask holds, ``slope * gy`` elsewhere (linear)."""

    def __init__(self, mask, slope):
        self.mask = mask
        self.slope = slope

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        gx = xp.where(self.mask, gy, gy * gy.dtype.type(self.slope))
        return utils.force_array(gx, gy.dtype),

    def backward(self, indexes, grad_outputs):
        return _LeakyReLUGrad(self.mask, self.slope).apply(grad_outputs)


def leaky_relu(x, slope=0.2):
    """Leaky rectified linear unit.

    .. math::
        f(x) = \\begin{cases} x & (x \\ge 0) \\\\
                              a x & (x < 0) \\end{cases}

    Parameters
    ----------
    x : Variable or ndarray
        Input of a floating point dtype.
    slope : float
        Slope ``a`` of the negative part.

    Returns
    -------
    Variable
        Output with the shape and dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([[-1, 0], [2, -3]], numpy.float32)
    >>> F.leaky_relu(x, slope=0.2).array
    array([[-0.2,  0. ],
           [ 2. , -0.6]], dtype=float32)
    """
    y, = LeakyReLU(slope).apply((x,))
    return y
