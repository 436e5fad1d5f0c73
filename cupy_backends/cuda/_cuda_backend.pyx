# cython: language_level=3
"""CudaBackend: the backend boundary on the CUDA driver API, and NVRTC compilation to CUBIN.

Contexts: each device's primary context is retained on first use (and never released: arrays
freed late in interpreter shutdown still need it). A thread-local integer records which device's
context this thread made current, so the hot path (launch, malloc) costs one TLS load; the first
call in a thread adopts the context already current there or makes device 0's primary context
current. ``set_device`` switches it.

Kernels compile to CUBIN for the device's exact ``sm_XY`` (never PTX: the driver may be older
than NVRTC, and PTX from a newer NVRTC would not load). ``compile_nvrtc`` needs no GPU.
"""
import dataclasses
import os
import re

from libc.stdint cimport intptr_t

from cupy_backends.backend cimport (
    Backend, MEMCPY_HOST_TO_HOST, MEMCPY_HOST_TO_DEVICE, MEMCPY_DEVICE_TO_HOST,
    MEMCPY_DEVICE_TO_DEVICE, MEMCPY_DEFAULT)
from cupy_backends.cuda.api.driver cimport (
    DriverAPI, get_api, check, CUresult, CUcontext, CUdevice, CUdeviceptr, CUstream, CUevent,
    CUmodule, CUfunction, CUDA_SUCCESS, CUDA_ERROR_NOT_READY)
from cupy_backends.cuda.api import driver as _driver
from cupy_backends.cuda.api._errors import CUDADriverError
from cupy_backends.program import CompileException, ObjectCode

cdef extern from *:
    """
    // Device whose context this thread made current through the backend; -1 until the
    // thread's first call.
    static thread_local int cupy_cuda_thread_device = -1;
    static inline int cupy_cuda_get_thread_device(void) { return cupy_cuda_thread_device; }
    static inline void cupy_cuda_set_thread_device(int d) { cupy_cuda_thread_device = d; }
    """
    int thread_device "cupy_cuda_get_thread_device" () noexcept nogil
    void set_thread_device "cupy_cuda_set_thread_device" (int) noexcept nogil

# cudaDeviceProp key -> CUdevice_attribute.
_DEVICE_ATTRIBUTES = {
    "maxThreadsPerBlock": 1, "sharedMemPerBlock": 8, "totalConstMem": 9, "warpSize": 10,
    "memPitch": 11, "regsPerBlock": 12, "clockRate": 13, "textureAlignment": 14,
    "multiProcessorCount": 16, "kernelExecTimeoutEnabled": 17, "integrated": 18,
    "canMapHostMemory": 19, "computeMode": 20, "concurrentKernels": 31, "ECCEnabled": 32,
    "pciBusID": 33, "pciDeviceID": 34, "memoryClockRate": 36, "memoryBusWidth": 37,
    "l2CacheSize": 38, "maxThreadsPerMultiProcessor": 39, "asyncEngineCount": 40,
    "unifiedAddressing": 41, "pciDomainID": 50, "major": 75, "minor": 76,
    "sharedMemPerMultiprocessor": 81, "regsPerMultiprocessor": 82, "managedMemory": 83,
    "isMultiGpuBoard": 84, "sharedMemPerBlockOptin": 97, "maxBlocksPerMultiProcessor": 106,
    "memoryPoolsSupported": 115,
}
# Dropped from cudaDeviceProp in CUDA 13; a driver may refuse them (reported as 0 then).
_OPTIONAL_DEVICE_ATTRIBUTES = frozenset(("clockRate", "memoryClockRate", "kernelExecTimeoutEnabled",
                                         "computeMode"))
_MAX_BLOCK_DIM = (2, 3, 4)
_MAX_GRID_DIM = (5, 6, 7)
_CC_MAJOR = 75
_CC_MINOR = 76

# CuPy's attribute names, in CUfunction_attribute order (index == enum value).
_FUNC_ATTRIBUTES = (
    "max_threads_per_block", "shared_size_bytes", "const_size_bytes", "local_size_bytes",
    "num_regs", "ptx_version", "binary_version", "cache_mode_ca",
    "max_dynamic_shared_size_bytes", "preferred_shared_memory_carveout",
)
_SETTABLE_FUNC_ATTRIBUTES = ("max_dynamic_shared_size_bytes", "preferred_shared_memory_carveout")

cdef enum:
    _CU_EVENT_BLOCKING_SYNC = 1
    _CU_EVENT_DISABLE_TIMING = 2
    _CU_EVENT_INTERPROCESS = 4
    _CU_STREAM_NON_BLOCKING = 1
    _CU_MEMHOSTALLOC_PORTABLE = 1
    _CUDA_ERROR_INVALID_VALUE = 1
    _CUDA_ERROR_INVALID_DEVICE = 101

_INCLUDE_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
    "cupy", "_core", "include")


def is_available():
    """True when the CUDA driver loads, initialises and sees at least one device."""
    return _driver.is_available()


# --- NVRTC ------------------------------------------------------------------------------------

_header_dirs = None


def _nvrtc_include_dirs():
    """Include directories for NVRTC: CUDA's headers (cuda_fp16.h, ...) and CCCL from the
    wheels when installed, then our device headers."""
    global _header_dirs
    if _header_dirs is None:
        dirs = []
        try:
            from cuda import pathfinder
        except ImportError:
            pathfinder = None
        for lib in ("cudart", "cccl") if pathfinder is not None else ():
            try:
                d = pathfinder.find_nvidia_header_directory(lib)
            except Exception:  # not installed, or a pathfinder without this name
                d = None
            if d and d not in dirs:
                dirs.append(d)
        dirs.append(_INCLUDE_DIR)
        _header_dirs = tuple(dirs)
    return _header_dirs


def _header_versions():
    """``name=version`` of the CUDA headers NVRTC will see, for the compiler fingerprint."""
    probes = (("cudart", "cuda_runtime_api.h", r"#define\s+CUDART_VERSION\s+(\d+)"),
              ("cccl", os.path.join("cuda", "std", "__cccl", "version.h"),
               r"#define\s+CCCL_VERSION\s+(\d+)"))
    out = []
    for name, rel, pattern in probes:
        for d in _nvrtc_include_dirs():
            path = os.path.join(d, rel)
            if os.path.exists(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    m = re.search(pattern, f.read())
                out.append(f"{name}={m.group(1) if m else '?'}")
                break
    return out


_ARCH_OPTIONS = ("-arch", "--gpu-architecture", "-gencode", "--generate-code")


def compile_nvrtc(spec):
    """Compile a ProgramSpec to CUBIN with NVRTC; no GPU needed.

    Args:
        spec (ProgramSpec): ``spec.arch`` is the target, e.g. ``'sm_90'``; options use NVRTC's
            spelling (architecture options in them are replaced by ``spec.arch``).

    Returns:
        ObjectCode: the CUBIN, ``{name_expression: lowered symbol}`` and NVRTC's log.

    Raises:
        CompileException: NVRTC rejected the source or an option (``.log`` has its message).
        ValueError: ``spec.arch`` is not ``'sm_XY'``.
        RuntimeError: NVRTC cannot be loaded.

    Example:
        >>> code = compile_nvrtc(ProgramSpec('extern "C" __global__ void k() {}', arch='sm_90'))
        >>> code.image[:4]
        b'\\x7fELF'
    """
    from cupy_backends.cuda.libs import nvrtc

    if not isinstance(spec.arch, str) or not re.fullmatch(r"sm_\d+[af]?", spec.arch):
        raise ValueError(f"NVRTC target must be 'sm_XY' (e.g. 'sm_90'), got {spec.arch!r}")
    options = [o for o in spec.options if not o.startswith(_ARCH_OPTIONS)]
    options.append(f"--gpu-architecture={spec.arch}")
    if not any(o.startswith(("-std", "--std")) for o in options):
        options.append("-std=c++17")
    options += [f"-I{d}" for d in _nvrtc_include_dirs()]
    prog = nvrtc.Program(spec.source, spec.name)
    for expr in spec.name_expressions:
        prog.add_name_expression(expr)
    status = prog.compile(options)
    log = prog.get_log()
    if status != nvrtc.NVRTC_SUCCESS:
        raise CompileException(log or str(nvrtc.NVRTCError(status, "nvrtcCompileProgram")),
                               spec.source, spec.name, spec.options, "nvrtc")
    lowered = {expr: prog.get_lowered_name(expr) for expr in spec.name_expressions}
    return ObjectCode(image=prog.get_cubin(), lowered_names=lowered, log=log, kind="cubin")


def _nvrtc_fingerprint():
    from cupy_backends.cuda.libs import nvrtc
    major, minor = nvrtc.getVersion()
    # "cubin1" names the option defaults above; bump it when they change.
    return "|".join([f"nvrtc-{major}.{minor}", "cubin1"] + _header_versions())


# --- the backend ------------------------------------------------------------------------------

cdef class CudaBackend(Backend):
    """The GPU through the CUDA driver API."""

    cdef DriverAPI* d
    cdef int _count
    cdef list _contexts       # device -> retained primary CUcontext as int (0 until retained)
    cdef dict _properties     # device -> device_properties() dict
    cdef dict _arch           # device -> target_arch()
    cdef str _fingerprint

    def __init__(self):
        cdef int count = 0
        self.name = "cuda"
        self.d = get_api()
        check(self.d.cuDeviceGetCount(&count), b"cuDeviceGetCount")
        if count == 0:
            raise CUDADriverError(100, "cuDeviceGetCount")
        self._count = count
        self._contexts = [0] * count
        self._properties = {}
        self._arch = {}
        self._fingerprint = None

    # --- contexts ------------------------------------------------------------------------
    cdef int _check_device(self, int device) except -1:
        if device < 0 or device >= self._count:
            raise CUDADriverError(_CUDA_ERROR_INVALID_DEVICE, "cuDeviceGet",
                                  f"device {device} requested, {self._count} present")
        return 0

    cdef CUcontext _context_of(self, int device) except NULL:
        cdef CUcontext ctx = NULL
        self._check_device(device)
        if self._contexts[device] == 0:
            check(self.d.cuDevicePrimaryCtxRetain(&ctx, device), b"cuDevicePrimaryCtxRetain")
            self._contexts[device] = <intptr_t>ctx
        return <CUcontext><intptr_t>self._contexts[device]

    cdef int _activate(self, int device) except -1:
        check(self.d.cuCtxSetCurrent(self._context_of(device)), b"cuCtxSetCurrent")
        set_thread_device(device)
        return 0

    cdef int _setup_thread(self) except -1:
        cdef CUcontext ctx = NULL
        cdef CUdevice dev = 0
        check(self.d.cuCtxGetCurrent(&ctx), b"cuCtxGetCurrent")
        if ctx == NULL:
            return self._activate(0)
        # Other code made a context current in this thread: work in it, as the runtime would.
        check(self.d.cuCtxGetDevice(&dev), b"cuCtxGetDevice")
        set_thread_device(dev)
        return 0

    cdef inline int _ensure_context(self) except -1:
        if thread_device() < 0:
            self._setup_thread()
        return 0

    # --- devices -------------------------------------------------------------------------
    cpdef int device_count(self) except -1:
        return self._count

    cpdef int get_device(self) except -1:
        self._ensure_context()
        return thread_device()

    cpdef set_device(self, int device):
        # -1 marks a thread not yet set up, so a negative device must reach the range check.
        if thread_device() != device or device < 0:
            self._activate(device)

    cdef int _attribute(self, int attr, int device) except? -1:
        cdef int value = 0
        check(self.d.cuDeviceGetAttribute(&value, attr, device), b"cuDeviceGetAttribute")
        return value

    cpdef dict device_properties(self, int device):
        cdef int value = 0
        cdef CUresult status
        cdef char name[256]
        cdef size_t total = 0
        self._check_device(device)
        props = self._properties.get(device)
        if props is None:
            props = {}
            check(self.d.cuDeviceGetName(name, sizeof(name), device), b"cuDeviceGetName")
            props["name"] = name.decode(errors="replace")
            check(self.d.cuDeviceTotalMem(&total, device), b"cuDeviceTotalMem")
            props["totalGlobalMem"] = total
            for key, attr in _DEVICE_ATTRIBUTES.items():
                status = self.d.cuDeviceGetAttribute(&value, attr, device)
                if status == _CUDA_ERROR_INVALID_VALUE and key in _OPTIONAL_DEVICE_ATTRIBUTES:
                    value = 0
                else:
                    check(status, b"cuDeviceGetAttribute", key)
                props[key] = value
            props["maxThreadsDim"] = tuple([self._attribute(a, device) for a in _MAX_BLOCK_DIM])
            props["maxGridSize"] = tuple([self._attribute(a, device) for a in _MAX_GRID_DIM])
            self._properties[device] = props
        return dict(props)   # callers may modify their copy

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
        cdef CUresult status
        self._ensure_context()
        with nogil:
            status = self.d.cuCtxSynchronize()
        check(status, b"cuCtxSynchronize")

    cpdef tuple versions(self):
        """``(driver version, runtime version)``; the runtime is the NVRTC compiling kernels
        (e.g. ``13000`` for 13.0), or the driver's when NVRTC is missing."""
        cdef int drv = 0
        check(self.d.cuDriverGetVersion(&drv), b"cuDriverGetVersion")
        try:
            from cupy_backends.cuda.libs import nvrtc
            major, minor = nvrtc.getVersion()
            runtime = major * 1000 + minor * 10
        except RuntimeError:
            runtime = drv
        return (drv, runtime)

    # --- memory --------------------------------------------------------------------------
    cpdef intptr_t malloc(self, size_t size) except? 0:
        cdef CUdeviceptr p = 0
        self._ensure_context()
        # cuMemAlloc rejects 0 bytes; a 1-byte block keeps pointers distinct like cudaMalloc.
        check(self.d.cuMemAlloc(&p, size if size > 0 else 1), b"cuMemAlloc", f"{size} bytes")
        return <intptr_t>p

    cpdef free(self, intptr_t ptr):
        cdef CUresult status
        self._ensure_context()
        with nogil:   # cuMemFree waits for the device
            status = self.d.cuMemFree(<CUdeviceptr>ptr)
        check(status, b"cuMemFree")

    cpdef memcpy(self, intptr_t dst, intptr_t src, size_t size, int kind):
        cdef CUresult status
        if kind < MEMCPY_HOST_TO_HOST or kind > MEMCPY_DEFAULT:
            raise ValueError(f"invalid memcpy kind {kind}")
        if size == 0:
            return
        self._ensure_context()
        with nogil:
            if kind == MEMCPY_HOST_TO_DEVICE:
                status = self.d.cuMemcpyHtoD(<CUdeviceptr>dst, <const void*>src, size)
            elif kind == MEMCPY_DEVICE_TO_HOST:
                status = self.d.cuMemcpyDtoH(<void*>dst, <CUdeviceptr>src, size)
            elif kind == MEMCPY_DEVICE_TO_DEVICE:
                status = self.d.cuMemcpyDtoD(<CUdeviceptr>dst, <CUdeviceptr>src, size)
            else:   # host-to-host and default: unified addressing tells the direction
                status = self.d.cuMemcpy(<CUdeviceptr>dst, <CUdeviceptr>src, size)
        check(status, b"cuMemcpy")

    cpdef memcpy_async(self, intptr_t dst, intptr_t src, size_t size, int kind, intptr_t stream):
        cdef CUresult status
        cdef CUstream s = <CUstream>stream
        if kind < MEMCPY_HOST_TO_HOST or kind > MEMCPY_DEFAULT:
            raise ValueError(f"invalid memcpy kind {kind}")
        if size == 0:
            return
        self._ensure_context()
        if kind == MEMCPY_HOST_TO_DEVICE:
            status = self.d.cuMemcpyHtoDAsync(<CUdeviceptr>dst, <const void*>src, size, s)
        elif kind == MEMCPY_DEVICE_TO_HOST:
            status = self.d.cuMemcpyDtoHAsync(<void*>dst, <CUdeviceptr>src, size, s)
        elif kind == MEMCPY_DEVICE_TO_DEVICE:
            status = self.d.cuMemcpyDtoDAsync(<CUdeviceptr>dst, <CUdeviceptr>src, size, s)
        else:
            status = self.d.cuMemcpyAsync(<CUdeviceptr>dst, <CUdeviceptr>src, size, s)
        check(status, b"cuMemcpyAsync")

    cpdef memset(self, intptr_t ptr, int value, size_t size):
        cdef CUresult status
        if size == 0:
            return
        self._ensure_context()
        with nogil:
            status = self.d.cuMemsetD8(<CUdeviceptr>ptr, <unsigned char>value, size)
        check(status, b"cuMemsetD8")

    cpdef memset_async(self, intptr_t ptr, int value, size_t size, intptr_t stream):
        if size == 0:
            return
        self._ensure_context()
        check(self.d.cuMemsetD8Async(<CUdeviceptr>ptr, <unsigned char>value, size,
                                     <CUstream>stream), b"cuMemsetD8Async")

    cpdef intptr_t host_alloc(self, size_t size) except? 0:
        cdef void* p = NULL
        self._ensure_context()
        # Portable: pinned for every context, like cudaHostAllocPortable.
        check(self.d.cuMemHostAlloc(&p, size if size > 0 else 1, _CU_MEMHOSTALLOC_PORTABLE),
              b"cuMemHostAlloc", f"{size} bytes")
        return <intptr_t>p

    cpdef host_free(self, intptr_t ptr):
        cdef CUresult status
        self._ensure_context()
        with nogil:
            status = self.d.cuMemFreeHost(<void*>ptr)
        check(status, b"cuMemFreeHost")

    # --- streams and events --------------------------------------------------------------
    cpdef intptr_t stream_create(self, bint non_blocking, int priority) except? 0:
        cdef CUstream s = NULL
        cdef unsigned int flags = _CU_STREAM_NON_BLOCKING if non_blocking else 0
        self._ensure_context()
        if priority == 0:
            check(self.d.cuStreamCreate(&s, flags), b"cuStreamCreate")
        else:
            check(self.d.cuStreamCreateWithPriority(&s, flags, priority),
                  b"cuStreamCreateWithPriority")
        return <intptr_t>s

    cpdef stream_destroy(self, intptr_t stream):
        check(self.d.cuStreamDestroy(<CUstream>stream), b"cuStreamDestroy")

    cpdef stream_synchronize(self, intptr_t stream):
        cdef CUresult status
        self._ensure_context()
        with nogil:
            status = self.d.cuStreamSynchronize(<CUstream>stream)
        check(status, b"cuStreamSynchronize")

    cpdef bint stream_query(self, intptr_t stream) except -1:
        self._ensure_context()
        cdef CUresult status = self.d.cuStreamQuery(<CUstream>stream)
        if status == CUDA_ERROR_NOT_READY:
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
        cdef CUresult status
        with nogil:
            status = self.d.cuEventSynchronize(<CUevent>event)
        check(status, b"cuEventSynchronize")

    cpdef bint event_query(self, intptr_t event) except -1:
        cdef CUresult status = self.d.cuEventQuery(<CUevent>event)
        if status == CUDA_ERROR_NOT_READY:
            return False
        check(status, b"cuEventQuery")
        return True

    cpdef float event_elapsed_time(self, intptr_t start, intptr_t end) except? -1:
        cdef float ms = 0
        check(self.d.cuEventElapsedTime(&ms, <CUevent>start, <CUevent>end), b"cuEventElapsedTime")
        return ms

    # --- programs, modules, launches -----------------------------------------------------
    cpdef str target_arch(self, int device):
        """``'sm_XY'`` of ``device``, capped at the newest architecture NVRTC supports (a
        CUBIN for sm_X(Y-k) runs on sm_XY within one major version)."""
        arch = self._arch.get(device)
        if arch is None:
            self._check_device(device)
            cc = self._attribute(_CC_MAJOR, device) * 10 + self._attribute(_CC_MINOR, device)
            try:
                from cupy_backends.cuda.libs import nvrtc
                supported = [a for a in nvrtc.getSupportedArchs() if a <= cc]
            except RuntimeError:   # NVRTC missing: compile() reports that
                supported = []
            arch = f"sm_{max(supported) if supported else cc}"
            self._arch[device] = arch
        return arch

    cpdef str compiler_fingerprint(self):
        if self._fingerprint is None:
            self._fingerprint = _nvrtc_fingerprint()
        return self._fingerprint

    cpdef object compile(self, object spec):
        if not spec.arch:
            spec = dataclasses.replace(spec, arch=self.target_arch(self.get_device()))
        return compile_nvrtc(spec)

    cpdef intptr_t module_load(self, bytes image) except? 0:
        cdef CUmodule m = NULL
        cdef const char* data = image
        cdef CUresult status
        self._ensure_context()
        with nogil:
            status = self.d.cuModuleLoadData(&m, <const void*>data)
        check(status, b"cuModuleLoadData")
        return <intptr_t>m

    cpdef module_unload(self, intptr_t module):
        check(self.d.cuModuleUnload(<CUmodule>module), b"cuModuleUnload")

    cpdef intptr_t module_get_function(self, intptr_t module, str name) except? 0:
        cdef CUfunction f = NULL
        check(self.d.cuModuleGetFunction(&f, <CUmodule>module, name.encode()),
              b"cuModuleGetFunction", name)
        return <intptr_t>f

    cpdef tuple module_get_global(self, intptr_t module, str name):
        cdef CUdeviceptr p = 0
        cdef size_t size = 0
        check(self.d.cuModuleGetGlobal(&p, &size, <CUmodule>module, name.encode()),
              b"cuModuleGetGlobal", name)
        return (<intptr_t>p, size)

    cpdef dict function_attributes(self, intptr_t func):
        cdef int value = 0
        attrs = {}
        for i, key in enumerate(_FUNC_ATTRIBUTES):
            check(self.d.cuFuncGetAttribute(&value, i, <CUfunction>func), b"cuFuncGetAttribute",
                  key)
            attrs[key] = value
        return attrs

    cpdef function_set_attribute(self, intptr_t func, str name, int value):
        """Set ``max_dynamic_shared_size_bytes`` or ``preferred_shared_memory_carveout``."""
        if name not in _SETTABLE_FUNC_ATTRIBUTES:
            raise ValueError(f"kernel attribute {name!r} is not settable; settable: "
                             f"{', '.join(_SETTABLE_FUNC_ATTRIBUTES)}")
        check(self.d.cuFuncSetAttribute(<CUfunction>func, _FUNC_ATTRIBUTES.index(name), value),
              b"cuFuncSetAttribute", f"{name}={value}")

    cpdef int occupancy_max_active_blocks_per_sm(
            self, intptr_t func, int block_size, size_t dynamic_smem) except -1:
        cdef int n = 0
        check(self.d.cuOccupancyMaxActiveBlocksPerMultiprocessor(
            &n, <CUfunction>func, block_size, dynamic_smem),
            b"cuOccupancyMaxActiveBlocksPerMultiprocessor")
        return n

    cdef int launch(self, intptr_t func, const unsigned int* grid, const unsigned int* block,
                    unsigned int shared_mem, intptr_t stream, void** args) except -1:
        cdef CUresult status
        if thread_device() < 0:
            self._setup_thread()
        status = self.d.cuLaunchKernel(<CUfunction>func, grid[0], grid[1], grid[2],
                                       block[0], block[1], block[2], shared_mem,
                                       <CUstream>stream, args, NULL)
        if status != CUDA_SUCCESS:
            check(status, b"cuLaunchKernel",
                  f"grid ({grid[0]}, {grid[1]}, {grid[2]}), block ({block[0]}, {block[1]}, "
                  f"{block[2]}), {shared_mem} bytes of dynamic shared memory")
        return 0
