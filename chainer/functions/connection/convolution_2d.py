"""Two-dimensional convolution."""
from chainer.functions.connection.convolution_nd import ConvolutionND
from chainer.functions.connection.convolution_nd import ConvolutionNDGradW


class Convolution2DFunction(ConvolutionND):
    """2-d convolution node (inputs ``x, W[, b]``).

    Parameters
    ----------
    stride, pad, dilate : int or pair of int
    cover_all : bool
    groups : int
    """

    def __init__(self, stride=1, pad=0, cover_all=False, dilate=1,
                 groups=1):
        super(Convolution2DFunction, self).__init__(
            2, stride, pad, cover_all, dilate, groups)
        self.sy, self.sx = self.stride
        self.ph, self.pw = self.pad
        self.dy, self.dx = self.dilate

    def _deconv(self, gy, W, outsize):
        from chainer.functions.connection.deconvolution_2d import \
            deconvolution_2d
        return deconvolution_2d(
            gy, W, stride=self.stride, pad=self.pad, outsize=outsize,
            dilate=self.dilate, groups=self.groups)

    def _grad_w_node(self, W):
        return Convolution2DGradW(self, W.shape, W.dtype)


class Convolution2DGradW(ConvolutionNDGradW):
    """Weight gradient of a 2-d convolution (inputs ``x, gy``)."""

    def __init__(self, conv_node, W_shape, W_dtype):
        super(Convolution2DGradW, self).__init__(conv_node, W_shape, W_dtype)
        self.kh, self.kw = self.ksize
        self.sy, self.sx = self.stride
        self.ph, self.pw = self.pad
        self.dy, self.dx = self.dilate

    def _conv(self, x, W):
        return convolution_2d(x, W, stride=self.stride, pad=self.pad,
                              cover_all=self.cover_all, dilate=self.dilate,
                              groups=self.groups)

    def _deconv(self, gy, W, outsize):
        from chainer.functions.connection.deconvolution_2d import \
            deconvolution_2d
        return deconvolution_2d(
            gy, W, stride=self.stride, pad=self.pad, outsize=outsize,
            dilate=self.dilate, groups=self.groups)


def convolution_2d(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """Two-dimensional convolution (cross-correlation).

    Parameters
    ----------
    x : Variable or ndarray
        ``(n, c_I, h, w)``.
    W : Variable or ndarray
        ``(c_O, c_I / groups, k_H, k_W)``.
    b : Variable or ndarray, optional
        ``(c_O,)``.
    stride : int or pair of int
        ``s_Y, s_X``.
    pad : int or pair of int
        Zero padding ``p_H, p_W`` on each side.
    cover_all : bool
        Add windows so that every input pixel is covered (as pooling
        does); may change the output size.
    dilate : int or pair of int
        Filter dilation ``d_Y, d_X``.
    groups : int
        Split channels into independent groups.

    Returns
    -------
    Variable
        ``(n, c_O, h_O, w_O)`` with
        ``h_O = (h + 2 p_H - (k_H - 1) d_Y - 1) // s_Y + 1`` (similarly
        ``w_O``).

    Examples
    --------
    >>> x = numpy.arange(16, dtype=numpy.float32).reshape(1, 1, 4, 4)
    >>> W = numpy.ones((1, 1, 2, 2), numpy.float32)
    >>> F.convolution_2d(x, W, stride=2).array
    array([[[[10., 18.],
             [42., 50.]]]], dtype=float32)
    """
    fnode = Convolution2DFunction(stride, pad, cover_all, dilate, groups)
    args = (x, W) if b is None else (x, W, b)
    y, = fnode.apply(args)
    return y
