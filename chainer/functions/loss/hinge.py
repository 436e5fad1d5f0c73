"""Hinge loss for multiclass classification: ``hinge``."""
from chainer import backend
from chainer import function_node
from chainer.functions.array.broadcast import broadcast_to
from chainer import utils
from chainer.utils import type_check


def _signs(x, t):
    """``-1`` at the target class of each row, ``+1`` elsewhere."""
    xp = backend.get_array_module(x)
    target = xp.arange(x.shape[1]).reshape(1, -1) == t.reshape(-1, 1)
    return (1 - 2 * target).astype(x.dtype)


class Hinge(function_node.FunctionNode):
    """``max(0, 1 - x)`` on targets, ``max(0, 1 + x)`` elsewhere."""

    def __init__(self, norm='L1', reduce='mean'):
        if norm not in ('L1', 'L2'):
            raise NotImplementedError("norm should be either 'L1' or 'L2'")
        self.norm = norm
        if reduce not in ('mean', 'no'):
            raise ValueError(
                "only 'mean' and 'no' are valid for 'reduce', but '%s' is "
                'given' % reduce)
        self.reduce = reduce

    @property
    def label(self):
        return 'hinge'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i',
            x_type.ndim == 2,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
        )

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, t = inputs
        xp = backend.get_array_module(x)
        self.signs = _signs(x, t)
        margin = xp.maximum(x.dtype.type(0), 1 + self.signs * x)
        self.active = margin > 0
        loss = margin if self.norm == 'L1' else margin * margin
        if self.reduce == 'mean':
            loss = loss.sum() / x.dtype.type(max(len(x), 1))
        return utils.force_array(xp.asarray(loss), x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        if self.reduce == 'mean':
            gy = broadcast_to(gy, x.shape) * (1. / max(len(x), 1))
        slope = self.signs * self.active
        if self.norm == 'L1':
            gx = gy * slope
        else:
            # d/dx (1 + s x)^2 = 2 s (1 + s x) on the active entries.
            gx = gy * ((x * self.signs + 1) * (2 * slope))
        return gx, None


def hinge(x, t, norm='L1', reduce='mean'):
    """Multiclass hinge loss (one-vs-all).

    .. math::
        \\ell_{nk} = \\left[\\max(0, 1 - \\delta\\{t_n = k\\} x_{nk})
                    \\right]^p, \\quad
        \\delta\\{t_n = k\\} = \\begin{cases} 1 & (t_n = k) \\\\
                                             -1 & (t_n \\ne k)
                              \\end{cases}

    with ``p = 1`` for ``'L1'`` and ``p = 2`` for ``'L2'``.

    Parameters
    ----------
    x : Variable or ndarray
        Scores of shape ``(N, K)`` and a floating point dtype.
    t : Variable or ndarray
        Integer labels of shape ``(N,)`` in ``[0, K)``.
    norm : {'L1', 'L2'}
        Power ``p`` of the margin.
    reduce : {'mean', 'no'}
        ``'mean'``: sum over all entries divided by ``N`` (scalar);
        ``'no'``: the ``(N, K)`` elementwise loss.

    Returns
    -------
    Variable
        The loss with the dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([[-2, 3, .5], [5, 2, -.5]], numpy.float32)
    >>> t = numpy.array([1, 0], numpy.int32)
    >>> F.hinge(x, t).array
    array(2.5, dtype=float32)
    """
    loss, = Hinge(norm, reduce).apply((x, t))
    return loss
