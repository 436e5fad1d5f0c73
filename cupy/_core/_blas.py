"""The BLAS boundary: matrix products on device pointers, one interface for every backend.

Everything above this module (``cupy.linalg``, ``cupy.dot``, ``cupy.matmul``, ...) calls the
functions here and never asks which backend is active; this module is the one place that does.
On the cuda backend the calls go to cuBLAS (``cupy_backends.cuda.libs.cublas``) through the
adapter below; on the host backend to NumPy's BLAS over zero-copy views of the buffers
(``cupy_backends.host._blas``).

Conventions are cuBLAS's: column-major matrices with leading dimensions ``ld*`` (elements),
``trans`` flags ``'N'`` (as stored), ``'T'`` (transposed), ``'C'`` (conjugate transposed),
batch strides in elements (0 reuses one matrix), scalars ``alpha``/``beta`` as Python numbers,
pointers as ints. Supported ``dtype``: float16 (float32 accumulation), float32, float64,
complex64, complex128 (``SUPPORTED``). Work is ordered on the current stream.

A row-major (C-contiguous) ``m x n`` product ``C = A @ B`` is the column-major product
``C^T = B^T A^T``, i.e. ``gemm('N', 'N', n, m, k, 1, B, n, A, k, 0, C, n)``.

Example:
    >>> a = cupy.arange(6, dtype=cupy.float32).reshape(2, 3)
    >>> b = cupy.ones((3, 2), dtype=cupy.float32)
    >>> c = cupy.empty((2, 2), dtype=cupy.float32)
    >>> gemm('N', 'N', 2, 2, 3, 1.0, b.data.ptr, 2, a.data.ptr, 3, 0.0, c.data.ptr, 2,
    ...      c.dtype)
    >>> c
    array([[ 3.,  3.],
           [12., 12.]], dtype=float32)
"""
import os
import threading

import numpy

from cupy._core._per_backend import PerBackend

SUPPORTED = frozenset(numpy.dtype(c) for c in "efdFD")


def _make_host():
    from cupy_backends.host import _blas as host_blas
    return host_blas


# The implementation for the active backend (chosen once, on first use).
_backend = PerBackend(lambda: _CublasBlas(), _make_host)


def _check_dtype(dtype):
    dtype = numpy.dtype(dtype)
    if dtype not in SUPPORTED:
        raise TypeError(f"BLAS does not support {dtype}")
    return dtype


def gemm(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, dtype):
    """``C = alpha op(A) op(B) + beta C``; op(A) is m x k, op(B) k x n, C m x n."""
    _backend().gemm(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc,
                    _check_dtype(dtype))


def gemm_strided_batched(transa, transb, m, n, k, alpha, a, lda, stride_a, b, ldb, stride_b,
                         beta, c, ldc, stride_c, batch, dtype):
    """``batch`` GEMMs; matrix i of X starts at ``X + i * stride_x`` elements."""
    _backend().gemm_strided_batched(transa, transb, m, n, k, alpha, a, lda, stride_a, b, ldb,
                                    stride_b, beta, c, ldc, stride_c, batch,
                                    _check_dtype(dtype))


def gemv(trans, m, n, alpha, a, lda, x, incx, beta, y, incy, dtype):
    """``y = alpha op(A) x + beta y``; A stored m x n. ``incy`` must be 1 for float16."""
    _backend().gemv(trans, m, n, alpha, a, lda, x, incx, beta, y, incy, _check_dtype(dtype))


def dot(n, x, incx, y, incy, result, dtype, conj=False):
    """``*result = sum(op(x[i]) y[i])`` (op conjugates when ``conj``), ``result`` a device
    pointer to one element of ``dtype``. Increments must be positive."""
    _backend().dot(n, x, incx, y, incy, result, _check_dtype(dtype), conj)


# --- cuBLAS ----------------------------------------------------------------------------------

_INT_MAX = 2**31 - 1


def _ints(*values):
    # cuBLAS's classic entry points take 32-bit sizes; larger products would be truncated.
    for v in values:
        if v > _INT_MAX:
            raise ValueError(f"matrix dimension {v} exceeds cuBLAS's 32-bit interface")


class _CublasBlas:
    """cuBLAS behind the boundary: one handle per (thread, device), bound to the current
    stream at each call; alpha/beta passed from host memory."""

    def __init__(self):
        from cupy_backends.cuda.libs import cublas
        self._lib = cublas
        self._local = threading.local()
        lib = cublas
        self._ops = {"N": lib.CUBLAS_OP_N, "T": lib.CUBLAS_OP_T, "C": lib.CUBLAS_OP_C}
        # dtype char -> binding; float16 goes through the Ex entry points instead.
        self._gemm = {"f": lib.sgemm, "d": lib.dgemm, "F": lib.cgemm, "D": lib.zgemm}
        self._gemm_sb = {"f": lib.sgemmStridedBatched, "d": lib.dgemmStridedBatched,
                         "F": lib.cgemmStridedBatched, "D": lib.zgemmStridedBatched}
        self._gemv = {"f": lib.sgemv, "d": lib.dgemv, "F": lib.cgemv, "D": lib.zgemv}
        self._dot = {("f", False): lib.sdot, ("d", False): lib.ddot,
                     ("f", True): lib.sdot, ("d", True): lib.ddot,
                     ("F", False): lib.cdotu, ("F", True): lib.cdotc,
                     ("D", False): lib.zdotu, ("D", True): lib.zdotc}

    def _handle(self):
        from cupy.cuda import device, get_current_stream
        handles = getattr(self._local, "handles", None)
        if handles is None:
            handles = self._local.handles = {}
        dev = device.get_device_id()
        h = handles.get(dev)
        if h is None:
            h = self._lib.create()
            # TF32 rounds float32 inputs to 10 mantissa bits: opt-in, as in CuPy.
            if os.environ.get("CUPY_TF32", "0") == "1":
                self._lib.setMathMode(h, self._lib.CUBLAS_TF32_TENSOR_OP_MATH)
            handles[dev] = h
        self._lib.setStream(h, get_current_stream().ptr)
        return h

    @staticmethod
    def _scalar(value, dtype):
        # Float16 GEMMs take float32 scalars (the compute type).
        st = numpy.dtype(numpy.float32) if dtype.char == "e" else dtype
        return numpy.array(value, dtype=st)

    def gemm_strided_batched(self, transa, transb, m, n, k, alpha, a, lda, stride_a, b, ldb,
                             stride_b, beta, c, ldc, stride_c, batch, dtype):
        if batch <= 0 or m <= 0 or n <= 0:
            return
        _ints(m, n, k, lda, ldb, ldc, batch)
        lib = self._lib
        h = self._handle()
        al, be = self._scalar(alpha, dtype), self._scalar(beta, dtype)
        ta, tb = self._ops[transa], self._ops[transb]
        pa, pb = al.ctypes.data, be.ctypes.data
        if dtype.char == "e":
            f16 = lib.CUDA_R_16F
            if batch == 1:
                lib.gemmEx(h, ta, tb, m, n, k, pa, a, f16, lda, b, f16, ldb, pb, c, f16, ldc,
                           lib.CUBLAS_COMPUTE_32F, lib.CUBLAS_GEMM_DEFAULT)
            else:
                lib.gemmStridedBatchedEx(h, ta, tb, m, n, k, pa, a, f16, lda, stride_a, b, f16,
                                         ldb, stride_b, pb, c, f16, ldc, stride_c, batch,
                                         lib.CUBLAS_COMPUTE_32F, lib.CUBLAS_GEMM_DEFAULT)
        elif batch == 1:
            self._gemm[dtype.char](h, ta, tb, m, n, k, pa, a, lda, b, ldb, pb, c, ldc)
        else:
            self._gemm_sb[dtype.char](h, ta, tb, m, n, k, pa, a, lda, stride_a, b, ldb,
                                      stride_b, pb, c, ldc, stride_c, batch)

    def gemm(self, transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, dtype):
        self.gemm_strided_batched(transa, transb, m, n, k, alpha, a, lda, 0, b, ldb, 0, beta,
                                  c, ldc, 0, 1, dtype)

    def gemv(self, trans, m, n, alpha, a, lda, x, incx, beta, y, incy, dtype):
        if dtype.char == "e":
            # No half gemv in cuBLAS: y (rows x 1, contiguous) = op(A) x, with x read as the
            # transpose of a 1 x cols matrix whose leading dimension is incx.
            if incy != 1:
                raise ValueError("float16 gemv needs incy == 1")
            rows, cols = (m, n) if trans == "N" else (n, m)
            self.gemm(trans, "T", rows, 1, cols, alpha, a, lda, x, incx, beta, y, rows, dtype)
            return
        _ints(m, n, lda)
        h = self._handle()
        al, be = self._scalar(alpha, dtype), self._scalar(beta, dtype)
        self._gemv[dtype.char](h, self._ops[trans], m, n, al.ctypes.data, a, lda, x, incx,
                               be.ctypes.data, y, incy)

    def dot(self, n, x, incx, y, incy, result, dtype, conj=False):
        if dtype.char == "e":
            # No half dot: a 1 x 1 GEMM of x (1 x n, ld incx) and y (read as n x 1).
            self.gemm("N", "T", 1, 1, n, 1.0, x, incx, y, incy, 0.0, result, 1, dtype)
            return
        _ints(n)
        lib = self._lib
        h = self._handle()
        # The result stays on the device: no synchronization with the host.
        lib.setPointerMode(h, lib.CUBLAS_POINTER_MODE_DEVICE)
        try:
            self._dot[dtype.char, conj](h, n, x, incx, y, incy, result)
        finally:
            lib.setPointerMode(h, lib.CUBLAS_POINTER_MODE_HOST)
