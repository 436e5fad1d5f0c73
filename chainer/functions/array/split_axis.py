"""Splitting an array into several along one axis."""
import collections.abc

import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class SplitAxis(function_node.FunctionNode):
    """Split along ``axis`` at indices or into equal sections.

    Backward concatenates the output gradients (zeros for unused
    outputs), so it is differentiable again.
    """

    def __init__(self, indices_or_sections, axis):
        if isinstance(indices_or_sections, (int, numpy.integer)):
            self.sections = int(indices_or_sections)
            self.indices = None
        elif isinstance(indices_or_sections, collections.abc.Iterable):
            self.indices = tuple(int(i) for i in indices_or_sections)
            self.sections = None
        else:
            raise TypeError('indices_or_sections must be integer or 1-D '
                            'array')
        if self.sections is not None and self.sections <= 0:
            raise ValueError('number sections must be larger than 0.')
        self.axis = int(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        axis = type_check.make_variable(self.axis, 'axis')
        type_check.expect(x_type.ndim > axis, -x_type.ndim <= axis)
        if self.indices is not None:
            if len(self.indices) > 0:
                max_index = type_check.make_variable(
                    max(self.indices), 'max_index')
                type_check.expect(x_type.shape[self.axis] >= max_index)
        else:
            sections = type_check.make_variable(self.sections, 'sections')
            type_check.expect(x_type.shape[self.axis] % sections == 0)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        if self.indices is not None:
            indices_or_sections = list(self.indices)
        else:
            indices_or_sections = self.sections
        ret = tuple(xp.split(x, indices_or_sections, self.axis))
        self._shapes = [r.shape for r in ret]
        self._xp = xp
        return ret

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.concat import concat
        dtype = self.inputs[0].dtype
        grads = [self._xp.zeros(shape, dtype=dtype) if gy is None else gy
                 for gy, shape in zip(grad_outputs, self._shapes)]
        return concat(grads, self.axis),


def split_axis(x, indices_or_sections, axis, force_tuple=True):
    """Split an array into several along an axis.

    Parameters
    ----------
    x : Variable or ndarray
        Array to split.
    indices_or_sections : int or 1-D array-like of int
        Number of equal sections, or the split indices (as in
        :func:`numpy.split`).
    axis : int
        Axis to split along.
    force_tuple : bool
        When False and the result has a single element, return that
        Variable instead of a 1-tuple.

    Returns
    -------
    tuple of Variable or Variable

    Examples
    --------
    >>> x = numpy.arange(6.).reshape(2, 3)
    >>> a, b = F.split_axis(x, [1], axis=1)
    >>> a.shape, b.shape
    ((2, 1), (2, 2))
    """
    res = SplitAxis(indices_or_sections, axis).apply((x,))
    if force_tuple or len(res) != 1:
        return res
    return res[0]
