from libc.stdint cimport intptr_t


cdef class _BaseStream:
    cdef readonly intptr_t ptr
    cdef readonly int device_id      # -1: follows the current device (the null stream)


cdef class Event:
    cdef readonly intptr_t ptr
    cdef bint _owned


# The handle of the current stream of the calling thread on the current device (0: null stream).
cpdef intptr_t get_current_stream_ptr() except? -1
cpdef _BaseStream get_current_stream(int device_id=*)
