"""Maximum/minimum over axes and the indices where they occur."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class SelectorBase(function_node.FunctionNode):
    """Reduction selecting one element; gradient flows to the selected.

    Every element equal to the result receives the gradient (ties all
    get it), as in Chainer.
    """

    def __init__(self, axis=None, keepdims=False):
        self.keepdims = keepdims
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

    def _fwd(self, x, xp):
        raise NotImplementedError

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
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.asarray(self._fwd(x, xp)),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.broadcast import broadcast_to
        from chainer.functions.array.reshape import reshape
        x, = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        if self.axis is None:
            axes = range(x.ndim)
        else:
            axes = [a % x.ndim for a in self.axis]
        # Keep reduced axes as length 1 so y and gy broadcast against x.
        shape = tuple(1 if ax in axes else s for ax, s in enumerate(x.shape))
        cond = x.array == y.array.reshape(shape)
        gy = broadcast_to(reshape(gy, shape), x.shape)
        # cond is a constant mask, so the product stays differentiable.
        return gy * cond,


class Max(SelectorBase):
    """Maximum over axes."""

    def _fwd(self, x, xp):
        return xp.amax(x, axis=self.axis, keepdims=self.keepdims)


class Min(SelectorBase):
    """Minimum over axes."""

    def _fwd(self, x, xp):
        return xp.amin(x, axis=self.axis, keepdims=self.keepdims)


class IndexSelectorBase(function_node.FunctionNode):
    """Index of an extremum along one axis (int32, no gradient)."""

    def __init__(self, axis=None):
        if axis is None or isinstance(axis, int):
            self.axis = axis
        else:
            raise TypeError('None or int are required')

    def _fwd(self, x, xp):
        raise NotImplementedError

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        if self.axis is not None:
            if self.axis >= 0:
                type_check.expect(self.axis < in_types[0].ndim)
            else:
                type_check.expect(-self.axis - 1 < in_types[0].ndim)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.asarray(self._fwd(x, xp).astype(numpy.int32)),

    def backward(self, indexes, grad_outputs):
        return None,


class ArgMax(IndexSelectorBase):
    """Index of the maximum."""

    def _fwd(self, x, xp):
        return xp.argmax(x, axis=self.axis)


class ArgMin(IndexSelectorBase):
    """Index of the minimum."""

    def _fwd(self, x, xp):
        return xp.argmin(x, axis=self.axis)


def max(x, axis=None, keepdims=False):
    """Maximum of array elements over given axes.

    Parameters
    ----------
    x : Variable or ndarray
        Float array.
    axis : None, int or tuple of int
        Axes to reduce (all when None).
    keepdims : bool
        Keep reduced axes with length 1.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([[1., 4.], [3., 2.]], numpy.float32)
    >>> F.max(x, axis=1).array
    array([4., 3.], dtype=float32)
    """
    return Max(axis, keepdims).apply((x,))[0]


def min(x, axis=None, keepdims=False):
    """Minimum of array elements over given axes.

    Parameters
    ----------
    x : Variable or ndarray
        Float array.
    axis : None, int or tuple of int
        Axes to reduce (all when None).
    keepdims : bool
        Keep reduced axes with length 1.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.array([[1., 4.], [3., 2.]], numpy.float32)
    >>> F.min(x, axis=0).array
    array([1., 2.], dtype=float32)
    """
    return Min(axis, keepdims).apply((x,))[0]


def argmax(x, axis=None):
    """Index of the maximum value along an axis.

    Parameters
    ----------
    x : Variable or ndarray
        Float array.
    axis : None or int
        Axis to search (the flattened array when None).

    Returns
    -------
    Variable
        int32 indices; no gradient flows through it.

    Examples
    --------
    >>> x = numpy.array([[1., 4.], [3., 2.]], numpy.float32)
    >>> F.argmax(x, axis=1).array
    array([1, 0], dtype=int32)
    """
    return ArgMax(axis).apply((x,))[0]


def argmin(x, axis=None):
    """Index of the minimum value along an axis.

    Parameters
    ----------
    x : Variable or ndarray
        Float array.
    axis : None or int
        Axis to search (the flattened array when None).

    Returns
    -------
    Variable
        int32 indices; no gradient flows through it.

    Examples
    --------
    >>> x = numpy.array([[1., 4.], [3., 2.]], numpy.float32)
    >>> F.argmin(x).array
    array(0, dtype=int32)
    """
    return ArgMin(axis).apply((x,))[0]
