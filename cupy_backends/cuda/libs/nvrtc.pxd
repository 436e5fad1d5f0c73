# NVRTC bindings (see nvrtc.pyx).

ctypedef int nvrtcResult
ctypedef void* nvrtcProgram


cdef class Program:
    cdef nvrtcProgram _prog

    cdef int _require(self) except -1
    cdef bytes _read(self, int which)
