"""Two-dimensional max pooling."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.functions.pooling.pooling_2d import Pooling2D
from chainer.utils import conv


def _one_hot(indexes, k):
    # (n, c, oh, ow) window positions -> (n, c, k, oh, ow) boolean mask.
    xp = backend.get_array_module(indexes)
    return xp.arange(k).reshape(1, 1, k, 1, 1) == indexes[:, :, None]


class MaxPooling2D(Pooling2D):
    """Max pooling node; keeps the argmax of each window for backward."""

    def forward(self, inputs):
        x, = inputs
        ksize, stride, pad = self._params()
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        # Padding with -inf keeps padded positions from ever winning.
        col = conv._im2col_nd(x, ksize, stride, pad, -numpy.inf,
                              self.cover_all, view=True)
        n, c = x.shape[:2]
        col = col.reshape((n, c, self.kh * self.kw) + col.shape[4:])
        self.indexes = col.argmax(axis=2)
        return col.max(axis=2),

    def backward(self, indexes, grad_outputs):
        return MaxPooling2DGrad(self).apply(grad_outputs)


class MaxPooling2DGrad(function_node.FunctionNode):
    """Routes each output gradient to the argmax of its window."""

    def __init__(self, mpool2d):
        self.mpool2d = mpool2d
        self.indexes = mpool2d.indexes

    def forward(self, inputs):
        gy, = inputs
        mp = self.mpool2d
        n, c, h, w = mp._in_shape
        xp = backend.get_array_module(gy)
        k = mp.kh * mp.kw
        gcol = xp.where(_one_hot(self.indexes, k), gy[:, :, None],
                        gy.dtype.type(0))
        gcol = gcol.reshape((n, c, mp.kh, mp.kw) + gy.shape[2:])
        gx = conv._col2im_nd(gcol, (mp.sy, mp.sx), (mp.ph, mp.pw), (h, w))
        return gx,

    def backward(self, indexes, ggx):
        return MaxPooling2DWithIndexes(self.mpool2d).apply(ggx)


class MaxPooling2DWithIndexes(function_node.FunctionNode):
    """Picks, from each window, the element at the stored argmax."""

    def __init__(self, mpool2d):
        self.mpool2d = mpool2d
        self.indexes = mpool2d.indexes

    def forward(self, inputs):
        x, = inputs
        mp = self.mpool2d
        ksize, stride, pad = mp._params()
        xp = backend.get_array_module(x)
        col = conv._im2col_nd(x, ksize, stride, pad, 0, mp.cover_all,
                              view=True)
        n, c = x.shape[:2]
        k = mp.kh * mp.kw
        col = col.reshape((n, c, k) + col.shape[4:])
        # Summing a one-hot selection is exact (all other terms are 0).
        y = xp.where(_one_hot(self.indexes, k), col,
                     x.dtype.type(0)).sum(axis=2)
        return y,

    def backward(self, indexes, grad_outputs):
        return MaxPooling2DGrad(self.mpool2d).apply(grad_outputs)


def max_pooling_2d(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """Spatial max pooling.

    Parameters
    ----------
    x : Variable or ndarray
        ``(n, c, h, w)``.
    ksize : int or pair of int
        Window size.
    stride : int, pair of int or None
        Window step; ``ksize`` when None.
    pad : int or pair of int
        Padding on each side (padded elements never win).
    cover_all : bool
        Add windows so that every input pixel is covered; the output may
        be one larger per axis than without.
    return_indices : bool
        Also return the argmax of each window, an integer array of shape
        ``y.shape`` indexing the flattened ``(kh, kw)`` window.

    Returns
    -------
    Variable or tuple of (Variable, ndarray)

    Examples
    --------
    >>> x = numpy.arange(16, dtype=numpy.float32).reshape(1, 1, 4, 4)
    >>> F.max_pooling_2d(x, 2).array
    array([[[[ 5.,  7.],
             [13., 15.]]]], dtype=float32)
    >>> F.max_pooling_2d(x, 3, stride=2).shape
    (1, 1, 2, 2)
    """
    func = MaxPooling2D(ksize, stride, pad, cover_all)
    y, = func.apply((x,))
    if return_indices:
        return y, func.indexes
    return y
