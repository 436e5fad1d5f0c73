# cython: language_level=3
"""HostBackend: the backend boundary implemented on the CPU.

Device memory is 256-byte aligned host memory; copies are memcpy. Streams are ordered queues that
execute every operation synchronously on the calling thread, so a stream is always idle when
queried and an event records the time its work completed.
"""
import os
import time

from libc.stdint cimport intptr_t, int64_t
from libc.stdlib cimport free as c_free
from libc.string cimport memcpy as c_memcpy, memset as c_memset
from cpython.mem cimport PyMem_Malloc, PyMem_Free

from cupy_backends.backend cimport Backend
from cupy_backends.cuda.api._errors import CUDADriverError

cdef extern from "stdlib.h" nogil:
    int posix_memalign(void** memptr, size_t alignment, size_t size)

cdef size_t ALIGNMENT = 256

# The host device reports the CUDA API level and compute capability it emulates, so that code
# choosing features by version (warp shuffles, cooperative sizes) takes the modern paths.
cdef int EMULATED_CUDA_VERSION = 13000
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

    def __init__(self):
        self.name = "host"
        self._events = {}
        self._streams = set()
        self._next_handle = 1
        self._props = None

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
                "sharedMemPerBlockOptin": 227 * 1024,
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
    cpdef intptr_t malloc(self, size_t size) except? 0:
        cdef void* p = NULL
        if posix_memalign(&p, ALIGNMENT, size if size > 0 else 1) != 0 or p == NULL:
            raise CUDADriverError(2, "cuMemAlloc")   # CUDA_ERROR_OUT_OF_MEMORY
        return <intptr_t>p

    cpdef free(self, intptr_t ptr):
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
        c_free(<void*>ptr)

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
