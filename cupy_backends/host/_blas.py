"""BLAS on the host device: NumPy's BLAS over views of the device buffers.

Host "device memory" is ordinary host memory, so a matrix at a device pointer is wrapped as a
``numpy.ndarray`` without copying (``__array_interface__`` with the pointer, shape and strides)
and NumPy's ``matmul`` (OpenBLAS/MKL underneath) computes the product straight into the
output's view.

The functions follow cuBLAS's conventions so that one code path above the boundary serves both
backends: column-major matrices with leading dimensions, ``trans`` flags ``'N'``/``'T'``/``'C'``,
element strides for batches, scalars ``alpha``/``beta`` as Python numbers. ``dtype`` is the
storage type; float16 is computed in float32 and rounded once on store, as cuBLAS's
``GemmEx`` with ``CUBLAS_COMPUTE_32F`` does (NumPy's own float16 matmul has no BLAS kernel and
accumulates in float16).
"""
import numpy

_OPS = ("N", "T", "C")


class _Buffer:
    """An object exposing ``__array_interface__`` for memory at ``ptr``."""

    __slots__ = ("__array_interface__",)

    def __init__(self, ptr, shape, strides, dtype, readonly):
        self.__array_interface__ = {
            "version": 3, "shape": tuple(shape), "strides": tuple(strides),
            "typestr": dtype.str, "data": (int(ptr), readonly)}


def _view(ptr, shape, strides, dtype, readonly=False):
    """A zero-copy ndarray over device (= host) memory; ``strides`` in elements."""
    if 0 in shape:
        return numpy.empty(shape, dtype)
    itemsize = dtype.itemsize
    return numpy.asarray(
        _Buffer(ptr, shape, [s * itemsize for s in strides], dtype, readonly))


def _op_matrix(trans, ptr, rows, cols, ld, stride, batch, dtype):
    """The batch of ``op(X)`` as a ``(batch, rows, cols)`` array (rows x cols after op).

    ``X`` is column-major: element (r, c) of the stored matrix is at ``r + c * ld``. For
    ``trans == 'N'`` the stored matrix is rows x cols; otherwise cols x rows.
    """
    if trans not in _OPS:
        raise ValueError(f"trans must be one of {_OPS}, got {trans!r}")
    if trans == "N":
        x = _view(ptr, (batch, rows, cols), (stride, 1, ld), dtype, True)
    else:
        # The stored matrix is cols x rows; its transpose swaps the strides.
        x = _view(ptr, (batch, rows, cols), (stride, ld, 1), dtype, True)
        if trans == "C":
            x = x.conj()
    return x


def _compute_dtype(dtype):
    return numpy.dtype(numpy.float32) if dtype == numpy.float16 else dtype


def _store(c, value, alpha, beta):
    """``c = alpha * value + beta * c``, writing ``value`` directly when it can."""
    if beta == 0:
        if alpha != 1:
            value *= alpha
        # ``value`` is a fresh array (or the output itself was written by matmul's out=).
        if value is not c:
            numpy.copyto(c, value, casting="unsafe")
        return
    if alpha != 1:
        value *= alpha
    tmp = c.astype(value.dtype)
    tmp *= beta
    tmp += value
    numpy.copyto(c, tmp, casting="unsafe")


def gemm_strided_batched(transa, transb, m, n, k, alpha, a, lda, stride_a, b, ldb, stride_b,
                         beta, c, ldc, stride_c, batch, dtype):
    """``batch`` GEMMs ``C_i = alpha op(A_i) op(B_i) + beta C_i`` (column-major).

    Args:
        transa, transb ({'N', 'T', 'C'}): op applied to A and B.
        m, n, k (int): op(A) is m x k, op(B) is k x n, C is m x n.
        alpha, beta: scalars.
        a, b, c (int): device pointers.
        lda, ldb, ldc (int): leading dimensions (elements).
        stride_a, stride_b, stride_c (int): element distance between consecutive matrices;
            0 reuses one matrix for every batch.
        batch (int): number of products.
        dtype (numpy.dtype): element type of A, B and C.

    Example:
        >>> a = numpy.arange(6.).reshape(2, 3)       # row-major 2x3 == column-major 3x2
        >>> c = numpy.empty((2, 2))
        >>> gemm_strided_batched('T', 'N', 2, 2, 3, 1.0, a.ctypes.data, 3, 0,
        ...                      a.ctypes.data, 3, 0, 0.0, c.ctypes.data, 2, 0, 1, a.dtype)
        >>> c                                        # (a @ a.T) in column-major
        array([[ 5., 14.],
               [14., 50.]])
    """
    dtype = numpy.dtype(dtype)
    if batch <= 0 or m <= 0 or n <= 0:
        return
    cmat = _view(c, (batch, m, n), (stride_c, 1, ldc), dtype)
    if k <= 0:
        _store(cmat, numpy.zeros(cmat.shape, _compute_dtype(dtype)), alpha, beta)
        return
    amat = _op_matrix(transa, a, m, k, lda, stride_a, batch, dtype)
    bmat = _op_matrix(transb, b, k, n, ldb, stride_b, batch, dtype)
    work = _compute_dtype(dtype)
    if work != dtype:
        amat = amat.astype(work)
        bmat = bmat.astype(work)
    if batch == 1:
        # NumPy's stacked matmul loop is several times slower than its plain 2-D product
        # (measured 0.49 ms vs 0.10 ms for 32x144 @ 144x1600 float32).
        amat, bmat, cmat = amat[0], bmat[0], cmat[0]
    if beta == 0 and alpha == 1 and work == dtype:
        # The common case: straight into the output (stride_c == 0 would race in BLAS too).
        numpy.matmul(amat, bmat, out=cmat)
        return
    _store(cmat, numpy.matmul(amat, bmat), alpha, beta)


def gemm(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, dtype):
    """One GEMM ``C = alpha op(A) op(B) + beta C`` (column-major); see gemm_strided_batched."""
    gemm_strided_batched(transa, transb, m, n, k, alpha, a, lda, 0, b, ldb, 0, beta, c, ldc,
                         0, 1, dtype)


def gemv(trans, m, n, alpha, a, lda, x, incx, beta, y, incy, dtype):
    """``y = alpha op(A) x + beta y``; A is stored m x n column-major.

    ``incx``/``incy`` are element steps (may be negative as in BLAS: the vector then starts at
    the end of the buffer).
    """
    dtype = numpy.dtype(dtype)
    rows, cols = (m, n) if trans == "N" else (n, m)
    if rows <= 0:
        return
    yv = _vector(y, rows, incy, dtype, readonly=False)
    if cols <= 0:
        _store(yv, numpy.zeros(rows, _compute_dtype(dtype)), alpha, beta)
        return
    amat = _op_matrix(trans, a, rows, cols, lda, 0, 1, dtype)[0]
    xv = _vector(x, cols, incx, dtype)
    work = _compute_dtype(dtype)
    _store(yv, numpy.matmul(amat.astype(work, copy=False), xv.astype(work, copy=False)),
           alpha, beta)


def _vector(ptr, n, inc, dtype, readonly=True):
    if inc >= 0:
        return _view(ptr, (n,), (inc,), dtype, readonly)
    # BLAS: with a negative increment element 0 is the last one in memory.
    return _view(ptr + (n - 1) * (-inc) * dtype.itemsize, (n,), (inc,), dtype, readonly)


def dot(n, x, incx, y, incy, result, dtype, conj=False):
    """``result[0] = sum(op(x[i]) * y[i])`` with op conjugation when ``conj``; ``result`` is a
    device pointer to one element of ``dtype``."""
    dtype = numpy.dtype(dtype)
    out = _view(result, (1,), (1,), dtype)
    if n <= 0:
        out[0] = 0
        return
    xv = _vector(x, n, incx, dtype)
    yv = _vector(y, n, incy, dtype)
    work = _compute_dtype(dtype)
    xv = xv.astype(work, copy=False)
    yv = yv.astype(work, copy=False)
    out[0] = numpy.vdot(xv, yv) if conj else numpy.dot(xv, yv)
