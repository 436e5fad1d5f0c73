"""Softmax followed by cross entropy: ``softmax_cross_entropy``."""
import chainer
from chainer import backend
from chainer import function_node
from chainer.functions.activation.log_softmax import _log_softmax
from chainer.functions.activation.log_softmax import log_softmax
from chainer.functions.math.sum import sum as _sum
from chainer import utils
from chainer.utils import type_check
from chainer import variable


def _check_class_weight_option(class_weight):
    if class_weight is None:
        return
    if isinstance(class_weight, variable.Variable):
        raise ValueError(
            'class_weight should be a numpy.ndarray or cupy.ndarray, '
            'not a chainer.Variable')
    if class_weight.ndim != 1:
        raise ValueError('class_weight.ndim should be 1')
    if class_weight.dtype.kind != 'f':
        raise ValueError("The dtype of class_weight should be 'f'")


def _check_reduce_option(reduce):
    if reduce not in ('mean', 'no'):
        raise ValueError(
            "only 'mean' and 'no' are valid for 'reduce', but '%s' is "
            'given' % reduce)


def _check_input_values(x, t, ignore_label):
    # Only run in debug mode: it synchronizes with the device.
    valid = ((0 <= t) & (t < x.shape[1])) | (t == ignore_label)
    if not bool(valid.all()):
        raise ValueError(
            'Each label `t` need to satisfy `0 <= t < x.shape[1] or '
            't == %d`' % ignore_label)


def _mean_coeff(xp, x, t, normalize, ignore_label):
    # 1 / (number of averaged labels) as a 0-dim array of x's dtype.  The
    # count stays on the device: reading it back would stall every
    # training step.  An all-ignored batch gives 0, not 0 / 0.
    if normalize:
        count = xp.maximum((t != ignore_label).sum(), 1)
    else:
        count = max(len(x), 1)
    return xp.asarray(1. / count, dtype=x.dtype)


def _check_types(in_types):
    type_check._argname(in_types, ('x', 't'))
    x_type, t_type = in_types
    type_check.expect(
        x_type.dtype.kind == 'f',
        t_type.dtype.kind == 'i',
        t_type.ndim == x_type.ndim - 1,
        x_type.shape[0] == t_type.shape[0],
        x_type.shape[2:] == t_type.shape[1:],
    )


def _expand_class_axis(a):
    """Insert the class axis (axis 1) into a label-shaped array."""
    return a.reshape(a.shape[:1] + (1,) + a.shape[1:])


def _target_weights(x, t, class_weight, ignore_label):
    """Per-sample weight: class weight of the label, 0 where ignored."""
    xp = backend.get_array_module(x)
    mask = t != ignore_label
    t_safe = xp.where(mask, t, 0)
    w = mask.astype(x.dtype)
    if class_weight is not None:
        w = w * xp.asarray(class_weight, x.dtype)[t_safe]
    return t_safe, w


def _one_hot(x, t_safe):
    xp = backend.get_array_module(x)
    classes = xp.arange(x.shape[1]).reshape(
        (1, x.shape[1]) + (1,) * (x.ndim - 2))
    return classes == _expand_class_axis(t_safe)


class SoftmaxCrossEntropy(function_node.FunctionNode):
    """Cross entropy of ``softmax(x, axis=1)`` against integer labels.

    Its gradient node is not differentiable; use
    ``enable_double_backprop=True`` of :func:`softmax_cross_entropy` for
    higher-order gradients.
    """

    def __init__(self, normalize=True, cache_score=True, class_weight=None,
                 ignore_label=-1, reduce='mean'):
        self.normalize = normalize
        self.cache_score = cache_score
        _check_class_weight_option(class_weight)
        self.class_weight = class_weight
        self.ignore_label = ignore_label
        _check_reduce_option(reduce)
        self.reduce = reduce
        self.y = None

    @property
    def label(self):
        return 'softmax_cross_entropy'

    def check_type_forward(self, in_types):
        _check_types(in_types)

    def forward(self, inputs):
        x, t = inputs
        xp = backend.get_array_module(x)
        if chainer.is_debug():
            _check_input_values(x, t, self.ignore_label)
        self.retain_inputs((0, 1))
        log_y = _log_softmax(x, 1)
        if self.cache_score:
            self.y = xp.exp(log_y)
        t_safe, w = _target_weights(x, t, self.class_weight,
                                    self.ignore_label)
        log_p = xp.take_along_axis(
            log_y, _expand_class_axis(t_safe), axis=1).reshape(t.shape)
        # Multiplying by w = 0 would turn -inf into nan; ignored entries
        # are zeroed with where instead.
        log_p = xp.where(w != 0, log_p * w, log_p.dtype.type(0))
        if self.reduce == 'mean':
            self._coeff = _mean_coeff(xp, x, t, self.normalize,
                                      self.ignore_label)
            loss = log_p.sum() * -self._coeff
            return utils.force_array(xp.asarray(loss), x.dtype).reshape(()),
        return utils.force_array(-log_p, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, t = self.get_retained_inputs()
        gloss, = grad_outputs
        grad = _SoftmaxCrossEntropyGrad(
            self.ignore_label, self.class_weight, self.y, self.reduce,
            getattr(self, '_coeff', None))
        gx, = grad.apply((x, t, gloss))
        return gx, None


class _SoftmaxCrossEntropyGrad(function_node.FunctionNode):
    """``w * (softmax(x) - onehot(t)) * gloss``; not differentiable."""

    def __init__(self, ignore_label, class_weight, y, reduce, coeff):
        self.ignore_label = ignore_label
        self.class_weight = class_weight
        self.y = y
        self.reduce = reduce
        self.coeff = coeff

    def forward(self, inputs):
        x, t, gloss = inputs
        xp = backend.get_array_module(x)
        y = self.y
        if y is None:
            # cache_score=False: recompute instead of keeping the scores.
            y = xp.exp(_log_softmax(x, 1))
        t_safe, w = _target_weights(x, t, self.class_weight,
                                    self.ignore_label)
        gx = y - _one_hot(x, t_safe)
        if self.reduce == 'mean':
            scale = w * (gloss * self.coeff)
        else:
            scale = w * gloss
        gx = gx * _expand_class_axis(scale)
        return utils.force_array(gx, x.dtype),

    def backward(self, indexes, grad_outputs):
        raise RuntimeError(
            'softmax_cross_entropy does not support double backprop '
            'unless it is called with enable_double_backprop=True')


def _double_backward_softmax_cross_entropy(x, t, normalize, class_weight,
                                           ignore_label, reduce):
    """Composition of differentiable functions (any order of gradient)."""
    x_arr = variable.as_array(x)
    t_arr = variable.as_array(t)
    if chainer.config.type_check:
        in_types = type_check.get_types((x_arr, t_arr), 'in_types', False)
        _check_types(in_types)
    if chainer.is_debug():
        _check_input_values(x_arr, t_arr, ignore_label)
    t_safe, w = _target_weights(x_arr, t_arr, class_weight, ignore_label)
    # One-hot rows scaled by the class weight (0 on ignored samples):
    # sum over classes of log_y * weights picks the weighted log-prob.
    weights = _one_hot(x_arr, t_safe) * _expand_class_axis(w)
    log_y = log_softmax(x, axis=1)
    loss = -_sum(log_y * weights, axis=1)
    if reduce == 'mean':
        xp = backend.get_array_module(x_arr)
        return _sum(loss) * _mean_coeff(xp, x_arr, t_arr, normalize,
                                        ignore_label)
    return loss


def softmax_cross_entropy(
        x, t, normalize=True, cache_score=True, class_weight=None,
        ignore_label=-1, reduce='mean', enable_double_backprop=False):
    """Cross entropy loss of the softmax of ``x`` against labels ``t``.

    .. math::
        \\ell_n = -w_{t_n} \\log \\frac{\\exp(x_{n, t_n})}
                                      {\\sum_c \\exp(x_{n, c})}

    With ``reduce='mean'`` the loss is
    :math:`\\frac{1}{N} \\sum_n \\ell_n`, where ``N`` is the number of
    labels not equal to ``ignore_label`` when ``normalize`` is True and the
    batch size otherwise.  The log-softmax is computed with the maximum
    subtracted, so large scores are safe.

    Parameters
    ----------
    x : Variable or ndarray
        Unnormalized scores of shape ``(B, C, d1, ..., dk)``, float dtype.
    t : Variable or ndarray
        Integer labels (``int32`` usually) of shape ``(B, d1, ..., dk)``.
    normalize : bool
        Divide by the number of valid labels (True) or by the batch size.
    cache_score : bool
        Keep the softmax for the backward (more memory, less compute).
        Ignored when ``enable_double_backprop`` is True.
    class_weight : ndarray, optional
        Weight ``w_c`` of each class, shape ``(C,)``; all ones by default.
    ignore_label : int
        Label whose samples contribute neither loss nor gradient.
    reduce : {'mean', 'no'}
        ``'mean'`` gives a scalar, ``'no'`` the loss per label (shape of
        ``t``, 0 where ignored).
    enable_double_backprop : bool
        Build the loss from differentiable functions so that the gradient
        can be differentiated again (slower).

    Returns
    -------
    Variable
        The loss, scalar or of the shape of ``t``, with the dtype of ``x``.

    Raises
    ------
    ValueError
        For an invalid ``reduce`` or ``class_weight``, or (in debug mode)
        labels outside ``[0, C)`` other than ``ignore_label``.

    Examples
    --------
    >>> x = numpy.array([[-1, 0, 1, 2], [2, 0, 1, -1]], numpy.float32)
    >>> t = numpy.array([3, 0], numpy.int32)
    >>> F.softmax_cross_entropy(x, t).array
    array(0.44018966, dtype=float32)
    >>> F.softmax_cross_entropy(x, t, reduce='no').array
    array([0.44018966, 0.44018966], dtype=float32)
    """
    if enable_double_backprop:
        _check_class_weight_option(class_weight)
        _check_reduce_option(reduce)
        return _double_backward_softmax_cross_entropy(
            x, t, normalize, class_weight, ignore_label, reduce)
    loss, = SoftmaxCrossEntropy(
        normalize, cache_score, class_weight, ignore_label,
        reduce).apply((x, t))
    return loss
