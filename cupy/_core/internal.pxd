from libcpp.vector cimport vector

ctypedef vector[Py_ssize_t] shape_t
ctypedef vector[Py_ssize_t] strides_t

cdef Py_ssize_t prod(const shape_t& shape) noexcept
cdef shape_t to_shape(object shape) except *
cdef tuple to_tuple(const shape_t& v)
cdef void c_strides(const shape_t& shape, Py_ssize_t itemsize, strides_t& out) noexcept
cdef void f_strides(const shape_t& shape, Py_ssize_t itemsize, strides_t& out) noexcept
cdef bint is_c_contiguous(const shape_t& shape, const strides_t& strides,
                          Py_ssize_t itemsize) noexcept
cdef bint is_f_contiguous(const shape_t& shape, const strides_t& strides,
                          Py_ssize_t itemsize) noexcept
cdef Py_ssize_t normalize_axis(Py_ssize_t axis, Py_ssize_t ndim) except? -1
cdef tuple normalize_axis_tuple(object axis, Py_ssize_t ndim, bint allow_duplicate=*)
cdef int broadcast_shapes(list shapes, shape_t& out) except -1
cdef int infer_unknown_dimension(shape_t& shape, Py_ssize_t size) except -1
cdef bint nocopy_reshape_strides(const shape_t& old_shape, const strides_t& old_strides,
                                 Py_ssize_t itemsize, const shape_t& new_shape, bint f_order,
                                 strides_t& out) except -1
