"""Repeating each element of an array."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


def _normalize_repeats(repeats):
    if isinstance(repeats, (int, numpy.integer)):
        repeats = (int(repeats),)
    elif isinstance(repeats, (tuple, list)) and all(
            isinstance(r, (int, numpy.integer)) for r in repeats):
        repeats = tuple(int(r) for r in repeats)
    else:
        raise TypeError('repeats must be int or tuple of ints')
    if not all(r >= 0 for r in repeats):
        raise ValueError(
            'all elements in repeats must be zero or larger: {}'.format(
                repeats))
    return repeats


class Repeat(function_node.FunctionNode):
    """``xp.repeat(x, repeats, axis)``; backward sums the copies."""

    def __init__(self, repeats, axis=None):
        self.repeats = _normalize_repeats(repeats)
        if axis is not None and not isinstance(axis, (int, numpy.integer)):
            raise TypeError('axis must be int or None')
        self.axis = None if axis is None else int(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        if self.axis is not None:
            axis = type_check.make_variable(self.axis, 'axis')
            type_check.expect(-x_type.ndim <= axis, axis < x_type.ndim)
        if len(self.repeats) != 1:
            n_repeats = type_check.make_variable(
                len(self.repeats), 'len(repeats)')
            if self.axis is None:
                type_check.expect(type_check.prod(x_type.shape) == n_repeats)
            else:
                type_check.expect(x_type.shape[self.axis] == n_repeats)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        repeats = self.repeats
        if len(repeats) == 1:
            repeats = repeats[0]
        else:
            repeats = list(repeats)
        return xp.repeat(x, repeats, self.axis),

    def backward(self, indexes, grad_outputs):
        x = self.inputs[0]
        return RepeatGrad(self.repeats, self.axis, x.shape, x.dtype).apply(
            grad_outputs)


class RepeatGrad(function_node.FunctionNode):
    """Sum each run of copies made by :class:`Repeat`."""

    def __init__(self, repeats, axis, in_shape, in_dtype):
        self.repeats = repeats
        self.axis = axis
        self.in_shape = in_shape
        self.in_dtype = in_dtype

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        axis = self.axis
        if axis is None:
            # repeat(axis=None) works on the flattened input.
            gy = gy.ravel()
            axis = 0
            shape = (int(numpy.prod(self.in_shape, dtype=numpy.int64)),)
        else:
            axis %= len(self.in_shape)
            shape = self.in_shape
        n = shape[axis]
        if len(self.repeats) == 1:
            r = self.repeats[0]
            if r == 0 or n == 0:
                gx = xp.zeros(shape, gy.dtype)
            else:
                # Copies of element i are contiguous: split the axis into
                # (n, r) and sum the copies.
                gx = gy.reshape(shape[:axis] + (n, r) + shape[axis + 1:])
                gx = gx.sum(axis=axis + 1)
        else:
            gx = xp.zeros(shape, gy.dtype)
            lead = (slice(None),) * axis
            pos = 0
            for i, r in enumerate(self.repeats):
                gx[lead + (i,)] = gy[lead + (slice(pos, pos + r),)].sum(
                    axis=axis)
                pos += r
        return gx.reshape(self.in_shape),

    def backward(self, indexes, grad_outputs):
        return Repeat(self.repeats, self.axis).apply(grad_outputs)


def repeat(x, repeats, axis=None):
    """Repeat each element of an array.

    Parameters
    ----------
    x : Variable or ndarray
        Input array.
    repeats : int or tuple of int
        Number of copies of each element; a tuple gives one count per
        element along ``axis``.
    axis : int or None
        Axis to repeat along; the input is flattened when None.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([0, 1, 2])
    >>> F.repeat(x, 2).array
    array([0, 0, 1, 1, 2, 2])
    >>> F.repeat(x, (1, 2, 0)).array
    array([0, 1, 1])
    """
    y, = Repeat(repeats, axis).apply((x,))
    return y
