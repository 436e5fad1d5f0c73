# cython: language_level=3
"""``ndarray.__getitem__`` / ``__setitem__``: basic indexing as views, advanced indexing
through gather/scatter kernels (``_advanced_indexing``)."""
import numpy

from cpython.number cimport PyNumber_Index

from cupy._core cimport internal
from cupy._core.core cimport ndarray
from cupy._core.internal cimport shape_t, strides_t

from cupy._core import _kernel


cdef bint _is_integer_index(object k):
    if isinstance(k, (bool, numpy.bool_)):
        return False
    if isinstance(k, int) or isinstance(k, numpy.integer):
        return True
    if isinstance(k, (ndarray, numpy.ndarray, list, tuple, slice)) or k is None \
            or k is Ellipsis:
        return False
    return hasattr(k, "__index__")


cdef bint _is_basic(object k):
    return k is None or k is Ellipsis or isinstance(k, slice) or _is_integer_index(k)


cdef tuple _normalize_key(object key):
    if isinstance(key, tuple):
        return key
    return (key,)


cdef tuple _expand_ellipsis(tuple key, Py_ssize_t ndim):
    """Replace the Ellipsis by full slices and pad with full slices to ``ndim`` real axes.
    ``None`` and 0-d boolean entries count for no axis."""
    cdef Py_ssize_t n_real = 0, n_ell = 0
    for k in key:
        if k is Ellipsis:
            n_ell += 1
        elif k is None or isinstance(k, (bool, numpy.bool_)):
            pass
        elif isinstance(k, (ndarray, numpy.ndarray)) and k.dtype == numpy.bool_:
            n_real += k.ndim
        else:
            n_real += 1
    if n_ell > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if n_real > ndim:
        raise IndexError(f"too many indices for array: array is {ndim}-dimensional, but "
                         f"{n_real} were indexed")
    fill = (slice(None),) * (ndim - n_real)
    if n_ell:
        i = next(j for j, k in enumerate(key) if k is Ellipsis)
        return key[:i] + fill + key[i + 1:]
    return key + fill


cdef ndarray _basic_view(ndarray a, tuple key):
    """The view selected by a key of ints, slices and None (already expanded to a.ndim)."""
    cdef shape_t shape
    cdef strides_t strides
    cdef Py_ssize_t axis = 0, offset = 0, n, idx, start, stop, step, length
    for k in key:
        if k is None:
            shape.push_back(1)
            strides.push_back(0)
        elif isinstance(k, slice):
            n = a._shape[axis]
            start, stop, step = k.indices(n)
            length = len(range(start, stop, step))
            if length > 0:
                offset += start * a._strides[axis]
            shape.push_back(length)
            strides.push_back(a._strides[axis] * step)
            axis += 1
        else:
            n = a._shape[axis]
            idx = PyNumber_Index(k)
            if idx < -n or idx >= n:
                raise IndexError(f"index {idx} is out of bounds for axis {axis} with size {n}")
            if idx < 0:
                idx += n
            offset += idx * a._strides[axis]
            axis += 1
    return a._view(shape, strides, offset)


def getitem(ndarray a, key):
    """``a[key]``."""
    cdef tuple k = _normalize_key(key)
    if all(_is_basic(x) for x in k):
        return _basic_view(a, _expand_ellipsis(k, a._shape.size()))
    from cupy._core import _advanced_indexing
    return _advanced_indexing.getitem(a, k)


def setitem(ndarray a, key, value):
    """``a[key] = value``."""
    cdef tuple k = _normalize_key(key)
    if all(_is_basic(x) for x in k):
        view = _basic_view(a, _expand_ellipsis(k, a._shape.size()))
        assign(view, value)
        return
    from cupy._core import _advanced_indexing
    _advanced_indexing.setitem(a, k, value)


cdef void _extent(ndarray a, Py_ssize_t* lo, Py_ssize_t* hi) noexcept:
    """Byte range [lo, hi) touched by the elements of ``a`` (a non-empty array)."""
    cdef Py_ssize_t i, s
    lo[0] = a.data.ptr
    hi[0] = a.data.ptr + a.dtype.itemsize
    for i in range(<Py_ssize_t>a._shape.size()):
        s = a._strides[i] * (a._shape[i] - 1)
        if s < 0:
            lo[0] += s
        else:
            hi[0] += s


cdef bint _may_overlap(ndarray a, ndarray b):
    """Whether the memory of ``a`` and ``b`` may overlap (bounds check, like NumPy's
    ``may_share_memory``): a kernel writing ``b`` while reading ``a`` needs a copy then."""
    cdef Py_ssize_t alo, ahi, blo, bhi
    if a.size == 0 or b.size == 0:
        return False
    _extent(a, &alo, &ahi)
    _extent(b, &blo, &bhi)
    if alo >= bhi or blo >= ahi:
        return False
    # Same layout over the same memory: each element is read before it is written.
    return not (a.data.ptr == b.data.ptr and a._strides == b._strides
                and a._shape == b._shape)


def assign(ndarray dst, value):
    """``dst[...] = value`` with broadcasting and NumPy's (unsafe) value conversion."""
    if isinstance(value, ndarray):
        if value is not dst and _may_overlap(<ndarray>value, dst):
            value = value.copy()    # read everything before writing
        _kernel.elementwise_copy(value, dst)
        return
    if isinstance(value, (bool, int, float, complex, numpy.generic)):
        _kernel.elementwise_fill_broadcast(dst, value)
        return
    host = numpy.asarray(value)
    if host.dtype.kind not in "biufc":
        raise TypeError(f"cannot assign {type(value).__name__} to a {dst.dtype} array")
    if host.ndim == 0:
        _kernel.elementwise_fill_broadcast(dst, host[()])
        return
    from cupy._core.core import array_from_host
    _kernel.elementwise_copy(array_from_host(host), dst)
