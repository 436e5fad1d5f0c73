from libc.stdint cimport intptr_t


cdef class BaseMemory:
    """A device allocation. ``ptr`` is the device address, ``size`` its length in bytes."""
    cdef readonly intptr_t ptr
    cdef readonly size_t size
    cdef readonly int device_id
    cdef object __weakref__


cdef class MemoryPointer:
    """A pointer into a BaseMemory (``mem``), ``ptr = mem.ptr + offset``."""
    cdef readonly BaseMemory mem
    cdef readonly intptr_t ptr
    cdef readonly int device_id


# The current allocator (thread-local override, else the global one) applied to ``size``.
cpdef MemoryPointer alloc(size)
