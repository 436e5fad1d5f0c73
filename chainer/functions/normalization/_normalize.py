"""Shared arithmetic of batch and layer normalization."""
import numpy

from chainer import backend


def compute_dtype(*dtypes):
    """Dtype the statistics are computed in: promoted, float16 widened.

    Means and variances of many float16 values lose most of their 11-bit
    mantissa when accumulated in float16.
    """
    dtype = numpy.result_type(*dtypes)
    if dtype == numpy.float16:
        return numpy.dtype(numpy.float32)
    return dtype


def moments(x, axes):
    """Mean and (biased) variance over ``axes``, keeping dims.

    The variance uses the two-pass formula, which stays accurate when the
    mean is large compared with the spread.
    """
    mean = x.mean(axis=axes, keepdims=True)
    xc = x - mean
    var = (xc * xc).mean(axis=axes, keepdims=True)
    return mean, var


def inv_std(var, eps):
    """``1 / sqrt(var + eps)``."""
    xp = backend.get_array_module(var)
    return 1 / xp.sqrt(var + eps)


def normalize(x, mean, var, eps):
    """``(x - mean) / sqrt(var + eps)`` and the reciprocal std."""
    s = inv_std(var, eps)
    return (x - mean) * s, s


def grads(x, gamma, gy, eps, stat_axes, param_axes, param_shape):
    """Differentiable gradients of ``gamma * normalize(x) + beta``.

    Everything is built from differentiable functions, so the results can
    be differentiated again (double backprop).

    Parameters
    ----------
    x, gamma, gy : Variable
        In one float dtype.
    eps : float
    stat_axes : tuple of int
        Axes the statistics are taken over.
    param_axes : tuple of int
        Axes ``gamma``/``beta`` are broadcast along.
    param_shape : tuple of int
        Shape of ``gamma`` with ones inserted at ``param_axes``.

    Returns
    -------
    tuple of Variable
        ``gx, ggamma, gbeta``.
    """
    from chainer.functions.array.reshape import reshape
    from chainer.functions.math.sum import sum as _sum
    m = 1
    for a in stat_axes:
        m *= x.shape[a]
    inv_m = 1. / m
    mean = _sum(x, axis=stat_axes, keepdims=True) * inv_m
    xc = x - mean
    var = _sum(xc * xc, axis=stat_axes, keepdims=True) * inv_m
    inv_std = (var + eps) ** -0.5
    x_hat = xc * inv_std
    gbeta = _sum(gy, axis=param_axes)
    ggamma = _sum(gy * x_hat, axis=param_axes)
    gx_hat = gy * reshape(gamma, param_shape)
    # Remove the components along the directions that the mean and the
    # variance normalisation make invisible.
    mean_g = _sum(gx_hat, axis=stat_axes, keepdims=True) * inv_m
    mean_gx = _sum(gx_hat * x_hat, axis=stat_axes, keepdims=True) * inv_m
    gx = (gx_hat - mean_g - x_hat * mean_gx) * inv_std
    return gx, ggamma, gbeta


def cast_to(v, dtype):
    """``F.cast`` skipped when ``v`` already has ``dtype``."""
    from chainer.functions.array.cast import cast
    if v.dtype == dtype:
        return v
    return cast(v, dtype)
