"""Sigmoid followed by binary cross entropy: ``sigmoid_cross_entropy``."""
from chainer import backend
from chainer import function_node
from chainer.functions.activation.sigmoid import sigmoid
from chainer.functions.array.broadcast import broadcast_to
from chainer import utils
from chainer.utils import type_check


class SigmoidCrossEntropy(function_node.FunctionNode):
    """Binary cross entropy of ``sigmoid(x)``; label -1 is ignored."""

    ignore_label = -1

    def __init__(self, normalize=True, reduce='mean'):
        self.normalize = normalize
        if reduce not in ('mean', 'no'):
            raise ValueError(
                "only 'mean' and 'no' are valid for 'reduce', but '%s' is "
                'given' % reduce)
        self.reduce = reduce

    @property
    def label(self):
        return 'sigmoid_cross_entropy'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i',
            x_type.shape == t_type.shape,
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, t = inputs
        xp = backend.get_array_module(x)
        self.ignore_mask = t != self.ignore_label
        # -(t log s(x) + (1 - t) log(1 - s(x)))
        #   = log(1 + exp(-|x|)) - x * (t - [x >= 0]),
        # which never evaluates exp of a positive number.
        loss = xp.log1p(xp.exp(-abs(x))) - x * (t - (x >= 0))
        loss = loss * self.ignore_mask
        if self.reduce == 'mean':
            # The count stays on the device: reading it back would stall
            # every training step.  An all-ignored batch gives 0, not 0 / 0.
            if self.normalize:
                count = xp.maximum(self.ignore_mask.sum(), 1)
            else:
                count = max(len(x), 1)
            self.inv_count = xp.asarray(1. / count, dtype=x.dtype)
            loss = loss.sum() * self.inv_count
        return utils.force_array(xp.asarray(loss), x.dtype),

    def backward(self, indexes, grad_outputs):
        x, t = self.get_retained_inputs()
        gy, = grad_outputs
        # d loss / dx = sigmoid(x) - t on the labelled entries.
        scale = self.ignore_mask.astype(x.dtype)
        if self.reduce == 'mean':
            scale = scale * self.inv_count
            gy = broadcast_to(gy, x.shape)
        gx = (sigmoid(x) - t.array.astype(x.dtype)) * (gy * scale)
        return gx, None


def sigmoid_cross_entropy(x, t, normalize=True, reduce='mean'):
    """Binary cross entropy between ``sigmoid(x)`` and labels ``t``.

    .. math::
        \\ell_i = -\\left(t_i \\log \\sigma(x_i)
                  + (1 - t_i) \\log (1 - \\sigma(x_i))\\right)

    computed as :math:`\\log(1 + e^{-|x|}) - x (t - [x \\ge 0])` so that
    it is finite for any ``x``.  Entries labelled ``-1`` are ignored.

    Parameters
    ----------
    x : Variable or ndarray
        Scores (logits) of a floating point dtype.
    t : Variable or ndarray
        Integer labels in ``{0, 1, -1}`` with the shape of ``x``.
    normalize : bool
        With ``reduce='mean'``, divide the sum by the number of labels
        other than -1 (True) or by the batch size ``len(x)`` (False).
    reduce : {'mean', 'no'}
        ``'mean'`` gives a scalar, ``'no'`` the elementwise loss (0 where
        ignored).

    Returns
    -------
    Variable
        The loss with the dtype of ``x``.

    Examples
    --------
    >>> x = numpy.array([[-2, 3, .5], [5, 2, -.5]], numpy.float32)
    >>> t = numpy.array([[0, 1, 0], [1, 1, -1]], numpy.int32)
    >>> F.sigmoid_cross_entropy(x, t).array
    array(0.25664714, dtype=float32)
    """
    loss, = SigmoidCrossEntropy(normalize, reduce).apply((x, t))
    return loss
