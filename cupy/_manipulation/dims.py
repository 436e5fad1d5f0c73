"""Changing the number of dimensions: atleast_*d, broadcasting, expand_dims, squeeze."""
import numpy

from cupy._manipulation._util import as_device, normalize_axis_tuple, view_with

__all__ = ["atleast_1d", "atleast_2d", "atleast_3d", "broadcast", "broadcast_arrays",
           "broadcast_shapes", "broadcast_to", "expand_dims", "squeeze"]


def _atleast(arys, fix):
    res = tuple(fix(as_device(a)) for a in arys)
    return res[0] if len(res) == 1 else res


def atleast_1d(*arys):
    """Views of the inputs with at least one dimension (0-d becomes shape ``(1,)``).

    Returns an array for one input and a tuple of arrays for several.

    .. seealso:: :func:`numpy.atleast_1d`

    Example:
        >>> cupy.atleast_1d(cupy.array(5)).shape
        (1,)
    """
    return _atleast(arys, lambda a: a.reshape(1) if a.ndim == 0 else a)


def atleast_2d(*arys):
    """Views of the inputs with at least two dimensions (``(N,)`` becomes ``(1, N)``).

    .. seealso:: :func:`numpy.atleast_2d`

    Example:
        >>> cupy.atleast_2d(cupy.arange(3)).shape
        (1, 3)
    """
    def fix(a):
        if a.ndim == 0:
            return a.reshape(1, 1)
        if a.ndim == 1:
            return a[None, :]
        return a
    return _atleast(arys, fix)


def atleast_3d(*arys):
    """Views with at least three dimensions (``(N,)`` -> ``(1, N, 1)``, ``(M, N)`` ->
    ``(M, N, 1)``).

    .. seealso:: :func:`numpy.atleast_3d`

    Example:
        >>> cupy.atleast_3d(cupy.zeros((2, 3))).shape
        (2, 3, 1)
    """
    def fix(a):
        if a.ndim == 0:
            return a.reshape(1, 1, 1)
        if a.ndim == 1:
            return a[None, :, None]
        if a.ndim == 2:
            return a[:, :, None]
        return a
    return _atleast(arys, fix)


def _broadcast_view(a, shape):
    """``a`` seen with ``shape`` (a view): new and length-1 axes get stride 0."""
    shape = tuple(shape)
    if any(s < 0 for s in shape):
        raise ValueError("all elements of broadcast shape must be non-negative")
    if a.ndim > len(shape):
        if len(shape) == 0:
            raise ValueError("cannot broadcast a non-scalar to a scalar array")
        raise ValueError("input operand has more dimensions than allowed by the axis "
                         "remapping")
    lead = len(shape) - a.ndim
    strides = [0] * lead
    for n, s, want in zip(a.shape, a.strides, shape[lead:]):
        if n == want:
            strides.append(s)
        elif n == 1:
            strides.append(0)
        else:
            raise ValueError(
                "operands could not be broadcast together with remapped shapes "
                f"[original->remapped]: {a.shape}  and requested shape {shape}")
    if shape == a.shape:
        return a[...]
    return view_with(a, shape, strides)


def broadcast_to(array, shape, subok=False):
    """A view of ``array`` broadcast to ``shape`` (repeated elements share memory).

    Args:
        array (cupy.ndarray): Array to broadcast.
        shape (int or tuple of ints): The target shape.

    .. seealso:: :func:`numpy.broadcast_to`

    Example:
        >>> cupy.broadcast_to(cupy.arange(3), (2, 3))
        array([[0, 1, 2],
               [0, 1, 2]])
    """
    if numpy.ndim(shape) == 0:
        shape = (shape,)
    return _broadcast_view(as_device(array), tuple(int(s) for s in shape))


def broadcast_shapes(*args):
    """The shape that arrays of the given shapes broadcast to.

    .. seealso:: :func:`numpy.broadcast_shapes`

    Example:
        >>> cupy.broadcast_shapes((2, 1), (3,))
        (2, 3)
    """
    return numpy.broadcast_shapes(*args)


def broadcast_arrays(*args, subok=False):
    """Views of the inputs broadcast against each other.

    Returns a tuple (as NumPy 2 does).

    .. seealso:: :func:`numpy.broadcast_arrays`

    Example:
        >>> x, y = cupy.broadcast_arrays(cupy.arange(3), cupy.zeros((2, 1)))
        >>> x.shape, y.shape
        ((2, 3), (2, 3))
    """
    arrays = [as_device(a) for a in args]
    shape = numpy.broadcast_shapes(*(a.shape for a in arrays))
    return tuple(a if a.shape == shape else _broadcast_view(a, shape) for a in arrays)


class broadcast:
    """The broadcast of several arrays against each other.

    Attributes:
        values (tuple of cupy.ndarray): The inputs broadcast to ``shape`` (views).
        shape (tuple of ints): The broadcast shape.
        size (int): Number of elements of the broadcast shape.
        nd (int), ndim (int): Number of dimensions.
        numiter (int): Number of inputs.

    .. seealso:: :class:`numpy.broadcast`

    Example:
        >>> cupy.broadcast(cupy.arange(3), cupy.zeros((2, 1))).shape
        (2, 3)
    """

    def __init__(self, *arrays):
        self.values = broadcast_arrays(*arrays)
        self.shape = numpy.broadcast_shapes(*(v.shape for v in self.values))
        self.size = int(numpy.prod(self.shape, dtype=numpy.int64))
        self.nd = self.ndim = len(self.shape)
        self.numiter = len(self.values)


def expand_dims(a, axis):
    """A view of ``a`` with length-1 axes inserted at the positions ``axis``.

    Args:
        a (cupy.ndarray): Input array.
        axis (int or tuple of ints): Positions of the new axes in the result.

    .. seealso:: :func:`numpy.expand_dims`

    Example:
        >>> cupy.expand_dims(cupy.zeros((2, 3)), (0, 2)).shape
        (1, 2, 1, 3)
    """
    a = as_device(a)
    if not isinstance(axis, (tuple, list)):
        axis = (axis,)
    out_ndim = len(axis) + a.ndim
    axis = normalize_axis_tuple(axis, out_ndim)
    it_shape = iter(a.shape)
    it_strides = iter(a.strides)
    shape, strides = [], []
    for d in range(out_ndim):
        if d in axis:
            shape.append(1)
            strides.append(0)
        else:
            shape.append(next(it_shape))
            strides.append(next(it_strides))
    return view_with(a, shape, strides)


def squeeze(a, axis=None):
    """A view of ``a`` without (some of) its length-1 axes.

    Args:
        a (cupy.ndarray): Input array.
        axis (int or tuple of ints): Axes to remove (all length-1 axes when ``None``);
            selecting an axis whose length is not 1 raises ``ValueError``.

    .. seealso:: :func:`numpy.squeeze`

    Example:
        >>> cupy.squeeze(cupy.zeros((1, 3, 1))).shape
        (3,)
    """
    return as_device(a).squeeze(axis)
