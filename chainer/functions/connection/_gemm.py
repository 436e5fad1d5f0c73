"""Batched matrix product shared by the connection functions."""
import numpy

from chainer import backend


def compute_dtype(*dtypes):
    """Dtype the products run in: the promoted type, float16 widened.

    NumPy has no half-precision BLAS and accumulating long dot products in
    float16 loses most of its 11-bit mantissa, so float16 inputs are
    multiplied in float32 and rounded once at the end.
    """
    dtype = numpy.result_type(*dtypes)
    if dtype == numpy.float16:
        return numpy.dtype(numpy.float32)
    return dtype


def matmul(a, b, dtype):
    """``a @ b`` computed in ``dtype`` (see :func:`compute_dtype`).

    Stacks (3-d operands) are multiplied one 2-d product at a time:
    NumPy's stacked matmul does not reach BLAS for transposed operands
    and is an order of magnitude slower.
    """
    xp = backend.get_array_module(a, b)
    a = a.astype(dtype, copy=False)
    b = b.astype(dtype, copy=False)
    if a.ndim == 2:
        return xp.matmul(a, b)
    return xp.stack([xp.matmul(a[i], b[i]) for i in range(a.shape[0])])
