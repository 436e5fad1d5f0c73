"""Two-dimensional max pooling."""
import numpy

from chainer import backend
from chainer.backends import cuda
from chainer import function_node
from chainer.functions.pooling import pooling_2d
from chainer.functions.pooling.pooling_2d import Pooling2D
from chainer.utils import conv


def _one_hot(indexes, k):
    # (n, c, oh, ow) window positions -> (n, c, k, oh, ow) boolean mask.
    xp = backend.get_array_module(indexes)
    return xp.arange(k).reshape(1, 1, k, 1, 1) == indexes[:, :, None]


def _max_pool_gpu(x, node):
    # Scans the window in C order and keeps the first maximum, padding
    # reading -inf, with NaN winning as in NumPy's max/argmax; indexes are
    # int32 as in Chainer.
    n, c, h, w = x.shape
    out_h = conv.get_conv_outsize(h, node.kh, node.sy, node.ph,
                                  node.cover_all)
    out_w = conv.get_conv_outsize(w, node.kw, node.sx, node.pw,
                                  node.cover_all)
    x = cuda.cupy.ascontiguousarray(x)
    y = cuda.cupy.empty((n, c, out_h, out_w), x.dtype)
    indexes = cuda.cupy.empty((n, c, out_h, out_w), numpy.int32)
    cuda.elementwise(
        'raw T x, T ninf, ' + pooling_2d.GEOMETRY_PARAMS, 'T y, S index',
        pooling_2d.WINDOW_ORIGIN + '''
        T best = ninf;
        I best_k = 0;
        I k = 0;
        for (I ky = 0; ky < kh; ++ky) {
          I yy = y0 + ky;
          for (I kx = 0; kx < kw; ++kx, ++k) {
            I xx = x0 + kx;
            T v = (yy >= 0 && yy < h && xx >= 0 && xx < w)
                ? x[(nc * h + yy) * w + xx] : ninf;
            if (k == 0 || (best == best && (v > best || v != v))) {
              best = v;
              best_k = k;
            }
          }
        }
        y = best;
        index = best_k;''', 'max_pool_fwd')(
            x, -numpy.inf, *(pooling_2d.geometry(x.shape, y.shape, node)
                             + [y, indexes]))
    return y, indexes


class MaxPooling2D(Pooling2D):
    """Max pooling node; keeps the argmax of each window for backward."""

    def forward(self, inputs):
        x, = inputs
        ksize, stride, pad = self._params()
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        if isinstance(x, cuda.ndarray):
            y, self.indexes = _max_pool_gpu(x, self)
            return y,
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
        if isinstance(gy, cuda.ndarray):
            # Adds the gradients of the windows whose argmax the element
            # is, in the order of the NumPy path's col2im.
            gy = cuda.cupy.ascontiguousarray(gy)
            gx = cuda.cupy.empty(mp._in_shape, gy.dtype)
            cuda.elementwise(
                'raw T gy, raw S indexes, ' + pooling_2d.GEOMETRY_PARAMS,
                'T gx',
                'T val = T(0);' + pooling_2d.windows_of_input(
                    '''if (indexes[off] == ky * kw + kx) {
                         val = val + gy[off];
                       }''') + 'gx = val;',
                'max_pool_grad')(
                    gy, cuda.cupy.ascontiguousarray(self.indexes),
                    *(pooling_2d.geometry(mp._in_shape, gy.shape, mp)
                      + [gx]))
            return gx,
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
        if isinstance(x, cuda.ndarray):
            # Reads the element at the stored argmax (padding reads 0).
            x = cuda.cupy.ascontiguousarray(x)
            indexes = self.indexes
            y = cuda.cupy.empty(indexes.shape, x.dtype)
            cuda.elementwise(
                'raw T x, S index, ' + pooling_2d.GEOMETRY_PARAMS, 'T y',
                pooling_2d.WINDOW_ORIGIN + '''
                I yy = y0 + index / kw;
                I xx = x0 + index % kw;
                y = (yy >= 0 && yy < h && xx >= 0 && xx < w)
                    ? x[(nc * h + yy) * w + xx] : T(0);''',
                'max_pool_with_indexes')(
                    x, indexes,
                    *(pooling_2d.geometry(x.shape, y.shape, mp) + [y]))
            return y,
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
