"""Sum over axes (``sum``) and sum down to a shape (``sum_to``)."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import array as array_utils
from chainer.utils import type_check
from chainer import variable


class Sum(function_node.FunctionNode):
    """Sum of array elements over the given axes."""

    keepdims = False

    def __init__(self, axis=None, keepdims=False):
        if axis is None:
            self.axis = None
        elif isinstance(axis, int):
            self.axis = (axis,)
        elif isinstance(axis, tuple) and all(
                isinstance(a, int) for a in axis):
            if len(set(axis)) != len(axis):
                raise ValueError('duplicate value in axis: ({})'.format(
                    ', '.join(map(str, axis))))
            self.axis = axis
        else:
            raise TypeError('None, int or tuple of int are required')
        self.keepdims = keepdims

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        if self.axis is not None:
            for axis in self.axis:
                if axis >= 0:
                    type_check.expect(axis < in_types[0].ndim)
                else:
                    type_check.expect(-axis - 1 < in_types[0].ndim)

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        xp = backend.get_array_module(x)
        return xp.asarray(x.sum(axis=self.axis, keepdims=self.keepdims)),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.broadcast import broadcast_to
        from chainer.functions.array.reshape import reshape
        gy, = grad_outputs
        ndim = len(self._in_shape)
        if not (ndim == 0 or self.axis is None or self.keepdims):
            # Re-insert the summed axes so broadcasting lines up.
            actual_axis = [a if a >= 0 else a + ndim for a in self.axis]
            shape = list(gy.shape)
            for axis in sorted(actual_axis):
                shape.insert(axis, 1)
            gy = reshape(gy, tuple(shape))
        return broadcast_to(gy, self._in_shape),


def sum(x, axis=None, keepdims=False):
    """Sum of array elements over given axes.

    Parameters
    ----------
    x : Variable or ndarray
        Float array.
    axis : None, int or tuple of int
        Axes to sum over (all when None).
    keepdims : bool
        Keep summed axes with length 1.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    >>> F.sum(x, axis=1).array
    array([ 3., 12.], dtype=float32)
    """
    return Sum(axis, keepdims).apply((x,))[0]


class SumTo(function_node.FunctionNode):
    """Sum elements so that the result has the given shape."""

    def __init__(self, shape):
        self._shape = tuple(shape)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.ndim >= len(self._shape))
        in_shape = type_check.eval(x_type.shape)
        lead = len(in_shape) - len(self._shape)
        for i, s in enumerate(self._shape):
            if s != 1 and in_shape[lead + i] != s:
                raise type_check.InvalidType(
                    'x.shape[{0}] == {1} or {1} == 1'.format(lead + i, s),
                    'x.shape: {}, shape: {}'.format(in_shape, self._shape))

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        return utils.force_array(array_utils.sum_to(x, self._shape)),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.broadcast import broadcast_to
        gy, = grad_outputs
        return broadcast_to(gy, self._in_shape),


def sum_to(x, shape):
    """Sum elements along leading and length-1 axes to get ``shape``.

    This is the adjoint of :func:`~chainer.functions.broadcast_to`.

    Parameters
    ----------
    x : Variable or ndarray
    shape : tuple of int

    Returns
    -------
    Variable (``x`` itself, as a Variable, when shapes already match)

    Examples
    --------
    >>> F.sum_to(numpy.ones((2, 3)), (1, 3)).array
    array([[2., 2., 2.]])
    """
    shape = tuple(shape)
    if x.shape == shape:
        return variable.as_variable(x)
    return SumTo(shape).apply((x,))[0]
