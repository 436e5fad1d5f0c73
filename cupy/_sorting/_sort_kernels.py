"""The device kernels of sorting, searching and set routines, and the row-sort driver.

:func:`sort_rows` sorts the rows of a C-contiguous ``(rows, n)`` buffer. Long rows of bool,
integer and real floating-point keys go to the radix sort of :mod:`cupy._sorting._radix_sort`;
the others (short rows, complex keys) to the stable merge sort of this module, done by a fixed
number of launches whatever the number of rows:

1. one launch sorts runs of :data:`RUN` keys (insertion sort, one run per thread);
2. then ``ceil(log2(n / RUN))`` merge launches each merge pairs of neighbouring sorted runs into
   runs twice as long. Each thread writes ``grain`` consecutive outputs of one merge: a binary
   search on the merge path tells it where its range starts, then it merges sequentially.

Keys move between two buffers (ping-pong); the parity of the number of merges decides which
buffer receives the runs, so the last merge lands in the result. With an index the sort carries
each key's position along (argsort); ties keep the left run first, so the order of equal keys is
their original order. No kernel waits at a barrier, so both backends run the same kernels, and
on the host device they run as plain loops.

Work is O(n log n) per row: the insertion sort costs O(RUN) per key and each merge step O(1)
per key plus O(log n) per thread.
"""
import functools

import numpy

from cupy._core._kernel import ElementwiseKernel
from cupy._core.core import ndarray
from cupy._sorting import _radix_sort
from cupy.cuda import device as _device

#: Length of the runs that the first launch sorts by insertion sort (a power of two).
RUN = 32


# NumPy's sort order, as the class template ``_cupy_sort_order<T>::less`` so that the
# specialisation for complex keys can be added only to the kernels over complex values (CCCL's
# complex is costly to parse). Floating-point NaN sorts after every number, as NumPy's
# FLOAT_LT: ``a < b || (b != b && a == a)``. (Nothing in this string may spell the name of that
# header, or every kernel would include it: see _kernel.device_includes.)
_ORDER = r"""
template <typename T>
struct _cupy_sort_order {
    __device__ static bool less(const T& a, const T& b) { return a < b; }
};
template <typename T>
struct _cupy_sort_order_float {
    __device__ static bool less(const T& a, const T& b) {
        return a < b || (b != b && a == a);
    }
};
template <> struct _cupy_sort_order<float16> : _cupy_sort_order_float<float16> {};
template <> struct _cupy_sort_order<float> : _cupy_sort_order_float<float> {};
template <> struct _cupy_sort_order<double> : _cupy_sort_order_float<double> {};
"""

# Complex keys: lexicographic on (real, imag); values holding NaN come last, in the order
# [R + Rj, R + nanj, nan + Rj, nan + nanj] (NumPy's CFLOAT_LT).
_ORDER_COMPLEX = r"""
template <typename T>
struct _cupy_sort_order<complex<T> > {
    __device__ static bool less(const complex<T>& a, const complex<T>& b) {
        const T ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
        if (ar < br) return ai == ai || bi != bi;
        if (ar > br) return bi != bi && ai == ai;
        if (ar == br || (ar != ar && br != br)) return ai < bi || (bi != bi && ai == ai);
        return br != br;
    }
};
"""

# The steps of the sort and the binary search. They take plain pointers to one row, so that a
# thread of any launch can work on any row.
_ALGORITHMS = r"""
template <typename T>
__device__ inline bool _cupy_sort_less(const T& a, const T& b) {
    return _cupy_sort_order<T>::less(a, b);
}

// Sorts positions [first, first + count) of a row into ``dst`` (stable insertion sort: runs are
// short). Element j of the run is src[perm[first + j]] when ``perm`` is given (lexsort: sort
// by this key in the order of the current permutation), else src[first + j]. With kIndex,
// ``idx`` receives the source position of every sorted key.
template <typename T, bool kIndex>
__device__ inline void _cupy_sort_run(const T* src, const long long* perm, T* dst,
                                      long long* idx, ptrdiff_t first, ptrdiff_t count) {
    T* const d = dst + first;
    long long* const di = kIndex ? idx + first : nullptr;
    for (ptrdiff_t j = 0; j < count; ++j) {
        const long long pos = perm != nullptr ? perm[first + j] : first + j;
        const T v = src[pos];
        ptrdiff_t k = j;
        // Strict comparison: an equal key stays after those already placed (stability).
        while (k > 0 && _cupy_sort_less(v, d[k - 1])) {
            d[k] = d[k - 1];
            if (kIndex) di[k] = di[k - 1];
            --k;
        }
        d[k] = v;
        if (kIndex) di[k] = pos;
    }
}

// Output positions [start, start + count) of one merge step over a row of length n: the sorted
// runs [p, p + width) and [p + width, p + 2 width) (cut at n) become one, where p is ``start``
// rounded down to a multiple of 2 width. A binary search on the merge path finds how many of
// the first ``start - p`` outputs come from the left run; then ``count`` elements are merged.
// The left run wins ties, which keeps the sort stable.
template <typename T, bool kIndex>
__device__ inline void _cupy_merge_range(const T* src, const long long* isrc, T* dst,
                                         long long* idst, ptrdiff_t n, ptrdiff_t width,
                                         ptrdiff_t start, ptrdiff_t count) {
    const ptrdiff_t p = start - start % (2 * width);
    const ptrdiff_t alen = n - p < width ? n - p : width;
    const ptrdiff_t rest = n - p - alen;
    const ptrdiff_t blen = rest < width ? rest : width;
    const T* const a = src + p;
    const T* const b = a + alen;
    const ptrdiff_t diag = start - p;
    ptrdiff_t lo = diag > blen ? diag - blen : 0;
    ptrdiff_t hi = diag < alen ? diag : alen;
    while (lo < hi) {
        const ptrdiff_t mid = lo + (hi - lo) / 2;
        // a[mid] is among the first ``diag`` outputs unless b[diag - 1 - mid] precedes it.
        if (_cupy_sort_less(b[diag - 1 - mid], a[mid])) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    ptrdiff_t i = lo;
    ptrdiff_t j = diag - lo;
    for (ptrdiff_t k = start; k < start + count; ++k) {
        if (j < blen && (i >= alen || _cupy_sort_less(b[j], a[i]))) {
            dst[k] = b[j];
            if (kIndex) idst[k] = isrc[p + alen + j];
            ++j;
        } else {
            dst[k] = a[i];
            if (kIndex) idst[k] = isrc[p + i];
            ++i;
        }
    }
}

// Where ``v`` goes in the sorted a[0..n) (read through ``sorter`` when given): the first
// position whose element is not less than ``v`` (left), or is greater than ``v`` (right).
template <typename T>
__device__ inline ptrdiff_t _cupy_search_sorted(const T* a, const long long* sorter,
                                                ptrdiff_t n, const T& v, bool right) {
    ptrdiff_t lo = 0;
    ptrdiff_t hi = n;
    while (lo < hi) {
        const ptrdiff_t mid = lo + (hi - lo) / 2;
        const T& x = sorter != nullptr ? a[sorter[mid]] : a[mid];
        if (right ? !_cupy_sort_less(v, x) : _cupy_sort_less(x, v)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}
"""

# name -> (input parameters, output parameters, body). Threads are numbered over all rows:
# ``segs`` ranges of one row, then the next row.
_KERNELS = {
    "sort_runs": ("raw T src, int64 n, int64 run", "raw T dst", """
        const ptrdiff_t segs = (n + run - 1) / run;
        const ptrdiff_t off = static_cast<ptrdiff_t>(i) / segs * n;
        const ptrdiff_t first = static_cast<ptrdiff_t>(i) % segs * run;
        _cupy_sort_run<T, false>(src.data() + off, nullptr, dst.data() + off, nullptr, first,
                                 n - first < run ? n - first : run);"""),
    "argsort_runs": (
        "raw T src, raw int64 perm, int64 n, int64 run, bool use_perm", "raw T dst, raw int64 idx",
        """
        const ptrdiff_t segs = (n + run - 1) / run;
        const ptrdiff_t off = static_cast<ptrdiff_t>(i) / segs * n;
        const ptrdiff_t first = static_cast<ptrdiff_t>(i) % segs * run;
        _cupy_sort_run<T, true>(src.data() + off, use_perm ? perm.data() + off : nullptr,
                                dst.data() + off, idx.data() + off, first,
                                n - first < run ? n - first : run);"""),
    "sort_merge": ("raw T src, int64 n, int64 width, int64 grain", "raw T dst", """
        const ptrdiff_t segs = (n + grain - 1) / grain;
        const ptrdiff_t off = static_cast<ptrdiff_t>(i) / segs * n;
        const ptrdiff_t start = static_cast<ptrdiff_t>(i) % segs * grain;
        _cupy_merge_range<T, false>(src.data() + off, nullptr, dst.data() + off, nullptr, n,
                                    width, start, n - start < grain ? n - start : grain);"""),
    "argsort_merge": (
        "raw T src, raw int64 isrc, int64 n, int64 width, int64 grain",
        "raw T dst, raw int64 idst", """
        const ptrdiff_t segs = (n + grain - 1) / grain;
        const ptrdiff_t off = static_cast<ptrdiff_t>(i) / segs * n;
        const ptrdiff_t start = static_cast<ptrdiff_t>(i) % segs * grain;
        _cupy_merge_range<T, true>(src.data() + off, isrc.data() + off, dst.data() + off,
                                   idst.data() + off, n, width, start,
                                   n - start < grain ? n - start : grain);"""),
    "searchsorted": (
        "raw T a, T v, raw int64 sorter, int64 n, bool right, bool use_sorter", "int64 out",
        "out = _cupy_search_sorted<T>(a.data(), use_sorter ? sorter.data() : nullptr, n, v, "
        "right);"),
    # Membership by binary search in the sorted ``s``; NaN equals nothing, as with ``==``.
    "isin": ("T x, raw T s, int64 n, bool invert", "bool out", """
        const ptrdiff_t k = _cupy_search_sorted<T>(s.data(), nullptr, n, x, false);
        out = (k < n && s[k] == x) != invert;"""),
    # Membership through a table of the integers lo..hi (NumPy's 'table' method): ``fill``
    # marks the test elements, ``lookup`` reads it. Values of x are compared exactly whatever
    # the signedness of T (the test elements fit in int64).
    "isin_table_fill": ("T x, int64 lo", "raw bool table",
                        "table[static_cast<long long>(x) - lo] = true;"),
    "isin_table_lookup": ("T x, raw bool table, int64 lo, int64 hi, bool invert", "bool out", """
        bool found;
        if (static_cast<T>(-1) < static_cast<T>(0)) {
            const long long v = static_cast<long long>(x);
            found = v >= lo && v <= hi && table[v - lo];
        } else {
            const unsigned long long v = static_cast<unsigned long long>(x);
            found = hi >= 0 && v <= static_cast<unsigned long long>(hi) &&
                    (lo < 0 || v >= static_cast<unsigned long long>(lo)) &&
                    table[static_cast<long long>(v) - lo];
        }
        out = found != invert;"""),
    # Where a new value starts in the sorted ``aux``; with ``equal_nan`` all NaNs (for complex
    # values, all values holding a NaN) are one value. ``x != x`` is true only for those.
    "unique_mask": ("raw T aux, bool equal_nan", "bool mask", """
        if (i == 0) {
            mask = true;
        } else {
            const T cur = aux[i], prev = aux[i - 1];
            mask = (equal_nan && cur != cur) ? !(prev != prev) : !(cur == prev);
        }"""),
    # inverse[perm[i]]: the number of the unique value at sorted position i, found by binary
    # search in the k positions where unique values start (balanced whatever the counts).
    "unique_inverse": ("raw int64 starts, int64 k, raw int64 perm", "raw int64 inverse", """
        inverse[perm[i]] = _cupy_search_sorted<long long>(
            starts.data(), nullptr, k, static_cast<long long>(i), true) - 1;"""),
    # Where a new row starts among the rows of ``rows`` (shape (k, m)) taken in ``perm`` order.
    # Rows compare by ``==`` element by element, so a NaN never equals (NumPy compares
    # structured elements this way).
    "unique_rows_mask": ("raw T rows, raw int64 perm, int64 m", "bool mask", """
        if (i == 0) {
            mask = true;
        } else {
            const T* const cur = rows.data() + perm[i] * m;
            const T* const prev = rows.data() + perm[i - 1] * m;
            bool same = true;
            for (ptrdiff_t c = 0; c < m && same; ++c) same = cur[c] == prev[c];
            mask = !same;
        }"""),
}


# Kernels whose non-raw arguments may have any shape. The others work on 1-d buffers and keep
# their one axis even when it has length 1, so that each is compiled once per dtype.
_ANY_SHAPE = frozenset(["searchsorted", "isin", "isin_table_fill", "isin_table_lookup"])


@functools.lru_cache(maxsize=None)
def _kernel(name, is_complex):
    ins, outs, body = _KERNELS[name]
    preamble = _ORDER + (_ORDER_COMPLEX if is_complex else "") + _ALGORITHMS
    return ElementwiseKernel(ins, outs, body, name=f"cupy_{name}", preamble=preamble,
                             reduce_dims=name in _ANY_SHAPE)


def kernel(name, dtype):
    """The elementwise kernel ``name`` of :data:`_KERNELS` for keys of ``dtype``."""
    return _kernel(name, numpy.dtype(dtype).kind == "c")


_resident_threads = {}


def _grain(total):
    """Outputs per thread of a merge launch over ``total`` keys: the largest power of two in
    [8, 256] that still launches as many threads as the device keeps resident (multiprocessors
    x threads per multiprocessor). Fewer, longer ranges pay for fewer merge-path searches
    (random reads), which is what a device with few multiprocessors (the host) needs."""
    dev = _device.get_device_id()
    resident = _resident_threads.get(dev)
    if resident is None:
        from cupy.cuda import runtime
        props = runtime.getDeviceProperties(dev)
        resident = _resident_threads[dev] = max(1, props["multiProcessorCount"]) * max(
            1, props.get("maxThreadsPerMultiProcessor", 2048))
    grain = 256
    while grain > 8 and total // grain < resident:
        grain //= 2
    return grain


def sort_rows(keys, n, with_index, perm=None, want_keys=True):
    """Stable sort of every row of length ``n`` of the C-contiguous array ``keys``.

    Args:
        keys (cupy.ndarray): C-contiguous keys; its elements form rows of ``n`` in C order.
        n (int): the row length (> 0).
        with_index (bool): also return, for each sorted key, its position in its row.
        perm (cupy.ndarray): optional C-contiguous int64 array shaped like ``keys``: sort the
            keys ``keys[row, perm[row, j]]`` taken in the order j, and return the positions
            ``perm[row, j]`` as the index (one step of lexsort). Needs ``with_index``.
        want_keys (bool): with ``with_index``, whether the sorted keys are needed too
            (otherwise they may be returned as None).

    Returns:
        tuple: (sorted keys, positions or None), new C-contiguous arrays shaped like ``keys``.
    """
    shape = keys.shape
    # The kernels see 1-d buffers: one compiled variant per dtype, whatever the shape.
    keys = keys.reshape(-1)
    if perm is not None:
        perm = perm.reshape(-1)
    total = keys.size
    if total and _radix_sort.preferred(keys.dtype, n):
        out, idx = _radix_sort.sort_rows(keys, n, with_index, perm, want_keys)
    else:
        out, idx = _merge_sort_rows(keys, n, with_index, perm)
    return tuple(None if x is None else x.reshape(shape) for x in (out, idx))


def _merge_sort_rows(keys, n, with_index, perm):
    total = keys.size
    rows = total // n if n else 0
    merges = 0
    width = RUN
    while width < n:
        merges += 1
        width *= 2
    out = ndarray(keys.shape, keys.dtype)
    tmp = ndarray(keys.shape, keys.dtype) if merges else out
    idx = ndarray(keys.shape, numpy.int64) if with_index else None
    itmp = ndarray(keys.shape, numpy.int64) if with_index and merges else idx
    if total == 0:
        return out, idx
    # The runs go where an even number of merges later leaves the result in ``out``.
    dst, idst = (out, idx) if merges % 2 == 0 else (tmp, itmp)
    size = rows * ((n + RUN - 1) // RUN)
    if with_index:
        kernel("argsort_runs", keys.dtype)(
            keys, perm if perm is not None else idst, n, RUN, perm is not None, dst, idst,
            size=size)
    else:
        kernel("sort_runs", keys.dtype)(keys, n, RUN, dst, size=size)
    src, isrc = dst, idst
    dst, idst = (tmp, itmp) if src is out else (out, idx)
    grain = _grain(total)
    width = RUN
    while width < n:
        g = min(grain, 2 * width)
        size = rows * ((n + g - 1) // g)
        if with_index:
            kernel("argsort_merge", keys.dtype)(src, isrc, n, width, g, dst, idst, size=size)
        else:
            kernel("sort_merge", keys.dtype)(src, n, width, g, dst, size=size)
        src, dst = dst, src
        isrc, idst = idst, isrc
        width *= 2
    return out, idx
