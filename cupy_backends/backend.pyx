# cython: language_level=3
"""Base class of the backend boundary; see backend.pxd for the contract."""
from libc.stdint cimport intptr_t
from cpython.mem cimport PyMem_Malloc, PyMem_Free


cdef class Backend:
    """Abstract backend. Subclasses override every method."""

    cpdef int device_count(self) except -1:
        raise NotImplementedError('device_count')

    cpdef int get_device(self) except -1:
        raise NotImplementedError('get_device')

    cpdef set_device(self, int device):
        raise NotImplementedError('set_device')

    cpdef dict device_properties(self, int device):
        raise NotImplementedError('device_properties')

    cpdef tuple mem_info(self, int device):
        raise NotImplementedError('mem_info')

    cpdef device_synchronize(self):
        raise NotImplementedError('device_synchronize')

    cpdef tuple versions(self):
        raise NotImplementedError('versions')

    cpdef intptr_t malloc(self, size_t size) except? 0:
        raise NotImplementedError('malloc')

    cpdef free(self, intptr_t ptr):
        raise NotImplementedError('free')

    cpdef memcpy(self, intptr_t dst, intptr_t src, size_t size, int kind):
        raise NotImplementedError('memcpy')

    cpdef memcpy_async(self, intptr_t dst, intptr_t src, size_t size, int kind, intptr_t stream):
        raise NotImplementedError('memcpy_async')

    cpdef memset(self, intptr_t ptr, int value, size_t size):
        raise NotImplementedError('memset')

    cpdef memset_async(self, intptr_t ptr, int value, size_t size, intptr_t stream):
        raise NotImplementedError('memset_async')

    cpdef intptr_t host_alloc(self, size_t size) except? 0:
        raise NotImplementedError('host_alloc')

    cpdef host_free(self, intptr_t ptr):
        raise NotImplementedError('host_free')

    cpdef intptr_t stream_create(self, bint non_blocking, int priority) except? 0:
        raise NotImplementedError('stream_create')

    cpdef stream_destroy(self, intptr_t stream):
        raise NotImplementedError('stream_destroy')

    cpdef stream_synchronize(self, intptr_t stream):
        raise NotImplementedError('stream_synchronize')

    cpdef bint stream_query(self, intptr_t stream) except -1:
        raise NotImplementedError('stream_query')

    cpdef stream_wait_event(self, intptr_t stream, intptr_t event):
        raise NotImplementedError('stream_wait_event')

    cpdef intptr_t event_create(self, bint block, bint disable_timing, bint interprocess) except? 0:
        raise NotImplementedError('event_create')

    cpdef event_destroy(self, intptr_t event):
        raise NotImplementedError('event_destroy')

    cpdef event_record(self, intptr_t event, intptr_t stream):
        raise NotImplementedError('event_record')

    cpdef event_synchronize(self, intptr_t event):
        raise NotImplementedError('event_synchronize')

    cpdef bint event_query(self, intptr_t event) except -1:
        raise NotImplementedError('event_query')

    cpdef float event_elapsed_time(self, intptr_t start, intptr_t end) except? -1:
        raise NotImplementedError('event_elapsed_time')

    cpdef str target_arch(self, int device):
        raise NotImplementedError('target_arch')

    cpdef str compiler_fingerprint(self):
        raise NotImplementedError('compiler_fingerprint')

    cpdef object compile(self, object spec):
        raise NotImplementedError('compile')

    cpdef intptr_t module_load(self, bytes image) except? 0:
        raise NotImplementedError('module_load')

    cpdef module_unload(self, intptr_t module):
        raise NotImplementedError('module_unload')

    cpdef intptr_t module_get_function(self, intptr_t module, str name) except? 0:
        raise NotImplementedError('module_get_function')

    cpdef tuple module_get_global(self, intptr_t module, str name):
        raise NotImplementedError('module_get_global')

    cpdef dict function_attributes(self, intptr_t func):
        raise NotImplementedError('function_attributes')

    cpdef function_set_attribute(self, intptr_t func, str name, int value):
        raise NotImplementedError('function_set_attribute')

    cpdef int occupancy_max_active_blocks_per_sm(
            self, intptr_t func, int block_size, size_t dynamic_smem) except -1:
        raise NotImplementedError('occupancy_max_active_blocks_per_sm')

    cdef int launch(self, intptr_t func, const unsigned int* grid, const unsigned int* block, unsigned int shared_mem, intptr_t stream, void** args) except -1:
        raise NotImplementedError('launch')


    def launch_packed(self, intptr_t func, grid, block, unsigned int shared_mem, intptr_t stream,
                      args):
        """Launch ``func`` with ``args``: a sequence of bytes objects, each the byte image of one
        kernel argument. A convenience for tools and tests; cupy's own launch path packs
        arguments without Python objects and calls the cdef ``launch``."""
        cdef unsigned int g[3]
        cdef unsigned int b[3]
        grid = tuple(grid) + (1,) * (3 - len(grid))
        block = tuple(block) + (1,) * (3 - len(block))
        for i in range(3):
            g[i] = grid[i]
            b[i] = block[i]
        blobs = [bytes(a) for a in args]
        cdef void** ptrs = <void**>PyMem_Malloc(sizeof(void*) * (len(blobs) + 1))
        if ptrs == NULL:
            raise MemoryError()
        try:
            for i, blob in enumerate(blobs):
                ptrs[i] = <void*><const char*>blob
            self.launch(func, g, b, shared_mem, stream, ptrs)
        finally:
            PyMem_Free(ptrs)
