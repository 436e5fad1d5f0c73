# cython: language_level=3
"""CudaBackend: the backend boundary on the CUDA driver API, and NVRTC compilation to CUBIN.

Each device's primary context is retained on first use and made current in the calling thread
whenever that thread has none, so the hot path costs one cuCtxGetCurrent. Kernels compile to
CUBIN for the device's exact ``sm_XY`` (never PTX: the driver may be older than NVRTC).
"""
import os
import re

from libc.stdint cimport intptr_t

from cupy_backends.backend cimport Backend
from cupy_backends.cuda.api.driver cimport (
    DriverAPI, get_api, check, CUcontext, CUdevice, CUdeviceptr, CUstream, CUevent, CUmodule,
    CUfunction)
from cupy_backends.cuda.api import driver as _driver
from cupy_backends.program import CompileException, ObjectCode, ProgramSpec

# CUdevice_attribute values used for device_properties().
_DEVICE_ATTRIBUTES = {
    "maxThreadsPerBlock": 1, "sharedMemPerBlock": 8, "totalConstMem": 9, "warpSize": 10,
    "regsPerBlock": 12, "clockRate": 13, "multiProcessorCount": 16, "integrated": 18,
    "canMapHostMemory": 19, "computeMode": 20, "concurrentKernels": 31, "ECCEnabled": 32,
    "pciBusID": 33, "pciDeviceID": 34, "l2CacheSize": 38, "maxThreadsPerMultiProcessor": 39,
    "unifiedAddressing": 41, "pciDomainID": 50, "major": 75, "minor": 76,
    "managedMemory": 83, "sharedMemPerBlockOptin": 97,
}
_FUNC_ATTRIBUTES = (
    "max_threads_per_block", "shared_size_bytes", "const_size_bytes", "local_size_bytes",
    "num_regs", "ptx_version", "binary_version", "cache_mode_ca",
    "max_dynamic_shared_size_bytes", "preferred_shared_memory_carveout",
)
_SETTABLE_FUNC_ATTRIBUTES = ("max_dynamic_shared_size_bytes", "preferred_shared_memory_carveout")
_CU_EVENT_BLOCKING_SYNC = 1
_CU_EVENT_DISABLE_TIMING = 2
_CU_EVENT_INTERPROCESS = 4
_CU_STREAM_NON_BLOCKING = 1
_CUDA_ERROR_NOT_READY = 600

_INCLUDE_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
    "cupy", "_core", "include")


def is_available():
    """True when the CUDA driver loads, initialises and sees at least one device."""
    return _driver.is_available()


# --- NVRTC ------------------------------------------------------------------------------------

_header_dirs = None


def _nvrtc_include_dirs():
    """Include directories for NVRTC: CUDA's headers (cuda_fp16.h, ...) from the wheels,
    CCCL when installed, and our device headers."""
    global _header_dirs
    if _header_dirs is None:
        dirs = []
        try:
            from cuda import pathfinder
            for lib in ("cudart", "cccl"):
                try:
                    d = pathfinder.find_nvidia_header_directory(lib)
                except Exception:
                    d = None
                if d and d not in dirs:
                    dirs.append(d)
        except ImportError:
            pass
        dirs.append(_INCLUDE_DIR)
        _header_dirs = tuple(dirs)
    return _header_dirs


def _has_std_option(options):
    return any(o.startswith(("-std", "--std")) for o in options)


def compile_nvrtc(spec):
    """Compile ``spec`` (a ProgramSpec; ``spec.arch`` like ``'sm_90'``) with NVRTC to CUBIN.

    Works without a GPU. Raises CompileException with NVRTC's log when the source is bad, and
    RuntimeError when NVRTC cannot be loaded.
    """
    from cupy_backends.cuda.libs import nvrtc

    if not re.fullmatch(r"sm_\d+[af]?", spec.arch or ""):
        raise ValueError(f"NVRTC target must be 'sm_XY', got {spec.arch!r}")
    options = [o for o in spec.options
               if not o.startswith(("-arch", "--gpu-architecture", "-gencode"))]
    options.append(f"--gpu-architecture={spec.arch}")
    if not _has_std_option(options):
        options.append("-std=c++17")
    options += [f"-I{d}" for d in _nvrtc_include_dirs()]
    prog = nvrtc.Program(spec.source, spec.name)
    for expr in spec.name_expressions:
        prog.add_name_expression(expr)
    status = prog.compile(options)
    log = prog.get_log()
    if status != 0:
        raise CompileException(log, spec.source, spec.name, spec.options, "nvrtc")
    lowered = {expr: prog.get_lowered_name(expr) for expr in spec.name_expressions}
    return ObjectCode(image=prog.get_cubin(), lowered_names=lowered, log=log, kind="cubin")


def _nvrtc_max_arch():
    from cupy_backends.cuda.libs import nvrtc
    return max(nvrtc.getSupportedArchs())


# --- the backend ------------------------------------------------------------------------------

cdef class CudaBackend(Backend):
    """The GPU through the CUDA driver API."""

    cdef DriverAPI* d
    cdef list _contexts       # device id -> primary CUcontext as int (0 until retained)
    cdef int _count

    def __init__(self):
        cdef int count = 0
        self.name = "cuda"
        self.d = get_api()
        check(self.d.cuDeviceGetCount(&count), b"cuDeviceGetCount")
        if count == 0:
            from cupy_backends.cuda.api._errors import CUDADriverError
            raise CUDADriverError(100, "cuDeviceGetCount")
        self._count = count
        self._contexts = [0] * count

    cdef CUcontext _context_of(self, int device) except NULL:
        cdef CUdevice dev
        cdef CUcontext ctx = NULL
        if device < 0 or device >= self._count:
            from cupy_backends.cuda.api._errors import CUDADriverError
            raise CUDADriverError(101, "cuDeviceGet", f"device {device} of {self._count}")
        if self._contexts[device] == 0:
            check(self.d.cuDeviceGet(&dev, device), b"cuDeviceGet")
            check(self.d.cuDevicePrimaryCtxRetain(&ctx, dev), b"cuDevicePrimaryCtxRetain")
            self._contexts[device] = <intptr_t>ctx
        return <CUcontext><intptr_t>self._contexts[device]

    cdef inline int _ensure_context(self) except -1:
        cdef CUcontext ctx = NULL
        check(self.d.cuCtxGetCurrent(&ctx), b"cuCtxGetCurrent")
        if ctx == NULL:
            check(self.d.cuCtxSetCurrent(self._context_of(0)), b"cuCtxSetCurrent")
        return 0

    # --- devices -------------------------------------------------------------------------
    cpdef int device_count(self) except -1:
        return self._count

    cpdef int get_device(self) except -1:
        cdef CUdevice dev = 0
        self._ensure_context()
        check(self.d.cuCtxGetDevice(&dev), b"cuCtxGetDevice")
        return dev

    cpdef set_device(self, int device):
        check(self.d.cuCtxSetCurrent(self._context_of(device)), b"cuCtxSetCurrent")

    cpdef dict device_properties(self, int device):
        cdef CUdevice dev
        cdef int value = 0
        cdef char name[256]
        cdef size_t total = 0
        check(self.d.cuDeviceGet(&dev, device), b"cuDeviceGet")
        props = {}
        for key, attr in _DEVICE_ATTRIBUTES.items():
            check(self.d.cuDeviceGetAttribute(&value, attr, dev), b"cuDeviceGetAttribute")
            props[key] = value
        dims = []
        for attr in (2, 3, 4, 5, 6, 7):
            check(self.d.cuDeviceGetAttribute(&value, attr, dev), b"cuDeviceGetAttribute")
            dims.append(value)
        props["maxThreadsDim"] = tuple(dims[:3])
        props["maxGridSize"] = tuple(dims[3:])
        check(self.d.cuDeviceGetName(name, 256, dev), b"cuDeviceGetName")
        props["name"] = name.decode()
        check(self.d.cuDeviceTotalMem(&total, dev), b"cuDeviceTotalMem")
        props["totalGlobalMem"] = total
        return props

    cpdef tuple mem_info(self, int device):
        cdef size_t free = 0, total = 0
        cdef int current = self.get_device()
        if device != current:
            self.set_device(device)
        try:
            check(self.d.cuMemGetInfo(&free, &total), b"cuMemGetInfo")
        finally:
            if device != current:
                self.set_device(current)
        return (free, total)

    cpdef device_synchronize(self):
        cdef int status
        self._ensure_context()
        with nogil:
            status = self.d.cuCtxSynchronize()
        check(status, b"cuCtxSynchronize")

    cpdef tuple versions(self):
        cdef int driver = 0
        check(self.d.cuDriverGetVersion(&driver), b"cuDriverGetVersion")
        try:
            from cupy_backends.cuda.libs import nvrtc
            major, minor = nvrtc.getVersion()
            runtime = major * 1000 + minor * 10
        except Exception:
            runtime = driver
        return (driver, runtime)

    # --- memory --------------------------------------------------------------------------
    cpdef intptr_t malloc(self, size_t size) except? 0:
        cdef CUdeviceptr p = 0
        self._ensure_context()
        check(self.d.cuMemAlloc(&p, size if size > 0 else 1), b"cuMemAlloc")
        return <intptr_t>p

    cpdef free(self, intptr_t ptr):
        self._ensure_context()
        check(self.d.cuMemFree(<CUdeviceptr>ptr), b"cuMemFree")

    cpdef memcpy(self, intptr_t dst, intptr_t src, size_t size, int kind):
        # Unified addressing lets cuMemcpy infer the direction from the pointers.
        cdef int status
        if size == 0:
            return
        self._ensure_context()
        with nogil:
            status = self.d.cuMemcpy(<CUdeviceptr>dst, <CUdeviceptr>src, size)
        check(status, b"cuMemcpy")

    cpdef memcpy_async(self, intptr_t dst, intptr_t src, size_t size, int kind, intptr_t stream):
        if size == 0:
            return
        self._ensure_context()
        check(self.d.cuMemcpyAsync(<CUdeviceptr>dst, <CUdeviceptr>src, size, <CUstream>stream),
              b"cuMemcpyAsync")

    cpdef memset(self, intptr_t ptr, int value, size_t size):
        if size == 0:
            return
        self._ensure_context()
        check(self.d.cuMemsetD8(<CUdeviceptr>ptr, <unsigned char>value, size), b"cuMemsetD8")

    cpdef memset_async(self, intptr_t ptr, int value, size_t size, intptr_t stream):
        if size == 0:
            return
        self._ensure_context()
        check(self.d.cuMemsetD8Async(<CUdeviceptr>ptr, <unsigned char>value, size, <CUstream>stream),
              b"cuMemsetD8Async")

    cpdef intptr_t host_alloc(self, size_t size) except? 0:
        cdef void* p = NULL
        self._ensure_context()
        # CU_MEMHOSTALLOC_PORTABLE: usable from every context.
        check(self.d.cuMemHostAlloc(&p, size if size > 0 else 1, 1), b"cuMemHostAlloc")
        return <intptr_t>p

    cpdef host_free(self, intptr_t ptr):
        self._ensure_context()
        check(self.d.cuMemFreeHost(<void*>ptr), b"cuMemFreeHost")

    # --- streams and events --------------------------------------------------------------
    cpdef intptr_t stream_create(self, bint non_blocking, int priority) except? 0:
        cdef CUstream s = NULL
        self._ensure_context()
        check(self.d.cuStreamCreateWithPriority(
            &s, _CU_STREAM_NON_BLOCKING if non_blocking else 0, priority),
            b"cuStreamCreateWithPriority")
        return <intptr_t>s

    cpdef stream_destroy(self, intptr_t stream):
        check(self.d.cuStreamDestroy(<CUstream>stream), b"cuStreamDestroy")

    cpdef stream_synchronize(self, intptr_t stream):
        cdef int status
        self._ensure_context()
        with nogil:
            status = self.d.cuStreamSynchronize(<CUstream>stream)
        check(status, b"cuStreamSynchronize")

    cpdef bint stream_query(self, intptr_t stream) except -1:
        self._ensure_context()
        cdef int status = self.d.cuStreamQuery(<CUstream>stream)
        if status == _CUDA_ERROR_NOT_READY:
            return False
        check(status, b"cuStreamQuery")
        return True

    cpdef stream_wait_event(self, intptr_t stream, intptr_t event):
        self._ensure_context()
        check(self.d.cuStreamWaitEvent(<CUstream>stream, <CUevent>event, 0), b"cuStreamWaitEvent")

    cpdef intptr_t event_create(self, bint block, bint disable_timing, bint interprocess) except? 0:
        cdef CUevent e = NULL
        cdef unsigned int flags = 0
        if block:
            flags |= _CU_EVENT_BLOCKING_SYNC
        if disable_timing:
            flags |= _CU_EVENT_DISABLE_TIMING
        if interprocess:
            flags |= _CU_EVENT_INTERPROCESS
        self._ensure_context()
        check(self.d.cuEventCreate(&e, flags), b"cuEventCreate")
        return <intptr_t>e

    cpdef event_destroy(self, intptr_t event):
        check(self.d.cuEventDestroy(<CUevent>event), b"cuEventDestroy")

    cpdef event_record(self, intptr_t event, intptr_t stream):
        self._ensure_context()
        check(self.d.cuEventRecord(<CUevent>event, <CUstream>stream), b"cuEventRecord")

    cpdef event_synchronize(self, intptr_t event):
        cdef int status
        with nogil:
            status = self.d.cuEventSynchronize(<CUevent>event)
        check(status, b"cuEventSynchronize")

    cpdef bint event_query(self, intptr_t event) except -1:
        cdef int status = self.d.cuEventQuery(<CUevent>event)
        if status == _CUDA_ERROR_NOT_READY:
            return False
        check(status, b"cuEventQuery")
        return True

    cpdef float event_elapsed_time(self, intptr_t start, intptr_t end) except? -1:
        cdef float ms = 0
        check(self.d.cuEventElapsedTime(&ms, <CUevent>start, <CUevent>end), b"cuEventElapsedTime")
        return ms

    # --- programs, modules, launches -----------------------------------------------------
    cpdef str target_arch(self, int device):
        props = self.device_properties(device)
        arch = props["major"] * 10 + props["minor"]
        try:
            arch = min(arch, _nvrtc_max_arch())
        except Exception:
            pass
        return f"sm_{arch}"

    cpdef str compiler_fingerprint(self):
        from cupy_backends.cuda.libs import nvrtc
        major, minor = nvrtc.getVersion()
        return f"nvrtc-{major}.{minor}|" + "|".join(_nvrtc_include_dirs())

    cpdef object compile(self, object spec):
        if not spec.arch:
            spec = ProgramSpec(spec.source, spec.name, spec.options, spec.name_expressions,
                               self.target_arch(self.get_device()))
        return compile_nvrtc(spec)

    cpdef intptr_t module_load(self, bytes image) except? 0:
        cdef CUmodule m = NULL
        cdef const char* data = image
        self._ensure_context()
        check(self.d.cuModuleLoadData(&m, <const void*>data), b"cuModuleLoadData")
        return <intptr_t>m

    cpdef module_unload(self, intptr_t module):
        check(self.d.cuModuleUnload(<CUmodule>module), b"cuModuleUnload")

    cpdef intptr_t module_get_function(self, intptr_t module, str name) except? 0:
        cdef CUfunction f = NULL
        check(self.d.cuModuleGetFunction(&f, <CUmodule>module, name.encode()),
              b"cuModuleGetFunction")
        return <intptr_t>f

    cpdef tuple module_get_global(self, intptr_t module, str name):
        cdef CUdeviceptr p = 0
        cdef size_t size = 0
        check(self.d.cuModuleGetGlobal(&p, &size, <CUmodule>module, name.encode()),
              b"cuModuleGetGlobal")
        return (<intptr_t>p, size)

    cpdef dict function_attributes(self, intptr_t func):
        cdef int value = 0
        attrs = {}
        for i, key in enumerate(_FUNC_ATTRIBUTES):
            check(self.d.cuFuncGetAttribute(&value, i, <CUfunction>func), b"cuFuncGetAttribute")
            attrs[key] = value
        return attrs

    cpdef function_set_attribute(self, intptr_t func, str name, int value):
        """Set a settable function attribute (max_dynamic_shared_size_bytes,
        preferred_shared_memory_carveout)."""
        if name not in _SETTABLE_FUNC_ATTRIBUTES:
            raise ValueError(f"kernel attribute {name!r} is not settable")
        check(self.d.cuFuncSetAttribute(<CUfunction>func, _FUNC_ATTRIBUTES.index(name), value),
              b"cuFuncSetAttribute")

    cpdef int occupancy_max_active_blocks_per_sm(
            self, intptr_t func, int block_size, size_t dynamic_smem) except -1:
        cdef int n = 0
        check(self.d.cuOccupancyMaxActiveBlocksPerMultiprocessor(
            &n, <CUfunction>func, block_size, dynamic_smem),
            b"cuOccupancyMaxActiveBlocksPerMultiprocessor")
        return n

    cdef int launch(self, intptr_t func, const unsigned int* grid, const unsigned int* block,
                    unsigned int shared_mem, intptr_t stream, void** args) except -1:
        cdef int status
        self._ensure_context()
        status = self.d.cuLaunchKernel(<CUfunction>func, grid[0], grid[1], grid[2],
                                       block[0], block[1], block[2], shared_mem,
                                       <CUstream>stream, args, NULL)
        if status != 0:
            check(status, b"cuLaunchKernel")
        return 0
