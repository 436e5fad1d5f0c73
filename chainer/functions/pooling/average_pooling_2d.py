"""Two-dimensional average pooling."""
from chainer import backend
from chainer.backends import cuda
from chainer import function_node
from chainer.functions.pooling import pooling_2d
from chainer.functions.pooling.pooling_2d import Pooling2D
from chainer.utils import conv


class AveragePooling2D(Pooling2D):
    """Average pooling node; padded zeros count towards the mean."""

    def __init__(self, ksize, stride=None, pad=0):
        super(AveragePooling2D, self).__init__(ksize, stride, pad, False)

    def forward(self, inputs):
        x, = inputs
        ksize, stride, pad = self._params()
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        if isinstance(x, cuda.ndarray):
            h, w = x.shape[2:]
            return pooling_2d.window_sum_gpu(
                x, conv.get_conv_outsize(h, self.kh, self.sy, self.ph),
                conv.get_conv_outsize(w, self.kw, self.sx, self.pw), self,
                self.kh * self.kw),
        # Sums of float16 are accumulated in float32 and rounded once.
        col = conv._im2col_nd(x, ksize, stride, pad, 0, False, view=True)
        y = col.sum(axis=(2, 3), dtype=pooling_2d.acc_dtype(x.dtype))
        y /= self.kh * self.kw
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, gy):
        return AveragePooling2DGrad(self).apply(gy)


class AveragePooling2DGrad(function_node.FunctionNode):
    """Spreads each output gradient evenly over its window."""

    def __init__(self, apool2d):
        self.apool2d = apool2d

    def forward(self, inputs):
        gy, = inputs
        ap = self.apool2d
        n, c, h, w = ap._in_shape
        coeff = gy.dtype.type(1. / (ap.kh * ap.kw))
        if isinstance(gy, cuda.ndarray):
            return pooling_2d.spread_gpu(gy, ap._in_shape, ap, coeff),
        # A broadcast view suffices: col2im only reads its input.
        xp = backend.get_array_module(gy)
        gcol = xp.broadcast_to(
            (gy * coeff)[:, :, None, None],
            (n, c, ap.kh, ap.kw) + gy.shape[2:])
        gx = conv._col2im_nd(gcol, (ap.sy, ap.sx), (ap.ph, ap.pw), (h, w))
        return gx,

    def backward(self, indexes, ggx):
        # The gradient map is linear; its adjoint is the pooling itself.
        ap = self.apool2d
        return AveragePooling2D(
            (ap.kh, ap.kw), (ap.sy, ap.sx), (ap.ph, ap.pw)).apply(ggx)


def average_pooling_2d(x, ksize, stride=None, pad=0):
    """Spatial average pooling.

    Runs without ``cover_all``.  Padded elements are zeros that count
    towards each mean (every window is divided by ``kh * kw``), so
    averages at the borders are biased towards zero, as in Chainer.

    Parameters
    ----------
    x : Variable or ndarray
        ``(n, c, h, w)``.
    ksize : int or pair of int
        Window size.
    stride : int, pair of int or None
        Window step; ``ksize`` when None.
    pad : int or pair of int
        Zero padding on each side.

    Returns
    -------
    Variable
        ``(n, c, h_O, w_O)``.

    Examples
    --------
    >>> x = numpy.arange(16, dtype=numpy.float32).reshape(1, 1, 4, 4)
    >>> F.average_pooling_2d(x, 2).array
    array([[[[ 2.5,  4.5],
             [10.5, 12.5]]]], dtype=float32)
    """
    return AveragePooling2D(ksize, stride, pad).apply((x,))[0]
