"""Embedding lookup (rows of a weight matrix selected by integer ids)."""
import numpy

import chainer
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


def _scatter_add(a, indices, values):
    # Repeated ids must accumulate, which plain fancy-index ``+=`` does
    # not do.
    xp = backend.get_array_module(a)
    if xp is numpy:
        numpy.add.at(a, indices, values)
    elif hasattr(xp, 'add') and hasattr(xp.add, 'at'):
        xp.add.at(a, indices, values)
    else:
        import cupyx
        cupyx.scatter_add(a, indices, values)


class EmbedIDFunction(function_node.FunctionNode):
    """``W[x]`` with rows for ``ignore_label`` set to zero."""

    def __init__(self, ignore_label=None):
        self.ignore_label = ignore_label

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'W'))
        x_type, w_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'i',
            x_type.ndim >= 1,
        )
        type_check.expect(
            w_type.dtype.kind == 'f',
            w_type.ndim == 2,
        )

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, W = inputs
        self._w_shape = W.shape
        xp = backend.get_array_module(*inputs)
        if chainer.is_debug():
            valid_x = xp.logical_and(0 <= x, x < len(W))
            if self.ignore_label is not None:
                valid_x = xp.logical_or(valid_x, x == self.ignore_label)
            if not valid_x.all():
                raise ValueError('Each not ignored `x` value need to satisfy '
                                 '`0 <= x < len(W)`')
        if self.ignore_label is None:
            return W[x],
        mask = x == self.ignore_label
        # Index with 0 where ignored (the label may be out of range), then
        # zero those rows.
        y = W[xp.where(mask, 0, x)]
        return xp.where(mask[..., None], y.dtype.type(0), y),

    def backward(self, indexes, grad_outputs):
        inputs = self.get_retained_inputs()
        gW, = EmbedIDGrad(self._w_shape, self.ignore_label).apply(
            inputs + grad_outputs)
        return None, gW


class EmbedIDGrad(function_node.FunctionNode):
    """Scatter-add of the output gradient into the rows of ``W``."""

    def __init__(self, w_shape, ignore_label=None):
        self.w_shape = w_shape
        self.ignore_label = ignore_label

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, gy = inputs
        xp = backend.get_array_module(*inputs)
        gW = xp.zeros(self.w_shape, dtype=gy.dtype)
        gy = gy.reshape(-1, gy.shape[-1])
        x = x.ravel()
        if self.ignore_label is not None:
            keep = x != self.ignore_label
            x = x[keep]
            gy = gy[keep]
        _scatter_add(gW, x, gy)
        return gW,

    def backward(self, indexes, grads):
        # gW is linear in gy; its transpose is the lookup itself.
        x, = self.get_retained_inputs()
        ggW, = grads
        return None, embed_id(x, ggW, self.ignore_label)


def embed_id(x, W, ignore_label=None):
    """Efficient linear function for one-hot input: ``y[i] = W[x[i]]``.

    Parameters
    ----------
    x : Variable or ndarray
        Integer ids of any shape.
    W : Variable or ndarray
        ``(n_vocab, n_units)`` embedding matrix.
    ignore_label : int or None
        Ids equal to it give zero vectors (and no gradient).

    Returns
    -------
    Variable
        ``x.shape + (n_units,)``.

    Examples
    --------
    >>> x = numpy.array([2, 1, -1], numpy.int32)
    >>> W = numpy.arange(6, dtype=numpy.float32).reshape(3, 2)
    >>> F.embed_id(x, W, ignore_label=-1).array
    array([[4., 5.],
           [2., 3.],
           [0., 0.]], dtype=float32)
    """
    return EmbedIDFunction(ignore_label=ignore_label).apply((x, W))[0]
