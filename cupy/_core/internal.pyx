# cython: language_level=3
"""Shape and stride arithmetic on C vectors, shared by the ndarray and the kernel generators."""
from cpython.number cimport PyNumber_Index
from numpy.exceptions import AxisError


cdef Py_ssize_t prod(const shape_t& shape) noexcept:
    cdef Py_ssize_t n = 1, i
    for i in range(<Py_ssize_t>shape.size()):
        n *= shape[i]
    return n


cdef shape_t to_shape(object shape) except *:
    """A shape argument (int or sequence of ints) as a vector; negative entries are kept for
    the caller to check (reshape accepts one -1)."""
    cdef shape_t out
    if isinstance(shape, int) or hasattr(shape, "__index__") and not hasattr(shape, "__len__"):
        out.push_back(PyNumber_Index(shape))
        return out
    try:
        items = list(shape)
    except TypeError:
        raise TypeError(f"'{type(shape).__name__}' object cannot be interpreted as an integer") \
            from None
    for s in items:
        try:
            out.push_back(PyNumber_Index(s))
        except TypeError:
            raise TypeError(f"'{type(s).__name__}' object cannot be interpreted as an integer") \
                from None
    return out


cdef tuple to_tuple(const shape_t& v):
    cdef Py_ssize_t i
    return tuple([v[i] for i in range(<Py_ssize_t>v.size())])


cdef void c_strides(const shape_t& shape, Py_ssize_t itemsize, strides_t& out) noexcept:
    # NumPy 2 gives every axis of an empty array a zero stride (no element is ever reached).
    cdef Py_ssize_t n = shape.size(), i, s = itemsize
    if prod(shape) == 0:
        out.assign(n, 0)
        return
    out.resize(n)
    for i in range(n - 1, -1, -1):
        out[i] = s
        s *= shape[i] if shape[i] > 0 else 1


cdef void f_strides(const shape_t& shape, Py_ssize_t itemsize, strides_t& out) noexcept:
    cdef Py_ssize_t n = shape.size(), i, s = itemsize
    if prod(shape) == 0:
        out.assign(n, 0)
        return
    out.resize(n)
    for i in range(n):
        out[i] = s
        s *= shape[i] if shape[i] > 0 else 1


cdef bint is_c_contiguous(const shape_t& shape, const strides_t& strides,
                          Py_ssize_t itemsize) noexcept:
    # NumPy's rule: axes of length 1 have arbitrary strides; empty arrays are contiguous.
    cdef Py_ssize_t i, expected = itemsize
    if prod(shape) == 0:
        return True
    for i in range(<Py_ssize_t>shape.size() - 1, -1, -1):
        if shape[i] == 0:
            return True
        if shape[i] != 1:
            if strides[i] != expected:
                return False
            expected *= shape[i]
    return True


cdef bint is_f_contiguous(const shape_t& shape, const strides_t& strides,
                          Py_ssize_t itemsize) noexcept:
    cdef Py_ssize_t i, expected = itemsize
    if prod(shape) == 0:
        return True
    for i in range(<Py_ssize_t>shape.size()):
        if shape[i] == 0:
            return True
        if shape[i] != 1:
            if strides[i] != expected:
                return False
            expected *= shape[i]
    return True


cdef Py_ssize_t normalize_axis(Py_ssize_t axis, Py_ssize_t ndim) except? -1:
    if axis < -ndim or axis >= ndim:
        raise AxisError(axis, ndim)
    return axis + ndim if axis < 0 else axis


cdef tuple normalize_axis_tuple(object axis, Py_ssize_t ndim, bint allow_duplicate=False):
    if isinstance(axis, (tuple, list)):
        axes = [normalize_axis(PyNumber_Index(a), ndim) for a in axis]
    else:
        axes = [normalize_axis(PyNumber_Index(axis), ndim)]
    if not allow_duplicate and len(set(axes)) != len(axes):
        raise ValueError("repeated axis")
    return tuple(axes)


cdef int broadcast_shapes(list shapes, shape_t& out) except -1:
    """NumPy broadcasting of ``shapes`` (a list of tuples) into ``out``."""
    cdef Py_ssize_t nd = 0, i, k, s, d
    for shp in shapes:
        nd = max(nd, len(shp))
    out.assign(nd, 1)
    for shp in shapes:
        k = nd - len(shp)
        for i in range(len(shp)):
            s = shp[i]
            d = out[k + i]
            if s == d or s == 1:
                continue
            if d == 1:
                out[k + i] = s
            else:
                raise ValueError(
                    "operands could not be broadcast together with shapes "
                    + " ".join(str(tuple(x)).replace(" ", "") for x in shapes))
    return 0


cdef int infer_unknown_dimension(shape_t& shape, Py_ssize_t size) except -1:
    cdef Py_ssize_t known = 1, unknown = -1, i
    for i in range(<Py_ssize_t>shape.size()):
        if shape[i] < 0:
            if shape[i] != -1 or unknown >= 0:
                if shape[i] != -1:
                    raise ValueError("negative dimensions not allowed")
                raise ValueError("can only specify one unknown dimension")
            unknown = i
        else:
            known *= shape[i]
    if unknown >= 0:
        if known == 0 or size % known != 0:
            raise ValueError(f"cannot reshape array of size {size} into shape "
                             f"{to_tuple(shape)}")
        shape[unknown] = size // known
    elif known != size:
        raise ValueError(f"cannot reshape array of size {size} into shape {to_tuple(shape)}")
    return 0


cdef bint nocopy_reshape_strides(const shape_t& old_shape, const strides_t& old_strides,
                                 Py_ssize_t itemsize, const shape_t& new_shape, bint f_order,
                                 strides_t& out) except -1:
    """Strides that give ``new_shape`` over the same memory, if any (NumPy's
    ``_attempt_nocopy_reshape``). Returns False when a copy is needed."""
    cdef shape_t olds
    cdef strides_t oldst
    cdef Py_ssize_t i, oi, oj, ni, nj, np_, op, nk, ok, np_prod, op_prod
    # Drop axes of length 1: their strides carry no information.
    for i in range(<Py_ssize_t>old_shape.size()):
        if old_shape[i] != 1:
            olds.push_back(old_shape[i])
            oldst.push_back(old_strides[i])
    op = olds.size()
    np_ = new_shape.size()
    out.assign(np_, 0)
    if prod(new_shape) == 0:
        return False
    ni = 0
    oi = 0
    nj = 1
    oj = 1
    while ni < np_ and oi < op:
        np_prod = new_shape[ni]
        op_prod = olds[oi]
        while np_prod != op_prod:
            if np_prod < op_prod:
                np_prod *= new_shape[nj]
                nj += 1
            else:
                op_prod *= olds[oj]
                oj += 1
        # The old axes oi..oj-1 must be contiguous among themselves in the requested order.
        for ok in range(oi, oj - 1):
            if f_order:
                if oldst[ok + 1] != olds[ok] * oldst[ok]:
                    return False
            else:
                if oldst[ok] != olds[ok + 1] * oldst[ok + 1]:
                    return False
        if f_order:
            out[ni] = oldst[oi]
            for nk in range(ni + 1, nj):
                out[nk] = out[nk - 1] * new_shape[nk - 1]
        else:
            out[nj - 1] = oldst[oj - 1]
            for nk in range(nj - 1, ni, -1):
                out[nk - 1] = out[nk] * new_shape[nk]
        ni = nj
        nj += 1
        oi = oj
        oj += 1
    # Axes of length 1 left at the end of the new shape.
    cdef Py_ssize_t last = out[ni - 1] if ni >= 1 else itemsize
    if f_order and ni >= 1:
        last *= new_shape[ni - 1]
    for nk in range(ni, np_):
        out[nk] = last
    return True
