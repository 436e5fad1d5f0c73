"""Softmax followed by cross entropy: ``softmax_cross_entropy``."""
import numpy

import chainer
from chainer import backend
from chainer.backends import cuda
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


# cupy kernels.  ``t`` is read per label; ``log_y`` and ``y`` are
# C-contiguous ``(B, C, U)`` with ``U`` the product of the trailing axes, so
# label ``j`` has class ``c`` at ``(j / U * C + c) * U + j % U``.  They
# compute what the NumPy path computes, in the same order, except that a
# label outside ``[0, C)`` (other than ignore_label) gives NaN instead of an
# IndexError: raising would need the labels on the host at every step
# (debug mode checks them).

# Weight of label ``t``: 0 if ignored, the class weight (or 1) otherwise.
_LABEL_WEIGHT = '''
    (t == ignore ? T(0) : (t < 0 || t >= n_class) ? nan : {class_weight})
'''

# The weighted log-probability of the label (0 where the weight is 0,
# where multiplying would turn -inf into NaN).
_WEIGHTED_LOG_P = '''
    T _w = {weight};
    T _log_p = _w != T(0) && _w == _w
        ? log_y[(j / n_unit * n_class + t) * n_unit + j % n_unit] * _w
        : _w;
'''


def _label_weight(class_weight):
    return _LABEL_WEIGHT.format(
        class_weight='T(1)' if class_weight is None else 'w[t]').strip()


def _class_weight_gpu(class_weight, dtype):
    if class_weight is None:
        # Not read by the kernels; any array of the dtype fills the slot.
        return cuda.cupy.empty(1, dtype)
    return cuda.cupy.asarray(class_weight, dtype)


def _mean_coeff_gpu(t, normalize, ignore_label, dtype):
    # As _mean_coeff: 1 / max(count, 1) in double precision, rounded once.
    if not normalize:
        return cuda.cupy.asarray(1. / max(len(t), 1), dtype=dtype)
    coeff = cuda.cupy.empty((), dtype)
    cuda.reduce(
        'S t, S ignore', 'T coeff', 't != ignore', 'a + b',
        'coeff = T(1.0 / (double)(a > 1 ? a : 1))', '0',
        'softmax_crossent_coeff', reduce_type='long long')(
            t, ignore_label, coeff)
    return coeff


def _forward_gpu(node, log_y, t):
    x_dtype = log_y.dtype
    log_y = cuda.cupy.ascontiguousarray(log_y)
    n_class = log_y.shape[1]
    it = numpy.int32 if log_y.size <= 2 ** 31 - 1 else numpy.int64
    args = (log_y, _class_weight_gpu(node.class_weight, x_dtype),
            it(n_class), it(t.size // max(len(t), 1)), node.ignore_label,
            numpy.nan)
    params = ('S t, raw T log_y, raw T w, I n_class, I n_unit, S ignore, '
              'T nan')
    weighted = _WEIGHTED_LOG_P.format(
        weight=_label_weight(node.class_weight))
    if node.reduce == 'mean':
        node._coeff = _mean_coeff_gpu(t, node.normalize, node.ignore_label,
                                      x_dtype)
        # Reducing over every axis, _J is the number of the label.
        loss = cuda.reduce(
            params + ', raw T coeff', 'T loss',
            '_crossent_log_p(t, log_y, w, n_class, n_unit, ignore, nan, _J)',
            'a + b', 'loss = a * -coeff[0]', '0', 'softmax_crossent_fwd',
            preamble='''
            template <typename S, typename L, typename W, typename I,
                      typename T>
            __device__ T _crossent_log_p(S t, const L& log_y, const W& w,
                                         I n_class, I n_unit, S ignore,
                                         T nan, I j) {{
              {}
              return _log_p;
            }}'''.format(weighted))(
                t, *(args + (node._coeff, cuda.cupy.empty((), x_dtype))))
        return loss
    loss = cuda.cupy.empty(t.shape, x_dtype)
    cuda.elementwise(
        params, 'T loss',
        'I j = i;' + weighted + 'loss = -_log_p;',
        'softmax_crossent_no_reduce_fwd')(t, *(args + (loss,)))
    return loss


def _backward_gpu(node, y, t, gloss):
    x_dtype = y.dtype
    y = cuda.cupy.ascontiguousarray(y)
    n_class = y.shape[1]
    it = numpy.int32 if y.size <= 2 ** 31 - 1 else numpy.int64
    n_unit = t.size // max(len(t), 1)
    # gx = (y - onehot(t)) * (w * (gloss * coeff)); ignored labels take
    # class 0 in the one-hot, as t_safe does.
    if node.reduce == 'mean':
        gloss_param, scale = 'raw T gloss, raw T coeff', 'gloss[0] * coeff[0]'
        gloss_args = (gloss, node.coeff)
    else:
        gloss_param, scale = 'T gloss', 'gloss'
        gloss_args = (_expand_class_axis(gloss),)
    gx = cuda.cupy.empty(y.shape, x_dtype)
    cuda.elementwise(
        'T y, S t, {}, raw T w, I n_class, I n_unit, S ignore, '
        'T nan'.format(gloss_param),
        'T gx',
        '''I c = i / n_unit % n_class;
           S t_safe = t == ignore ? S(0) : t;
           T scale = {weight} * ({scale});
           gx = (y - T(c == t_safe ? 1 : 0)) * scale;'''.format(
            weight=_label_weight(node.class_weight), scale=scale),
        'softmax_crossent_bwd')(
            y, _expand_class_axis(t), *(gloss_args + (
                _class_weight_gpu(node.class_weight, x_dtype), it(n_class),
                it(n_unit), node.ignore_label, numpy.nan, gx)))
    return gx


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
        if isinstance(x, cuda.ndarray):
            return utils.force_array(_forward_gpu(self, log_y, t),
                                     x.dtype),
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
        if isinstance(x, cuda.ndarray):
            return _backward_gpu(self, y, t, gloss),
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
