"""Weighted average and mean over axes."""
from chainer.utils import type_check
from chainer import variable


def _normalize_axis(axis, ndim):
    # Returns a sorted tuple of non-negative axes, or None for all axes.
    if axis is None:
        return None
    if isinstance(axis, int):
        axis = (axis,)
    elif not (isinstance(axis, tuple) and
              all(isinstance(a, int) for a in axis)):
        raise TypeError('None, int or tuple of int are required')
    for a in axis:
        if not -ndim <= a < ndim:
            raise type_check.InvalidType(
                '-x.ndim <= axis < x.ndim',
                'axis: {}, x.ndim: {}'.format(a, ndim))
    axis = sorted(a % ndim for a in axis)
    for a, b in zip(axis, axis[1:]):
        if a == b:
            raise ValueError('duplicate value in \'axis\'')
    return tuple(axis)


def average(x, axis=None, weights=None, keepdims=False):
    """Calculate the weighted average of array elements over given axes.

    Parameters
    ----------
    x : Variable or ndarray
        Float array to average.
    axis : None, int or tuple of int
        Axes to average over (all when None).  Only a single axis (or
        None) is allowed when ``weights`` is given.
    weights : Variable or ndarray, optional
        Weights of the same dtype as ``x``; with ``axis`` None it must
        have the shape of ``x``, otherwise it is 1-D with length
        ``x.shape[axis]``.  The result is ``sum(x * w) / sum(w)``.
    keepdims : bool
        Keep the reduced axes with length 1.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([[1., 2.], [3., 4.]], numpy.float32)
    >>> F.average(x, axis=0).array
    array([2., 3.], dtype=float32)
    >>> w = numpy.array([3., 1.], numpy.float32)
    >>> F.average(x, axis=1, weights=w).array
    array([1.25, 3.25], dtype=float32)
    """
    from chainer.functions.array.broadcast import broadcast_to
    from chainer.functions.array.reshape import reshape
    from chainer.functions.math.sum import sum

    x = variable.as_variable(x)
    axis = _normalize_axis(axis, x.ndim)
    if weights is not None:
        weights = variable.as_variable(weights)
        if axis is not None and len(axis) > 1:
            raise ValueError(
                'tuple axis is not supported when weights is given')
        divider = sum(weights)
        if axis is not None:
            if weights.ndim != 1 or weights.shape[0] != x.shape[axis[0]]:
                raise ValueError(
                    'weights must be 1-D with length x.shape[axis] when '
                    'axis is given')
            w_shape = [d if i in axis else 1 for i, d in enumerate(x.shape)]
            weights = broadcast_to(reshape(weights, w_shape), x.shape)
        x = x * weights
    elif axis is None:
        divider = x.size
    else:
        divider = 1
        for a in axis:
            divider *= x.shape[a]

    x_sum = sum(x, axis, keepdims)
    if weights is not None:
        # sum(weights) is 0-d; it has to match x_sum for the division.
        divider = broadcast_to(divider, x_sum.shape)
    return x_sum / divider


def mean(x, axis=None, keepdims=False):
    """Arithmetic mean of array elements over given axes.

    Equivalent to :func:`average` without weights.

    Parameters
    ----------
    x : Variable or ndarray
        Float array.
    axis : None, int or tuple of int
        Axes to average over (all when None).
    keepdims : bool
        Keep the reduced axes with length 1.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([[1., 2.], [3., 4.]], numpy.float32)
    >>> F.mean(x).array
    array(2.5, dtype=float32)
    """
    return average(x, axis=axis, keepdims=keepdims)
