"""Indexing (``x[slices]``) with basic and advanced indices."""
import numpy

import chainer
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check
from chainer import variable


def _normalize_slices(slices):
    if isinstance(slices, variable.Variable):
        slices = slices.array
    if isinstance(slices, list):
        # A list of ints is one advanced index, not a tuple of indices.
        if all(isinstance(s, (int, numpy.integer)) for s in slices):
            slices = slices,
        slices = tuple(slices)
    elif not isinstance(slices, tuple):
        slices = slices,
    return tuple(s.array if isinstance(s, variable.Variable) else s
                 for s in slices)


class GetItem(function_node.FunctionNode):
    """``x[slices]``; backward scatter-adds into zeros of x's shape."""

    def __init__(self, slices):
        slices = _normalize_slices(slices)
        if chainer.is_debug():
            if sum(1 for s in slices if s is Ellipsis) > 1:
                raise ValueError('Only one Ellipsis is allowed')
        self.slices = slices

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, xs):
        return utils.force_array(xs[0][self.slices]),

    def backward(self, indexes, gy):
        return GetItemGrad(self.slices, self.inputs[0].shape).apply(gy)


class GetItemGrad(function_node.FunctionNode):
    """Scatter-add of ``gy`` into a zero array at ``slices``."""

    def __init__(self, slices, in_shape):
        self.slices = slices
        self._in_shape = in_shape

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(*inputs)
        gx = xp.zeros(self._in_shape, gy.dtype)
        if xp is numpy:
            # add.at accumulates repeated indices (x[[0, 0]]) correctly.
            numpy.add.at(gx, self.slices, gy)
        else:
            try:
                import cupyx
                cupyx.scatter_add(gx, self.slices, gy)
            except (ImportError, AttributeError):
                gx.scatter_add(self.slices, gy)
        return gx,

    def backward(self, indexes, ggx):
        return GetItem(self.slices).apply(ggx)


def get_item(x, slices):
    """Extract elements like ``x[slices]``.

    Parameters
    ----------
    x : Variable or ndarray
    slices : int, slice, Ellipsis, None, int/bool array, list, or tuple
        NumPy-style index; advanced indexing is supported and repeated
        indices accumulate in the gradient.

    Returns
    -------
    Variable

    Examples
    --------
    >>> x = numpy.arange(6.).reshape(2, 3)
    >>> F.get_item(x, (slice(None), [0, 0])).array
    array([[0., 0.],
           [3., 3.]])
    """
    return GetItem(slices).apply((x,))[0]
