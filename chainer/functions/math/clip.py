"""Clipping values into an interval."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


def _inside_mask(x, x_min, x_max):
    # Elements strictly clipped get no gradient; the bounds themselves
    # (where clip is not differentiable) pass it, as in Chainer.
    xp = backend.get_array_module(x)
    cond = xp.ones(x.shape, dtype=bool)
    # Compare in x's dtype, exactly as the forward pass clipped.
    if x_min is not None:
        cond &= x.dtype.type(x_min) <= x
    if x_max is not None:
        cond &= x <= x.dtype.type(x_max)
    return cond


class Clip(function_node.FunctionNode):
    """Clip into ``[x_min, x_max]`` (either bound may be None)."""

    def __init__(self, x_min, x_max):
        if x_min is None and x_max is None:
            raise ValueError('must set either max or min')
        if x_min is not None and x_max is not None and x_min >= x_max:
            raise ValueError('x_min must be less than x_max.')
        self.x_min = x_min
        self.x_max = x_max

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        # One-sided clipping via maximum/minimum works on every backend;
        # bounds are converted to x's dtype so that NumPy float64 scalars
        # do not upcast the result.
        y = x
        if self.x_min is not None:
            y = xp.maximum(y, x.dtype.type(self.x_min))
        if self.x_max is not None:
            y = xp.minimum(y, x.dtype.type(self.x_max))
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        cond = _inside_mask(x.array, self.x_min, self.x_max)
        return ClipGrad(cond).apply(grad_outputs)


class ClipGrad(function_node.FunctionNode):
    """Multiply by a constant 0/1 mask; linear, hence its own backward."""

    def __init__(self, cond):
        self.cond = cond

    def forward(self, inputs):
        gy, = inputs
        return utils.force_array(gy * self.cond, gy.dtype),

    def backward(self, indexes, grad_outputs):
        return ClipGrad(self.cond).apply(grad_outputs)


def clip(x, x_min, x_max):
    """Clip (limit) elementwise values into ``[x_min, x_max]``.

    Parameters
    ----------
    x : Variable or ndarray
        Float input array.
    x_min : float or None
        Lower bound (no lower bound when None).
    x_max : float or None
        Upper bound (no upper bound when None); must exceed ``x_min``.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([-2., 0.5, 3.], numpy.float32)
    >>> F.clip(x, -1., 1.).array
    array([-1. ,  0.5,  1. ], dtype=float32)
    """
    y, = Clip(x_min, x_max).apply((x,))
    return y
