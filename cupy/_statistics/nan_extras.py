"""NaN-ignoring positions and scans, and the Array API cumulative functions.

nanargmax, nanargmin, nancumsum, nancumprod, cumulative_sum, cumulative_prod.
"""
import numpy

import cupy

__all__ = ["nanargmax", "nanargmin", "nancumsum", "nancumprod", "cumulative_sum",
           "cumulative_prod"]


def _replace_nan(a, value):
    """(``a`` with NaN replaced by ``value``, NaN mask or None for non-float input)."""
    a = cupy.asarray(a)
    if a.dtype.kind not in "fc":
        return a, None
    mask = cupy.isnan(a)
    return cupy.where(mask, a.dtype.type(value), a), mask


def _nanarg(func, fill, a, axis, out, keepdims):
    a, mask = _replace_nan(a, fill)
    # A one-bool device read: NumPy raises rather than return a meaningless position.
    if mask is not None and mask.size and bool(cupy.any(cupy.all(mask, axis=axis))):
        raise ValueError("All-NaN slice encountered")
    return func(a, axis=axis, out=out, keepdims=keepdims)


def nanargmax(a, axis=None, out=None, *, keepdims=False):
    """Index of the maximum ignoring NaN; an all-NaN slice raises ``ValueError``.

    .. seealso:: :func:`numpy.nanargmax`

    Example:
        >>> cupy.nanargmax(cupy.array([1.0, cupy.nan, 3.0]))
        array(2)
    """
    return _nanarg(cupy.argmax, -numpy.inf, a, axis, out, keepdims)


def nanargmin(a, axis=None, out=None, *, keepdims=False):
    """Index of the minimum ignoring NaN; an all-NaN slice raises ``ValueError``.

    .. seealso:: :func:`numpy.nanargmin`

    Example:
        >>> cupy.nanargmin(cupy.array([cupy.nan, 2.0, 1.0]))
        array(2)
    """
    return _nanarg(cupy.argmin, numpy.inf, a, axis, out, keepdims)


def nancumsum(a, axis=None, dtype=None, out=None):
    """Cumulative sum treating NaN as zero.

    .. seealso:: :func:`numpy.nancumsum`

    Example:
        >>> cupy.nancumsum(cupy.array([1.0, cupy.nan, 3.0]))
        array([1., 1., 4.])
    """
    return cupy.cumsum(_replace_nan(a, 0)[0], axis=axis, dtype=dtype, out=out)


def nancumprod(a, axis=None, dtype=None, out=None):
    """Cumulative product treating NaN as one.

    .. seealso:: :func:`numpy.nancumprod`

    Example:
        >>> cupy.nancumprod(cupy.array([2.0, cupy.nan, 3.0]))
        array([2., 2., 6.])
    """
    return cupy.cumprod(_replace_nan(a, 1)[0], axis=axis, dtype=dtype, out=out)


def _cumulative(scan, identity, x, axis, dtype, out, include_initial):
    x = cupy.asarray(x)
    if x.ndim == 0:
        x = x.reshape(1)
    if axis is None:
        if x.ndim >= 2:
            raise ValueError("For arrays which have more than one dimension ``axis`` "
                             "argument is required.")
        axis = 0
    axis = numpy.lib.array_utils.normalize_axis_index(axis, x.ndim)
    if not include_initial:
        return scan(x, axis=axis, dtype=dtype, out=out)
    res = scan(x, axis=axis, dtype=dtype)
    shape = list(x.shape)
    shape[axis] = 1
    res = cupy.concatenate([cupy.full(shape, identity, res.dtype), res], axis=axis)
    if out is not None:
        out[...] = res
        return out
    return res


def cumulative_sum(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    """Cumulative sum along an axis (required for arrays of more than one dimension).

    ``include_initial`` prepends the sum of no elements (zero) along ``axis``.

    .. seealso:: :func:`numpy.cumulative_sum`

    Example:
        >>> cupy.cumulative_sum(cupy.array([1, 2, 3]), include_initial=True)
        array([0, 1, 3, 6])
    """
    return _cumulative(cupy.cumsum, 0, x, axis, dtype, out, include_initial)


def cumulative_prod(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    """Cumulative product along an axis (required for arrays of more than one dimension).

    ``include_initial`` prepends the product of no elements (one) along ``axis``.

    .. seealso:: :func:`numpy.cumulative_prod`

    Example:
        >>> cupy.cumulative_prod(cupy.array([1, 2, 3]), include_initial=True)
        array([1, 1, 2, 6])
    """
    return _cumulative(cupy.cumprod, 1, x, axis, dtype, out, include_initial)
