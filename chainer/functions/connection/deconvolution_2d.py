"""Two-dimensional transposed convolution."""
from chainer.functions.connection.convolution_2d import convolution_2d
from chainer.functions.connection.convolution_2d import Convolution2DGradW
from chainer.functions.connection.deconvolution_nd import DeconvolutionND


class Deconvolution2DFunction(DeconvolutionND):
    """2-d transposed convolution node (inputs ``x, W[, b]``).

    Parameters
    ----------
    stride, pad, dilate : int or pair of int
    outsize : pair of int or None
    groups : int
    """

    def __init__(self, stride=1, pad=0, outsize=None, dilate=1, groups=1):
        super(Deconvolution2DFunction, self).__init__(
            2, stride, pad, outsize, dilate, groups)
        self.sy, self.sx = self.stride
        self.ph, self.pw = self.pad
        self.dy, self.dx = self.dilate
        self.outh, self.outw = (None, None) if outsize is None \
            else self.outsize

    def forward(self, inputs):
        ret = super(Deconvolution2DFunction, self).forward(inputs)
        self.outh, self.outw = self.outsize
        return ret

    def _conv(self, gy, W):
        return convolution_2d(
            gy, W, stride=self.stride, pad=self.pad,
            cover_all=self.cover_all, dilate=self.dilate, groups=self.groups)

    def _grad_w_node(self, W):
        return Convolution2DGradW(self, W.shape, W.dtype)


def deconvolution_2d(x, W, b=None, stride=1, pad=0, outsize=None, dilate=1,
                     groups=1):
    """Two-dimensional transposed convolution ("deconvolution").

    The adjoint of :func:`convolution_2d` with respect to its input: each
    input pixel adds a copy of the filter, scaled by its value, to the
    output.

    Parameters
    ----------
    x : Variable or ndarray
        ``(n, c_I, h, w)``.
    W : Variable or ndarray
        ``(c_I, c_O / groups, k_H, k_W)``.
    b : Variable or ndarray, optional
        ``(c_O,)``.
    stride, pad, dilate : int or pair of int
    outsize : pair of int, optional
        ``(h_O, w_O)``; by default
        ``h_O = s_Y (h - 1) + (k_H - 1) d_Y + 1 - 2 p_H`` (similarly
        ``w_O``).  Larger sizes that a ``cover_all`` convolution maps
        back to ``(h, w)`` are allowed.
    groups : int

    Returns
    -------
    Variable
        ``(n, c_O, h_O, w_O)``.

    Examples
    --------
    >>> x = numpy.ones((1, 1, 2, 2), numpy.float32)
    >>> W = numpy.ones((1, 1, 2, 2), numpy.float32)
    >>> F.deconvolution_2d(x, W).array
    array([[[[1., 2., 1.],
             [2., 4., 2.],
             [1., 2., 1.]]]], dtype=float32)
    """
    fnode = Deconvolution2DFunction(stride, pad, outsize, dilate, groups)
    args = (x, W) if b is None else (x, W, b)
    y, = fnode.apply(args)
    return y
