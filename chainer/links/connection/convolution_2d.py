"""Two-dimensional convolution layer."""
import chainer
from chainer import initializers
from chainer import link
from chainer.links.connection._utils import _pair
from chainer.links.connection._utils import _parse_conv_kwargs
from chainer import variable


class Convolution2D(link.Link):
    """2-D convolution over ``(N, C, H, W)`` inputs.

    Parameters
    ----------
    in_channels : int or None
        None defers creating ``W`` to the first call.  With two positional
        arguments ``Convolution2D(out_channels, ksize)`` is understood.
    out_channels : int
    ksize : int or pair of int
    stride, pad : int or pair of int
    nobias : bool
    initialW, initial_bias : initializer, optional
        Defaults: LeCunNormal and 0.
    dilate : int or pair of int (keyword)
    groups : int (keyword)
        Grouped convolution; both channel counts must be divisible by it.

    Attributes
    ----------
    W : Parameter
        Shape ``(out_channels, in_channels // groups, kh, kw)``.
    b : Parameter or None

    Examples
    --------
    >>> conv = chainer.links.Convolution2D(3, 8, ksize=3, pad=1)
    >>> conv.W.shape
    (8, 3, 3, 3)
    >>> chainer.links.Convolution2D(8, 3).W.array is None  # lazy
    True
    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, initialW=None, initial_bias=None,
                 **kwargs):
        super(Convolution2D, self).__init__()
        dilate, groups = _parse_conv_kwargs(kwargs)
        if ksize is None:
            out_channels, ksize, in_channels = in_channels, out_channels, None
        self.ksize = ksize
        self.stride = _pair(stride)
        self.pad = _pair(pad)
        self.dilate = _pair(dilate)
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
            (self.out_channels, in_channels // self.groups, kh, kw))

    def forward(self, x):
        """Apply the convolution to ``x`` of shape ``(N, C, H, W)``."""
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        kwargs = {}
        # Only non-default options are passed so the call also reads as
        # the plain ``convolution_2d(x, W, b, stride, pad)`` form.
        if self.dilate != (1, 1):
            kwargs['dilate'] = self.dilate
        if self.groups != 1:
            kwargs['groups'] = self.groups
        return chainer.functions.convolution_2d(
            x, self.W, self.b, self.stride, self.pad, **kwargs)
