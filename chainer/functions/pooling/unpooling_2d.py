"""Two-dimensional unpooling (the adjoint of sum pooling)."""
from chainer import backend
from chainer.backends import cuda
from chainer import function_node
from chainer.functions.pooling import pooling_2d
from chainer.functions.pooling.pooling_2d import _pair
from chainer.functions.pooling.pooling_2d import Pooling2D
from chainer.utils import conv
from chainer.utils import type_check


class Unpooling2D(Pooling2D):
    """Copies each input pixel over its ``ksize`` window (overlaps add)."""

    def __init__(self, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
        super(Unpooling2D, self).__init__(ksize, stride, pad, cover_all)
        self.outh, self.outw = (None, None) if outsize is None \
            else _pair(outsize)

    def check_type_forward(self, in_types):
        super(Unpooling2D, self).check_type_forward(in_types)
        x_type = in_types[0]
        if self.outh is not None:
            expected_h = conv.get_conv_outsize(
                self.outh, self.kh, self.sy, self.ph,
                cover_all=self.cover_all)
            type_check.expect(x_type.shape[2] == expected_h)
        if self.outw is not None:
            expected_w = conv.get_conv_outsize(
                self.outw, self.kw, self.sx, self.pw,
                cover_all=self.cover_all)
            type_check.expect(x_type.shape[3] == expected_w)

    def forward(self, inputs):
        x, = inputs
        h, w = x.shape[2:]
        if self.outh is None:
            self.outh = conv.get_deconv_outsize(
                h, self.kh, self.sy, self.ph, cover_all=self.cover_all)
        if self.outw is None:
            self.outw = conv.get_deconv_outsize(
                w, self.kw, self.sx, self.pw, cover_all=self.cover_all)
        # col2im reads the broadcast view in place (on cupy arrays in one
        # kernel).
        xp = backend.get_array_module(x)
        col = xp.broadcast_to(x[:, :, None, None],
                              x.shape[:2] + (self.kh, self.kw) + (h, w))
        y = conv._col2im_nd(col, (self.sy, self.sx), (self.ph, self.pw),
                            (self.outh, self.outw))
        return y,

    def backward(self, indexes, grad_outputs):
        return Unpooling2DGrad(self).apply(grad_outputs)


class Unpooling2DGrad(function_node.FunctionNode):
    """Sums the output gradient over each window (sum pooling)."""

    def __init__(self, unpooling2d):
        self.unpooling2d = unpooling2d

    def forward(self, inputs):
        gy, = inputs
        up = self.unpooling2d
        if isinstance(gy, cuda.ndarray):
            h, w = gy.shape[2:]
            return pooling_2d.window_sum_gpu(
                gy, conv.get_conv_outsize(h, up.kh, up.sy, up.ph,
                                          up.cover_all),
                conv.get_conv_outsize(w, up.kw, up.sx, up.pw, up.cover_all),
                up, 1),
        gcol = conv._im2col_nd(gy, up._params()[0], up._params()[1],
                               up._params()[2], 0, up.cover_all, view=True)
        return gcol.sum(axis=(2, 3)),

    def backward(self, indexes, ggx):
        up = self.unpooling2d
        return Unpooling2D(
            (up.kh, up.kw), (up.sy, up.sx), (up.ph, up.pw),
            (up.outh, up.outw), up.cover_all).apply(ggx)


def unpooling_2d(x, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
    """Inverse operation of pooling for 2-d arrays.

    Each input pixel is copied over a ``ksize`` window of the output
    placed with ``stride`` and ``pad``; overlapping copies add up.

    Parameters
    ----------
    x : Variable or ndarray
        ``(n, c, h, w)``.
    ksize : int or pair of int
    stride : int, pair of int or None
        ``ksize`` when None.
    pad : int or pair of int
    outsize : pair of int, optional
        ``(h_O, w_O)``; inferred as the inverse of the pooling output size
        when None.  Must map back to ``(h, w)`` under pooling.
    cover_all : bool
        Whether the matching pooling used ``cover_all``.

    Returns
    -------
    Variable
        ``(n, c, h_O, w_O)``.

    Examples
    --------
    >>> x = numpy.array([[[[1, 2], [3, 4]]]], numpy.float32)
    >>> F.unpooling_2d(x, 2, cover_all=False).array
    array([[[[1., 1., 2., 2.],
             [1., 1., 2., 2.],
             [3., 3., 4., 4.],
             [3., 3., 4., 4.]]]], dtype=float32)
    """
    return Unpooling2D(ksize, stride, pad, outsize, cover_all).apply((x,))[0]
