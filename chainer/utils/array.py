"""Small array helpers used by function implementations."""
import numpy


def as_vec(x):
    """Return ``x`` flattened to 1-D (``x`` itself when already 1-D)."""
    if x.ndim == 1:
        return x
    return x.ravel()


def as_mat(x):
    """Return ``x`` reshaped to 2-D with its first axis kept."""
    if x.ndim == 2:
        return x
    return x.reshape(len(x), -1)


def empty_like(x):
    """``xp.empty_like`` on the array's own module."""
    from chainer import backend
    return backend.get_array_module(x).empty_like(x)


def sum_to(x, shape):
    """Sum an array down to ``shape`` (inverse of broadcasting).

    Parameters
    ----------
    x : ndarray
    shape : tuple of int
        Target shape ``x`` was broadcast from.

    Examples
    --------
    >>> sum_to(numpy.ones((2, 3)), (1, 3))
    array([[2., 2., 2.]])
    """
    if x.shape == tuple(shape):
        return x
    ndim = len(shape)
    lead = x.ndim - ndim
    lead_axis = tuple(range(lead))
    axis = tuple(i + lead for i, sx in enumerate(shape) if sx == 1)
    y = x.sum(lead_axis + axis, keepdims=True)
    if lead > 0:
        y = y.squeeze(lead_axis)
    return y


def size_of_shape(shape):
    """Number of elements of ``shape``."""
    return int(numpy.prod(shape, dtype=numpy.int64))
