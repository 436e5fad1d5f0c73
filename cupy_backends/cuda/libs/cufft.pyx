# cython: language_level=3
"""cuFFT bindings, loaded at run time from NVIDIA's wheel (``nvidia-cufft``), conda or a system
CUDA through ``cuda.pathfinder``.

Thin wrappers over the plan API of the cuFFT C API, named after it without the prefix
(``makePlanMany64`` is ``cufftMakePlanMany64``). Plans are ints (``cufftHandle``); device
pointers and streams are ints. A plan describes ``batch`` transforms of rank 1 to 3 in cuFFT's
advanced data layout: element ``(b, i0, i1, i2)`` of the input lies ``b * idist + ((i0 *
inembed[1] + i1) * inembed[2] + i2) * istride`` elements from the base pointer (``inembed[0]``
is not used), and likewise for the output. ``n`` gives the logical sizes; for real-to-complex
and complex-to-real transforms the complex side holds ``n[-1] // 2 + 1`` elements along the last
dimension. Transforms are unnormalized; complex-to-real transforms may overwrite their input.
No NumPy semantics here: ``cupy.fft`` builds on top.

Importing this module never fails; the first call that needs the library raises RuntimeError
when it cannot be loaded (``is_available()`` asks without raising). A symbol that the loaded
library lacks raises CUFFTError naming the call.
"""
import threading

from libc.stdint cimport intptr_t

from cupy_backends.cuda._softlink cimport SoftLink
from cupy_backends.cuda.libs import _library
from cupy_backends.cuda.libs._status import LibraryStatusError

# Signatures. Data pointers are ``void*``: the ABI is the same for cufftComplex*, cufftReal*,
# ... Enums (cufftType, libraryPropertyType) are ints.
ctypedef cufftResult (*f_create)(cufftHandle*) noexcept nogil
ctypedef cufftResult (*f_destroy)(cufftHandle) noexcept nogil
ctypedef cufftResult (*f_set_stream)(cufftHandle, void*) noexcept nogil
ctypedef cufftResult (*f_set_auto_allocation)(cufftHandle, int) noexcept nogil
ctypedef cufftResult (*f_set_work_area)(cufftHandle, void*) noexcept nogil
ctypedef cufftResult (*f_get_version)(int*) noexcept nogil
ctypedef cufftResult (*f_get_property)(int, int*) noexcept nogil
ctypedef cufftResult (*f_make_plan_many)(
    cufftHandle, int, int*, int*, int, int, int*, int, int, int, int, size_t*) noexcept nogil
ctypedef cufftResult (*f_make_plan_many64)(
    cufftHandle, int, long long*, long long*, long long, long long, long long*, long long,
    long long, int, long long, size_t*) noexcept nogil
ctypedef cufftResult (*f_exec_c2c)(cufftHandle, void*, void*, int) noexcept nogil
ctypedef cufftResult (*f_exec_r2c)(cufftHandle, void*, void*) noexcept nogil

cdef SoftLink _link = None
cdef f_create _create
cdef f_destroy _destroy
cdef f_set_stream _set_stream
cdef f_set_auto_allocation _set_auto_allocation
cdef f_set_work_area _set_work_area
cdef f_get_version _get_version
cdef f_get_property _get_property
cdef f_make_plan_many _make_plan_many
cdef f_make_plan_many64 _make_plan_many64
cdef f_exec_c2c _exec_c2c
cdef f_exec_c2c _exec_z2z
cdef f_exec_r2c _exec_r2c
cdef f_exec_r2c _exec_d2z
cdef f_exec_r2c _exec_c2r
cdef f_exec_r2c _exec_z2d

_lock = threading.Lock()

# cufftResult
CUFFT_SUCCESS = 0
CUFFT_INVALID_PLAN = 1
CUFFT_ALLOC_FAILED = 2
CUFFT_INVALID_TYPE = 3
CUFFT_INVALID_VALUE = 4
CUFFT_INTERNAL_ERROR = 5
CUFFT_EXEC_FAILED = 6
CUFFT_SETUP_FAILED = 7
CUFFT_INVALID_SIZE = 8
CUFFT_UNALIGNED_DATA = 9
CUFFT_INVALID_DEVICE = 11
CUFFT_NO_WORKSPACE = 13
CUFFT_NOT_IMPLEMENTED = 14
CUFFT_NOT_SUPPORTED = 16

# cuFFT has no status-to-string call; the names are those of cufft.h (some codes were retired
# in later releases; their names are kept for messages from older libraries).
_STATUS_NAMES = {
    0: "CUFFT_SUCCESS", 1: "CUFFT_INVALID_PLAN", 2: "CUFFT_ALLOC_FAILED",
    3: "CUFFT_INVALID_TYPE", 4: "CUFFT_INVALID_VALUE", 5: "CUFFT_INTERNAL_ERROR",
    6: "CUFFT_EXEC_FAILED", 7: "CUFFT_SETUP_FAILED", 8: "CUFFT_INVALID_SIZE",
    9: "CUFFT_UNALIGNED_DATA", 10: "CUFFT_INCOMPLETE_PARAMETER_LIST",
    11: "CUFFT_INVALID_DEVICE", 12: "CUFFT_PARSE_ERROR", 13: "CUFFT_NO_WORKSPACE",
    14: "CUFFT_NOT_IMPLEMENTED", 15: "CUFFT_LICENSE_ERROR", 16: "CUFFT_NOT_SUPPORTED",
    17: "CUFFT_MISSING_DEPENDENCY", 18: "CUFFT_NVRTC_FAILURE", 19: "CUFFT_NVJITLINK_FAILURE",
    20: "CUFFT_NVSHMEM_FAILURE",
}

# cufftType
CUFFT_R2C = 0x2a
CUFFT_C2R = 0x2c
CUFFT_C2C = 0x29
CUFFT_D2Z = 0x6a
CUFFT_Z2D = 0x6c
CUFFT_Z2Z = 0x69
# Transform direction (the sign of the exponent)
CUFFT_FORWARD = -1
CUFFT_INVERSE = 1
# libraryPropertyType
MAJOR_VERSION = 0
MINOR_VERSION = 1
PATCH_LEVEL = 2

_EXEC_NAMES = {CUFFT_C2C: "cufftExecC2C", CUFFT_Z2Z: "cufftExecZ2Z",
               CUFFT_R2C: "cufftExecR2C", CUFFT_D2Z: "cufftExecD2Z",
               CUFFT_C2R: "cufftExecC2R", CUFFT_Z2D: "cufftExecZ2D"}


class CUFFTError(LibraryStatusError):
    """A cuFFT call failed.

    Attributes:
        status: the ``cufftResult`` code.
        name: its name, e.g. ``'CUFFT_INVALID_SIZE'``.
        call: the failing call, e.g. ``'cufftMakePlanMany64'``.
    """

    library = "cuFFT"
    missing_name = "CUFFT_MISSING_SYMBOL"

    @staticmethod
    def status_name(status):
        return _STATUS_NAMES.get(status, f"CUFFT_STATUS_{status}")


cdef int _load() except -1:
    global _link, _create, _destroy, _set_stream, _set_auto_allocation, _set_work_area
    global _get_version, _get_property, _make_plan_many, _make_plan_many64
    global _exec_c2c, _exec_z2z, _exec_r2c, _exec_d2z, _exec_c2r, _exec_z2d
    if _link is not None and _link._handle != NULL:
        return 0
    cdef SoftLink link
    with _lock:
        if _link is None:
            link = SoftLink("cufft")
            if link.available:
                _create = <f_create>link.get("cufftCreate")
                _destroy = <f_destroy>link.get("cufftDestroy")
                _set_stream = <f_set_stream>link.get("cufftSetStream")
                _set_auto_allocation = <f_set_auto_allocation>link.get(
                    "cufftSetAutoAllocation")
                _set_work_area = <f_set_work_area>link.get("cufftSetWorkArea")
                _get_version = <f_get_version>link.get("cufftGetVersion")
                _get_property = <f_get_property>link.get("cufftGetProperty")
                _make_plan_many = <f_make_plan_many>link.get("cufftMakePlanMany")
                _make_plan_many64 = <f_make_plan_many64>link.get("cufftMakePlanMany64")
                _exec_c2c = <f_exec_c2c>link.get("cufftExecC2C")
                _exec_z2z = <f_exec_c2c>link.get("cufftExecZ2Z")
                _exec_r2c = <f_exec_r2c>link.get("cufftExecR2C")
                _exec_d2z = <f_exec_r2c>link.get("cufftExecD2Z")
                _exec_c2r = <f_exec_r2c>link.get("cufftExecC2R")
                _exec_z2d = <f_exec_r2c>link.get("cufftExecZ2D")
            _link = link
    _library.require(_link, "cuFFT", "nvidia-cufft")
    return 0


cdef inline int _check(cufftResult status, str call) except -1:
    if status != 0:
        raise CUFFTError(status, call)
    return 0


def _loaded():
    _load()
    return _link


is_available, library, check_status = _library.module_functions(
    _loaded, CUFFTError, "cuFFT")


# --- library ------------------------------------------------------------------------------------

def getVersion():
    """``cufftGetVersion``: e.g. 12000 for cuFFT 12.0 (no device needed)."""
    cdef int value = 0
    _load()
    _check(_get_version(&value), "cufftGetVersion")
    return value


def getProperty(int prop):
    """``cufftGetProperty``: MAJOR_VERSION, MINOR_VERSION or PATCH_LEVEL (no device needed)."""
    cdef int value = 0
    _load()
    _check(_get_property(prop, &value), "cufftGetProperty")
    return value


# --- plans --------------------------------------------------------------------------------------

def create():
    """``cufftCreate``: a new, empty plan handle (an int) to be made by ``makePlanMany*``."""
    cdef cufftHandle plan = 0
    _load()
    with nogil:
        status = _create(&plan)
    _check(status, "cufftCreate")
    return plan


def destroy(int plan):
    """``cufftDestroy``: frees the plan and the work area cuFFT allocated for it, if any."""
    _load()
    with nogil:
        status = _destroy(<cufftHandle>plan)
    _check(status, "cufftDestroy")


def setStream(int plan, intptr_t stream):
    """``cufftSetStream``: later executions of ``plan`` are ordered on ``stream``."""
    _load()
    _check(_set_stream(<cufftHandle>plan, <void*>stream), "cufftSetStream")


def setAutoAllocation(int plan, bint auto_allocate):
    """``cufftSetAutoAllocation``; call before making the plan. With False, the caller hands a
    work area of the size ``makePlanMany*`` returned to ``setWorkArea`` before each
    execution."""
    _load()
    _check(_set_auto_allocation(<cufftHandle>plan, auto_allocate), "cufftSetAutoAllocation")


def setWorkArea(int plan, intptr_t work_area):
    """``cufftSetWorkArea``: device memory the plan uses while it executes."""
    _load()
    _check(_set_work_area(<cufftHandle>plan, <void*>work_area), "cufftSetWorkArea")


cdef int _rank(object n, object inembed, object onembed) except -1:
    cdef int rank = len(n)
    if not 1 <= rank <= 3:
        raise ValueError(f"cuFFT plans have rank 1 to 3, got {rank}")
    if len(inembed) != rank or len(onembed) != rank:
        raise ValueError("n, inembed and onembed must have the same length")
    return rank


def makePlanMany(int plan, n, inembed, int istride, int idist, onembed, int ostride,
                 int odist, int fft_type, int batch):
    """``cufftMakePlanMany`` (32-bit sizes): returns the work area size in bytes."""
    cdef int rank = _rank(n, inembed, onembed)
    cdef int c_n[3]
    cdef int c_in[3]
    cdef int c_on[3]
    cdef size_t work = 0
    for i in range(rank):
        c_n[i], c_in[i], c_on[i] = n[i], inembed[i], onembed[i]
    _load()
    with nogil:
        status = _make_plan_many(<cufftHandle>plan, rank, c_n, c_in, istride, idist, c_on,
                                 ostride, odist, fft_type, batch, &work)
    _check(status, "cufftMakePlanMany")
    return work


def makePlanMany64(int plan, n, inembed, long long istride, long long idist, onembed,
                   long long ostride, long long odist, int fft_type, long long batch):
    """``cufftMakePlanMany64`` (64-bit sizes and strides): returns the work area size in
    bytes."""
    cdef int rank = _rank(n, inembed, onembed)
    cdef long long c_n[3]
    cdef long long c_in[3]
    cdef long long c_on[3]
    cdef size_t work = 0
    for i in range(rank):
        c_n[i], c_in[i], c_on[i] = n[i], inembed[i], onembed[i]
    _load()
    with nogil:
        status = _make_plan_many64(<cufftHandle>plan, rank, c_n, c_in, istride, idist, c_on,
                                   ostride, odist, fft_type, batch, &work)
    _check(status, "cufftMakePlanMany64")
    return work


# --- execution ----------------------------------------------------------------------------------

def execC2C(int plan, intptr_t idata, intptr_t odata, int direction):
    """``cufftExecC2C`` (complex64); ``direction`` is CUFFT_FORWARD or CUFFT_INVERSE."""
    _load()
    with nogil:
        status = _exec_c2c(<cufftHandle>plan, <void*>idata, <void*>odata, direction)
    _check(status, "cufftExecC2C")


def execZ2Z(int plan, intptr_t idata, intptr_t odata, int direction):
    """``cufftExecZ2Z`` (complex128)."""
    _load()
    with nogil:
        status = _exec_z2z(<cufftHandle>plan, <void*>idata, <void*>odata, direction)
    _check(status, "cufftExecZ2Z")


def execR2C(int plan, intptr_t idata, intptr_t odata):
    """``cufftExecR2C``: float32 in, complex64 out (always forward)."""
    _load()
    with nogil:
        status = _exec_r2c(<cufftHandle>plan, <void*>idata, <void*>odata)
    _check(status, "cufftExecR2C")


def execD2Z(int plan, intptr_t idata, intptr_t odata):
    """``cufftExecD2Z``: float64 in, complex128 out (always forward)."""
    _load()
    with nogil:
        status = _exec_d2z(<cufftHandle>plan, <void*>idata, <void*>odata)
    _check(status, "cufftExecD2Z")


def execC2R(int plan, intptr_t idata, intptr_t odata):
    """``cufftExecC2R``: complex64 in, float32 out (always inverse; may overwrite the
    input)."""
    _load()
    with nogil:
        status = _exec_c2r(<cufftHandle>plan, <void*>idata, <void*>odata)
    _check(status, "cufftExecC2R")


def execZ2D(int plan, intptr_t idata, intptr_t odata):
    """``cufftExecZ2D``: complex128 in, float64 out (always inverse; may overwrite the
    input)."""
    _load()
    with nogil:
        status = _exec_z2d(<cufftHandle>plan, <void*>idata, <void*>odata)
    _check(status, "cufftExecZ2D")
