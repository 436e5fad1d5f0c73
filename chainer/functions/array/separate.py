"""Separating an array into its slices along an axis."""
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Separate(function_node.FunctionNode):
    """Split along ``axis`` into ``x.shape[axis]`` arrays without it.

    This is the inverse of :func:`~chainer.functions.stack`, which is
    therefore its backward.
    """

    def __init__(self, axis):
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        axis = type_check.make_variable(self.axis, 'axis')
        type_check.expect(axis < x_type.ndim, -x_type.ndim <= axis)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self._xp = xp
        axis = self.axis % x.ndim
        # Indexing gives views without the axis (no copies).
        index = (slice(None),) * axis
        ys = tuple(xp.asarray(x[index + (i,)])
                   for i in range(x.shape[axis]))
        self._shape = x.shape[:axis] + x.shape[axis + 1:]
        self._dtype = x.dtype
        return ys

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.stack import stack
        grads = [self._xp.zeros(self._shape, self._dtype) if g is None else g
                 for g in grad_outputs]
        return stack(grads, self.axis),


def separate(x, axis=0):
    """Separate an array along an axis.

    Parameters
    ----------
    x : Variable or ndarray
        Array to separate.
    axis : int
        Axis along which to separate.

    Returns
    -------
    tuple of Variable
        ``x.shape[axis]`` arrays, each of shape ``x.shape`` without
        ``axis``.

    Examples
    --------
    >>> x = numpy.arange(6).reshape(2, 3)
    >>> a, b = F.separate(x)
    >>> a.array
    array([0, 1, 2])
    >>> [y.shape for y in F.separate(x, axis=1)]
    [(2,), (2,), (2,)]
    """
    return Separate(axis).apply((x,))
