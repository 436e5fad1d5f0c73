from cupy.cuda.function cimport Function, Module


cdef class RawKernel:
    cdef readonly str code
    cdef readonly str name
    cdef readonly tuple options
    cdef readonly str backend
    cdef readonly bint translate_cucomplex
    cdef readonly bint enable_cooperative_groups
    cdef readonly bint jitify
    cdef readonly object file_path
    cdef dict _kernels          # device id -> Function
    cdef Py_ssize_t _num_params # -1 when the signature was not found in the source
    cdef RawModule _owner       # set for kernels taken from a RawModule

    cdef Function _kernel(self)


cdef class RawModule:
    cdef readonly str code
    cdef readonly object file_path
    cdef readonly tuple options
    cdef readonly str backend
    cdef readonly bint translate_cucomplex
    cdef readonly bint enable_cooperative_groups
    cdef readonly tuple name_expressions
    cdef readonly bint jitify
    cdef dict _modules          # device id -> Module
    cdef dict _kernels          # name -> RawKernel

    cdef Module _module(self, log_stream=*)
