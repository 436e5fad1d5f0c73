# cython: language_level=3
"""Advanced indexing: integer-array and boolean-mask indices, with NumPy's rules.

A key is split into a strided *view* (slices, ``None`` and integers applied as in basic
indexing) and a list of *advanced entries*: index arrays bound to axes of that view. All index
arrays broadcast to one shape ``B``. The result has the axes of ``B`` in place of the indexed
axes when the advanced entries are adjacent in the key, and in front otherwise (integers count
as advanced entries when an array is present, as in NumPy).

Gathering and scattering run as one elementwise kernel over ``B`` followed by the remaining
axes; boolean masks become integer indices through :func:`nonzero`, a device-side scan. Only a
size (the number of true elements) and a bounds flag are read back to the host.
"""
import numpy

from cpython.number cimport PyNumber_Index

from cupy._core cimport internal
from cupy._core.core cimport ndarray, _new_like_shape
from cupy._core.internal cimport shape_t, strides_t

from cupy._core import _dtype
from cupy._core._kernel import ElementwiseKernel


_INVALID_INDEX = ("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
                  "integer or boolean arrays are valid indices")
cdef object _int64 = numpy.dtype(numpy.int64)
cdef object _bool = numpy.dtype(numpy.bool_)


# --- nonzero: a device-side stream compaction ----------------------------------------------------

# Elements handled by one thread of the scan kernels. Each thread walks a contiguous chunk;
# chunk totals are scanned recursively, so the work is O(n) with log_CHUNK(n) levels.
cdef Py_ssize_t _CHUNK = 256

_chunk_count = ElementwiseKernel(
    "raw T x, int64 n, int64 chunk", "raw int64 out",
    """
    const long long s = static_cast<long long>(i) * chunk;
    const long long e = s + chunk < n ? s + chunk : n;
    long long c = 0;
    for (long long j = s; j < e; ++j) {
        c += static_cast<long long>(x[j] != T(0));
    }
    out[i] = c;
    """, "cupy_chunk_count")

_chunk_sum = ElementwiseKernel(
    "raw int64 x, int64 n, int64 chunk", "raw int64 out",
    """
    const long long s = static_cast<long long>(i) * chunk;
    const long long e = s + chunk < n ? s + chunk : n;
    long long c = 0;
    for (long long j = s; j < e; ++j) {
        c += x[j];
    }
    out[i] = c;
    """, "cupy_chunk_sum")

# Exclusive scan of each chunk of ``x`` in place, starting from ``base[i]``.
_chunk_scan = ElementwiseKernel(
    "raw int64 base, int64 n, int64 chunk, bool has_base", "raw int64 x",
    """
    const long long s = static_cast<long long>(i) * chunk;
    const long long e = s + chunk < n ? s + chunk : n;
    long long run = has_base ? base[i] : 0;
    for (long long j = s; j < e; ++j) {
        const long long t = x[j];
        x[j] = run;
        run += t;
    }
    """, "cupy_chunk_scan")

# Write the multi-index of every true element of the C-contiguous ``mask`` into row d of
# ``out`` (ndim x total), each chunk starting at its scanned offset.
_chunk_write = ElementwiseKernel(
    "raw T mask, raw int64 offsets, int64 n, int64 chunk, int64 total", "raw int64 out",
    """
    const long long s = static_cast<long long>(i) * chunk;
    const long long e = s + chunk < n ? s + chunk : n;
    long long pos = offsets[i];
    const int nd = mask.ndim;
    for (long long j = s; j < e; ++j) {
        if (mask[j] != T(0)) {
            long long rem = j;
            for (int d = nd - 1; d >= 0; --d) {
                const long long ext = mask.shape()[d];
                out[d * total + pos] = rem % ext;
                rem /= ext;
            }
            ++pos;
        }
    }
    """, "cupy_chunk_write")


cdef _exclusive_scan(ndarray x):
    """Replace the 1-d C-contiguous int64 ``x`` by its exclusive prefix sums (on the device)."""
    cdef Py_ssize_t n = x.size
    cdef Py_ssize_t nchunks = (n + _CHUNK - 1) // _CHUNK
    if n == 0:
        return
    if nchunks == 1:
        _chunk_scan(x, n, _CHUNK, False, x, size=1)
        return
    cdef ndarray sums = _new_like_shape(_shape1(nchunks), _int64, False)
    _chunk_sum(x, n, _CHUNK, sums, size=nchunks)
    _exclusive_scan(sums)
    _chunk_scan(sums, n, _CHUNK, True, x, size=nchunks)


cdef shape_t _shape1(Py_ssize_t n):
    cdef shape_t s
    s.push_back(n)
    return s


def nonzero(ndarray a):
    """Indices of the non-zero elements of ``a``, one int64 array per axis (C order).

    The count of non-zero elements is read back to size the result; the indices themselves
    are computed on the device.
    """
    cdef Py_ssize_t nd = a._shape.size(), n = a.size, nchunks = 0, total, d
    if nd == 0:
        raise ValueError("Calling nonzero on 0d arrays is not allowed. Use "
                         "np.atleast_1d(scalar).nonzero() instead. If the context of this "
                         "error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.")
    cdef ndarray m = a
    if not a._c_contiguous:
        m = a.copy("C")
    cdef ndarray out
    cdef shape_t oshape
    if n == 0:
        total = 0
    else:
        nchunks = (n + _CHUNK - 1) // _CHUNK
        # One extra slot so that the scan leaves the grand total at the end.
        counts = _new_like_shape(_shape1(nchunks + 1), _int64, False)
        counts.data.memset_async(0, counts.nbytes)
        _chunk_count(m, n, _CHUNK, counts, size=nchunks)
        _exclusive_scan(counts)
        total = int(counts[nchunks])
    oshape.push_back(nd)
    oshape.push_back(total)
    out = _new_like_shape(oshape, _int64, False)
    if total:
        _chunk_write(m, counts, n, _CHUNK, total, out, size=nchunks)
    return tuple([out[d] for d in range(nd)])


# --- key analysis --------------------------------------------------------------------------------

cdef bint _is_int_scalar(object k):
    if isinstance(k, (bool, numpy.bool_)):
        return False
    if isinstance(k, (int, numpy.integer)):
        return True
    if isinstance(k, (ndarray, numpy.ndarray, list, tuple, slice, str, bytes, float,
                      complex)) or k is None or k is Ellipsis:
        return False
    return hasattr(k, "__index__")


cdef object _as_index_array(object k):
    """A list / NumPy array / cupy array index as a cupy integer or bool array."""
    from cupy._core.core import array_from_host
    if isinstance(k, ndarray):
        arr = k
    else:
        try:
            host = numpy.asarray(k)
        except (ValueError, TypeError):
            raise IndexError(_INVALID_INDEX) from None
        if host.size == 0 and host.dtype.kind == "f" and not isinstance(k, numpy.ndarray):
            host = host.astype(numpy.intp)    # ``a[[]]`` selects nothing
        if host.dtype.kind not in "biu":
            raise IndexError(_INVALID_INDEX)
        arr = array_from_host(host)
    if arr.dtype.kind not in "biu":
        raise IndexError("arrays used as indices must be of integer (or boolean) type")
    return arr


cdef class _Plan:
    """A key resolved against an array: the view, its advanced entries and the layout of
    the result."""
    cdef ndarray view
    cdef list adv_axes       # view axis of each index array
    cdef list indices        # int64 cupy arrays
    cdef list orig_axes      # axis of the original array (for error messages), -1: none
    cdef list checked        # whether the entry needs a bounds check
    cdef list rest_axes      # view axes not indexed by arrays, in order
    cdef Py_ssize_t insert   # position of the broadcast index axes in the result
    cdef tuple bshape        # broadcast shape of the index arrays


cdef _Plan _plan(ndarray a, tuple key):
    cdef Py_ssize_t nd = a._shape.size(), n_real = 0, n_ell = 0, axis = 0, j, n
    cdef Py_ssize_t offset = 0, start, stop, step, length, idx
    cdef shape_t shape
    cdef strides_t strides
    cdef list entries = []
    # Normalise the entries: arrays, ints, slices, None, Ellipsis, bool scalars.
    for k in key:
        if k is None or k is Ellipsis or isinstance(k, slice):
            entries.append(k)
            if k is Ellipsis:
                n_ell += 1
            elif k is not None:
                n_real += 1
        elif isinstance(k, (bool, numpy.bool_)):
            entries.append(bool(k))
        elif _is_int_scalar(k):
            entries.append(PyNumber_Index(k))
            n_real += 1
        elif isinstance(k, (ndarray, numpy.ndarray, list, tuple)):
            arr = _as_index_array(k)
            if arr.dtype.kind == "b" and arr.ndim == 0:
                entries.append(bool(arr))    # reads back one flag, as NumPy's 0-d mask
            else:
                entries.append(arr)
                n_real += arr.ndim if arr.dtype.kind == "b" else 1
        else:
            raise IndexError(_INVALID_INDEX)
    if n_ell > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if n_real > nd:
        raise IndexError(f"too many indices for array: array is {nd}-dimensional, but "
                         f"{n_real} were indexed")
    if n_ell:
        j = entries.index(Ellipsis)
        entries[j:j + 1] = [slice(None)] * (nd - n_real)
    else:
        entries.extend([slice(None)] * (nd - n_real))

    cdef _Plan p = _Plan.__new__(_Plan)
    p.adv_axes = []
    p.indices = []
    p.orig_axes = []
    p.checked = []
    p.rest_axes = []
    p.insert = -1
    cdef list adv_entry_pos = []
    cdef Py_ssize_t vaxis = 0
    for pos, k in enumerate(entries):
        if k is None:
            shape.push_back(1)
            strides.push_back(0)
            p.rest_axes.append(vaxis)
            vaxis += 1
        elif isinstance(k, slice):
            n = a._shape[axis]
            start, stop, step = k.indices(n)
            length = len(range(start, stop, step))
            if length > 0:
                offset += start * a._strides[axis]
            shape.push_back(length)
            strides.push_back(a._strides[axis] * step)
            p.rest_axes.append(vaxis)
            vaxis += 1
            axis += 1
        else:
            if p.insert < 0:
                p.insert = len(p.rest_axes)
            adv_entry_pos.append(pos)
            if isinstance(k, bool):
                # A scalar boolean adds an axis of length 1 selected by [0] (True) or [].
                shape.push_back(1)
                strides.push_back(0)
                p.adv_axes.append(vaxis)
                p.indices.append(_arange_host([0] if k else []))
                p.orig_axes.append(-1)
                p.checked.append(False)
                vaxis += 1
            elif isinstance(k, ndarray) and k.dtype.kind == "b":
                for j in range(k.ndim):
                    if k.shape[j] != a._shape[axis + j]:
                        raise IndexError(
                            f"boolean index did not match indexed array along axis "
                            f"{axis + j}; size of axis is {a._shape[axis + j]} but size of "
                            f"corresponding boolean axis is {k.shape[j]}")
                for j, ind in enumerate(nonzero(k)):
                    shape.push_back(a._shape[axis])
                    strides.push_back(a._strides[axis])
                    p.adv_axes.append(vaxis)
                    p.indices.append(ind)
                    p.orig_axes.append(axis)
                    p.checked.append(False)
                    vaxis += 1
                    axis += 1
            elif isinstance(k, ndarray):
                shape.push_back(a._shape[axis])
                strides.push_back(a._strides[axis])
                p.adv_axes.append(vaxis)
                p.indices.append(k if k.dtype == _int64 else k.astype(_int64))
                p.orig_axes.append(axis)
                p.checked.append(True)
                vaxis += 1
                axis += 1
            else:
                # An integer among array indices: applied as an offset, it still counts as
                # an advanced entry for the placement rule.
                n = a._shape[axis]
                idx = k
                if idx < -n or idx >= n:
                    raise IndexError(f"index {idx} is out of bounds for axis {axis} with "
                                     f"size {n}")
                offset += (idx + n if idx < 0 else idx) * a._strides[axis]
                axis += 1
    # Adjacent advanced entries keep their place; separated ones go to the front.
    for j in range(1, len(adv_entry_pos)):
        if adv_entry_pos[j] != adv_entry_pos[j - 1] + 1:
            p.insert = 0
            break
    p.view = a._view(shape, strides, offset)
    try:
        p.bshape = _broadcast_shape([ind.shape for ind in p.indices])
    except ValueError:
        raise IndexError("shape mismatch: indexing arrays could not be broadcast together "
                         "with shapes " + "".join(str(ind.shape).replace(" ", "") + " "
                                                  for ind in p.indices)) from None
    return p


cdef tuple _broadcast_shape(list shapes):
    cdef shape_t out
    internal.broadcast_shapes(shapes, out)
    return internal.to_tuple(out)


cdef ndarray _arange_host(list values):
    from cupy._core.core import array_from_host
    return array_from_host(numpy.array(values, dtype=numpy.int64))


cdef ndarray _broadcast_to(ndarray x, tuple shape):
    """A view of ``x`` broadcast to ``shape`` (zero strides on the new axes)."""
    cdef Py_ssize_t nd = len(shape), off = nd - x._shape.size(), i
    cdef shape_t s = internal.to_shape(shape)
    cdef strides_t st = strides_t(nd, 0)
    for i in range(<Py_ssize_t>x._shape.size()):
        if x._shape[i] == s[off + i]:
            st[off + i] = x._strides[i]
        elif x._shape[i] != 1:
            raise ValueError("cannot broadcast")
    return x._view(s, st, 0)


cdef _check_bounds(_Plan p):
    """Raise NumPy's IndexError when an index array holds an out-of-range value (one
    read-back of a flag array for all arrays)."""
    cdef Py_ssize_t j, k = len(p.indices)
    cdef list todo = [j for j in range(k) if p.checked[j] and (<ndarray>p.indices[j]).size]
    if not todo:
        return
    cdef shape_t fshape
    fshape.push_back(k)
    fshape.push_back(2)
    cdef ndarray flags = _new_like_shape(fshape, _int64, False)
    flags.data.memset_async(0, flags.nbytes)
    for j in todo:
        _bounds_kernel(p.indices[j], p.view._shape[p.adv_axes[j]], flags[j])
    host = flags.get()
    for j in todo:
        if host[j, 0]:
            raise IndexError(f"index {host[j, 1]} is out of bounds for axis {p.orig_axes[j]} "
                             f"with size {p.view._shape[p.adv_axes[j]]}")


_bounds_kernel = ElementwiseKernel(
    "int64 idx, int64 n", "raw int64 flag",
    "if (idx < -n || idx >= n) { flag[0] = 1; flag[1] = idx; }",
    "cupy_index_bounds")


cdef dict _gather_kernels = {}
cdef dict _scatter_kernels = {}


cdef str _offset_code(Py_ssize_t k, Py_ssize_t nb, Py_ssize_t nrest, str arr):
    """C++ computing the byte offset ``_off`` into the raw array ``arr`` whose first ``k``
    axes are indexed by ``i0..i{k-1}`` and whose other axes follow the loop's last ``nrest``
    axes."""
    lines = ["ptrdiff_t _off = 0, _j;"]
    for j in range(k):
        lines.append(f"_j = i{j}; if (_j < 0) _j += {arr}.shape()[{j}]; "
                     f"_off += _j * {arr}.strides()[{j}];")
    if nrest:
        lines.append("const ptrdiff_t* _pos = _ind.get();")
    for r in range(nrest):
        lines.append(f"_off += _pos[{nb + r}] * {arr}.strides()[{k + r}];")
    return "\n".join(lines)


cdef object _gather_kernel(Py_ssize_t k, Py_ssize_t nb, Py_ssize_t nrest):
    key = (k, nb, nrest)
    kern = _gather_kernels.get(key)
    if kern is None:
        ins = ", ".join([f"int64 i{j}" for j in range(k)] + ["raw T src"])
        op = _offset_code(k, nb, nrest, "src") + \
            "\nout = *reinterpret_cast<const T*>(reinterpret_cast<const char*>(src.data()) " \
            "+ _off);"
        kern = ElementwiseKernel(ins, "T out", op, "cupy_take_nd", reduce_dims=False)
        _gather_kernels[key] = kern
    return kern


cdef object _scatter_kernel(Py_ssize_t k, Py_ssize_t nb, Py_ssize_t nrest):
    key = (k, nb, nrest)
    kern = _scatter_kernels.get(key)
    if kern is None:
        ins = ", ".join([f"int64 i{j}" for j in range(k)] + ["T v", "raw T dst"])
        op = _offset_code(k, nb, nrest, "dst") + \
            "\n*reinterpret_cast<T*>(reinterpret_cast<char*>(dst.data()) + _off) = v;"
        kern = ElementwiseKernel(ins, "", op, "cupy_put_nd", reduce_dims=False,
                                 no_return=True)
        _scatter_kernels[key] = kern
    return kern


cdef tuple _layout(_Plan p):
    """(source view with the indexed axes first, loop shape B + rest, result shape,
    permutation taking the result's axes to the loop's order)."""
    cdef ndarray v = p.view
    vt = v._transpose(p.adv_axes + p.rest_axes)
    rest = tuple([v._shape[i] for i in p.rest_axes])
    nb = len(p.bshape)
    ins = p.insert
    result_shape = rest[:ins] + p.bshape + rest[ins:]
    perm = list(range(ins, ins + nb)) + list(range(ins)) + \
        list(range(ins + nb, len(result_shape)))
    return vt, p.bshape + rest, result_shape, perm


cdef list _index_views(_Plan p, Py_ssize_t nrest):
    """The index arrays broadcast to ``B`` followed by ``nrest`` axes of length 1."""
    full = p.bshape + (1,) * nrest
    return [_broadcast_to(ind, p.bshape).reshape(full) for ind in p.indices]


def getitem(ndarray a, tuple key):
    """``a[key]`` for a key holding integer or boolean arrays (a new array)."""
    cdef _Plan p = _plan(a, key)
    _check_bounds(p)
    vt, loop_shape, result_shape, perm = _layout(p)
    cdef ndarray out = _new_like_shape(internal.to_shape(result_shape), a.dtype, False)
    if out.size == 0:
        return out
    nrest = len(loop_shape) - len(p.bshape)
    ot = out.transpose(perm)
    kern = _gather_kernel(len(p.indices), len(p.bshape), nrest)
    kern(*_index_views(p, nrest), vt, ot)
    return out


def setitem(ndarray a, tuple key, value):
    """``a[key] = value`` for a key holding integer or boolean arrays.

    When an index repeats, which of the values lands is unspecified (the writes run in
    parallel), as in CuPy; NumPy stores the last one.
    """
    cdef _Plan p = _plan(a, key)
    _check_bounds(p)
    vt, loop_shape, result_shape, perm = _layout(p)
    cdef ndarray val
    if isinstance(value, ndarray):
        val = value
        if val.dtype != a.dtype:
            val = val.astype(a.dtype)
        elif val.size and _shares_allocation(val, a):
            val = val.copy()    # read every value before any write
    else:
        from cupy._core.core import array_from_host
        host = numpy.asarray(value)
        if host.dtype.kind not in "biufc":
            raise TypeError(f"cannot assign {type(value).__name__} to a {a.dtype} array")
        if host.dtype != a.dtype:
            if host.ndim == 0 and host.dtype.kind in "iu" and a.dtype.kind in "iub":
                host = numpy.array(value, dtype=a.dtype)    # OverflowError as in NumPy
            else:
                host = host.astype(a.dtype)
        val = array_from_host(host)
    if internal.prod(internal.to_shape(result_shape)) == 0:
        return
    try:
        vb = _broadcast_to(val, result_shape) if val.ndim <= len(result_shape) else None
    except ValueError:
        vb = None
    if vb is None:
        raise ValueError(f"shape mismatch: value array of shape {val.shape} could not be "
                         f"broadcast to indexing result of shape {result_shape}")
    nrest = len(loop_shape) - len(p.bshape)
    kern = _scatter_kernel(len(p.indices), len(p.bshape), nrest)
    kern(*_index_views(p, nrest), vb.transpose(perm), vt)


cdef bint _shares_allocation(ndarray x, ndarray y):
    bx = x.base if x.base is not None else x
    by = y.base if y.base is not None else y
    return bx is by
