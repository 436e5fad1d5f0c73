# cython: language_level=3
"""CUDA driver API bindings.

libcuda is not a wheel: it comes with the driver and is found by the system loader
(``libcuda.so.1``). Importing this module never fails; the first call that needs the driver loads
it and runs ``cuInit``, and a missing driver only means ``is_available()`` is False. Entry points
a driver lacks (an older driver) fail when called, with CUDADriverError naming the call.

Every failure raises :class:`CUDADriverError` with the failing call's name and the driver's own
error name and description.
"""
import threading

from libc.stdint cimport intptr_t
from libc.string cimport memset

from cupy_backends.cuda._softlink cimport SoftLink, func_ptr, SOFTLINK_MISSING
from cupy_backends.cuda.api._errors import CUDADriverError  # NOQA (re-exported, as in CuPy)

# Candidate symbol names for each DriverAPI field, in field order; the first one the driver
# exports wins (newest ABI first).
_SYMBOLS = (
    ("cuInit",), ("cuDriverGetVersion",), ("cuGetErrorName",), ("cuGetErrorString",),
    ("cuDeviceGetCount",), ("cuDeviceGet",), ("cuDeviceGetAttribute",), ("cuDeviceGetName",),
    ("cuDeviceTotalMem_v2",), ("cuDevicePrimaryCtxRetain",),
    ("cuDevicePrimaryCtxRelease_v2", "cuDevicePrimaryCtxRelease"),
    ("cuCtxSetCurrent",), ("cuCtxGetCurrent",), ("cuCtxGetDevice",), ("cuCtxSynchronize",),
    ("cuMemAlloc_v2",), ("cuMemFree_v2",), ("cuMemAllocAsync",), ("cuMemFreeAsync",),
    ("cuMemGetInfo_v2",), ("cuMemHostAlloc",), ("cuMemFreeHost",),
    ("cuMemcpy",), ("cuMemcpyAsync",),
    ("cuMemcpyHtoD_v2",), ("cuMemcpyDtoH_v2",), ("cuMemcpyDtoD_v2",),
    ("cuMemcpyHtoDAsync_v2",), ("cuMemcpyDtoHAsync_v2",), ("cuMemcpyDtoDAsync_v2",),
    ("cuMemsetD8_v2",), ("cuMemsetD8Async",), ("cuPointerGetAttribute",),
    ("cuStreamCreate",), ("cuStreamCreateWithPriority",), ("cuStreamDestroy_v2",),
    ("cuStreamSynchronize",), ("cuStreamQuery",), ("cuStreamWaitEvent",),
    ("cuEventCreate",), ("cuEventDestroy_v2",), ("cuEventRecord",), ("cuEventSynchronize",),
    ("cuEventQuery",), ("cuEventElapsedTime_v2", "cuEventElapsedTime"),
    ("cuModuleLoadData",), ("cuModuleUnload",), ("cuModuleGetFunction",),
    ("cuModuleGetGlobal_v2",), ("cuLaunchKernel",), ("cuFuncGetAttribute",),
    ("cuFuncSetAttribute",), ("cuOccupancyMaxActiveBlocksPerMultiprocessor",),
)

LIBRARY = "libcuda.so.1"

cdef DriverAPI api
cdef bint _loaded = False
cdef object _load_error = None   # the exception every later call re-raises
cdef SoftLink _link = None
_lock = threading.Lock()

# CUfunction_attribute
CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 0
CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES = 1
CU_FUNC_ATTRIBUTE_CONST_SIZE_BYTES = 2
CU_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES = 3
CU_FUNC_ATTRIBUTE_NUM_REGS = 4
CU_FUNC_ATTRIBUTE_PTX_VERSION = 5
CU_FUNC_ATTRIBUTE_BINARY_VERSION = 6
CU_FUNC_ATTRIBUTE_CACHE_MODE_CA = 7
CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES = 8
CU_FUNC_ATTRIBUTE_PREFERRED_SHARED_MEMORY_CARVEOUT = 9

# CUpointer_attribute (the scalar ones pointerGetAttribute supports)
CU_POINTER_ATTRIBUTE_CONTEXT = 1
CU_POINTER_ATTRIBUTE_MEMORY_TYPE = 2
CU_POINTER_ATTRIBUTE_DEVICE_POINTER = 3
CU_POINTER_ATTRIBUTE_HOST_POINTER = 4
CU_POINTER_ATTRIBUTE_SYNC_MEMOPS = 6
CU_POINTER_ATTRIBUTE_BUFFER_ID = 7
CU_POINTER_ATTRIBUTE_IS_MANAGED = 8
CU_POINTER_ATTRIBUTE_DEVICE_ORDINAL = 9
CU_POINTER_ATTRIBUTE_RANGE_START_ADDR = 11
CU_POINTER_ATTRIBUTE_RANGE_SIZE = 12
CU_POINTER_ATTRIBUTE_MAPPED = 13
_POINTER_ATTRIBUTES = frozenset((1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13))

# CUmemorytype
CU_MEMORYTYPE_HOST = 1
CU_MEMORYTYPE_DEVICE = 2
CU_MEMORYTYPE_ARRAY = 3
CU_MEMORYTYPE_UNIFIED = 4


cdef int _load() except -1:
    """Load libcuda, resolve the table and run cuInit. Failures are remembered and re-raised."""
    global _loaded, _load_error, _link
    cdef SoftLink link
    cdef func_ptr* table
    cdef void* p
    cdef CUresult status
    with _lock:
        if _loaded:
            return 0
        if _load_error is not None:
            raise _load_error
        link = SoftLink(LIBRARY, system=True)
        if not link.available:
            _load_error = RuntimeError(f"CUDA driver ({LIBRARY}) is not available: {link.error}")
            raise _load_error
        assert sizeof(DriverAPI) == len(_SYMBOLS) * sizeof(void*)
        table = <func_ptr*>&api
        memset(&api, 0, sizeof(DriverAPI))
        for i, names in enumerate(_SYMBOLS):
            table[i] = NULL
            for name in names:
                p = link.find(name)
                if p != NULL:
                    table[i] = <func_ptr>p
                    break
            if table[i] == NULL:
                table[i] = link.get(names[0])   # the stub: fails when called, naming it
        _link = link
        status = api.cuInit(0)
        if status != CUDA_SUCCESS:
            _load_error = _make_error(status, b"cuInit", None)
            raise _load_error
        _loaded = True
    return 0


cdef object _make_error(CUresult status, const char* call, detail):
    cdef const char* name = NULL
    cdef const char* desc = NULL
    if status == SOFTLINK_MISSING:
        # CUDA_ERROR_NOT_SUPPORTED: the closest driver status for an absent entry point.
        return CUDADriverError(
            801, call.decode(),
            f"{LIBRARY} does not export this entry point; the installed driver is too old")
    if _link is not None and _link.has("cuGetErrorName"):
        if api.cuGetErrorName(status, &name) != CUDA_SUCCESS:
            name = NULL
        if api.cuGetErrorString(status, &desc) != CUDA_SUCCESS:
            desc = NULL
    return CUDADriverError(status, call.decode(), detail or "",
                           name=name.decode() if name != NULL else None,
                           description=desc.decode() if desc != NULL else None)


cdef int check(CUresult status, const char* call, detail=None) except -1:
    if status != CUDA_SUCCESS:
        raise _make_error(status, call, detail)
    return 0


cdef DriverAPI* get_api() except NULL:
    if not _loaded:
        _load()
    return &api


# --- Python-level API (CuPy's names) ----------------------------------------------------------

def check_status(int status, str call=""):
    """Raise CUDADriverError for a failing ``CUresult``; return None for CUDA_SUCCESS."""
    check(status, call.encode())


def is_available():
    """True when libcuda loads, ``cuInit`` succeeds and at least one device exists."""
    cdef int count = 0
    try:
        _load()
    except Exception:
        return False
    if api.cuDeviceGetCount(&count) != CUDA_SUCCESS:
        return False
    return count > 0


def get_load_error():
    """Why the driver could not be used (an exception), or None when it loaded or was not tried."""
    return _load_error


def get_build_version():
    """The CUDA API level these bindings are written against (e.g. ``13000``)."""
    return 13000


def driverGetVersion():
    """The installed driver's CUDA version as an integer (e.g. ``13000`` for 13.0)."""
    cdef int v = 0
    check(get_api().cuDriverGetVersion(&v), b"cuDriverGetVersion")
    return v


def deviceGetCount():
    """Number of CUDA devices."""
    cdef int n = 0
    check(get_api().cuDeviceGetCount(&n), b"cuDeviceGetCount")
    return n


def deviceGet(int ordinal):
    """The ``CUdevice`` handle of device ``ordinal``."""
    cdef CUdevice dev = 0
    check(get_api().cuDeviceGet(&dev, ordinal), b"cuDeviceGet")
    return dev


def deviceGetAttribute(int attrib, int device):
    """The value of ``CUdevice_attribute`` ``attrib`` for ``device``."""
    cdef int value = 0
    check(get_api().cuDeviceGetAttribute(&value, attrib, device), b"cuDeviceGetAttribute")
    return value


def devicePrimaryCtxRetain(int device):
    """Retain ``device``'s primary context and return it (an int handle)."""
    cdef CUcontext ctx = NULL
    check(get_api().cuDevicePrimaryCtxRetain(&ctx, device), b"cuDevicePrimaryCtxRetain")
    return <intptr_t>ctx


def devicePrimaryCtxRelease(int device):
    """Release one reference to ``device``'s primary context."""
    check(get_api().cuDevicePrimaryCtxRelease(device), b"cuDevicePrimaryCtxRelease")


def ctxGetCurrent():
    """The calling thread's current context (0 when none)."""
    cdef CUcontext ctx = NULL
    check(get_api().cuCtxGetCurrent(&ctx), b"cuCtxGetCurrent")
    return <intptr_t>ctx


def ctxSetCurrent(intptr_t ctx):
    """Make ``ctx`` the calling thread's current context."""
    check(get_api().cuCtxSetCurrent(<CUcontext>ctx), b"cuCtxSetCurrent")


def ctxGetDevice():
    """The device of the calling thread's current context."""
    cdef CUdevice dev = 0
    check(get_api().cuCtxGetDevice(&dev), b"cuCtxGetDevice")
    return dev


def ctxSynchronize():
    """Wait for all work of the current context."""
    cdef DriverAPI* d = get_api()
    cdef CUresult status
    with nogil:
        status = d.cuCtxSynchronize()
    check(status, b"cuCtxSynchronize")


def memAllocAsync(size_t size, intptr_t stream):
    """Stream-ordered allocation from the device's default memory pool."""
    cdef CUdeviceptr p = 0
    check(get_api().cuMemAllocAsync(&p, size, <CUstream>stream), b"cuMemAllocAsync")
    return <intptr_t>p


def memFreeAsync(intptr_t ptr, intptr_t stream):
    """Stream-ordered free of memory from ``memAllocAsync``."""
    check(get_api().cuMemFreeAsync(<CUdeviceptr>ptr, <CUstream>stream), b"cuMemFreeAsync")


def pointerGetAttribute(int attribute, intptr_t ptr):
    """A scalar ``CUpointer_attribute`` of ``ptr`` as an int (``CU_POINTER_ATTRIBUTE_*``)."""
    # Every supported attribute is at most 8 bytes; the zeroed wider buffer reads back the
    # 4-byte ones unchanged on a little-endian host.
    cdef unsigned long long value = 0
    if attribute not in _POINTER_ATTRIBUTES:
        raise ValueError(f"unsupported pointer attribute {attribute}")
    check(get_api().cuPointerGetAttribute(&value, attribute, <CUdeviceptr>ptr),
          b"cuPointerGetAttribute")
    return value


def moduleLoadData(bytes image):
    """Load a CUBIN/fatbin/PTX image into the current context; return the module handle."""
    cdef CUmodule m = NULL
    cdef const char* data = image
    cdef DriverAPI* d = get_api()
    cdef CUresult status
    with nogil:
        status = d.cuModuleLoadData(&m, data)
    check(status, b"cuModuleLoadData")
    return <intptr_t>m


def moduleUnload(intptr_t module):
    """Unload ``module``; its functions and globals become invalid."""
    check(get_api().cuModuleUnload(<CUmodule>module), b"cuModuleUnload")


def moduleGetFunction(intptr_t module, str funcname):
    """The kernel ``funcname`` (a lowered symbol) of ``module``."""
    cdef CUfunction f = NULL
    check(get_api().cuModuleGetFunction(&f, <CUmodule>module, funcname.encode()),
          b"cuModuleGetFunction", funcname)
    return <intptr_t>f


def moduleGetGlobal(intptr_t module, str varname):
    """``(device pointer, size in bytes)`` of the ``__device__`` variable ``varname``."""
    cdef CUdeviceptr p = 0
    cdef size_t size = 0
    check(get_api().cuModuleGetGlobal(&p, &size, <CUmodule>module, varname.encode()),
          b"cuModuleGetGlobal", varname)
    return <intptr_t>p, size


def launchKernel(intptr_t f, unsigned int grid_dim_x, unsigned int grid_dim_y,
                 unsigned int grid_dim_z, unsigned int block_dim_x, unsigned int block_dim_y,
                 unsigned int block_dim_z, unsigned int shared_mem_bytes, intptr_t stream,
                 intptr_t kernel_params, intptr_t extra):
    """cuLaunchKernel; ``kernel_params`` is the address of a ``void*[]`` of argument pointers."""
    check(get_api().cuLaunchKernel(<CUfunction>f, grid_dim_x, grid_dim_y, grid_dim_z,
                                   block_dim_x, block_dim_y, block_dim_z, shared_mem_bytes,
                                   <CUstream>stream, <void**>kernel_params, <void**>extra),
          b"cuLaunchKernel")


def funcGetAttribute(int attribute, intptr_t f):
    """The value of ``CUfunction_attribute`` ``attribute`` (``CU_FUNC_ATTRIBUTE_*``) of ``f``."""
    cdef int value = 0
    check(get_api().cuFuncGetAttribute(&value, attribute, <CUfunction>f), b"cuFuncGetAttribute")
    return value


def funcSetAttribute(intptr_t f, int attribute, int value):
    """Set ``CUfunction_attribute`` ``attribute`` of ``f``."""
    check(get_api().cuFuncSetAttribute(<CUfunction>f, attribute, value), b"cuFuncSetAttribute")


def occupancyMaxActiveBlocksPerMultiprocessor(intptr_t func, int block_size,
                                              size_t dynamic_smem_size):
    """How many blocks of ``block_size`` threads of ``func`` fit on one multiprocessor."""
    cdef int n = 0
    check(get_api().cuOccupancyMaxActiveBlocksPerMultiprocessor(
        &n, <CUfunction>func, block_size, dynamic_smem_size),
        b"cuOccupancyMaxActiveBlocksPerMultiprocessor")
    return n
