"""Common base of the 2-d pooling nodes."""
import numpy

from chainer import function_node
from chainer.utils import type_check


def _pair(x):
    if isinstance(x, (int, numpy.integer)):
        return int(x), int(x)
    return tuple(int(v) for v in x)


class Pooling2D(function_node.FunctionNode):
    """Base class of 2-d pooling over ``(n, c, h, w)`` inputs.

    Parameters
    ----------
    ksize : int or pair of int
        Window size.
    stride : int, pair of int or None
        Window step; equal to ``ksize`` when None.
    pad : int or pair of int
        Padding on each side.
    cover_all : bool
        Add windows so that every input pixel is covered.
    """

    def __init__(self, ksize, stride=None, pad=0, cover_all=True):
        if stride is None:
            stride = ksize
        self.kh, self.kw = _pair(ksize)
        self.sy, self.sx = _pair(stride)
        self.ph, self.pw = _pair(pad)
        self.cover_all = cover_all

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].ndim == 4,
        )

    def _params(self):
        return (self.kh, self.kw), (self.sy, self.sx), (self.ph, self.pw)
