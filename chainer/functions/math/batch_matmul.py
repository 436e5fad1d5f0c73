"""Batched matrix product (deprecated in favour of ``matmul``)."""
import warnings

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


def _batch_mat_shape(shape):
    # (B, N) is B column vectors (N x 1); (B, M, N) is B matrices.
    if len(shape) == 2:
        return shape + (1,)
    return shape


def _swap(x, trans):
    return x.swapaxes(-1, -2) if trans else x


class BatchMatMul(function_node.FunctionNode):
    """``op(a[i]) @ op(b[i])`` for every batch index ``i``."""

    def __init__(self, transa=False, transb=False):
        self.transa = transa
        self.transb = transb

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a', 'b'))
        a_type, b_type = in_types
        type_check.expect(
            a_type.dtype.kind == 'f',
            a_type.dtype == b_type.dtype,
            a_type.ndim >= 2, a_type.ndim <= 3,
            b_type.ndim >= 2, b_type.ndim <= 3,
            a_type.shape[0] == b_type.shape[0],
        )
        a_shape = _batch_mat_shape(type_check.eval(a_type.shape))
        b_shape = _batch_mat_shape(type_check.eval(b_type.shape))
        a_inner = a_shape[1] if self.transa else a_shape[2]
        b_inner = b_shape[2] if self.transb else b_shape[1]
        if a_inner != b_inner:
            raise type_check.InvalidType(
                'inner dimensions of a and b agree',
                'a: {} (transa={}), b: {} (transb={})'.format(
                    a_shape, self.transa, b_shape, self.transb))

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        a, b = inputs
        xp = backend.get_array_module(a, b)
        a = a.reshape(_batch_mat_shape(a.shape))
        b = b.reshape(_batch_mat_shape(b.shape))
        return xp.matmul(_swap(a, self.transa), _swap(b, self.transb)),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.reshape import reshape
        from chainer.functions.math.matmul import matmul
        a, b = self.get_retained_inputs()
        gy, = grad_outputs
        A = reshape(a, _batch_mat_shape(a.shape))
        B = reshape(b, _batch_mat_shape(b.shape))
        ta, tb = self.transa, self.transb
        ret = []
        if 0 in indexes:
            # d op(A) = G op(B)^T, transposed back when transa.
            if ta:
                gA = matmul(B, gy, transa=tb, transb=True)
            else:
                gA = matmul(gy, B, transb=not tb)
            ret.append(reshape(gA, a.shape))
        if 1 in indexes:
            # d op(B) = op(A)^T G, transposed back when transb.
            if tb:
                gB = matmul(gy, A, transa=True, transb=ta)
            else:
                gB = matmul(A, gy, transa=not ta)
            ret.append(reshape(gB, b.shape))
        return ret


def batch_matmul(a, b, transa=False, transb=False):
    """Batch matrix multiplication (deprecated; use ``matmul``).

    Parameters
    ----------
    a : Variable or ndarray
        ``(B, N)`` (B column vectors) or ``(B, M, N)`` float array.
    b : Variable or ndarray
        ``(B, N)`` or ``(B, N, K)`` array of the same dtype.
    transa, transb : bool
        Transpose each matrix of ``a`` / ``b`` first.

    Returns
    -------
    Variable
        ``(B, M, K)`` array of per-batch products.

    Examples
    --------
    >>> a = numpy.ones((2, 3, 4), numpy.float32)
    >>> b = numpy.ones((2, 4), numpy.float32)
    >>> F.batch_matmul(a, b).shape
    (2, 3, 1)
    """
    warnings.warn('batch_matmul is deprecated. Use matmul instead.',
                  DeprecationWarning)
    y, = BatchMatMul(transa, transb).apply((a, b))
    return y
