# cython: language_level=3
"""HostBackend: the backend boundary implemented on the CPU.

Device memory is 256-byte aligned host memory; copies are memcpy. Streams are ordered queues that
execute every operation synchronously on the calling thread, so a stream is always idle when
queried and an event records the time its work completed.

Programs are compiled by g++ (``_compiler``) into shared objects and run by the host runtime
(``_runtime``, a C++ library loaded RTLD_GLOBAL before any kernel module: it defines the
built-in variables and runs blocks on a thread pool). Launches are synchronous: a device-side
failure is raised by the launch itself, and unlike CUDA's sticky context error the process keeps
working afterwards. See docs/host_backend.md.
"""
import hashlib
import importlib.util
import os
import threading
import time

from libc.stdint cimport intptr_t, int64_t
from libc.stdlib cimport free as c_free
from libc.string cimport memcpy as c_memcpy, memset as c_memset
from cpython.mem cimport PyMem_Malloc, PyMem_Free

from cupy_backends.backend cimport Backend
from cupy_backends.cuda.api._errors import CUDADriverError

cdef extern from "stdlib.h" nogil:
    int posix_memalign(void** memptr, size_t alignment, size_t size)

cdef extern from "<sys/mman.h>" nogil:
    void* mmap(void* addr, size_t length, int prot, int flags, int fd, long offset)
    int munmap(void* addr, size_t length)
    int mprotect(void* addr, size_t length, int prot)
    int PROT_NONE
    int PROT_READ
    int PROT_WRITE
    int MAP_PRIVATE
    int MAP_ANONYMOUS
    void* MAP_FAILED

cdef extern from "<dlfcn.h>" nogil:
    void* dlopen(const char* filename, int flags)
    void* dlsym(void* handle, const char* symbol)
    char* dlerror()
    int RTLD_NOW
    int RTLD_LOCAL
    int RTLD_GLOBAL
    int RTLD_DL_SYMENT
    ctypedef struct Dl_info:
        pass
    int dladdr1(const void* addr, Dl_info* info, void** extra_info, int flags)

cdef extern from "<link.h>" nogil:
    ctypedef struct ElfW_Sym "ElfW(Sym)":
        size_t st_size

# Layout of one row of a kernel module's `__cupy_host_kernels` table (cupy_host/prelude.h).
cdef struct KernelEntry:
    const char* name
    void* block_fn
    void* thread_fn
    int mode
    int num_params

ctypedef int (*launch_fn_t)(const KernelEntry*, const unsigned int*, const unsigned int*,
                            unsigned int, void**, long) noexcept nogil
ctypedef const char* (*last_error_fn_t)() noexcept nogil
ctypedef void (*configure_fn_t)(int, long) noexcept nogil
ctypedef int (*num_threads_fn_t)() noexcept nogil

cdef launch_fn_t _rt_launch = NULL
cdef last_error_fn_t _rt_last_error = NULL
cdef configure_fn_t _rt_configure = NULL
cdef num_threads_fn_t _rt_num_threads = NULL
_runtime_lock = threading.Lock()


cdef void* _rt_symbol(void* handle, str name) except NULL:
    cdef void* p = dlsym(handle, name.encode())
    if p == NULL:
        raise ImportError(f"the host runtime lacks the symbol {name}")
    return p


cdef int _load_runtime() except -1:
    """dlopen the runtime RTLD_GLOBAL (kernel modules bind to its built-in variables)."""
    global _rt_launch, _rt_last_error, _rt_configure, _rt_num_threads
    if _rt_launch != NULL:
        return 0
    with _runtime_lock:
        if _rt_launch != NULL:
            return 0
        spec = importlib.util.find_spec("cupy_backends.host._runtime")
        if spec is None or not spec.origin:
            raise ImportError("the host runtime library (cupy_backends.host._runtime) is not built")
        handle = dlopen(os.fsencode(spec.origin), RTLD_NOW | RTLD_GLOBAL)
        if handle == NULL:
            raise ImportError(f"cannot load the host runtime: {dlerror().decode()}")
        _rt_last_error = <last_error_fn_t>_rt_symbol(handle, "cupy_host_last_error")
        _rt_configure = <configure_fn_t>_rt_symbol(handle, "cupy_host_configure")
        _rt_num_threads = <num_threads_fn_t>_rt_symbol(handle, "cupy_host_num_threads")
        _rt_launch = <launch_fn_t>_rt_symbol(handle, "cupy_host_launch")
    return 0

cdef size_t ALIGNMENT = 256

# The host device reports the CUDA API level and compute capability it emulates, so that code
# choosing features by version (warp shuffles, cooperative sizes) takes the modern paths.
cdef int EMULATED_CUDA_VERSION = 13000
# Dynamic shared memory per block: the default and the opt-in limit of an H100.
DEFAULT_DYNAMIC_SMEM = 48 * 1024
MAX_DYNAMIC_SMEM_OPTIN = 227 * 1024
cdef int EMULATED_CC_MAJOR = 9
cdef int EMULATED_CC_MINOR = 0


cdef class _HostEvent:
    cdef int64_t timestamp_ns
    cdef bint recorded
    cdef bint disable_timing


def _physical_memory():
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    free = total
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    free = int(line.split()[1]) * 1024
                    break
    except OSError:
        pass
    return free, total


cdef class HostBackend(Backend):
    """The CPU device. One device (id 0)."""

    cdef dict _events          # handle -> _HostEvent (keeps them alive)
    cdef set _streams
    cdef int64_t _next_handle
    cdef dict _props
    cdef dict _modules         # module handle -> path of its shared object
    cdef dict _functions       # function handle (KernelEntry*) -> name
    cdef dict _attribute_overrides   # function handle -> {settable attribute: value}
    cdef object _module_lock
    # CUPY_HOST_MEMCHECK=1: every allocation ends at an inaccessible page and freeing unmaps
    # it, so a kernel writing past an array or touching freed memory faults at the access.
    cdef bint _memcheck
    cdef dict _guarded         # user pointer -> (mapping base, mapping length)

    def __init__(self):
        self.name = "host"
        self._memcheck = os.environ.get("CUPY_HOST_MEMCHECK", "0") not in ("", "0")
        self._guarded = {}
        self._attribute_overrides = {}
        self._events = {}
        self._streams = set()
        self._next_handle = 1
        self._props = None
        self._modules = {}
        self._functions = {}
        self._module_lock = threading.Lock()

    cdef intptr_t _new_handle(self):
        h = self._next_handle
        self._next_handle += 1
        return <intptr_t>h

    cdef _check_device(self, int device):
        if device != 0:
            raise CUDADriverError(101, "cuDeviceGet")   # CUDA_ERROR_INVALID_DEVICE

    # --- devices -------------------------------------------------------------------------
    cpdef int device_count(self) except -1:
        return 1

    cpdef int get_device(self) except -1:
        return 0

    cpdef set_device(self, int device):
        self._check_device(device)

    cpdef dict device_properties(self, int device):
        self._check_device(device)
        if self._props is None:
            free, total = _physical_memory()
            ncpu = len(os.sched_getaffinity(0))
            self._props = {
                "name": f"host CPU ({ncpu} threads)",
                "totalGlobalMem": total,
                "sharedMemPerBlock": 48 * 1024,
                "sharedMemPerBlockOptin": MAX_DYNAMIC_SMEM_OPTIN,
                "regsPerBlock": 65536,
                "warpSize": 32,
                "maxThreadsPerBlock": 1024,
                "maxThreadsDim": (1024, 1024, 64),
                "maxGridSize": (2 ** 31 - 1, 65535, 65535),
                "clockRate": 0,
                "totalConstMem": 64 * 1024,
                "major": EMULATED_CC_MAJOR,
                "minor": EMULATED_CC_MINOR,
                "multiProcessorCount": ncpu,
                "maxThreadsPerMultiProcessor": 2048,
                "l2CacheSize": 0,
                "pciBusID": 0,
                "pciDeviceID": 0,
                "pciDomainID": 0,
                "integrated": 1,
                "canMapHostMemory": 1,
                "concurrentKernels": 0,
                "unifiedAddressing": 1,
                "managedMemory": 1,
                "computeMode": 0,
                "ECCEnabled": 0,
            }
        return dict(self._props)

    cpdef tuple mem_info(self, int device):
        self._check_device(device)
        return _physical_memory()

    cpdef device_synchronize(self):
        pass

    cpdef tuple versions(self):
        return (EMULATED_CUDA_VERSION, EMULATED_CUDA_VERSION)

    # --- memory --------------------------------------------------------------------------
    cdef intptr_t _guarded_malloc(self, size_t size) except? 0:
        cdef size_t page = os.sysconf("SC_PAGE_SIZE")
        cdef size_t data = (size + page - 1) // page * page if size else page
        cdef size_t used = (size + ALIGNMENT - 1) // ALIGNMENT * ALIGNMENT if size else ALIGNMENT
        cdef char* base = <char*>mmap(NULL, data + page, PROT_READ | PROT_WRITE,
                                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        if <void*>base == MAP_FAILED:
            raise CUDADriverError(2, "cuMemAlloc")
        mprotect(base + data, page, PROT_NONE)
        cdef intptr_t p = <intptr_t>(base + data - used)
        self._guarded[p] = (<intptr_t>base, data + page)
        return p

    cpdef intptr_t malloc(self, size_t size) except? 0:
        if self._memcheck:
            return self._guarded_malloc(size)
        cdef void* p = NULL
        if posix_memalign(&p, ALIGNMENT, size if size > 0 else 1) != 0 or p == NULL:
            raise CUDADriverError(2, "cuMemAlloc")   # CUDA_ERROR_OUT_OF_MEMORY
        return <intptr_t>p

    cpdef free(self, intptr_t ptr):
        if self._memcheck:
            base, length = self._guarded.pop(ptr)
            munmap(<void*><intptr_t>base, <size_t>length)
            return
        c_free(<void*>ptr)

    cpdef memcpy(self, intptr_t dst, intptr_t src, size_t size, int kind):
        if size:
            with nogil:
                c_memcpy(<void*>dst, <const void*>src, size)

    cpdef memcpy_async(self, intptr_t dst, intptr_t src, size_t size, int kind, intptr_t stream):
        self.memcpy(dst, src, size, kind)

    cpdef memset(self, intptr_t ptr, int value, size_t size):
        if size:
            with nogil:
                c_memset(<void*>ptr, value, size)

    cpdef memset_async(self, intptr_t ptr, int value, size_t size, intptr_t stream):
        self.memset(ptr, value, size)

    cpdef intptr_t host_alloc(self, size_t size) except? 0:
        return self.malloc(size)

    cpdef host_free(self, intptr_t ptr):
        self.free(ptr)

    # --- streams and events --------------------------------------------------------------
    cpdef intptr_t stream_create(self, bint non_blocking, int priority) except? 0:
        h = self._new_handle()
        self._streams.add(h)
        return h

    cpdef stream_destroy(self, intptr_t stream):
        self._streams.discard(stream)

    cpdef stream_synchronize(self, intptr_t stream):
        pass

    cpdef bint stream_query(self, intptr_t stream) except -1:
        return True

    cpdef stream_wait_event(self, intptr_t stream, intptr_t event):
        pass

    cpdef intptr_t event_create(self, bint block, bint disable_timing, bint interprocess) except? 0:
        ev = _HostEvent()
        ev.disable_timing = disable_timing
        h = self._new_handle()
        self._events[h] = ev
        return h

    cdef _HostEvent _event(self, intptr_t event):
        ev = self._events.get(event)
        if ev is None:
            raise CUDADriverError(400, "cuEvent")   # CUDA_ERROR_INVALID_HANDLE
        return ev

    cpdef event_destroy(self, intptr_t event):
        self._events.pop(event, None)

    cpdef event_record(self, intptr_t event, intptr_t stream):
        ev = self._event(event)
        ev.timestamp_ns = time.perf_counter_ns()
        ev.recorded = True

    cpdef event_synchronize(self, intptr_t event):
        self._event(event)

    cpdef bint event_query(self, intptr_t event) except -1:
        self._event(event)
        return True

    cpdef float event_elapsed_time(self, intptr_t start, intptr_t end) except? -1:
        s = self._event(start)
        e = self._event(end)
        if s.disable_timing or e.disable_timing:
            raise CUDADriverError(400, "cuEventElapsedTime")  # CUDA_ERROR_INVALID_HANDLE
        if not (s.recorded and e.recorded):
            raise CUDADriverError(600, "cuEventElapsedTime")  # CUDA_ERROR_NOT_READY
        return (e.timestamp_ns - s.timestamp_ns) / 1e6

    # --- programs, modules, launches: implemented by the host compiler and runtime -------

    cpdef str target_arch(self, int device):
        self._check_device(device)
        return "host"

    cpdef str compiler_fingerprint(self):
        from cupy_backends.host import _compiler
        return _compiler.fingerprint()

    cpdef object compile(self, object spec):
        """Compile a ProgramSpec with g++ into an ObjectCode of kind ``'host-so'``."""
        from cupy_backends.host import _compiler
        return _compiler.compile_program(spec)

    cpdef intptr_t module_load(self, bytes image) except? 0:
        """Load a shared object produced by ``compile``.

        The image is stored content-addressed under ``$CUPY_CACHE_DIR/host_so`` (written to a
        temporary file and renamed, so concurrent processes never load a partial file) and
        dlopen'ed RTLD_LOCAL, so two modules may define the same ``extern "C"`` kernel.
        """
        from cupy_backends.host import _compiler
        _load_runtime()
        if image[:4] != b"\x7fELF":
            raise CUDADriverError(200, "cuModuleLoadData", "not a host shared object")
        digest = hashlib.sha256(image).hexdigest()
        directory = os.path.join(_compiler.cache_dir(), "host_so")
        path = os.path.join(directory, digest + ".so")
        with self._module_lock:
            if not (os.path.exists(path) and os.path.getsize(path) == len(image)):
                os.makedirs(directory, mode=0o700, exist_ok=True)
                tmp = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
                with open(tmp, "wb") as f:
                    f.write(image)
                os.replace(tmp, path)
            handle = dlopen(os.fsencode(path), RTLD_NOW | RTLD_LOCAL)
            if handle == NULL:
                raise CUDADriverError(200, "cuModuleLoadData", dlerror().decode())
            if dlsym(handle, b"__cupy_host_kernels") == NULL:
                raise CUDADriverError(200, "cuModuleLoadData", "the image has no kernel table")
            self._modules[<intptr_t>handle] = path
        return <intptr_t>handle

    cpdef module_unload(self, intptr_t module):
        """A no-op: kernel modules own thread-local storage (shared memory) with destructors
        registered per thread, so they stay loaded for the life of the process. Loading the
        same image again returns the same module."""
        self._module(module)

    cdef _module(self, intptr_t module):
        if module not in self._modules:
            raise CUDADriverError(400, "cuModule", "unknown module handle")

    cpdef intptr_t module_get_function(self, intptr_t module, str name) except? 0:
        self._module(module)
        cdef const KernelEntry* table = <const KernelEntry*>dlsym(<void*>module, b"__cupy_host_kernels")
        cdef bytes key = name.encode()
        cdef int i = 0
        while table != NULL and table[i].name != NULL:
            if table[i].name == key:
                self._functions[<intptr_t>&table[i]] = name
                return <intptr_t>&table[i]
            i += 1
        raise CUDADriverError(500, "cuModuleGetFunction", f"no kernel named {name!r} in the module")

    cpdef tuple module_get_global(self, intptr_t module, str name):
        """(address, size in bytes) of a ``__device__``/``__constant__`` variable."""
        self._module(module)
        cdef void* p = dlsym(<void*>module, name.encode())
        cdef Dl_info info
        cdef ElfW_Sym* sym = NULL
        if p == NULL:
            raise CUDADriverError(500, "cuModuleGetGlobal", f"no global named {name!r} in the module")
        if dladdr1(p, &info, <void**>&sym, RTLD_DL_SYMENT) == 0 or sym == NULL:
            raise CUDADriverError(500, "cuModuleGetGlobal", f"cannot find the size of {name!r}")
        return (<intptr_t>p, <size_t>sym.st_size)

    cdef const KernelEntry* _function(self, intptr_t func) except NULL:
        if func not in self._functions:
            raise CUDADriverError(400, "cuLaunchKernel", "unknown function handle")
        return <const KernelEntry*>func

    cpdef dict function_attributes(self, intptr_t func):
        cdef const KernelEntry* k = self._function(func)
        return {
            "max_threads_per_block": 1024,
            "shared_size_bytes": 0,        # static shared memory is thread-local storage
            "const_size_bytes": 0,
            "local_size_bytes": 0,
            "num_regs": 0,
            "ptx_version": EMULATED_CC_MAJOR * 10 + EMULATED_CC_MINOR,
            "binary_version": EMULATED_CC_MAJOR * 10 + EMULATED_CC_MINOR,
            "cache_mode_ca": 0,
            "max_dynamic_shared_size_bytes": DEFAULT_DYNAMIC_SMEM,
            "preferred_shared_memory_carveout": -1,
            "num_params": k.num_params,
            "host_mode": "fibers" if k.mode == 1 else "plain",
        } | self._attribute_overrides.get(func, {})

    cpdef function_set_attribute(self, intptr_t func, str name, int value):
        """Like cuFuncSetAttribute: a launch may use more than the default 48 KiB of dynamic
        shared memory only after raising ``max_dynamic_shared_size_bytes`` (up to the opt-in
        limit), exactly as on a GPU."""
        self._function(func)
        if name == "max_dynamic_shared_size_bytes":
            if not 0 <= value <= MAX_DYNAMIC_SMEM_OPTIN:
                raise CUDADriverError(1, "cuFuncSetAttribute",
                                      f"{name}={value} outside [0, {MAX_DYNAMIC_SMEM_OPTIN}]")
        elif name == "preferred_shared_memory_carveout":
            if not -1 <= value <= 100:
                raise CUDADriverError(1, "cuFuncSetAttribute", f"{name}={value} outside [-1, 100]")
        elif name == "host_parallel_threshold":
            # Host only: launches of this kernel with fewer threads run on the calling thread
            # (-1: the pool's setting). Generated kernels whose threads each reduce or map a
            # long run of elements set it per launch from the amount of work.
            if value < -1:
                raise CUDADriverError(1, "cuFuncSetAttribute", f"{name}={value} below -1")
        else:
            raise ValueError(f"kernel attribute {name!r} is not settable")
        self._attribute_overrides.setdefault(func, {})[name] = value

    cpdef int occupancy_max_active_blocks_per_sm(
            self, intptr_t func, int block_size, size_t dynamic_smem) except -1:
        self._function(func)
        if block_size <= 0:
            raise CUDADriverError(1, "cuOccupancyMaxActiveBlocksPerMultiprocessor",
                                  f"block size must be positive, got {block_size}")
        # One "SM" is one pool thread; report the GPU-like residency so grid sizing heuristics
        # computed from it stay the same on both backends.
        return max(1, 2048 // block_size)

    cdef int launch(self, intptr_t func, const unsigned int* grid, const unsigned int* block,
                    unsigned int shared_mem, intptr_t stream, void** args) except -1:
        cdef const KernelEntry* k = self._function(func)
        cdef int status
        if shared_mem > DEFAULT_DYNAMIC_SMEM:
            limit = self._attribute_overrides.get(func, {}).get(
                "max_dynamic_shared_size_bytes", DEFAULT_DYNAMIC_SMEM)
            if shared_mem > limit:
                raise CUDADriverError(1, "cuLaunchKernel",
                                      f"dynamic shared memory of {shared_mem} bytes exceeds the "
                                      f"kernel's max_dynamic_shared_size_bytes ({limit})")
        cdef long threshold = -1
        overrides = self._attribute_overrides.get(func)
        if overrides is not None:
            threshold = overrides.get("host_parallel_threshold", -1)
        if _rt_launch == NULL:
            _load_runtime()
        with nogil:
            status = _rt_launch(k, grid, block, shared_mem, args, threshold)
        if status != 0:
            raise CUDADriverError(status, "cuLaunchKernel",
                                  _rt_last_error().decode("utf-8", "replace"))
        return 0

    # --- host-only controls ----------------------------------------------------------------
    def set_num_threads(self, int n=0, long parallel_threshold=-1):
        """Size the launch thread pool (caller included); ``n <= 0`` restores the default
        (``$CUPY_HOST_NUM_THREADS`` or the CPUs available). Launches with fewer than
        ``parallel_threshold`` threads run on the calling thread (``-1``: the default, 16384)."""
        _load_runtime()
        with nogil:
            _rt_configure(n, parallel_threshold)

    def get_num_threads(self):
        """The number of threads that run a launch's blocks."""
        _load_runtime()
        return _rt_num_threads()
