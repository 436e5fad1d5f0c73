"""Two-dimensional transposed convolution (deconvolution) layer."""
import chainer
from chainer import initializers
from chainer import link
from chainer.links.connection._utils import _pair
from chainer.links.connection._utils import _parse_conv_kwargs
from chainer import variable


class Deconvolution2D(link.Link):
    """2-D transposed convolution over ``(N, C, H, W)`` inputs.

    Parameters
    ----------
    in_channels : int or None
        None defers creating ``W``; ``Deconvolution2D(out_channels,
        ksize)`` is understood as well.
    out_channels : int
    ksize : int or pair of int
    stride, pad : int or pair of int
    nobias : bool
    outsize : pair of int, optional
        Output spatial size (resolves the ambiguity of strided deconv).
    initialW, initial_bias : initializer, optional
    dilate, groups : keyword arguments as in Convolution2D.

    Attributes
    ----------
    W : Parameter
        Shape ``(in_channels, out_channels // groups, kh, kw)``.

    Examples
    --------
    >>> d = chainer.links.Deconvolution2D(4, 2, ksize=3)
    >>> d.W.shape
    (4, 2, 3, 3)
    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, outsize=None, initialW=None,
                 initial_bias=None, **kwargs):
        super(Deconvolution2D, self).__init__()
        dilate, groups = _parse_conv_kwargs(kwargs)
        if ksize is None:
            out_channels, ksize, in_channels = in_channels, out_channels, None
        self.ksize = ksize
        self.stride = _pair(stride)
        self.pad = _pair(pad)
        self.dilate = _pair(dilate)
        self.outsize = (None, None) if outsize is None else outsize
        self.out_channels = out_channels
        self.groups = int(groups)
        with self.init_scope():
            W_initializer = initializers._get_initializer(initialW)
            self.W = variable.Parameter(W_initializer)
            if in_channels is not None:
                self._initialize_params(in_channels)
            if nobias:
                self.b = None
            else:
                if initial_bias is None:
                    initial_bias = 0
                bias_initializer = initializers._get_initializer(initial_bias)
                self.b = variable.Parameter(bias_initializer, out_channels)

    def _initialize_params(self, in_channels):
        kh, kw = _pair(self.ksize)
        if self.out_channels % self.groups != 0:
            raise ValueError('the number of output channels must be '
                             'divisible by the number of groups')
        if in_channels % self.groups != 0:
            raise ValueError('the number of input channels must be '
                             'divisible by the number of groups')
        self.W.initialize(
            (in_channels, self.out_channels // self.groups, kh, kw))

    def forward(self, x):
        """Apply the transposed convolution."""
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        outsize = None if self.outsize == (None, None) else self.outsize
        kwargs = {}
        if self.dilate != (1, 1):
            kwargs['dilate'] = self.dilate
        if self.groups != 1:
            kwargs['groups'] = self.groups
        return chainer.functions.deconvolution_2d(
            x, self.W, self.b, self.stride, self.pad, outsize, **kwargs)
