"""Fully-connected (affine) transformation."""
from chainer import function_node
from chainer.functions.connection import _gemm
from chainer import utils
from chainer.utils import type_check


class LinearFunction(function_node.FunctionNode):
    """``x W^T + b`` for 2-d ``x`` (inputs ``x, W[, b]``)."""

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        type_check._argname(in_types, ('x', 'W', 'b')[:len(in_types)])
        x_type, w_type = in_types[:2]
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim == 2,
            w_type.ndim == 2,
            x_type.shape[1] == w_type.shape[1],
        )
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 1,
                b_type.shape[0] == w_type.shape[0],
            )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        y = _gemm.matmul(x, W.T, _gemm.compute_dtype(x.dtype, W.dtype))
        if len(inputs) == 3:
            y = y + inputs[2]
        return utils.force_array(y.astype(x.dtype, copy=False)),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.cast import cast
        from chainer.functions.array.transpose import transpose
        from chainer.functions.math.sum import sum as _sum
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            # gx = gy W; the node runs in gy's dtype, so W is cast first
            # when the two differ.
            W_ = W if W.dtype == gy.dtype else cast(W, gy.dtype)
            gx, = LinearFunction().apply((gy, transpose(W_)))
            ret.append(gx if gx.dtype == x.dtype else cast(gx, x.dtype))
        if 1 in indexes:
            gW, = LinearGradWeight(W.dtype).apply((x, gy))
            ret.append(gW)
        if 2 in indexes:
            ret.append(_sum(gy, axis=0))
        return ret


class LinearGradWeight(function_node.FunctionNode):
    """``gy^T x``, the weight gradient of :class:`LinearFunction`."""

    def __init__(self, w_dtype):
        self._w_dtype = w_dtype

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gy = inputs
        gW = _gemm.matmul(gy.T, x, _gemm.compute_dtype(x.dtype, gy.dtype))
        return utils.force_array(gW.astype(self._w_dtype, copy=False)),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.cast import cast
        from chainer.functions.array.transpose import transpose
        x, gy = self.get_retained_inputs()
        ggW, = grad_outputs
        ret = []
        if 0 in indexes:
            g = ggW if ggW.dtype == gy.dtype else cast(ggW, gy.dtype)
            gx, = LinearFunction().apply((gy, transpose(g)))
            ret.append(gx if gx.dtype == x.dtype else cast(gx, x.dtype))
        if 1 in indexes:
            g = ggW if ggW.dtype == x.dtype else cast(ggW, x.dtype)
            ggy, = LinearFunction().apply((x, g))
            ret.append(ggy if ggy.dtype == gy.dtype else cast(ggy, gy.dtype))
        return ret


def linear(x, W, b=None, n_batch_axes=1):
    """Linear function, or affine transformation: ``y = x W^T + b``.

    Parameters
    ----------
    x : Variable or ndarray
        ``(s_1, ..., s_B, ...)``: the first ``n_batch_axes`` axes are batch
        axes and the rest are flattened into ``M`` features.
    W : Variable or ndarray
        ``(N, M)``.
    b : Variable or ndarray, optional
        ``(N,)``.
    n_batch_axes : int
        Number of leading batch axes (at least 1).

    Returns
    -------
    Variable
        ``(s_1, ..., s_B, N)``.

    Examples
    --------
    >>> x = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    >>> W = numpy.ones((2, 3), numpy.float32)
    >>> b = numpy.array([0, 10], numpy.float32)
    >>> F.linear(x, W, b).array
    array([[ 3., 13.],
           [12., 22.]], dtype=float32)
    """
    from chainer.functions.array.reshape import reshape
    if n_batch_axes <= 0:
        raise ValueError('n_batch_axes should be greater than 0.')
    if n_batch_axes > 1:
        batch_shape = x.shape[:n_batch_axes]
        batch_size = utils.size_of_shape(batch_shape)
        x = reshape(x, (batch_size, -1))
    elif x.ndim > 2:
        x = reshape(x, (x.shape[0], -1))
    args = (x, W) if b is None else (x, W, b)
    y, = LinearFunction().apply(args)
    if n_batch_axes > 1:
        y = reshape(y, batch_shape + (-1,))
    return y
