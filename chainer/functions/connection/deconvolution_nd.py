"""N-dimensional transposed convolution via matmul + col2im."""
from chainer import backend
from chainer import function_node
from chainer.functions.connection import _gemm
from chainer.functions.connection.convolution_nd import convolution_nd
from chainer.functions.connection.convolution_nd import ConvolutionNDGradW
from chainer.utils import conv
from chainer.utils import conv_nd
from chainer.utils import type_check


def deconv_forward(x, W, b, stride, pad, outsize, dilate, groups):
    """Array-level grouped transposed convolution.

    Parameters
    ----------
    x : ndarray
        ``(n, C, d_1, ..., d_N)``.
    W : ndarray
        ``(C, O / groups, k_1, ..., k_N)``.
    b : ndarray or None
        ``(O,)``.
    outsize : tuple of int
        Spatial shape of the output.

    Returns
    -------
    ndarray
        ``(n, O, outsize...)`` in ``x.dtype``.
    """
    ndim = x.ndim - 2
    n, c = x.shape[:2]
    dims = x.shape[2:]
    ksize = W.shape[2:]
    out_cg = W.shape[1]
    cg = c // groups
    xm = x.reshape(n, groups, cg, -1).transpose(1, 2, 0, 3).reshape(
        groups, cg, -1)
    wm = W.reshape(groups, cg, -1).transpose(0, 2, 1)
    # Each input pixel scatters a weighted filter: gcol = W^T x per group.
    gcol = _gemm.matmul(wm, xm, _gemm.compute_dtype(x.dtype, W.dtype))
    gcol = gcol.reshape((groups, out_cg) + tuple(ksize) + (n,) + dims)
    axes = ((2 + ndim, 0, 1) + tuple(range(2, 2 + ndim))
            + tuple(range(3 + ndim, 3 + 2 * ndim)))
    gcol = gcol.transpose(axes).reshape(
        (n, groups * out_cg) + tuple(ksize) + dims)
    y = conv._col2im_nd(gcol, stride, pad, tuple(outsize), dilate)
    if b is not None:
        y = y + b.reshape((1, -1) + (1,) * ndim)
    xp = backend.get_array_module(x)
    return xp.ascontiguousarray(y.astype(x.dtype, copy=False))


def check_deconv_types(in_types, ndim, stride, pad, outsize, dilate,
                       groups):
    """Chainer's input checks for an ``ndim``-d transposed convolution."""
    n_in = in_types.size()
    type_check.expect(2 <= n_in, n_in <= 3)
    type_check._argname(in_types, ('x', 'W', 'b')[:len(in_types)])
    x_type, w_type = in_types[:2]
    type_check.expect(
        x_type.dtype.kind == 'f',
        w_type.dtype.kind == 'f',
        x_type.ndim == ndim + 2,
        w_type.ndim == ndim + 2,
        x_type.shape[1] == w_type.shape[0],
        w_type.shape[0] % groups == 0,
    )
    if outsize is not None:
        # The given output size must be one that a convolution maps back
        # onto the input size (with or without cover_all).
        for i in range(ndim):
            k = type_check.eval(w_type.shape[2 + i])
            lower = conv.get_conv_outsize(outsize[i], k, stride[i], pad[i],
                                          d=dilate[i])
            upper = conv.get_conv_outsize(outsize[i], k, stride[i], pad[i],
                                          cover_all=True, d=dilate[i])
            type_check.expect(lower <= x_type.shape[2 + i],
                              x_type.shape[2 + i] <= upper)
    if type_check.eval(n_in) == 3:
        b_type = in_types[2]
        type_check.expect(
            b_type.dtype == x_type.dtype,
            b_type.ndim == 1,
            b_type.shape[0] == w_type.shape[1] * groups,
        )


class DeconvolutionND(function_node.FunctionNode):
    """N-dimensional transposed convolution node (inputs ``x, W[, b]``).

    Parameters
    ----------
    ndim : int
    stride, pad, dilate : int or tuple of int
    outsize : tuple of int or None
        Output spatial shape; the smallest consistent one when None.
    groups : int
    """

    cover_all = None

    def __init__(self, ndim, stride=1, pad=0, outsize=None, dilate=1,
                 groups=1):
        self.ndim = ndim
        self.stride = conv_nd.as_tuple(stride, ndim)
        self.pad = conv_nd.as_tuple(pad, ndim)
        self.outsize = None if outsize is None else \
            conv_nd.as_tuple(outsize, ndim)
        self.dilate = conv_nd.as_tuple(dilate, ndim)
        self.groups = int(groups)

    def check_type_forward(self, in_types):
        check_deconv_types(in_types, self.ndim, self.stride, self.pad,
                           self.outsize, self.dilate, self.groups)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        dims = x.shape[2:]
        ksize = W.shape[2:]
        if self.outsize is None:
            self.outsize = tuple(
                conv.get_deconv_outsize(d, k, s, p, d=di)
                for d, k, s, p, di in zip(dims, ksize, self.stride,
                                          self.pad, self.dilate))
        assert all(o > 0 for o in self.outsize), \
            'Output size should be positive.'
        # The gradient is a convolution of the output; it needs cover_all
        # exactly when the requested size exceeds the non-covering one.
        self.cover_all = any(
            d != conv.get_conv_outsize(o, k, s, p, d=di)
            for d, o, k, s, p, di in zip(dims, self.outsize, ksize,
                                         self.stride, self.pad,
                                         self.dilate))
        return deconv_forward(x, W, b, self.stride, self.pad, self.outsize,
                              self.dilate, self.groups),

    def _conv(self, gy, W):
        return convolution_nd(
            gy, W, stride=self.stride, pad=self.pad,
            cover_all=self.cover_all, dilate=self.dilate, groups=self.groups)

    def _grad_w_node(self, W):
        return ConvolutionNDGradW(self, W.shape, W.dtype)

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(self._conv(gy, W))
        if 1 in indexes:
            # Roles swap: gy is the convolution input, x its output.
            gW, = self._grad_w_node(W).apply((gy, x))
            ret.append(gW)
        if 2 in indexes:
            from chainer.functions.math.sum import sum as _sum
            ret.append(_sum(gy, axis=(0,) + tuple(range(2, gy.ndim))))
        return ret


def deconvolution_nd(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """N-dimensional transposed convolution (the gradient of convolution).

    Parameters
    ----------
    x : Variable or ndarray
        ``(n, c_I, d_1, ..., d_N)``.
    W : Variable or ndarray
        ``(c_I, c_O / groups, k_1, ..., k_N)``.
    b : Variable or ndarray, optional
        ``(c_O,)``.
    stride, pad, dilate : int or tuple of int
    outsize : tuple of int, optional
        Output spatial shape; by default
        ``s (d - 1) + (k - 1) dilate + 1 - 2 p`` per axis.
    groups : int

    Returns
    -------
    Variable
        ``(n, c_O, outsize...)``.

    Examples
    --------
    >>> x = numpy.ones((1, 1, 2, 2, 2), numpy.float32)
    >>> W = numpy.ones((1, 3, 2, 2, 2), numpy.float32)
    >>> F.deconvolution_nd(x, W, stride=2).shape
    (1, 3, 4, 4, 4)
    """
    ndim = len(x.shape[2:])
    fnode = DeconvolutionND(ndim, stride, pad, outsize, dilate, groups)
    args = (x, W) if b is None else (x, W, b)
    y, = fnode.apply(args)
    return y


def _check_ndim(x, ndim):
    if len(x.shape[2:]) != ndim:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            '\'x\' should be {}. But the actual ndim was {}.'.format(
                ndim, len(x.shape[2:])))


def deconvolution_1d(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """1-d transposed convolution; :func:`deconvolution_nd` for 3-d ``x``.

    Examples
    --------
    >>> F.deconvolution_1d(numpy.ones((1, 1, 2)), numpy.ones((1, 1, 2))).array
    array([[[1., 2., 1.]]])
    """
    _check_ndim(x, 1)
    return deconvolution_nd(x, W, b, stride, pad, outsize, dilate, groups)


def deconvolution_3d(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """3-d transposed convolution; :func:`deconvolution_nd` for 5-d ``x``.

    Examples
    --------
    >>> F.deconvolution_3d(numpy.ones((1, 1, 1, 1, 1)),
    ...                    numpy.ones((1, 2, 2, 2, 2))).shape
    (1, 2, 2, 2, 2)
    """
    _check_ndim(x, 3)
    return deconvolution_nd(x, W, b, stride, pad, outsize, dilate, groups)
