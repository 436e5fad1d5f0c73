"""Per-row selection: ``y[i] = x[i, t[i]]``."""
import chainer
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class SelectItem(function_node.FunctionNode):
    """``x[arange(len(t)), t]`` for a 2-d ``x`` and integer labels ``t``."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            t_type.dtype.kind == 'i',
            x_type.ndim == 2,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
        )

    def forward(self, inputs):
        self.retain_inputs((1,))
        x, t = inputs
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        xp = backend.get_array_module(x)
        # Only debug mode pays for the host synchronisation of this check.
        if chainer.is_debug():
            if not ((0 <= t).all() and (t < x.shape[1]).all()):
                raise ValueError(
                    'Each label `t` need to satisfy `0 <= t < x.shape[1]`')
        return x[xp.arange(t.size), t],

    def backward(self, indexes, grad_outputs):
        t, = self.get_retained_inputs()
        gx, = Assign(self._in_shape, self._in_dtype, t).apply(grad_outputs)
        return gx, None


class Assign(function_node.FunctionNode):
    """Adjoint of :class:`SelectItem`: ``gx[i, t[i]] = gy[i]``, 0 elsewhere.
    """

    def __init__(self, shape, dtype, t):
        self.shape = shape
        self.dtype = dtype
        self.t = t.array

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        gx = xp.zeros(self.shape, self.dtype)
        # (i, t[i]) pairs are distinct, so assignment needs no accumulation.
        gx[xp.arange(self.t.size), self.t] = gy
        return gx,

    def backward(self, indexes, grad_outputs):
        return SelectItem().apply((grad_outputs[0], self.t))


def select_item(x, t):
    """Select one element from each row: ``y[i] == x[i, t[i]]``.

    This is ``t.choose(x.T)`` without ``choose``'s limit of 32 columns.

    Parameters
    ----------
    x : Variable or ndarray
        ``(B, K)`` array.
    t : Variable or ndarray
        ``(B,)`` integer array with values in ``[0, K)``.

    Returns
    -------
    Variable
        ``(B,)`` array of the dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([[0, 1, 2], [3, 4, 5]], numpy.float32)
    >>> t = numpy.array([0, 2], numpy.int32)
    >>> F.select_item(x, t).array
    array([0., 5.], dtype=float32)
    """
    return SelectItem().apply((x, t))[0]
