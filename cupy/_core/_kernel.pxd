from libc.stdint cimport intptr_t

from cupy._core.core cimport ndarray
from cupy._core.internal cimport shape_t, strides_t
from cupy.cuda.function cimport PackedArg


cdef class ParameterInfo:
    cdef readonly str name
    cdef readonly str ctype        # a placeholder ('T') or a C++ type name
    cdef readonly object dtype     # numpy.dtype when the type is explicit, else None
    cdef readonly bint raw
    cdef readonly bint is_const


cdef class KernelArg:
    """One argument of a launch, as the generated source sees it."""
    cdef readonly str name
    cdef readonly bint is_array
    cdef readonly bint raw
    cdef readonly bint is_output
    cdef readonly object storage_dtype   # dtype of the array / scalar passed
    cdef readonly object var_dtype       # dtype of the variable the operation sees
    cdef readonly int ndim
    cdef readonly bint c_contiguous
    cdef ndarray array
    cdef shape_t shape
    cdef strides_t strides
    cdef object value


cdef class LoopSpec:
    """What one generated elementwise kernel does (independent of the arguments' layout)."""
    cdef readonly str name
    cdef readonly str operation
    cdef readonly str preamble
    cdef readonly str loop_prep
    cdef readonly str after_loop
    cdef readonly tuple typedefs     # ((alias, numpy dtype), ...)
    cdef readonly tuple options


cpdef object launch_elementwise(LoopSpec spec, list args, shape_t shape, Py_ssize_t block_size,
                                dict memo)
cdef int broadcast_arrays_into(list args, shape_t& shape) except -1

# Byte images of the device-side argument structs (carray.cuh), shared with the reduction
# generator.
cdef PackedArg _pack_carray(intptr_t ptr, const shape_t& shape, const strides_t& strides)
cdef PackedArg _pack_indexer(const shape_t& shape)
