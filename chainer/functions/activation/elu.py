"""Exponential linear unit: ``elu``."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


class ELU(function_node.FunctionNode):
    """Elementwise ``x if x > 0 else alpha * (exp(x) - 1)``."""

    def __init__(self, alpha=1.0):
        self.alpha = float(alpha)

    @property
    def label(self):
        return 'ELU'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        # expm1 only sees non-positive values: no overflow for large x and
        # full precision near 0.
        neg = self.alpha * xp.expm1(xp.minimum(x, x.dtype.type(0)))
        y = xp.where(x > 0, x, neg.astype(x.dtype, copy=False))
        self.retain_outputs((0,))
        if self.alpha < 0:
            # A negative alpha makes y positive for x < 0; keep x to know
            # the branch.
            self.retain_inputs((0,))
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        if self.alpha < 0:
            cond, = self.get_retained_inputs()
        else:
            cond = y
        gy, = grad_outputs
        # d/dx = 1 for x > 0, alpha * exp(x) = y + alpha otherwise.
        return ELUGrad(self.alpha, cond.array > 0).apply((y,))[0] * gy,


class ELUGrad(function_node.FunctionNode):
    """Derivative of ELU written as a function of its output ``y``."""

    def __init__(self, alpha, mask):
        self.alpha = alpha
        self.mask = mask

    def forward(self, inputs):
        y, = inputs
        xp = backend.get_array_module(y)
        gx = xp.where(self.mask, y.dtype.type(1),
                      y + y.dtype.type(self.alpha))
        return utils.force_array(gx, y.dtype),

    def backward(self, indexes, grad_outputs):
        ggx, = grad_outputs
        # d(y + alpha)/dy = 1 on the negative branch, 0 on the linear one.
        return ggx * ~self.mask,


def elu(x, alpha=1.0):
    """Exponential linear unit.

    .. math::
        f(x) = \\begin{cases} x & (x > 0) \\\\
                              \\alpha (\\exp(x) - 1) & (x \\le 0)
               \\end{cases}

    Parameters
    ----------
    x : Variable or ndarray
        Input of a floating point dtype.
    alpha : float
        Scale ``alpha`` of the negative part.

    Returns
    -------
    Variable
        Output with the shape and dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([[-1, 0], [2, -3]], numpy.float32)
    >>> F.elu(x, alpha=1.).array
    array([[-0.63212055,  0.        ],
           [ 2.        , -0.95021296]], dtype=float32)
    """
    y, = ELU(alpha=alpha).apply((x,))
    return y
