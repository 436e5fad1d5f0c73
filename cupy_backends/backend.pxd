# The backend boundary: the one narrow interface that cupy talks to.
#
# Two implementations: cupy_backends.cuda._cuda_backend.CudaBackend (driver API + NVRTC) and
# cupy_backends.host._host_backend.HostBackend (CPU device running the same CUDA C++ via g++).
# Handles (pointers, streams, events, modules, functions) are plain intptr_t values; 0 is the
# null stream. Methods raise Python exceptions (CUDADriverError for device failures,
# CompileException for bad kernels); none returns an error code.
from libc.stdint cimport intptr_t

# memcpy kinds (same values as cudaMemcpyKind)
cdef enum:
    MEMCPY_HOST_TO_HOST = 0
    MEMCPY_HOST_TO_DEVICE = 1
    MEMCPY_DEVICE_TO_HOST = 2
    MEMCPY_DEVICE_TO_DEVICE = 3
    MEMCPY_DEFAULT = 4


cdef class Backend:
    cdef readonly str name   # 'cuda' or 'host'

    # --- devices -------------------------------------------------------------------------
    cpdef int device_count(self) except -1
    cpdef int get_device(self) except -1
    cpdef set_device(self, int device)
    cpdef dict device_properties(self, int device)
    cpdef tuple mem_info(self, int device)            # (free, total) bytes
    cpdef device_synchronize(self)
    cpdef tuple versions(self)                         # (driver_version, runtime_version) as ints

    # --- memory --------------------------------------------------------------------------
    cpdef intptr_t malloc(self, size_t size) except? 0
    cpdef free(self, intptr_t ptr)
    cpdef memcpy(self, intptr_t dst, intptr_t src, size_t size, int kind)
    cpdef memcpy_async(self, intptr_t dst, intptr_t src, size_t size, int kind, intptr_t stream)
    cpdef memset(self, intptr_t ptr, int value, size_t size)
    cpdef memset_async(self, intptr_t ptr, int value, size_t size, intptr_t stream)
    cpdef intptr_t host_alloc(self, size_t size) except? 0     # page-locked host memory
    cpdef host_free(self, intptr_t ptr)

    # --- streams and events --------------------------------------------------------------
    cpdef intptr_t stream_create(self, bint non_blocking, int priority) except? 0
    cpdef stream_destroy(self, intptr_t stream)
    cpdef stream_synchronize(self, intptr_t stream)
    cpdef bint stream_query(self, intptr_t stream) except -1   # True when all work is done
    cpdef stream_wait_event(self, intptr_t stream, intptr_t event)
    cpdef intptr_t event_create(self, bint block, bint disable_timing, bint interprocess) except? 0
    cpdef event_destroy(self, intptr_t event)
    cpdef event_record(self, intptr_t event, intptr_t stream)
    cpdef event_synchronize(self, intptr_t event)
    cpdef bint event_query(self, intptr_t event) except -1
    cpdef float event_elapsed_time(self, intptr_t start, intptr_t end) except? -1

    # --- programs, modules, launches -----------------------------------------------------
    cpdef str target_arch(self, int device)            # 'sm_90' on cuda, 'host' on host
    cpdef str compiler_fingerprint(self)               # goes into every kernel cache key
    cpdef object compile(self, object spec)            # ProgramSpec -> ObjectCode
    cpdef intptr_t module_load(self, bytes image) except? 0
    cpdef module_unload(self, intptr_t module)
    cpdef intptr_t module_get_function(self, intptr_t module, str name) except? 0
    cpdef tuple module_get_global(self, intptr_t module, str name)   # (device ptr, size in bytes)
    cpdef dict function_attributes(self, intptr_t func)
    # Settable: 'max_dynamic_shared_size_bytes', 'preferred_shared_memory_carveout'.
    cpdef function_set_attribute(self, intptr_t func, str name, int value)
    cpdef int occupancy_max_active_blocks_per_sm(
        self, intptr_t func, int block_size, size_t dynamic_smem) except -1
    # Hot path: args is a cuLaunchKernel-style array of pointers to each argument's bytes.
    cdef int launch(self, intptr_t func, const unsigned int* grid, const unsigned int* block,
                    unsigned int shared_mem, intptr_t stream, void** args) except -1
