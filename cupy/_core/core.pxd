from cupy._core.internal cimport shape_t, strides_t
from cupy.cuda.memory cimport MemoryPointer


cdef class ndarray:
    cdef shape_t _shape
    cdef strides_t _strides
    cdef readonly Py_ssize_t size
    cdef readonly object dtype
    cdef readonly MemoryPointer data
    # The array owning the memory of a view (None when this array owns it).
    cdef readonly object base
    cdef bint _c_contiguous
    cdef bint _f_contiguous
    cdef object __weakref__

    cdef int _set_shape_and_strides(self, const shape_t& shape, const strides_t& strides,
                                    bint update_flags) except -1
    cdef void _update_contiguity(self) noexcept
    cdef ndarray _view(self, const shape_t& shape, const strides_t& strides,
                       Py_ssize_t byte_offset)
    cdef ndarray _reshape(self, shape_t shape, bint f_order)
    cdef ndarray _transpose(self, list axes)
    cpdef ndarray copy(self, order=*)
    cpdef ndarray astype(self, dtype, order=*, casting=*, subok=*, copy=*)
    cpdef ndarray ravel(self, order=*)
    cdef object _scalar(self, str what)


cpdef ndarray _ndarray_init(shape, dtype, order=*)
cdef ndarray _new_like_shape(const shape_t& shape, object dtype, bint f_order)
