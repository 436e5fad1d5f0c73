# cython: language_level=3
"""cuSOLVER Dense bindings, loaded at run time from NVIDIA's wheel (``nvidia-cusolver``), conda
or a system CUDA through ``cuda.pathfinder`` (which loads its dependencies, cuBLAS, cuSPARSE and
nvJitLink, first).

Thin wrappers over the ``cusolverDn`` C API, named after it without the prefix (``sgetrf`` is
``cusolverDnSgetrf``; complex ``orgqr``/``syevd`` are ``ungqr``/``heevd``, as in LAPACK). Handles,
device pointers and streams are ints; ``*_bufferSize`` calls return the workspace size in
elements. Matrices are column-major; every factorization writes its status to a device ``int``
(``devInfo``): 0 for success, ``-i`` when argument ``i`` was illegal, a positive value for a
numerical failure (a zero pivot, a non-positive-definite leading minor, no convergence). No
NumPy semantics here: ``cupy._core._solver`` builds on top.

The general eigensolver exists only in the 64-bit generic API (``xgeev``: ``cusolverDnXgeev``,
cuSOLVER 11.7 / CUDA 12.6 and later): one entry point for all four types, chosen by
``cudaDataType`` arguments (``CUDA_R_32F``, ...), with an options object from ``createParams``
and workspace sizes in bytes, on the device and on the host.

Importing this module never fails; the first call that needs the library raises RuntimeError
when it cannot be loaded (``is_available()`` asks without raising). A symbol that the loaded
library lacks raises CUSOLVERError naming the call.
"""
import threading

from libc.stdint cimport int64_t, intptr_t

from cupy_backends.cuda._softlink cimport SoftLink
from cupy_backends.cuda.libs import _library
from cupy_backends.cuda.libs._status import LibraryStatusError

# Signatures. Matrices, vectors and workspaces are ``void*``: the ABI is the same for float*,
# double*, cuComplex*, ... Enums (cublasOperation_t, cublasFillMode_t, cusolverEigMode_t) are ints.
ctypedef cusolverStatus_t (*f_create)(cusolverDnHandle_t*) noexcept nogil
ctypedef cusolverStatus_t (*f_destroy)(cusolverDnHandle_t) noexcept nogil
ctypedef cusolverStatus_t (*f_set_ptr)(cusolverDnHandle_t, void*) noexcept nogil
ctypedef cusolverStatus_t (*f_get_ptr)(cusolverDnHandle_t, void**) noexcept nogil
ctypedef cusolverStatus_t (*f_get_property)(int, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_get_version)(int*) noexcept nogil
ctypedef cusolverStatus_t (*f_mn_bs)(
    cusolverDnHandle_t, int, int, void*, int, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_getrf)(
    cusolverDnHandle_t, int, int, void*, int, void*, int*, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_getrs)(
    cusolverDnHandle_t, int, int, int, const void*, int, const int*, void*, int,
    int*) noexcept nogil
ctypedef cusolverStatus_t (*f_potrf_bs)(
    cusolverDnHandle_t, int, int, void*, int, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_potrf)(
    cusolverDnHandle_t, int, int, void*, int, void*, int, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_potrs)(
    cusolverDnHandle_t, int, int, int, const void*, int, void*, int, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_geqrf)(
    cusolverDnHandle_t, int, int, void*, int, void*, void*, int, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_orgqr_bs)(
    cusolverDnHandle_t, int, int, int, const void*, int, const void*, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_orgqr)(
    cusolverDnHandle_t, int, int, int, void*, int, const void*, void*, int, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_gesvd_bs)(cusolverDnHandle_t, int, int, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_gesvd)(
    cusolverDnHandle_t, signed char, signed char, int, int, void*, int, void*, void*, int,
    void*, int, void*, int, void*, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_syevd_bs)(
    cusolverDnHandle_t, int, int, int, const void*, int, const void*, int*) noexcept nogil
ctypedef cusolverStatus_t (*f_syevd)(
    cusolverDnHandle_t, int, int, int, void*, int, void*, void*, int, int*) noexcept nogil
# 64-bit API: cusolverDnParams_t is an opaque pointer; cudaDataType is an enum (int).
ctypedef cusolverStatus_t (*f_create_params)(void**) noexcept nogil
ctypedef cusolverStatus_t (*f_destroy_params)(void*) noexcept nogil
ctypedef cusolverStatus_t (*f_xgeev_bs)(
    cusolverDnHandle_t, void*, int, int, int64_t, int, const void*, int64_t, int, const void*,
    int, const void*, int64_t, int, const void*, int64_t, int, size_t*, size_t*) noexcept nogil
ctypedef cusolverStatus_t (*f_xgeev)(
    cusolverDnHandle_t, void*, int, int, int64_t, int, void*, int64_t, int, void*, int, void*,
    int64_t, int, void*, int64_t, int, void*, size_t, void*, size_t, int*) noexcept nogil

cdef SoftLink _link = None
cdef f_create _create
cdef f_destroy _destroy
cdef f_set_ptr _set_stream
cdef f_get_ptr _get_stream
cdef f_get_property _get_property
cdef f_get_version _get_version
# One entry per type, in _PREFIXES order (S, D, C, Z).
cdef f_mn_bs _getrf_bs[4]
cdef f_getrf _getrf[4]
cdef f_getrs _getrs[4]
cdef f_potrf_bs _potrf_bs[4]
cdef f_potrf _potrf[4]
cdef f_potrs _potrs[4]
cdef f_mn_bs _geqrf_bs[4]
cdef f_geqrf _geqrf[4]
cdef f_orgqr_bs _orgqr_bs[4]
cdef f_orgqr _orgqr[4]
cdef f_gesvd_bs _gesvd_bs[4]
cdef f_gesvd _gesvd[4]
cdef f_syevd_bs _syevd_bs[4]
cdef f_syevd _syevd[4]
cdef f_create_params _create_params
cdef f_destroy_params _destroy_params
cdef f_xgeev_bs _xgeev_bs
cdef f_xgeev _xgeev

_lock = threading.Lock()

_PREFIXES = ("S", "D", "C", "Z")
# The Q-forming and Hermitian eigensolver routines have LAPACK's complex names.
_ORGQR = ("Sorgqr", "Dorgqr", "Cungqr", "Zungqr")
_SYEVD = ("Ssyevd", "Dsyevd", "Cheevd", "Zheevd")

# cusolverStatus_t
CUSOLVER_STATUS_SUCCESS = 0
CUSOLVER_STATUS_NOT_INITIALIZED = 1
CUSOLVER_STATUS_ALLOC_FAILED = 2
CUSOLVER_STATUS_INVALID_VALUE = 3
CUSOLVER_STATUS_ARCH_MISMATCH = 4
CUSOLVER_STATUS_MAPPING_ERROR = 5
CUSOLVER_STATUS_EXECUTION_FAILED = 6
CUSOLVER_STATUS_INTERNAL_ERROR = 7
CUSOLVER_STATUS_MATRIX_TYPE_NOT_SUPPORTED = 8
CUSOLVER_STATUS_NOT_SUPPORTED = 9
CUSOLVER_STATUS_ZERO_PIVOT = 10
CUSOLVER_STATUS_INVALID_LICENSE = 11
CUSOLVER_STATUS_INVALID_WORKSPACE = 31

# cuSOLVER has no status-to-string call; the names are those of cusolver_common.h.
_STATUS_NAMES = {
    0: "CUSOLVER_STATUS_SUCCESS", 1: "CUSOLVER_STATUS_NOT_INITIALIZED",
    2: "CUSOLVER_STATUS_ALLOC_FAILED", 3: "CUSOLVER_STATUS_INVALID_VALUE",
    4: "CUSOLVER_STATUS_ARCH_MISMATCH", 5: "CUSOLVER_STATUS_MAPPING_ERROR",
    6: "CUSOLVER_STATUS_EXECUTION_FAILED", 7: "CUSOLVER_STATUS_INTERNAL_ERROR",
    8: "CUSOLVER_STATUS_MATRIX_TYPE_NOT_SUPPORTED", 9: "CUSOLVER_STATUS_NOT_SUPPORTED",
    10: "CUSOLVER_STATUS_ZERO_PIVOT", 11: "CUSOLVER_STATUS_INVALID_LICENSE",
    12: "CUSOLVER_STATUS_IRS_PARAMS_NOT_INITIALIZED", 13: "CUSOLVER_STATUS_IRS_PARAMS_INVALID",
    14: "CUSOLVER_STATUS_IRS_PARAMS_INVALID_PREC",
    15: "CUSOLVER_STATUS_IRS_PARAMS_INVALID_REFINE",
    16: "CUSOLVER_STATUS_IRS_PARAMS_INVALID_MAXITER", 20: "CUSOLVER_STATUS_IRS_INTERNAL_ERROR",
    21: "CUSOLVER_STATUS_IRS_NOT_SUPPORTED", 22: "CUSOLVER_STATUS_IRS_OUT_OF_RANGE",
    23: "CUSOLVER_STATUS_IRS_NRHS_NOT_SUPPORTED_FOR_REFINE_GMRES",
    25: "CUSOLVER_STATUS_IRS_INFOS_NOT_INITIALIZED",
    26: "CUSOLVER_STATUS_IRS_INFOS_NOT_DESTROYED", 30: "CUSOLVER_STATUS_IRS_MATRIX_SINGULAR",
    31: "CUSOLVER_STATUS_INVALID_WORKSPACE",
}

# cublasOperation_t
CUBLAS_OP_N = 0
CUBLAS_OP_T = 1
CUBLAS_OP_C = 2
# cublasFillMode_t
CUBLAS_FILL_MODE_LOWER = 0
CUBLAS_FILL_MODE_UPPER = 1
# cusolverEigMode_t
CUSOLVER_EIG_MODE_NOVECTOR = 0
CUSOLVER_EIG_MODE_VECTOR = 1
# cudaDataType (library_types.h)
CUDA_R_32F = 0
CUDA_R_64F = 1
CUDA_C_32F = 4
CUDA_C_64F = 5
# libraryPropertyType
MAJOR_VERSION = 0
MINOR_VERSION = 1
PATCH_LEVEL = 2


class CUSOLVERError(LibraryStatusError):
    """A cuSOLVER call failed.

    Attributes:
        status: the ``cusolverStatus_t`` code.
        name: its name, e.g. ``'CUSOLVER_STATUS_INVALID_VALUE'``.
        call: the failing call, e.g. ``'cusolverDnSgetrf'``.
    """

    library = "cuSOLVER"
    missing_name = "CUSOLVER_STATUS_MISSING_SYMBOL"

    @staticmethod
    def status_name(status):
        return _STATUS_NAMES.get(status, f"CUSOLVER_STATUS_{status}")


cdef int _load() except -1:
    global _link, _create, _destroy, _set_stream, _get_stream, _get_property, _get_version
    global _create_params, _destroy_params, _xgeev_bs, _xgeev
    if _link is not None and _link._handle != NULL:
        return 0
    cdef SoftLink link
    with _lock:
        if _link is None:
            link = SoftLink("cusolver")
            if link.available:
                _create = <f_create>link.get("cusolverDnCreate")
                _destroy = <f_destroy>link.get("cusolverDnDestroy")
                _set_stream = <f_set_ptr>link.get("cusolverDnSetStream")
                _get_stream = <f_get_ptr>link.get("cusolverDnGetStream")
                _get_property = <f_get_property>link.get("cusolverGetProperty")
                _get_version = <f_get_version>link.get("cusolverGetVersion")
                # Older libraries lack these (Xgeev: before cuSOLVER 11.7); the stubs make
                # only those calls fail.
                _create_params = <f_create_params>link.get("cusolverDnCreateParams")
                _destroy_params = <f_destroy_params>link.get("cusolverDnDestroyParams")
                _xgeev_bs = <f_xgeev_bs>link.get("cusolverDnXgeev_bufferSize")
                _xgeev = <f_xgeev>link.get("cusolverDnXgeev")
                for i, p in enumerate(_PREFIXES):
                    _getrf_bs[i] = <f_mn_bs>link.get(f"cusolverDn{p}getrf_bufferSize")
                    _getrf[i] = <f_getrf>link.get(f"cusolverDn{p}getrf")
                    _getrs[i] = <f_getrs>link.get(f"cusolverDn{p}getrs")
                    _potrf_bs[i] = <f_potrf_bs>link.get(f"cusolverDn{p}potrf_bufferSize")
                    _potrf[i] = <f_potrf>link.get(f"cusolverDn{p}potrf")
                    _potrs[i] = <f_potrs>link.get(f"cusolverDn{p}potrs")
                    _geqrf_bs[i] = <f_mn_bs>link.get(f"cusolverDn{p}geqrf_bufferSize")
                    _geqrf[i] = <f_geqrf>link.get(f"cusolverDn{p}geqrf")
                    _orgqr_bs[i] = <f_orgqr_bs>link.get(f"cusolverDn{_ORGQR[i]}_bufferSize")
                    _orgqr[i] = <f_orgqr>link.get(f"cusolverDn{_ORGQR[i]}")
                    _gesvd_bs[i] = <f_gesvd_bs>link.get(f"cusolverDn{p}gesvd_bufferSize")
                    _gesvd[i] = <f_gesvd>link.get(f"cusolverDn{p}gesvd")
                    _syevd_bs[i] = <f_syevd_bs>link.get(f"cusolverDn{_SYEVD[i]}_bufferSize")
                    _syevd[i] = <f_syevd>link.get(f"cusolverDn{_SYEVD[i]}")
            _link = link
    _library.require(_link, "cuSOLVER", "nvidia-cusolver")
    return 0


cdef inline int _check(cusolverStatus_t status, str call) except -1:
    if status != 0:
        raise CUSOLVERError(status, call)
    return 0


def _loaded():
    _load()
    return _link


is_available, library, check_status = _library.module_functions(
    _loaded, CUSOLVERError, "cuSOLVER")


cdef inline int _kind(str prefix) except -1:
    cdef int i = _PREFIXES.index(prefix)
    return i


# --- library and handle ------------------------------------------------------------------------

def getProperty(int prop):
    """``cusolverGetProperty``: MAJOR_VERSION, MINOR_VERSION or PATCH_LEVEL (no device needed)."""
    cdef int value = 0
    _load()
    _check(_get_property(prop, &value), "cusolverGetProperty")
    return value


def getVersion():
    """``cusolverGetVersion``: e.g. 11703 for 11.7.3 (no device needed)."""
    cdef int value = 0
    _load()
    _check(_get_version(&value), "cusolverGetVersion")
    return value


def create():
    """``cusolverDnCreate``: a new handle on the current device (an int)."""
    cdef cusolverDnHandle_t h = NULL
    _load()
    with nogil:
        status = _create(&h)
    _check(status, "cusolverDnCreate")
    return <intptr_t>h


def destroy(intptr_t handle):
    """``cusolverDnDestroy``."""
    _load()
    with nogil:
        status = _destroy(<cusolverDnHandle_t>handle)
    _check(status, "cusolverDnDestroy")


def setStream(intptr_t handle, intptr_t stream):
    """``cusolverDnSetStream``: later calls on ``handle`` are ordered on ``stream``."""
    _load()
    _check(_set_stream(<cusolverDnHandle_t>handle, <void*>stream), "cusolverDnSetStream")


def getStream(intptr_t handle):
    """``cusolverDnGetStream``."""
    cdef void* s = NULL
    _load()
    _check(_get_stream(<cusolverDnHandle_t>handle, &s), "cusolverDnGetStream")
    return <intptr_t>s


# --- calls shared by the four types --------------------------------------------------------------
# Each takes the type prefix ('S', 'D', 'C', 'Z'); the public wrappers below fix it.

cdef int _getrf_bufferSize(str p, intptr_t h, int m, int n, intptr_t A, int lda) except? -1:
    cdef int lwork = 0
    _load()
    cdef f_mn_bs f = _getrf_bs[_kind(p)]
    with nogil:
        status = f(<cusolverDnHandle_t>h, m, n, <void*>A, lda, &lwork)
    _check(status, f"cusolverDn{p}getrf_bufferSize")
    return lwork


cdef _getrf_call(str p, intptr_t h, int m, int n, intptr_t A, int lda, intptr_t work,
                 intptr_t ipiv, intptr_t info):
    _load()
    cdef f_getrf f = _getrf[_kind(p)]
    with nogil:
        status = f(<cusolverDnHandle_t>h, m, n, <void*>A, lda, <void*>work, <int*>ipiv,
                   <int*>info)
    _check(status, f"cusolverDn{p}getrf")


cdef _getrs_call(str p, intptr_t h, int trans, int n, int nrhs, intptr_t A, int lda,
                 intptr_t ipiv, intptr_t B, int ldb, intptr_t info):
    _load()
    cdef f_getrs f = _getrs[_kind(p)]
    with nogil:
        status = f(<cusolverDnHandle_t>h, trans, n, nrhs, <const void*>A, lda,
                   <const int*>ipiv, <void*>B, ldb, <int*>info)
    _check(status, f"cusolverDn{p}getrs")


cdef int _potrf_bufferSize(str p, intptr_t h, int uplo, int n, intptr_t A,
                           int lda) except? -1:
    cdef int lwork = 0
    _load()
    cdef f_potrf_bs f = _potrf_bs[_kind(p)]
    with nogil:
        status = f(<cusolverDnHandle_t>h, uplo, n, <void*>A, lda, &lwork)
    _check(status, f"cusolverDn{p}potrf_bufferSize")
    return lwork


cdef _potrf_call(str p, intptr_t h, int uplo, int n, intptr_t A, int lda, intptr_t work,
                 int lwork, intptr_t info):
    _load()
    cdef f_potrf f = _potrf[_kind(p)]
    with nogil:
        status = f(<cusolverDnHandle_t>h, uplo, n, <void*>A, lda, <void*>work, lwork,
                   <int*>info)
    _check(status, f"cusolverDn{p}potrf")


cdef _potrs_call(str p, intptr_t h, int uplo, int n, int nrhs, intptr_t A, int lda,
                 intptr_t B, int ldb, intptr_t info):
    _load()
    cdef f_potrs f = _potrs[_kind(p)]
    with nogil:
        status = f(<cusolverDnHandle_t>h, uplo, n, nrhs, <const void*>A, lda, <void*>B, ldb,
                   <int*>info)
    _check(status, f"cusolverDn{p}potrs")


cdef int _geqrf_bufferSize(str p, intptr_t h, int m, int n, intptr_t A, int lda) except? -1:
    cdef int lwork = 0
    _load()
    cdef f_mn_bs f = _geqrf_bs[_kind(p)]
    with nogil:
        status = f(<cusolverDnHandle_t>h, m, n, <void*>A, lda, &lwork)
    _check(status, f"cusolverDn{p}geqrf_bufferSize")
    return lwork


cdef _geqrf_call(str p, intptr_t h, int m, int n, intptr_t A, int lda, intptr_t tau,
                 intptr_t work, int lwork, intptr_t info):
    _load()
    cdef f_geqrf f = _geqrf[_kind(p)]
    with nogil:
        status = f(<cusolverDnHandle_t>h, m, n, <void*>A, lda, <void*>tau, <void*>work, lwork,
                   <int*>info)
    _check(status, f"cusolverDn{p}geqrf")


cdef int _orgqr_bufferSize(str p, intptr_t h, int m, int n, int k, intptr_t A, int lda,
                           intptr_t tau) except? -1:
    cdef int lwork = 0
    _load()
    cdef int i = _kind(p)
    cdef f_orgqr_bs f = _orgqr_bs[i]
    with nogil:
        status = f(<cusolverDnHandle_t>h, m, n, k, <const void*>A, lda, <const void*>tau,
                   &lwork)
    _check(status, f"cusolverDn{_ORGQR[i]}_bufferSize")
    return lwork


cdef _orgqr_call(str p, intptr_t h, int m, int n, int k, intptr_t A, int lda, intptr_t tau,
                 intptr_t work, int lwork, intptr_t info):
    _load()
    cdef int i = _kind(p)
    cdef f_orgqr f = _orgqr[i]
    with nogil:
        status = f(<cusolverDnHandle_t>h, m, n, k, <void*>A, lda, <const void*>tau,
                   <void*>work, lwork, <int*>info)
    _check(status, f"cusolverDn{_ORGQR[i]}")


cdef int _gesvd_bufferSize(str p, intptr_t h, int m, int n) except? -1:
    cdef int lwork = 0
    _load()
    cdef f_gesvd_bs f = _gesvd_bs[_kind(p)]
    with nogil:
        status = f(<cusolverDnHandle_t>h, m, n, &lwork)
    _check(status, f"cusolverDn{p}gesvd_bufferSize")
    return lwork


cdef _gesvd_call(str p, intptr_t h, str jobu, str jobvt, int m, int n, intptr_t A, int lda,
                 intptr_t S, intptr_t U, int ldu, intptr_t VT, int ldvt, intptr_t work,
                 int lwork, intptr_t rwork, intptr_t info):
    _load()
    cdef f_gesvd f = _gesvd[_kind(p)]
    cdef signed char ju = ord(jobu), jv = ord(jobvt)
    with nogil:
        status = f(<cusolverDnHandle_t>h, ju, jv, m, n, <void*>A, lda, <void*>S, <void*>U,
                   ldu, <void*>VT, ldvt, <void*>work, lwork, <void*>rwork, <int*>info)
    _check(status, f"cusolverDn{p}gesvd")


cdef int _syevd_bufferSize(str p, intptr_t h, int jobz, int uplo, int n, intptr_t A, int lda,
                           intptr_t W) except? -1:
    cdef int lwork = 0
    _load()
    cdef int i = _kind(p)
    cdef f_syevd_bs f = _syevd_bs[i]
    with nogil:
        status = f(<cusolverDnHandle_t>h, jobz, uplo, n, <const void*>A, lda, <const void*>W,
                   &lwork)
    _check(status, f"cusolverDn{_SYEVD[i]}_bufferSize")
    return lwork


cdef _syevd_call(str p, intptr_t h, int jobz, int uplo, int n, intptr_t A, int lda,
                 intptr_t W, intptr_t work, int lwork, intptr_t info):
    _load()
    cdef int i = _kind(p)
    cdef f_syevd f = _syevd[i]
    with nogil:
        status = f(<cusolverDnHandle_t>h, jobz, uplo, n, <void*>A, lda, <void*>W, <void*>work,
                   lwork, <int*>info)
    _check(status, f"cusolverDn{_SYEVD[i]}")


# --- LU: getrf / getrs ---------------------------------------------------------------------------

def sgetrf_bufferSize(intptr_t handle, int m, int n, intptr_t A, int lda):
    """``cusolverDnSgetrf_bufferSize``: workspace elements for ``sgetrf``."""
    return _getrf_bufferSize("S", handle, m, n, A, lda)


def dgetrf_bufferSize(intptr_t handle, int m, int n, intptr_t A, int lda):
    """``cusolverDnDgetrf_bufferSize``."""
    return _getrf_bufferSize("D", handle, m, n, A, lda)


def cgetrf_bufferSize(intptr_t handle, int m, int n, intptr_t A, int lda):
    """``cusolverDnCgetrf_bufferSize``."""
    return _getrf_bufferSize("C", handle, m, n, A, lda)


def zgetrf_bufferSize(intptr_t handle, int m, int n, intptr_t A, int lda):
    """``cusolverDnZgetrf_bufferSize``."""
    return _getrf_bufferSize("Z", handle, m, n, A, lda)


def sgetrf(intptr_t handle, int m, int n, intptr_t A, int lda, intptr_t Workspace,
           intptr_t devIpiv, intptr_t devInfo):
    """``cusolverDnSgetrf``: A = P L U in place; ``devIpiv`` gets min(m, n) 1-based row
    interchanges (int32)."""
    _getrf_call("S", handle, m, n, A, lda, Workspace, devIpiv, devInfo)


def dgetrf(intptr_t handle, int m, int n, intptr_t A, int lda, intptr_t Workspace,
           intptr_t devIpiv, intptr_t devInfo):
    """``cusolverDnDgetrf``."""
    _getrf_call("D", handle, m, n, A, lda, Workspace, devIpiv, devInfo)


def cgetrf(intptr_t handle, int m, int n, intptr_t A, int lda, intptr_t Workspace,
           intptr_t devIpiv, intptr_t devInfo):
    """``cusolverDnCgetrf``."""
    _getrf_call("C", handle, m, n, A, lda, Workspace, devIpiv, devInfo)


def zgetrf(intptr_t handle, int m, int n, intptr_t A, int lda, intptr_t Workspace,
           intptr_t devIpiv, intptr_t devInfo):
    """``cusolverDnZgetrf``."""
    _getrf_call("Z", handle, m, n, A, lda, Workspace, devIpiv, devInfo)


def sgetrs(intptr_t handle, int trans, int n, int nrhs, intptr_t A, int lda, intptr_t devIpiv,
           intptr_t B, int ldb, intptr_t devInfo):
    """``cusolverDnSgetrs``: solves op(A) X = B with getrf's factors; X overwrites B."""
    _getrs_call("S", handle, trans, n, nrhs, A, lda, devIpiv, B, ldb, devInfo)


def dgetrs(intptr_t handle, int trans, int n, int nrhs, intptr_t A, int lda, intptr_t devIpiv,
           intptr_t B, int ldb, intptr_t devInfo):
    """``cusolverDnDgetrs``."""
    _getrs_call("D", handle, trans, n, nrhs, A, lda, devIpiv, B, ldb, devInfo)


def cgetrs(intptr_t handle, int trans, int n, int nrhs, intptr_t A, int lda, intptr_t devIpiv,
           intptr_t B, int ldb, intptr_t devInfo):
    """``cusolverDnCgetrs``."""
    _getrs_call("C", handle, trans, n, nrhs, A, lda, devIpiv, B, ldb, devInfo)


def zgetrs(intptr_t handle, int trans, int n, int nrhs, intptr_t A, int lda, intptr_t devIpiv,
           intptr_t B, int ldb, intptr_t devInfo):
    """``cusolverDnZgetrs``."""
    _getrs_call("Z", handle, trans, n, nrhs, A, lda, devIpiv, B, ldb, devInfo)


# --- Cholesky: potrf / potrs ---------------------------------------------------------------------

def spotrf_bufferSize(intptr_t handle, int uplo, int n, intptr_t A, int lda):
    """``cusolverDnSpotrf_bufferSize``."""
    return _potrf_bufferSize("S", handle, uplo, n, A, lda)


def dpotrf_bufferSize(intptr_t handle, int uplo, int n, intptr_t A, int lda):
    """``cusolverDnDpotrf_bufferSize``."""
    return _potrf_bufferSize("D", handle, uplo, n, A, lda)


def cpotrf_bufferSize(intptr_t handle, int uplo, int n, intptr_t A, int lda):
    """``cusolverDnCpotrf_bufferSize``."""
    return _potrf_bufferSize("C", handle, uplo, n, A, lda)


def zpotrf_bufferSize(intptr_t handle, int uplo, int n, intptr_t A, int lda):
    """``cusolverDnZpotrf_bufferSize``."""
    return _potrf_bufferSize("Z", handle, uplo, n, A, lda)


def spotrf(intptr_t handle, int uplo, int n, intptr_t A, int lda, intptr_t Workspace,
           int Lwork, intptr_t devInfo):
    """``cusolverDnSpotrf``: the ``uplo`` triangle of A becomes its Cholesky factor; the other
    triangle is left as it was."""
    _potrf_call("S", handle, uplo, n, A, lda, Workspace, Lwork, devInfo)


def dpotrf(intptr_t handle, int uplo, int n, intptr_t A, int lda, intptr_t Workspace,
           int Lwork, intptr_t devInfo):
    """``cusolverDnDpotrf``."""
    _potrf_call("D", handle, uplo, n, A, lda, Workspace, Lwork, devInfo)


def cpotrf(intptr_t handle, int uplo, int n, intptr_t A, int lda, intptr_t Workspace,
           int Lwork, intptr_t devInfo):
    """``cusolverDnCpotrf``."""
    _potrf_call("C", handle, uplo, n, A, lda, Workspace, Lwork, devInfo)


def zpotrf(intptr_t handle, int uplo, int n, intptr_t A, int lda, intptr_t Workspace,
           int Lwork, intptr_t devInfo):
    """``cusolverDnZpotrf``."""
    _potrf_call("Z", handle, uplo, n, A, lda, Workspace, Lwork, devInfo)


def spotrs(intptr_t handle, int uplo, int n, int nrhs, intptr_t A, int lda, intptr_t B,
           int ldb, intptr_t devInfo):
    """``cusolverDnSpotrs``: solves A X = B with potrf's factor; X overwrites B."""
    _potrs_call("S", handle, uplo, n, nrhs, A, lda, B, ldb, devInfo)


def dpotrs(intptr_t handle, int uplo, int n, int nrhs, intptr_t A, int lda, intptr_t B,
           int ldb, intptr_t devInfo):
    """``cusolverDnDpotrs``."""
    _potrs_call("D", handle, uplo, n, nrhs, A, lda, B, ldb, devInfo)


def cpotrs(intptr_t handle, int uplo, int n, int nrhs, intptr_t A, int lda, intptr_t B,
           int ldb, intptr_t devInfo):
    """``cusolverDnCpotrs``."""
    _potrs_call("C", handle, uplo, n, nrhs, A, lda, B, ldb, devInfo)


def zpotrs(intptr_t handle, int uplo, int n, int nrhs, intptr_t A, int lda, intptr_t B,
           int ldb, intptr_t devInfo):
    """``cusolverDnZpotrs``."""
    _potrs_call("Z", handle, uplo, n, nrhs, A, lda, B, ldb, devInfo)


# --- QR: geqrf / orgqr (ungqr) -------------------------------------------------------------------

def sgeqrf_bufferSize(intptr_t handle, int m, int n, intptr_t A, int lda):
    """``cusolverDnSgeqrf_bufferSize``."""
    return _geqrf_bufferSize("S", handle, m, n, A, lda)


def dgeqrf_bufferSize(intptr_t handle, int m, int n, intptr_t A, int lda):
    """``cusolverDnDgeqrf_bufferSize``."""
    return _geqrf_bufferSize("D", handle, m, n, A, lda)


def cgeqrf_bufferSize(intptr_t handle, int m, int n, intptr_t A, int lda):
    """``cusolverDnCgeqrf_bufferSize``."""
    return _geqrf_bufferSize("C", handle, m, n, A, lda)


def zgeqrf_bufferSize(intptr_t handle, int m, int n, intptr_t A, int lda):
    """``cusolverDnZgeqrf_bufferSize``."""
    return _geqrf_bufferSize("Z", handle, m, n, A, lda)


def sgeqrf(intptr_t handle, int m, int n, intptr_t A, int lda, intptr_t TAU,
           intptr_t Workspace, int Lwork, intptr_t devInfo):
    """``cusolverDnSgeqrf``: R in the upper triangle of A, the Householder reflectors below it
    and their scalars in ``TAU`` (min(m, n) elements)."""
    _geqrf_call("S", handle, m, n, A, lda, TAU, Workspace, Lwork, devInfo)


def dgeqrf(intptr_t handle, int m, int n, intptr_t A, int lda, intptr_t TAU,
           intptr_t Workspace, int Lwork, intptr_t devInfo):
    """``cusolverDnDgeqrf``."""
    _geqrf_call("D", handle, m, n, A, lda, TAU, Workspace, Lwork, devInfo)


def cgeqrf(intptr_t handle, int m, int n, intptr_t A, int lda, intptr_t TAU,
           intptr_t Workspace, int Lwork, intptr_t devInfo):
    """``cusolverDnCgeqrf``."""
    _geqrf_call("C", handle, m, n, A, lda, TAU, Workspace, Lwork, devInfo)


def zgeqrf(intptr_t handle, int m, int n, intptr_t A, int lda, intptr_t TAU,
           intptr_t Workspace, int Lwork, intptr_t devInfo):
    """``cusolverDnZgeqrf``."""
    _geqrf_call("Z", handle, m, n, A, lda, TAU, Workspace, Lwork, devInfo)


def sorgqr_bufferSize(intptr_t handle, int m, int n, int k, intptr_t A, int lda, intptr_t tau):
    """``cusolverDnSorgqr_bufferSize``."""
    return _orgqr_bufferSize("S", handle, m, n, k, A, lda, tau)


def dorgqr_bufferSize(intptr_t handle, int m, int n, int k, intptr_t A, int lda, intptr_t tau):
    """``cusolverDnDorgqr_bufferSize``."""
    return _orgqr_bufferSize("D", handle, m, n, k, A, lda, tau)


def cungqr_bufferSize(intptr_t handle, int m, int n, int k, intptr_t A, int lda, intptr_t tau):
    """``cusolverDnCungqr_bufferSize``."""
    return _orgqr_bufferSize("C", handle, m, n, k, A, lda, tau)


def zungqr_bufferSize(intptr_t handle, int m, int n, int k, intptr_t A, int lda, intptr_t tau):
    """``cusolverDnZungqr_bufferSize``."""
    return _orgqr_bufferSize("Z", handle, m, n, k, A, lda, tau)


def sorgqr(intptr_t handle, int m, int n, int k, intptr_t A, int lda, intptr_t tau,
           intptr_t work, int lwork, intptr_t devInfo):
    """``cusolverDnSorgqr``: overwrites A (m x n) with the first n columns of Q from the k
    reflectors geqrf left in A and ``tau``."""
    _orgqr_call("S", handle, m, n, k, A, lda, tau, work, lwork, devInfo)


def dorgqr(intptr_t handle, int m, int n, int k, intptr_t A, int lda, intptr_t tau,
           intptr_t work, int lwork, intptr_t devInfo):
    """``cusolverDnDorgqr``."""
    _orgqr_call("D", handle, m, n, k, A, lda, tau, work, lwork, devInfo)


def cungqr(intptr_t handle, int m, int n, int k, intptr_t A, int lda, intptr_t tau,
           intptr_t work, int lwork, intptr_t devInfo):
    """``cusolverDnCungqr``."""
    _orgqr_call("C", handle, m, n, k, A, lda, tau, work, lwork, devInfo)


def zungqr(intptr_t handle, int m, int n, int k, intptr_t A, int lda, intptr_t tau,
           intptr_t work, int lwork, intptr_t devInfo):
    """``cusolverDnZungqr``."""
    _orgqr_call("Z", handle, m, n, k, A, lda, tau, work, lwork, devInfo)


# --- SVD: gesvd ----------------------------------------------------------------------------------

def sgesvd_bufferSize(intptr_t handle, int m, int n):
    """``cusolverDnSgesvd_bufferSize``."""
    return _gesvd_bufferSize("S", handle, m, n)


def dgesvd_bufferSize(intptr_t handle, int m, int n):
    """``cusolverDnDgesvd_bufferSize``."""
    return _gesvd_bufferSize("D", handle, m, n)


def cgesvd_bufferSize(intptr_t handle, int m, int n):
    """``cusolverDnCgesvd_bufferSize``."""
    return _gesvd_bufferSize("C", handle, m, n)


def zgesvd_bufferSize(intptr_t handle, int m, int n):
    """``cusolverDnZgesvd_bufferSize``."""
    return _gesvd_bufferSize("Z", handle, m, n)


def sgesvd(intptr_t handle, str jobu, str jobvt, int m, int n, intptr_t A, int lda, intptr_t S,
           intptr_t U, int ldu, intptr_t VT, int ldvt, intptr_t work, int lwork,
           intptr_t rwork, intptr_t devInfo):
    """``cusolverDnSgesvd``: A = U diag(S) VT with ``jobu``/``jobvt`` 'A' (all columns/rows),
    'S' (the first min(m, n)) or 'N' (none); needs m >= n; destroys A. ``rwork`` (real,
    min(m, n) - 1 elements) may be 0."""
    _gesvd_call("S", handle, jobu, jobvt, m, n, A, lda, S, U, ldu, VT, ldvt, work, lwork,
                rwork, devInfo)


def dgesvd(intptr_t handle, str jobu, str jobvt, int m, int n, intptr_t A, int lda, intptr_t S,
           intptr_t U, int ldu, intptr_t VT, int ldvt, intptr_t work, int lwork,
           intptr_t rwork, intptr_t devInfo):
    """``cusolverDnDgesvd``."""
    _gesvd_call("D", handle, jobu, jobvt, m, n, A, lda, S, U, ldu, VT, ldvt, work, lwork,
                rwork, devInfo)


def cgesvd(intptr_t handle, str jobu, str jobvt, int m, int n, intptr_t A, int lda, intptr_t S,
           intptr_t U, int ldu, intptr_t VT, int ldvt, intptr_t work, int lwork,
           intptr_t rwork, intptr_t devInfo):
    """``cusolverDnCgesvd`` (S is float32)."""
    _gesvd_call("C", handle, jobu, jobvt, m, n, A, lda, S, U, ldu, VT, ldvt, work, lwork,
                rwork, devInfo)


def zgesvd(intptr_t handle, str jobu, str jobvt, int m, int n, intptr_t A, int lda, intptr_t S,
           intptr_t U, int ldu, intptr_t VT, int ldvt, intptr_t work, int lwork,
           intptr_t rwork, intptr_t devInfo):
    """``cusolverDnZgesvd`` (S is float64)."""
    _gesvd_call("Z", handle, jobu, jobvt, m, n, A, lda, S, U, ldu, VT, ldvt, work, lwork,
                rwork, devInfo)


# --- symmetric / Hermitian eigenproblem: syevd (heevd) -------------------------------------------

def ssyevd_bufferSize(intptr_t handle, int jobz, int uplo, int n, intptr_t A, int lda,
                      intptr_t W):
    """``cusolverDnSsyevd_bufferSize``."""
    return _syevd_bufferSize("S", handle, jobz, uplo, n, A, lda, W)


def dsyevd_bufferSize(intptr_t handle, int jobz, int uplo, int n, intptr_t A, int lda,
                      intptr_t W):
    """``cusolverDnDsyevd_bufferSize``."""
    return _syevd_bufferSize("D", handle, jobz, uplo, n, A, lda, W)


def cheevd_bufferSize(intptr_t handle, int jobz, int uplo, int n, intptr_t A, int lda,
                      intptr_t W):
    """``cusolverDnCheevd_bufferSize``."""
    return _syevd_bufferSize("C", handle, jobz, uplo, n, A, lda, W)


def zheevd_bufferSize(intptr_t handle, int jobz, int uplo, int n, intptr_t A, int lda,
                      intptr_t W):
    """``cusolverDnZheevd_bufferSize``."""
    return _syevd_bufferSize("Z", handle, jobz, uplo, n, A, lda, W)


def ssyevd(intptr_t handle, int jobz, int uplo, int n, intptr_t A, int lda, intptr_t W,
           intptr_t work, int lwork, intptr_t devInfo):
    """``cusolverDnSsyevd``: eigenvalues of the symmetric A (its ``uplo`` triangle) ascending
    in W; with CUSOLVER_EIG_MODE_VECTOR the orthonormal eigenvectors overwrite A's columns."""
    _syevd_call("S", handle, jobz, uplo, n, A, lda, W, work, lwork, devInfo)


def dsyevd(intptr_t handle, int jobz, int uplo, int n, intptr_t A, int lda, intptr_t W,
           intptr_t work, int lwork, intptr_t devInfo):
    """``cusolverDnDsyevd``."""
    _syevd_call("D", handle, jobz, uplo, n, A, lda, W, work, lwork, devInfo)


def cheevd(intptr_t handle, int jobz, int uplo, int n, intptr_t A, int lda, intptr_t W,
           intptr_t work, int lwork, intptr_t devInfo):
    """``cusolverDnCheevd`` (Hermitian A, W float32)."""
    _syevd_call("C", handle, jobz, uplo, n, A, lda, W, work, lwork, devInfo)


def zheevd(intptr_t handle, int jobz, int uplo, int n, intptr_t A, int lda, intptr_t W,
           intptr_t work, int lwork, intptr_t devInfo):
    """``cusolverDnZheevd`` (Hermitian A, W float64)."""
    _syevd_call("Z", handle, jobz, uplo, n, A, lda, W, work, lwork, devInfo)


# --- 64-bit generic API: options and the general eigenproblem (Xgeev) ----------------------------

def createParams():
    """``cusolverDnCreateParams``: an options object for the 64-bit API calls (an int)."""
    cdef void* params = NULL
    _load()
    _check(_create_params(&params), "cusolverDnCreateParams")
    return <intptr_t>params


def destroyParams(intptr_t params):
    """``cusolverDnDestroyParams``."""
    _load()
    _check(_destroy_params(<void*>params), "cusolverDnDestroyParams")


def xgeev_bufferSize(intptr_t handle, intptr_t params, int jobvl, int jobvr, int64_t n,
                     int dataTypeA, intptr_t A, int64_t lda, int dataTypeW, intptr_t W,
                     int dataTypeVL, intptr_t VL, int64_t ldvl, int dataTypeVR, intptr_t VR,
                     int64_t ldvr, int computeType):
    """``cusolverDnXgeev_bufferSize``: ``(device_bytes, host_bytes)`` of workspace for
    :func:`xgeev` with the same arguments."""
    cdef size_t device_bytes = 0, host_bytes = 0
    _load()
    with nogil:
        status = _xgeev_bs(<cusolverDnHandle_t>handle, <void*>params, jobvl, jobvr, n,
                           dataTypeA, <const void*>A, lda, dataTypeW, <const void*>W,
                           dataTypeVL, <const void*>VL, ldvl, dataTypeVR, <const void*>VR,
                           ldvr, computeType, &device_bytes, &host_bytes)
    _check(status, "cusolverDnXgeev_bufferSize")
    return device_bytes, host_bytes


def xgeev(intptr_t handle, intptr_t params, int jobvl, int jobvr, int64_t n, int dataTypeA,
          intptr_t A, int64_t lda, int dataTypeW, intptr_t W, int dataTypeVL, intptr_t VL,
          int64_t ldvl, int dataTypeVR, intptr_t VR, int64_t ldvr, int computeType,
          intptr_t bufferOnDevice, size_t workspaceInBytesOnDevice, intptr_t bufferOnHost,
          size_t workspaceInBytesOnHost, intptr_t info):
    """``cusolverDnXgeev``: eigenvalues ``W`` and, with ``jobvr`` CUSOLVER_EIG_MODE_VECTOR,
    right eigenvectors ``VR`` of the general n x n matrix A (destroyed). ``jobvl`` must be
    CUSOLVER_EIG_MODE_NOVECTOR (left eigenvectors are not supported; ``VL`` may be 0,
    ``ldvl`` >= 1).

    Types (``dataTypeA``/``W``/``VL``/``VR``/``computeType``): real A (``CUDA_R_32F`` or
    ``CUDA_R_64F``) takes complex ``W`` (``CUDA_C_32F``/``CUDA_C_64F``) and real VL, VR and
    compute type; complex A takes the same complex type everywhere. For real A the
    eigenvectors are packed as in LAPACK: conjugate eigenvalue pairs are adjacent (positive
    imaginary part first) and share two columns, ``v(j) = VR(:, j) + i VR(:, j+1)``,
    ``v(j+1) = VR(:, j) - i VR(:, j+1)``. ``info`` is a device int: ``> 0`` when the QR
    algorithm did not converge."""
    _load()
    with nogil:
        status = _xgeev(<cusolverDnHandle_t>handle, <void*>params, jobvl, jobvr, n, dataTypeA,
                        <void*>A, lda, dataTypeW, <void*>W, dataTypeVL, <void*>VL, ldvl,
                        dataTypeVR, <void*>VR, ldvr, computeType, <void*>bufferOnDevice,
                        workspaceInBytesOnDevice, <void*>bufferOnHost,
                        workspaceInBytesOnHost, <int*>info)
    _check(status, "cusolverDnXgeev")
