"""Base class of initializers and the fan-in/fan-out rule.

Examples
--------
>>> from chainer import initializer
>>> initializer.get_fans((4, 3, 2, 2))
(12, 16)
"""
from chainer import utils


class Initializer(object):
    """Base class of all initializers.

    An initializer is a callable that fills a given array in place.

    Parameters
    ----------
    dtype : dtype-like or None
        Data type the filled arrays must have; None accepts any.

    Examples
    --------
    >>> class Fill3(chainer.Initializer):
    ...     def __call__(self, array):
    ...         array[...] = 3
    >>> a = numpy.empty(2, numpy.float32)
    >>> Fill3()(a)
    >>> a
    array([3., 3.], dtype=float32)
    """

    def __init__(self, dtype=None):
        self.dtype = dtype

    def __call__(self, array):
        """Fill ``array`` in place.

        Parameters
        ----------
        array : numpy.ndarray or cupy.ndarray
        """
        raise NotImplementedError()


def get_fans(shape):
    """Return ``(fan_in, fan_out)`` of a weight shape.

    The first axis is the output axis, the second the input axis, and
    the remaining axes form the receptive field (as in convolution
    kernels ``(out, in, kh, kw)``).

    Parameters
    ----------
    shape : tuple of int
        At least two dimensions.

    Returns
    -------
    tuple of int

    Examples
    --------
    >>> get_fans((5, 3))
    (3, 5)
    """
    if not isinstance(shape, tuple):
        raise ValueError(
            'shape must be tuple. Actual type: {}'.format(type(shape)))
    if len(shape) < 2:
        raise ValueError(
            'shape must be of length >= 2. Actual shape: {}'.format(shape))
    receptive_field_size = utils.size_of_shape(shape[2:])
    fan_in = shape[1] * receptive_field_size
    fan_out = shape[0] * receptive_field_size
    return fan_in, fan_out
