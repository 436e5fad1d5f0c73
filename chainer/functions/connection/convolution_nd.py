"""N-dimensional convolution (cross-correlation) via im2col + matmul."""
from chainer import backend
from chainer.backends import cuda
from chainer import function_node
from chainer.functions.connection import _gemm
from chainer import utils
from chainer.utils import conv
from chainer.utils import conv_nd
from chainer.utils import conv_nd_kernel
from chainer.utils import type_check


def _prod(xs):
    return utils.size_of_shape(xs)


def _col_matrix(x, ksize, stride, pad, cover_all, dilate, groups):
    """im2col of ``x`` laid out as ``(G, n * out_size, C/G * k_size)``."""
    n, c = x.shape[:2]
    ndim = len(ksize)
    if isinstance(x, cuda.ndarray):
        return _col_matrix_gpu(x, ksize, stride, pad, cover_all, dilate,
                               groups)
    col = conv._im2col_nd(x, ksize, stride, pad, 0, cover_all, dilate,
                          view=True)
    outs = col.shape[2 + ndim:]
    col = col.reshape((n, groups, c // groups) + col.shape[2:])
    # (n, G, C/G, k..., out...) -> (G, n, out..., C/G, k...)
    axes = ((1, 0) + tuple(range(3 + ndim, 3 + 2 * ndim))
            + (2,) + tuple(range(3, 3 + ndim)))
    col = col.transpose(axes).reshape(
        groups, n * _prod(outs), c // groups * _prod(ksize))
    return col, outs


def _col_matrix_gpu(x, ksize, stride, pad, cover_all, dilate, groups):
    # The kernel writes the patches straight into the matrix layout, which
    # saves a transposed copy of the largest array of the convolution.
    outs = tuple(conv.get_conv_outsize(d, k, s, p, cover_all, di)
                 for d, k, s, p, di in zip(x.shape[2:], ksize, stride, pad,
                                           dilate))
    assert all(o > 0 for o in outs), 'output size must be positive'
    col = conv_nd_kernel.im2col(x, tuple(ksize), stride, pad, 0, outs,
                                dilate, groups=groups)
    return col, outs


def conv_forward(x, W, b, stride, pad, cover_all, dilate, groups):
    """Array-level grouped convolution shared by the N-d/2-d nodes.

    Parameters
    ----------
    x : ndarray
        ``(n, C, d_1, ..., d_N)``.
    W : ndarray
        ``(O, C / groups, k_1, ..., k_N)``.
    b : ndarray or None
        ``(O,)``.

    Returns
    -------
    ndarray
        ``(n, O, out_1, ..., out_N)`` in ``x.dtype``.
    """
    ndim = x.ndim - 2
    n = x.shape[0]
    out_c = W.shape[0]
    ksize = W.shape[2:]
    col, outs = _col_matrix(x, ksize, stride, pad, cover_all, dilate, groups)
    w = W.reshape(groups, out_c // groups, -1).transpose(0, 2, 1)
    y = _gemm.matmul(col, w, _gemm.compute_dtype(x.dtype, W.dtype))
    # (G, n * out, O/G) -> (n, G, O/G, out...)
    y = y.reshape((groups, n) + outs + (out_c // groups,))
    y = y.transpose((1, 0, 2 + ndim) + tuple(range(2, 2 + ndim)))
    y = y.reshape((n, out_c) + outs)
    if b is not None:
        y = y + b.reshape((1, out_c) + (1,) * ndim)
    xp = backend.get_array_module(x)
    return xp.ascontiguousarray(y.astype(x.dtype, copy=False))


def conv_grad_w(x, gy, ksize, stride, pad, cover_all, dilate, groups,
                dtype):
    """Weight gradient of :func:`conv_forward`: ``(O, C/G, k...)``."""
    n, c = x.shape[:2]
    out_c = gy.shape[1]
    col, outs = _col_matrix(x, ksize, stride, pad, cover_all, dilate, groups)
    assert tuple(outs) == tuple(gy.shape[2:])
    # (n, G, O/G, out...) -> (G, O/G, n * out)
    g = gy.reshape((n, groups, out_c // groups, -1)).transpose(1, 0, 3, 2)
    g = g.reshape(groups, -1, out_c // groups)
    # gW^T = col^T g: the long (n * out) axis is the inner dimension and
    # the many kernel taps the rows, the orientation BLAS handles best.
    gWt = _gemm.matmul(col.transpose(0, 2, 1), g,
                       _gemm.compute_dtype(x.dtype, gy.dtype))
    gW = gWt.transpose(0, 2, 1).reshape((out_c, c // groups) + tuple(ksize))
    return gW.astype(dtype, copy=False)


def check_conv_types(in_types, ndim, groups):
    """Chainer's input checks for an ``ndim``-d (grouped) convolution."""
    n_in = in_types.size()
    type_check.expect(2 <= n_in, n_in <= 3)
    type_check._argname(in_types, ('x', 'W', 'b')[:len(in_types)])
    x_type, w_type = in_types[:2]
    type_check.expect(
        x_type.dtype.kind == 'f',
        w_type.dtype.kind == 'f',
        x_type.ndim == ndim + 2,
        w_type.ndim == ndim + 2,
        x_type.shape[1] == w_type.shape[1] * groups,
        w_type.shape[0] % groups == 0,
    )
    if type_check.eval(n_in) == 3:
        b_type = in_types[2]
        type_check.expect(
            b_type.dtype == x_type.dtype,
            b_type.ndim == 1,
            b_type.shape[0] == w_type.shape[0],
        )


class ConvolutionND(function_node.FunctionNode):
    """N-dimensional convolution node (inputs ``x, W[, b]``).

    Parameters
    ----------
    ndim : int
        Number of spatial axes.
    stride, pad, dilate : int or tuple of int
    cover_all : bool
    groups : int
    """

    def __init__(self, ndim, stride=1, pad=0, cover_all=False, dilate=1,
                 groups=1):
        self.ndim = ndim
        self.stride = conv_nd.as_tuple(stride, ndim)
        self.pad = conv_nd.as_tuple(pad, ndim)
        self.cover_all = cover_all
        self.dilate = conv_nd.as_tuple(dilate, ndim)
        self.groups = int(groups)

    def check_type_forward(self, in_types):
        check_conv_types(in_types, self.ndim, self.groups)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        for d, k, s, p, di in zip(x.shape[2:], W.shape[2:], self.stride,
                                  self.pad, self.dilate):
            assert conv.get_conv_outsize(d, k, s, p, self.cover_all,
                                         di) > 0, \
                'Output size should be positive.'
        return conv_forward(x, W, b, self.stride, self.pad, self.cover_all,
                            self.dilate, self.groups),

    def _deconv(self, gy, W, outsize):
        from chainer.functions.connection.deconvolution_nd import \
            deconvolution_nd
        return deconvolution_nd(
            gy, W, stride=self.stride, pad=self.pad, outsize=outsize,
            dilate=self.dilate, groups=self.groups)

    def _grad_w_node(self, W):
        return ConvolutionNDGradW(self, W.shape, W.dtype)

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            # The input gradient is the transposed convolution of gy.
            ret.append(self._deconv(gy, W, x.shape[2:]))
        if 1 in indexes:
            gW, = self._grad_w_node(W).apply((x, gy))
            ret.append(gW)
        if 2 in indexes:
            from chainer.functions.math.sum import sum as _sum
            axes = (0,) + tuple(range(2, gy.ndim))
            ret.append(_sum(gy, axis=axes))
        return ret


class ConvolutionNDGradW(function_node.FunctionNode):
    """Weight gradient of a convolution (inputs ``x, gy``).

    Parameters
    ----------
    conv_node : ConvolutionND or DeconvolutionND-like
        Supplies stride, pad, cover_all, dilate and groups.
    W_shape : tuple of int
    W_dtype : dtype
    """

    def __init__(self, conv_node, W_shape, W_dtype):
        self.ndim = len(W_shape) - 2
        self.stride = conv_node.stride
        self.pad = conv_node.pad
        self.cover_all = conv_node.cover_all
        self.dilate = conv_node.dilate
        self.groups = conv_node.groups
        self.W_shape = tuple(W_shape)
        self.ksize = self.W_shape[2:]
        self.W_dtype = W_dtype

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gy = inputs
        return conv_grad_w(x, gy, self.ksize, self.stride, self.pad,
                           self.cover_all, self.dilate, self.groups,
                           self.W_dtype),

    def _conv(self, x, W):
        return convolution_nd(
            x, W, stride=self.stride, pad=self.pad, cover_all=self.cover_all,
            dilate=self.dilate, groups=self.groups)

    def _deconv(self, gy, W, outsize):
        from chainer.functions.connection.deconvolution_nd import \
            deconvolution_nd
        return deconvolution_nd(
            gy, W, stride=self.stride, pad=self.pad, outsize=outsize,
            dilate=self.dilate, groups=self.groups)

    def backward(self, indexes, grad_outputs):
        # gW is bilinear in (x, gy): differentiate each factor in turn.
        x, gy = self.get_retained_inputs()
        ggW, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(self._deconv(gy, ggW, x.shape[2:]))
        if 1 in indexes:
            ret.append(self._conv(x, ggW))
        return ret


def convolution_nd(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """N-dimensional convolution.

    Parameters
    ----------
    x : Variable or ndarray
        ``(n, c_I, d_1, ..., d_N)``.
    W : Variable or ndarray
        ``(c_O, c_I / groups, k_1, ..., k_N)``.
    b : Variable or ndarray, optional
        ``(c_O,)``.
    stride, pad, dilate : int or tuple of int
        Per-axis stride, zero padding and filter dilation.
    cover_all : bool
        Add windows so that every input element is covered.
    groups : int
        Channels are split into this many independent groups.

    Returns
    -------
    Variable
        ``(n, c_O, l_1, ..., l_N)`` with
        ``l_i = (d_i + 2 p_i - (k_i - 1) dilate_i - 1) // s_i + 1``.

    Examples
    --------
    >>> x = numpy.ones((1, 1, 4, 4, 4), numpy.float32)
    >>> W = numpy.ones((2, 1, 2, 2, 2), numpy.float32)
    >>> y = F.convolution_nd(x, W, stride=2)
    >>> y.shape, float(y.array[0, 0, 0, 0, 0])
    ((1, 2, 2, 2, 2), 8.0)
    """
    ndim = len(x.shape[2:])
    fnode = ConvolutionND(ndim, stride, pad, cover_all, dilate, groups)
    args = (x, W) if b is None else (x, W, b)
    y, = fnode.apply(args)
    return y


def convolution_1d(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """1-d convolution; :func:`convolution_nd` for 3-d inputs.

    Examples
    --------
    >>> F.convolution_1d(numpy.ones((1, 1, 5)), numpy.ones((1, 1, 3))).array
    array([[[3., 3., 3.]]])
    """
    if len(x.shape[2:]) != 1:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            '\'x\' should be 1. But the actual ndim was {}.'.format(
                len(x.shape[2:])))
    return convolution_nd(x, W, b, stride, pad, cover_all, dilate, groups)


def convolution_3d(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """3-d convolution; :func:`convolution_nd` for 5-d inputs.

    Examples
    --------
    >>> F.convolution_3d(numpy.ones((1, 1, 2, 2, 2)),
    ...                  numpy.ones((1, 1, 2, 2, 2))).shape
    (1, 1, 1, 1, 1)
    """
    if len(x.shape[2:]) != 3:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            '\'x\' should be 3. But the actual ndim was {}.'.format(
                len(x.shape[2:])))
    return convolution_nd(x, W, b, stride, pad, cover_all, dilate, groups)
