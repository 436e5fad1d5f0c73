# cython: language_level=3
"""cuBLAS bindings, loaded at run time from NVIDIA's wheel (``nvidia-cublas``), conda or a system
CUDA through ``cuda.pathfinder``.

Thin wrappers over the C API, named after it without the ``cublas`` prefix (``sgemm`` is
``cublasSgemm_v2``). Handles, device pointers and streams are ints; scalar arguments (``alpha``,
``beta``, ``result``) are *addresses* (host or device memory, following the handle's pointer
mode), as in the C API. No NumPy semantics here: ``cupy._core._blas`` builds the matrix
products on top.

Importing this module never fails; the first call that needs the library raises RuntimeError
when it cannot be loaded (``is_available()`` asks without raising). A symbol that the loaded
library lacks raises CUBLASError naming the call.
"""
import threading

from libc.stdint cimport intptr_t

from cupy_backends.cuda._softlink cimport SoftLink
from cupy_backends.cuda.libs import _library
from cupy_backends.cuda.libs._status import LibraryStatusError

# Signatures. Pointers to matrices, vectors and scalars are passed as ``const void*`` / ``void*``:
# the ABI is the same for float*, double*, cuComplex*, ...
ctypedef cublasStatus_t (*f_create)(cublasHandle_t*) noexcept nogil
ctypedef cublasStatus_t (*f_destroy)(cublasHandle_t) noexcept nogil
ctypedef cublasStatus_t (*f_get_version)(cublasHandle_t, int*) noexcept nogil
ctypedef cublasStatus_t (*f_get_property)(int, int*) noexcept nogil
ctypedef cublasStatus_t (*f_set_ptr)(cublasHandle_t, void*) noexcept nogil
ctypedef cublasStatus_t (*f_get_ptr)(cublasHandle_t, void**) noexcept nogil
ctypedef cublasStatus_t (*f_set_int)(cublasHandle_t, int) noexcept nogil
ctypedef cublasStatus_t (*f_get_int)(cublasHandle_t, int*) noexcept nogil
ctypedef cublasStatus_t (*f_gemm)(
    cublasHandle_t, int, int, int, int, int, const void*, const void*, int,
    const void*, int, const void*, void*, int) noexcept nogil
ctypedef cublasStatus_t (*f_gemm_sb)(
    cublasHandle_t, int, int, int, int, int, const void*, const void*, int, long long,
    const void*, int, long long, const void*, void*, int, long long, int) noexcept nogil
ctypedef cublasStatus_t (*f_gemm_ex)(
    cublasHandle_t, int, int, int, int, int, const void*, const void*, int, int,
    const void*, int, int, const void*, void*, int, int, int, int) noexcept nogil
ctypedef cublasStatus_t (*f_gemm_sb_ex)(
    cublasHandle_t, int, int, int, int, int, const void*, const void*, int, int, long long,
    const void*, int, int, long long, const void*, void*, int, int, long long, int,
    int, int) noexcept nogil
ctypedef cublasStatus_t (*f_gemv)(
    cublasHandle_t, int, int, int, const void*, const void*, int, const void*, int,
    const void*, void*, int) noexcept nogil
ctypedef cublasStatus_t (*f_dot)(
    cublasHandle_t, int, const void*, int, const void*, int, void*) noexcept nogil
ctypedef const char* (*f_status_string)(cublasStatus_t) noexcept nogil

cdef SoftLink _link = None
cdef f_create _create
cdef f_destroy _destroy
cdef f_get_version _get_version
cdef f_get_property _get_property
cdef f_set_ptr _set_stream
cdef f_get_ptr _get_stream
cdef f_set_int _set_pointer_mode
cdef f_get_int _get_pointer_mode
cdef f_set_int _set_math_mode
cdef f_get_int _get_math_mode
cdef f_gemm _gemm[4]          # S, D, C, Z
cdef f_gemm_sb _gemm_sb[4]
cdef f_gemm_ex _gemm_ex
cdef f_gemm_sb_ex _gemm_sb_ex
cdef f_gemv _gemv[4]
cdef f_dot _dot[6]            # S, D, Cu, Cc, Zu, Zc
cdef f_status_string _status_string = NULL

_lock = threading.Lock()

_PREFIXES = ("S", "D", "C", "Z")
_DOTS = ("cublasSdot_v2", "cublasDdot_v2", "cublasCdotu_v2", "cublasCdotc_v2",
         "cublasZdotu_v2", "cublasZdotc_v2")

# cublasStatus_t
CUBLAS_STATUS_SUCCESS = 0
CUBLAS_STATUS_NOT_INITIALIZED = 1
CUBLAS_STATUS_ALLOC_FAILED = 3
CUBLAS_STATUS_INVALID_VALUE = 7
CUBLAS_STATUS_ARCH_MISMATCH = 8
CUBLAS_STATUS_MAPPING_ERROR = 11
CUBLAS_STATUS_EXECUTION_FAILED = 13
CUBLAS_STATUS_INTERNAL_ERROR = 14
CUBLAS_STATUS_NOT_SUPPORTED = 15
CUBLAS_STATUS_LICENSE_ERROR = 16

_STATUS_NAMES = {
    0: "CUBLAS_STATUS_SUCCESS", 1: "CUBLAS_STATUS_NOT_INITIALIZED",
    3: "CUBLAS_STATUS_ALLOC_FAILED", 7: "CUBLAS_STATUS_INVALID_VALUE",
    8: "CUBLAS_STATUS_ARCH_MISMATCH", 11: "CUBLAS_STATUS_MAPPING_ERROR",
    13: "CUBLAS_STATUS_EXECUTION_FAILED", 14: "CUBLAS_STATUS_INTERNAL_ERROR",
    15: "CUBLAS_STATUS_NOT_SUPPORTED", 16: "CUBLAS_STATUS_LICENSE_ERROR",
}

# cublasOperation_t
CUBLAS_OP_N = 0
CUBLAS_OP_T = 1
CUBLAS_OP_C = 2
# cublasPointerMode_t
CUBLAS_POINTER_MODE_HOST = 0
CUBLAS_POINTER_MODE_DEVICE = 1
# cublasMath_t
CUBLAS_DEFAULT_MATH = 0
CUBLAS_TENSOR_OP_MATH = 1            # deprecated alias kept by cuBLAS
CUBLAS_PEDANTIC_MATH = 2
CUBLAS_TF32_TENSOR_OP_MATH = 3
# cudaDataType_t
CUDA_R_16F = 2
CUDA_C_16F = 6
CUDA_R_16BF = 14
CUDA_R_32F = 0
CUDA_C_32F = 4
CUDA_R_64F = 1
CUDA_C_64F = 5
# cublasComputeType_t
CUBLAS_COMPUTE_16F = 64
CUBLAS_COMPUTE_32F = 68
CUBLAS_COMPUTE_32F_FAST_TF32 = 77
CUBLAS_COMPUTE_64F = 70
# cublasGemmAlgo_t
CUBLAS_GEMM_DEFAULT = -1
# libraryPropertyType
MAJOR_VERSION = 0
MINOR_VERSION = 1
PATCH_LEVEL = 2


class CUBLASError(LibraryStatusError):
    """A cuBLAS call failed.

    Attributes:
        status: the ``cublasStatus_t`` code.
        name: its name, e.g. ``'CUBLAS_STATUS_NOT_INITIALIZED'``.
        call: the failing call, e.g. ``'cublasCreate_v2'``.
    """

    library = "cuBLAS"
    missing_name = "CUBLAS_STATUS_MISSING_SYMBOL"

    @staticmethod
    def status_name(status):
        return _status_name(status)


cdef str _status_name(int status):
    cdef const char* s
    if status in _STATUS_NAMES:
        return _STATUS_NAMES[status]
    if _status_string != NULL:
        s = _status_string(status)
        if s != NULL:
            return s.decode()
    return f"CUBLAS_STATUS_{status}"


cdef int _load() except -1:
    global _link, _create, _destroy, _get_version, _get_property, _set_stream, _get_stream
    global _set_pointer_mode, _get_pointer_mode, _set_math_mode, _get_math_mode
    global _gemm_ex, _gemm_sb_ex, _status_string
    if _link is not None and _link._handle != NULL:
        return 0
    cdef SoftLink link
    with _lock:
        if _link is None:
            link = SoftLink("cublas")
            if link.available:
                _create = <f_create>link.get("cublasCreate_v2")
                _destroy = <f_destroy>link.get("cublasDestroy_v2")
                _get_version = <f_get_version>link.get("cublasGetVersion_v2")
                _get_property = <f_get_property>link.get("cublasGetProperty")
                _set_stream = <f_set_ptr>link.get("cublasSetStream_v2")
                _get_stream = <f_get_ptr>link.get("cublasGetStream_v2")
                _set_pointer_mode = <f_set_int>link.get("cublasSetPointerMode_v2")
                _get_pointer_mode = <f_get_int>link.get("cublasGetPointerMode_v2")
                _set_math_mode = <f_set_int>link.get("cublasSetMathMode")
                _get_math_mode = <f_get_int>link.get("cublasGetMathMode")
                for i, p in enumerate(_PREFIXES):
                    _gemm[i] = <f_gemm>link.get(f"cublas{p}gemm_v2")
                    _gemm_sb[i] = <f_gemm_sb>link.get(f"cublas{p}gemmStridedBatched")
                    _gemv[i] = <f_gemv>link.get(f"cublas{p}gemv_v2")
                for i, name in enumerate(_DOTS):
                    _dot[i] = <f_dot>link.get(name)
                _gemm_ex = <f_gemm_ex>link.get("cublasGemmEx")
                _gemm_sb_ex = <f_gemm_sb_ex>link.get("cublasGemmStridedBatchedEx")
                # Returns a string, so the int-returning stub cannot stand in for it.
                if link.has("cublasGetStatusString"):
                    _status_string = <f_status_string>link.get("cublasGetStatusString")
            _link = link
    _library.require(_link, "cuBLAS", "nvidia-cublas")
    return 0


cdef inline int _check(cublasStatus_t status, str call) except -1:
    if status != 0:
        raise CUBLASError(status, call)
    return 0


def _loaded():
    _load()
    return _link


is_available, library, check_status = _library.module_functions(
    _loaded, CUBLASError, "cuBLAS")


cdef inline int _kind(str prefix) except -1:
    cdef int i = _PREFIXES.index(prefix)
    return i


# --- library and handle ------------------------------------------------------------------------

def getProperty(int prop):
    """``cublasGetProperty``: MAJOR_VERSION, MINOR_VERSION or PATCH_LEVEL (no device needed)."""
    cdef int value = 0
    _load()
    _check(_get_property(prop, &value), "cublasGetProperty")
    return value


def create():
    """``cublasCreate_v2``: a new handle on the current device (an int)."""
    cdef cublasHandle_t h = NULL
    _load()
    with nogil:
        status = _create(&h)
    _check(status, "cublasCreate_v2")
    return <intptr_t>h


def destroy(intptr_t handle):
    """``cublasDestroy_v2``."""
    _load()
    with nogil:
        status = _destroy(<cublasHandle_t>handle)
    _check(status, "cublasDestroy_v2")


def getVersion(intptr_t handle):
    """``cublasGetVersion_v2``: e.g. 130100 for 13.1.0."""
    cdef int v = 0
    _load()
    _check(_get_version(<cublasHandle_t>handle, &v), "cublasGetVersion_v2")
    return v


def setStream(intptr_t handle, intptr_t stream):
    """``cublasSetStream_v2``: later calls on ``handle`` are ordered on ``stream``."""
    _load()
    _check(_set_stream(<cublasHandle_t>handle, <void*>stream), "cublasSetStream_v2")


def getStream(intptr_t handle):
    """``cublasGetStream_v2``."""
    cdef void* s = NULL
    _load()
    _check(_get_stream(<cublasHandle_t>handle, &s), "cublasGetStream_v2")
    return <intptr_t>s


def setPointerMode(intptr_t handle, int mode):
    """``cublasSetPointerMode_v2``: whether scalar arguments live in host or device memory."""
    _load()
    _check(_set_pointer_mode(<cublasHandle_t>handle, mode), "cublasSetPointerMode_v2")


def getPointerMode(intptr_t handle):
    """``cublasGetPointerMode_v2``."""
    cdef int mode = 0
    _load()
    _check(_get_pointer_mode(<cublasHandle_t>handle, &mode), "cublasGetPointerMode_v2")
    return mode


def setMathMode(intptr_t handle, int mode):
    """``cublasSetMathMode``: e.g. CUBLAS_TF32_TENSOR_OP_MATH lets float32 GEMMs use TF32."""
    _load()
    _check(_set_math_mode(<cublasHandle_t>handle, mode), "cublasSetMathMode")


def getMathMode(intptr_t handle):
    """``cublasGetMathMode``."""
    cdef int mode = 0
    _load()
    _check(_get_math_mode(<cublasHandle_t>handle, &mode), "cublasGetMathMode")
    return mode


# --- level 3 ------------------------------------------------------------------------------------

cdef _gemm_call(str p, intptr_t handle, int transa, int transb, int m, int n, int k,
                intptr_t alpha, intptr_t A, int lda, intptr_t B, int ldb, intptr_t beta,
                intptr_t C, int ldc):
    _load()
    cdef f_gemm f = _gemm[_kind(p)]
    with nogil:
        status = f(<cublasHandle_t>handle, transa, transb, m, n, k, <const void*>alpha,
                   <const void*>A, lda, <const void*>B, ldb, <const void*>beta, <void*>C, ldc)
    _check(status, f"cublas{p}gemm_v2")


def sgemm(intptr_t handle, int transa, int transb, int m, int n, int k, intptr_t alpha,
          intptr_t A, int lda, intptr_t B, int ldb, intptr_t beta, intptr_t C, int ldc):
    """``cublasSgemm_v2``: C = alpha op(A) op(B) + beta C, column-major, float32."""
    _gemm_call("S", handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc)


def dgemm(intptr_t handle, int transa, int transb, int m, int n, int k, intptr_t alpha,
          intptr_t A, int lda, intptr_t B, int ldb, intptr_t beta, intptr_t C, int ldc):
    """``cublasDgemm_v2`` (float64)."""
    _gemm_call("D", handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc)


def cgemm(intptr_t handle, int transa, int transb, int m, int n, int k, intptr_t alpha,
          intptr_t A, int lda, intptr_t B, int ldb, intptr_t beta, intptr_t C, int ldc):
    """``cublasCgemm_v2`` (complex64)."""
    _gemm_call("C", handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc)


def zgemm(intptr_t handle, int transa, int transb, int m, int n, int k, intptr_t alpha,
          intptr_t A, int lda, intptr_t B, int ldb, intptr_t beta, intptr_t C, int ldc):
    """``cublasZgemm_v2`` (complex128)."""
    _gemm_call("Z", handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc)


cdef _gemm_sb_call(str p, intptr_t handle, int transa, int transb, int m, int n, int k,
                   intptr_t alpha, intptr_t A, int lda, long long strideA, intptr_t B, int ldb,
                   long long strideB, intptr_t beta, intptr_t C, int ldc, long long strideC,
                   int batchCount):
    _load()
    cdef f_gemm_sb f = _gemm_sb[_kind(p)]
    with nogil:
        status = f(<cublasHandle_t>handle, transa, transb, m, n, k, <const void*>alpha,
                   <const void*>A, lda, strideA, <const void*>B, ldb, strideB,
                   <const void*>beta, <void*>C, ldc, strideC, batchCount)
    _check(status, f"cublas{p}gemmStridedBatched")


def sgemmStridedBatched(intptr_t handle, int transa, int transb, int m, int n, int k,
                        intptr_t alpha, intptr_t A, int lda, long long strideA, intptr_t B,
                        int ldb, long long strideB, intptr_t beta, intptr_t C, int ldc,
                        long long strideC, int batchCount):
    """``cublasSgemmStridedBatched``: ``batchCount`` GEMMs, matrix i at ``X + i * strideX``
    (strides in elements; 0 reuses one matrix)."""
    _gemm_sb_call("S", handle, transa, transb, m, n, k, alpha, A, lda, strideA, B, ldb,
                  strideB, beta, C, ldc, strideC, batchCount)


def dgemmStridedBatched(intptr_t handle, int transa, int transb, int m, int n, int k,
                        intptr_t alpha, intptr_t A, int lda, long long strideA, intptr_t B,
                        int ldb, long long strideB, intptr_t beta, intptr_t C, int ldc,
                        long long strideC, int batchCount):
    """``cublasDgemmStridedBatched``."""
    _gemm_sb_call("D", handle, transa, transb, m, n, k, alpha, A, lda, strideA, B, ldb,
                  strideB, beta, C, ldc, strideC, batchCount)


def cgemmStridedBatched(intptr_t handle, int transa, int transb, int m, int n, int k,
                        intptr_t alpha, intptr_t A, int lda, long long strideA, intptr_t B,
                        int ldb, long long strideB, intptr_t beta, intptr_t C, int ldc,
                        long long strideC, int batchCount):
    """``cublasCgemmStridedBatched``."""
    _gemm_sb_call("C", handle, transa, transb, m, n, k, alpha, A, lda, strideA, B, ldb,
                  strideB, beta, C, ldc, strideC, batchCount)


def zgemmStridedBatched(intptr_t handle, int transa, int transb, int m, int n, int k,
                        intptr_t alpha, intptr_t A, int lda, long long strideA, intptr_t B,
                        int ldb, long long strideB, intptr_t beta, intptr_t C, int ldc,
                        long long strideC, int batchCount):
    """``cublasZgemmStridedBatched``."""
    _gemm_sb_call("Z", handle, transa, transb, m, n, k, alpha, A, lda, strideA, B, ldb,
                  strideB, beta, C, ldc, strideC, batchCount)


def gemmEx(intptr_t handle, int transa, int transb, int m, int n, int k, intptr_t alpha,
           intptr_t A, int Atype, int lda, intptr_t B, int Btype, int ldb, intptr_t beta,
           intptr_t C, int Ctype, int ldc, int computeType, int algo):
    """``cublasGemmEx``: GEMM with storage types (``CUDA_R_16F``, ...) and a compute type
    (``CUBLAS_COMPUTE_32F``, ...) chosen separately; alpha/beta have the compute type."""
    _load()
    with nogil:
        status = _gemm_ex(<cublasHandle_t>handle, transa, transb, m, n, k, <const void*>alpha,
                          <const void*>A, Atype, lda, <const void*>B, Btype, ldb,
                          <const void*>beta, <void*>C, Ctype, ldc, computeType, algo)
    _check(status, "cublasGemmEx")


def gemmStridedBatchedEx(intptr_t handle, int transa, int transb, int m, int n, int k,
                         intptr_t alpha, intptr_t A, int Atype, int lda, long long strideA,
                         intptr_t B, int Btype, int ldb, long long strideB, intptr_t beta,
                         intptr_t C, int Ctype, int ldc, long long strideC, int batchCount,
                         int computeType, int algo):
    """``cublasGemmStridedBatchedEx``."""
    _load()
    with nogil:
        status = _gemm_sb_ex(<cublasHandle_t>handle, transa, transb, m, n, k,
                             <const void*>alpha, <const void*>A, Atype, lda, strideA,
                             <const void*>B, Btype, ldb, strideB, <const void*>beta,
                             <void*>C, Ctype, ldc, strideC, batchCount, computeType, algo)
    _check(status, "cublasGemmStridedBatchedEx")


# --- level 2 ------------------------------------------------------------------------------------

cdef _gemv_call(str p, intptr_t handle, int trans, int m, int n, intptr_t alpha, intptr_t A,
                int lda, intptr_t x, int incx, intptr_t beta, intptr_t y, int incy):
    _load()
    cdef f_gemv f = _gemv[_kind(p)]
    with nogil:
        status = f(<cublasHandle_t>handle, trans, m, n, <const void*>alpha, <const void*>A,
                   lda, <const void*>x, incx, <const void*>beta, <void*>y, incy)
    _check(status, f"cublas{p}gemv_v2")


def sgemv(intptr_t handle, int trans, int m, int n, intptr_t alpha, intptr_t A, int lda,
          intptr_t x, int incx, intptr_t beta, intptr_t y, int incy):
    """``cublasSgemv_v2``: y = alpha op(A) x + beta y; A is m x n column-major."""
    _gemv_call("S", handle, trans, m, n, alpha, A, lda, x, incx, beta, y, incy)


def dgemv(intptr_t handle, int trans, int m, int n, intptr_t alpha, intptr_t A, int lda,
          intptr_t x, int incx, intptr_t beta, intptr_t y, int incy):
    """``cublasDgemv_v2``."""
    _gemv_call("D", handle, trans, m, n, alpha, A, lda, x, incx, beta, y, incy)


def cgemv(intptr_t handle, int trans, int m, int n, intptr_t alpha, intptr_t A, int lda,
          intptr_t x, int incx, intptr_t beta, intptr_t y, int incy):
    """``cublasCgemv_v2``."""
    _gemv_call("C", handle, trans, m, n, alpha, A, lda, x, incx, beta, y, incy)


def zgemv(intptr_t handle, int trans, int m, int n, intptr_t alpha, intptr_t A, int lda,
          intptr_t x, int incx, intptr_t beta, intptr_t y, int incy):
    """``cublasZgemv_v2``."""
    _gemv_call("Z", handle, trans, m, n, alpha, A, lda, x, incx, beta, y, incy)


# --- level 1 ------------------------------------------------------------------------------------

cdef _dot_call(int which, intptr_t handle, int n, intptr_t x, int incx, intptr_t y, int incy,
               intptr_t result):
    _load()
    cdef f_dot f = _dot[which]
    with nogil:
        status = f(<cublasHandle_t>handle, n, <const void*>x, incx, <const void*>y, incy,
                   <void*>result)
    _check(status, _DOTS[which])


def sdot(intptr_t handle, int n, intptr_t x, int incx, intptr_t y, int incy, intptr_t result):
    """``cublasSdot_v2``: sum x[i] y[i], written at ``result`` (host or device per pointer
    mode)."""
    _dot_call(0, handle, n, x, incx, y, incy, result)


def ddot(intptr_t handle, int n, intptr_t x, int incx, intptr_t y, int incy, intptr_t result):
    """``cublasDdot_v2``."""
    _dot_call(1, handle, n, x, incx, y, incy, result)


def cdotu(intptr_t handle, int n, intptr_t x, int incx, intptr_t y, int incy, intptr_t result):
    """``cublasCdotu_v2``: sum x[i] y[i] (no conjugation)."""
    _dot_call(2, handle, n, x, incx, y, incy, result)


def cdotc(intptr_t handle, int n, intptr_t x, int incx, intptr_t y, int incy, intptr_t result):
    """``cublasCdotc_v2``: sum conj(x[i]) y[i]."""
    _dot_call(3, handle, n, x, incx, y, incy, result)


def zdotu(intptr_t handle, int n, intptr_t x, int incx, intptr_t y, int incy, intptr_t result):
    """``cublasZdotu_v2``."""
    _dot_call(4, handle, n, x, incx, y, incy, result)


def zdotc(intptr_t handle, int n, intptr_t x, int incx, intptr_t y, int incy, intptr_t result):
    """``cublasZdotc_v2``."""
    _dot_call(5, handle, n, x, incx, y, incy, result)
