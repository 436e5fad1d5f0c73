from libc.stdint cimport intptr_t

from cupy_backends.backend cimport Backend


cdef class PackedArg:
    cdef readonly bytes data


cdef class Module:
    cdef readonly intptr_t ptr        # backend module handle; 0 until loaded
    cdef readonly dict mapping        # name expression -> lowered symbol
    cdef readonly int device_id
    cdef Backend _backend

    cpdef load(self, object object_code)
    cpdef Function get_function(self, str name)


cdef class Function:
    cdef readonly Module module
    cdef readonly intptr_t ptr        # backend function handle
    cdef readonly str name
    # Number of kernel parameters when known (checked on every launch), else -1.
    cdef public Py_ssize_t num_params
    cdef Backend _backend

    cpdef launch(self, grid, block, args, size_t shared_mem=*, stream=*)


# Packs ``args`` (a tuple or list) and launches ``func`` on ``stream`` (a handle).
cdef int launch_kernel(Backend backend, intptr_t func, const unsigned int* grid,
                       const unsigned int* block, unsigned int shared_mem, intptr_t stream,
                       object args) except -1

cdef int parse_dim3(object dims, unsigned int* out, str what) except -1
cdef intptr_t stream_handle(object stream) except? -1
