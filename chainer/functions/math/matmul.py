"""Matrix product with optional transposition and batch broadcasting."""
import numpy

from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


def _swap(x, trans):
    # A 1-D operand has nothing to transpose (NumPy's matmul semantics).
    if trans and x.ndim >= 2:
        return x.swapaxes(-1, -2)
    return x


class MatMul(function_node.FunctionNode):
    """``op(a) @ op(b)`` where ``op`` optionally swaps the last two axes.

    Parameters
    ----------
    transa, transb : bool
        Transpose the last two axes of ``a`` / ``b`` first.
    """

    def __init__(self, transa=False, transb=False):
        self.transa = transa
        self.transb = transb

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a', 'b'))
        a_type, b_type = in_types
        type_check.expect(
            a_type.dtype.kind == 'f',
            a_type.dtype == b_type.dtype,
            a_type.ndim >= 1,
            b_type.ndim >= 1,
        )
        a_ndim = type_check.eval(a_type.ndim)
        b_ndim = type_check.eval(b_type.ndim)
        if b_ndim == 1:
            a_idx = -2 if self.transa and a_ndim > 1 else -1
            type_check.expect(a_type.shape[a_idx] == b_type.shape[0])
        elif a_ndim == 1:
            b_idx = -1 if self.transb else -2
            type_check.expect(a_type.shape[0] == b_type.shape[b_idx])
        else:
            a_idx = -2 if self.transa else -1
            b_idx = -1 if self.transb else -2
            type_check.expect(a_type.shape[a_idx] == b_type.shape[b_idx])
            type_check.expect_broadcast_shapes(
                a_type.shape[:-2], b_type.shape[:-2])

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        a, b = inputs
        xp = backend.get_array_module(a, b)
        y = xp.matmul(_swap(a, self.transa), _swap(b, self.transb))
        return utils.force_array(y, a.dtype),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.array.reshape import reshape
        from chainer.functions.math.sum import sum_to
        a, b = self.get_retained_inputs()
        gy, = grad_outputs
        # Treat vectors as matrices: a (n,) -> (1, n), b (n,) -> (n, 1).
        a_vec = a.ndim == 1
        b_vec = b.ndim == 1
        A = reshape(a, (1,) + a.shape) if a_vec else a
        B = reshape(b, b.shape + (1,)) if b_vec else b
        ta = self.transa and not a_vec
        tb = self.transb and not b_vec
        a_rows = A.shape[-1] if ta else A.shape[-2]
        b_cols = B.shape[-2] if tb else B.shape[-1]
        batch = numpy.broadcast_shapes(A.shape[:-2], B.shape[:-2])
        G = reshape(gy, batch + (a_rows, b_cols))
        ret = []
        if 0 in indexes:
            # gA_eff = G @ B_eff^T; gA = gA_eff (or its transpose if ta).
            if ta:
                gA = matmul(B, G, transa=tb, transb=True)
            else:
                gA = matmul(G, B, transb=not tb)
            gA = sum_to(gA, A.shape)
            ret.append(reshape(gA, a.shape) if a_vec else gA)
        if 1 in indexes:
            # gB_eff = A_eff^T @ G; gB = gB_eff (or its transpose if tb).
            if tb:
                gB = matmul(G, A, transa=True, transb=ta)
            else:
                gB = matmul(A, G, transa=not ta)
            gB = sum_to(gB, B.shape)
            ret.append(reshape(gB, b.shape) if b_vec else gB)
        return tuple(ret)


def matmul(a, b, transa=False, transb=False):
    """Matrix product of two arrays (NumPy ``matmul`` semantics).

    Parameters
    ----------
    a, b : Variable or ndarray
        Operands of the same float dtype; leading (batch) axes broadcast;
        a 1-D operand is treated as a row (``a``) or column (``b``) vector.
    transa, transb : bool
        Swap the last two axes of ``a`` / ``b`` before multiplying.

    Returns
    -------
    Variable

    Examples
    --------
    >>> a = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    >>> F.matmul(a, a, transb=True).array
    array([[ 5., 14.],
           [14., 50.]], dtype=float32)
    """
    return MatMul(transa=transa, transb=transb).apply((a, b))[0]
