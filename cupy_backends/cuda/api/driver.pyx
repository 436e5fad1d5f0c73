# cython: language_level=3
"""CUDA driver API bindings. libcuda is not a wheel: it comes with the driver and is found by the
system loader (``libcuda.so.1``). Importing this module never fails; a missing driver only
means the cuda backend is unavailable (``is_available()`` is False)."""
from libc.string cimport memset

from cupy_backends.cuda.api._errors import CUDADriverError

from posix.dlfcn cimport dlopen, dlsym, dlerror, RTLD_NOW, RTLD_GLOBAL

cdef DriverAPI api
cdef void* _handle = NULL
cdef object _load_error = None

# (field offset is implied by order) name to resolve; each entry lists candidate symbol names,
# newest ABI first.
_SYMBOLS = (
    ("cuInit",), ("cuDriverGetVersion",), ("cuDeviceGetCount",), ("cuDeviceGet",),
    ("cuDeviceGetAttribute",), ("cuDeviceGetName",), ("cuDeviceTotalMem_v2",),
    ("cuDevicePrimaryCtxRetain",), ("cuCtxSetCurrent",), ("cuCtxGetCurrent",),
    ("cuCtxGetDevice",), ("cuCtxSynchronize",), ("cuMemAlloc_v2",), ("cuMemFree_v2",),
    ("cuMemcpy",), ("cuMemcpyAsync",), ("cuMemsetD8_v2",), ("cuMemsetD8Async",),
    ("cuMemHostAlloc",), ("cuMemFreeHost",), ("cuMemGetInfo_v2",),
    ("cuStreamCreateWithPriority",), ("cuStreamDestroy_v2",), ("cuStreamSynchronize",),
    ("cuStreamQuery",), ("cuStreamWaitEvent",), ("cuEventCreate",), ("cuEventDestroy_v2",),
    ("cuEventRecord",), ("cuEventSynchronize",), ("cuEventQuery",),
    ("cuEventElapsedTime_v2", "cuEventElapsedTime"), ("cuModuleLoadData",), ("cuModuleUnload",),
    ("cuModuleGetFunction",), ("cuModuleGetGlobal_v2",), ("cuLaunchKernel",),
    ("cuFuncGetAttribute",), ("cuFuncSetAttribute",),
    ("cuOccupancyMaxActiveBlocksPerMultiprocessor",), ("cuGetErrorName",), ("cuGetErrorString",),
)


cdef int load() except -1:  # NOQA
    """Load libcuda and resolve every entry point; raise CUDADriverError/RuntimeError if impossible."""
    global _handle, _load_error
    if _handle != NULL:
        return 0
    if _load_error is not None:
        raise _load_error
    cdef void* h = dlopen(b"libcuda.so.1", RTLD_NOW | RTLD_GLOBAL)
    if h == NULL:
        _load_error = RuntimeError(
            f"CUDA driver (libcuda.so.1) not found: {dlerror().decode()}")
        raise _load_error
    assert sizeof(DriverAPI) == len(_SYMBOLS) * sizeof(void*)
    cdef void** table = <void**>&api
    cdef void* p
    memset(&api, 0, sizeof(DriverAPI))
    for i, names in enumerate(_SYMBOLS):
        p = NULL
        for name in names:
            p = dlsym(h, name.encode())
            if p != NULL:
                break
        if p == NULL:
            _load_error = RuntimeError(f"CUDA driver lacks {names[0]}; the driver is too old")
            raise _load_error
        table[i] = p
    _handle = h
    cdef CUresult status = api.cuInit(0)
    if status != 0:
        _handle = NULL
        _load_error = _make_error(status, b"cuInit")
        raise _load_error
    return 0


cdef object _make_error(CUresult status, const char* call):
    cdef const char* name = NULL
    cdef const char* desc = NULL
    if api.cuGetErrorName != NULL:
        api.cuGetErrorName(status, &name)
        api.cuGetErrorString(status, &desc)
    return CUDADriverError(status, call.decode(),
                           name=name.decode() if name != NULL else None,
                           description=desc.decode() if desc != NULL else None)


cdef int check(CUresult status, const char* call) except -1:
    if status != 0:
        raise _make_error(status, call)
    return 0


cdef DriverAPI* get_api() except NULL:
    if _handle == NULL:
        load()
    return &api


def is_available():
    """True when libcuda loads, cuInit succeeds and at least one device exists."""
    cdef int count = 0
    try:
        load()
    except Exception:
        return False
    if api.cuDeviceGetCount(&count) != 0:
        return False
    return count > 0


def get_build_version():
    """The CUDA API level these bindings are written against."""
    return 13000


def driverGetVersion():
    """The installed driver's CUDA version as an integer (e.g. 13000)."""
    cdef int v = 0
    load()
    check(api.cuDriverGetVersion(&v), b"cuDriverGetVersion")
    return v
