"""Batch normalization with batch statistics (training-time form)."""
from chainer.backends import cuda
from chainer import function_node
from chainer.functions.normalization import _normalize
from chainer.utils import type_check


def _compute_axis(x_ndim, gamma_ndim=1, axis=None):
    # Default: every axis but those matched by gamma (which follow the
    # batch axis).
    if axis is None:
        return (0,) + tuple(range(gamma_ndim + 1, x_ndim))
    if isinstance(axis, int):
        axis = (axis,)
    return tuple(a % x_ndim if -x_ndim <= a < x_ndim else a for a in axis)


def _compute_key_axis(x_ndim, gamma_ndim=1, axis=None):
    axis = _compute_axis(x_ndim, gamma_ndim, axis)
    return tuple(i for i in range(x_ndim) if i not in axis)


def _param_shape(x_ndim, gamma_shape, axis):
    # gamma's shape with length-1 axes inserted at the reduced axes.
    shape = [1] * x_ndim
    for i, s in zip(_compute_key_axis(x_ndim, len(gamma_shape), axis),
                    gamma_shape):
        shape[i] = s
    return tuple(shape)


def check_param_types(x_type, gamma_type, axis):
    """Chainer's shape checks between ``x`` and a per-feature parameter."""
    x_ndim = type_check.eval(x_type.ndim)
    gamma_ndim = type_check.eval(gamma_type.ndim)
    _axis = _compute_axis(x_ndim, gamma_ndim, axis)
    for a in _axis:
        if not 0 <= a < x_ndim:
            raise type_check.InvalidType(
                '0 <= axis < x.ndim ({})'.format(x_ndim),
                'axis = {}'.format(axis))
    type_check.expect(x_type.ndim >= len(_axis))
    _key_axis = _compute_key_axis(x_ndim, gamma_ndim, _axis)
    type_check.expect(gamma_type.ndim == len(_key_axis))
    for i, ka in enumerate(_key_axis):
        type_check.expect(x_type.shape[ka] == gamma_type.shape[i])


def _normalize_gpu(x, mean, inv_std, gamma, beta):
    # gamma * ((x - mean) * inv_std) + beta in one kernel, in the compute
    # dtype U of the statistics and in the NumPy path's order; the
    # parameters are broadcast (already reshaped to the parameter shape).
    return cuda.elementwise(
        'T x, U mean, U inv_std, P gamma, P beta', 'T y',
        'y = T(U(gamma) * ((U(x) - mean) * inv_std) + U(beta));',
        'bn_fwd')(x, mean, inv_std, gamma, beta)


def _update_running_gpu(running, stat, decay, coeff):
    # running = running * decay + R(coeff * stat), as the NumPy path's
    # ``running *= decay; running += (coeff * stat).astype(R)``.
    cuda.elementwise(
        'U stat, R decay, U coeff', 'R running',
        'running = running * decay + R(coeff * stat);',
        'bn_running_average')(stat, decay, coeff, running)


class BatchNormalization(function_node.FunctionNode):
    """Normalise with batch statistics; optionally update running stats.

    Parameters
    ----------
    eps : float
    mean, var : ndarray or None
        Running statistics, updated in place by :meth:`forward`.
    decay : float
    axis : int, tuple of int or None
    """

    mean = None
    inv_std = None

    def __init__(self, eps=2e-5, mean=None, var=None, decay=0.9, axis=None):
        self.running_mean = mean
        self.running_var = var
        self.eps = eps
        self.decay = decay
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'gamma', 'beta'))
        x_type, gamma_type, beta_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            gamma_type.dtype.kind == 'f',
            gamma_type.dtype == beta_type.dtype,
            gamma_type.shape == beta_type.shape,
        )
        check_param_types(x_type, gamma_type, self.axis)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gamma, beta = inputs
        self.axis = _compute_axis(x.ndim, gamma.ndim, self.axis)
        self._param_shape = _param_shape(x.ndim, gamma.shape, self.axis)
        dtype = _normalize.compute_dtype(x.dtype, gamma.dtype)
        x_ = x.astype(dtype, copy=False)
        mean, var = _normalize.moments(x_, self.axis)
        shape = self._param_shape
        gpu = isinstance(x, cuda.ndarray)
        if gpu:
            inv_std = _normalize.inv_std(var, self.eps)
            y = _normalize_gpu(x, mean, inv_std, gamma.reshape(shape),
                               beta.reshape(shape))
        else:
            x_hat, inv_std = _normalize.normalize(x_, mean, var, self.eps)
            y = (gamma.reshape(shape).astype(dtype, copy=False) * x_hat
                 + beta.reshape(shape).astype(dtype, copy=False))
        self.mean = mean.reshape(gamma.shape)
        self.inv_std = inv_std.reshape(gamma.shape)

        m = x.size // gamma.size
        # Running variance is the unbiased estimate (m / (m - 1)).
        adjust = m / max(m - 1., 1.)
        var = var.reshape(gamma.shape)
        for running, stat, coeff in (
                (self.running_mean, self.mean, 1 - self.decay),
                (self.running_var, var, (1 - self.decay) * adjust)):
            if running is None:
                continue
            if gpu:
                _update_running_gpu(running, stat, self.decay, coeff)
            else:
                running *= self.decay
                running += (coeff * stat).astype(running.dtype, copy=False)
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        x, gamma = self.get_retained_inputs()
        gy, = grad_outputs
        dtype = _normalize.compute_dtype(x.dtype, gamma.dtype)
        c = _normalize.cast_to
        gx, ggamma, gbeta = _normalize.grads(
            c(x, dtype), c(gamma, dtype), c(gy, dtype), self.eps,
            self.axis, self.axis, self._param_shape)
        return (c(gx, x.dtype), c(ggamma, gamma.dtype),
                c(gbeta, gamma.dtype))


class FixedBatchNormalization(function_node.FunctionNode):
    """Normalise with given statistics (inputs ``x, gamma, beta, mean,
    var``)."""

    def __init__(self, eps=2e-5, axis=None):
        self.eps = eps
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'gamma', 'beta', 'mean', 'var'))
        x_type, gamma_type, beta_type, mean_type, var_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            gamma_type.dtype.kind == 'f',
            gamma_type.dtype == beta_type.dtype,
            gamma_type.shape == beta_type.shape,
            gamma_type.dtype == mean_type.dtype,
            gamma_type.shape == mean_type.shape,
            gamma_type.dtype == var_type.dtype,
            gamma_type.shape == var_type.shape,
        )
        check_param_types(x_type, gamma_type, self.axis)

    def forward(self, inputs):
        self.retain_inputs((0, 1, 3, 4))
        x, gamma, beta, mean, var = inputs
        self.axis = _compute_axis(x.ndim, gamma.ndim, self.axis)
        self._param_shape = _param_shape(x.ndim, gamma.shape, self.axis)
        dtype = _normalize.compute_dtype(x.dtype, gamma.dtype)
        shape = self._param_shape

        def e(a):
            return a.reshape(shape).astype(dtype, copy=False)

        x_hat, _ = _normalize.normalize(
            x.astype(dtype, copy=False), e(mean), e(var), self.eps)
        y = e(gamma) * x_hat + e(beta)
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.reshape import reshape
        from chainer.functions.math.sum import sum as _sum
        x, gamma, mean, var = self.get_retained_inputs()
        gy, = grad_outputs
        dtype = _normalize.compute_dtype(x.dtype, gamma.dtype)
        c = _normalize.cast_to
        x_, gamma_, mean_, var_, gy_ = (
            c(v, dtype) for v in (x, gamma, mean, var, gy))
        shape = self._param_shape
        # Every statistic is an input here, so the map is affine in x and
        # the gradients are simple products.
        inv_std = (var_ + self.eps) ** -0.5
        x_hat = (x_ - reshape(mean_, shape)) * reshape(inv_std, shape)
        gbeta = _sum(gy_, axis=self.axis)
        ggamma = _sum(gy_ * x_hat, axis=self.axis)
        gx = gy_ * reshape(gamma_ * inv_std, shape)
        gmean = -_sum(gx, axis=self.axis)
        gvar = -0.5 * gamma_ * ggamma * inv_std * inv_std
        pdt = gamma.dtype
        return (c(gx, x.dtype), c(ggamma, pdt), c(gbeta, pdt),
                c(gmean, pdt), c(gvar, pdt))


def batch_normalization(x, gamma, beta, eps=2e-5, running_mean=None,
                        running_var=None, decay=0.9, axis=None):
    """Batch normalization with the statistics of the mini-batch.

    ``y = gamma * (x - mean) / sqrt(var + eps) + beta`` where ``mean`` and
    ``var`` are taken over ``axis``.

    Parameters
    ----------
    x : Variable or ndarray
        Input, e.g. ``(n, c)`` or ``(n, c, h, w)``.
    gamma, beta : Variable or ndarray
        Scale and shift, shaped like the non-reduced axes of ``x``.
    eps : float
        Added to the variance for stability.
    running_mean, running_var : ndarray, optional
        Updated in place as ``r = decay * r + (1 - decay) * stat``; the
        variance uses the unbiased ``m / (m - 1)`` correction.
    decay : float
    axis : int, tuple of int or None
        Axes the statistics are taken over; by default the batch axis and
        every axis after those matched by ``gamma``.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([[0.], [2.]], numpy.float32)
    >>> gamma, beta = numpy.ones(1, numpy.float32), numpy.zeros(1, 'f')
    >>> F.batch_normalization(x, gamma, beta, eps=0).array
    array([[-1.],
           [ 1.]], dtype=float32)
    """
    return BatchNormalization(eps, running_mean, running_var, decay,
                              axis).apply((x, gamma, beta))[0]


def fixed_batch_normalization(x, gamma, beta, mean, var, eps=2e-5,
                              axis=None):
    """Batch normalization with fixed (e.g. running) statistics.

    Parameters
    ----------
    x : Variable or ndarray
    gamma, beta, mean, var : Variable or ndarray
        Same shape, matching the non-reduced axes of ``x``.
    eps : float
    axis : int, tuple of int or None
        As in :func:`batch_normalization`.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([[1.], [3.]], numpy.float32)
    >>> one, zero = numpy.ones(1, 'f'), numpy.zeros(1, 'f')
    >>> F.fixed_batch_normalization(x, one, zero, one, 4 * one, eps=0).array
    array([[0.],
           [1.]], dtype=float32)
    """
    return FixedBatchNormalization(eps, axis).apply(
        (x, gamma, beta, mean, var))[0]
