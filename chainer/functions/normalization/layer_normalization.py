"""Layer normalization (statistics per sample)."""
from chainer import function_node
from chainer.functions.normalization import _normalize
from chainer.utils import type_check


class LayerNormalization(function_node.FunctionNode):
    """Normalise each row of a 2-d input; inputs ``x, gamma, beta``."""

    def __init__(self, eps=1e-5):
        self.eps = eps

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'gamma', 'beta'))
        x_type, gamma_type, beta_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2,
            gamma_type.ndim == 1,
            beta_type.ndim == 1,
            gamma_type.dtype == x_type.dtype,
            beta_type.dtype == x_type.dtype,
            gamma_type.shape == beta_type.shape,
            x_type.shape[1] == gamma_type.shape[0],
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gamma, beta = inputs
        dtype = _normalize.compute_dtype(x.dtype)
        x_ = x.astype(dtype, copy=False)
        mean, var = _normalize.moments(x_, (1,))
        x_hat, _ = _normalize.normalize(x_, mean, var, self.eps)
        y = gamma.astype(dtype, copy=False) * x_hat \
            + beta.astype(dtype, copy=False)
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        x, gamma = self.get_retained_inputs()
        gy, = grad_outputs
        dtype = _normalize.compute_dtype(x.dtype)
        c = _normalize.cast_to
        gx, ggamma, gbeta = _normalize.grads(
            c(x, dtype), c(gamma, dtype), c(gy, dtype), self.eps,
            (1,), (0,), (1, gamma.shape[0]))
        return c(gx, x.dtype), c(ggamma, x.dtype), c(gbeta, x.dtype)


def layer_normalization(x, gamma, beta, eps=1e-5):
    """Layer normalization: normalise each sample over its features.

    ``y[i] = gamma * (x[i] - mean(x[i])) / sqrt(var(x[i]) + eps) + beta``.

    Parameters
    ----------
    x : Variable or ndarray
        ``(batch, units)``.
    gamma, beta : Variable or ndarray
        ``(units,)``, same dtype as ``x``.
    eps : float

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([[1., 3.], [0., 4.]], numpy.float32)
    >>> g, b = numpy.ones(2, numpy.float32), numpy.zeros(2, numpy.float32)
    >>> F.layer_normalization(x, g, b, eps=0).array
    array([[-1.,  1.],
           [-1.,  1.]], dtype=float32)
    """
    return LayerNormalization(eps).apply((x, gamma, beta))[0]
