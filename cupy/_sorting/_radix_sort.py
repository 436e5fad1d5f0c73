"""LSD radix sort of the rows of a C-contiguous ``(rows, n)`` buffer of bool, integer or real
floating-point keys (the long-row path of :func:`cupy._sorting._sort_kernels.sort_rows`).

Keys are first mapped to unsigned integers whose order is NumPy's sort order (sign bit flipped
for signed integers; for floats, negative values bit-inverted, ``-0.0`` taken as ``0.0`` and
every NaN as the largest key). Then one pass per byte, least significant first, moves the keys
(and a payload: source positions, or the original values) stably by that byte. A pass is three
launches with no barrier inside any of them:

1. ``radix_count``: each thread counts the bytes of one tile of ``tile`` keys of one row;
2. ``radix_scan``: each thread turns the counts of one (row, byte value) into exclusive
   offsets over the tiles of the row, and stores the total;
3. ``radix_scatter``: each thread moves the keys of its tile, in order, to the row's
   ``sum(totals of smaller bytes) + offset of its tile`` position, which keeps the sort stable.

A pass reads and writes every key once (O(n) per pass, ``itemsize`` passes), against the
O(n log n) of merging; short rows and complex keys use the merge sort instead.
"""
import functools

import numpy

from cupy._core._kernel import ElementwiseKernel
from cupy._core.core import ndarray
from cupy.cuda import device as _device

#: Byte values per pass.
_RADIX = 256

# ``_cupy_radix<T>``: ``key(x)``, the unsigned integer ordered as NumPy orders x, and, for
# integer types, ``value(k)``, its inverse.
_PREAMBLE = r"""
template <typename T> struct _cupy_radix;
template <> struct _cupy_radix<bool> {
    __device__ static unsigned char key(bool x) { return x ? 1 : 0; }
    __device__ static bool value(unsigned char k) { return k != 0; }
};
#define CUPY_RADIX_INT(T, U, FLIP)                                                         \
    template <> struct _cupy_radix<T> {                                                    \
        __device__ static U key(T x) { return static_cast<U>(static_cast<U>(x) ^ FLIP); }  \
        __device__ static T value(U k) { return static_cast<T>(static_cast<U>(k ^ FLIP)); } \
    };
CUPY_RADIX_INT(signed char, unsigned char, 0x80u)
CUPY_RADIX_INT(unsigned char, unsigned char, 0u)
CUPY_RADIX_INT(short, unsigned short, 0x8000u)
CUPY_RADIX_INT(unsigned short, unsigned short, 0u)
CUPY_RADIX_INT(int, unsigned int, 0x80000000u)
CUPY_RADIX_INT(unsigned int, unsigned int, 0u)
CUPY_RADIX_INT(long long, unsigned long long, 0x8000000000000000ull)
CUPY_RADIX_INT(unsigned long long, unsigned long long, 0ull)
#undef CUPY_RADIX_INT
// Floats: NaN is the largest key (all NaNs equal, so argsort keeps their order), -0.0 is 0.0;
// the bit pattern of a negative value is inverted, a positive one gets the sign bit set.
template <> struct _cupy_radix<float16> {
    __device__ static unsigned short key(float16 x) {
        if (isnan(x)) return 0xFFFFu;
        const unsigned short b = (x.bits() & 0x7FFFu) == 0 ? 0 : x.bits();
        return (b & 0x8000u) ? static_cast<unsigned short>(~b)
                             : static_cast<unsigned short>(b | 0x8000u);
    }
};
template <> struct _cupy_radix<float> {
    __device__ static unsigned int key(float x) {
        if (x != x) return 0xFFFFFFFFu;
        const unsigned int b = x == 0.0f ? 0u : __float_as_uint(x);
        return (b & 0x80000000u) ? ~b : (b | 0x80000000u);
    }
};
template <> struct _cupy_radix<double> {
    __device__ static unsigned long long key(double x) {
        if (x != x) return 0xFFFFFFFFFFFFFFFFull;
        const unsigned long long b =
            x == 0.0 ? 0ull : static_cast<unsigned long long>(__double_as_longlong(x));
        return (b & 0x8000000000000000ull) ? ~b : (b | 0x8000000000000000ull);
    }
};

// One thread's part of a pass: the keys of tile t of one row (``key``, ``pay`` and the
// outputs point at the row; ``counts`` at the row's [byte][tile] offsets, ``totals`` at its
// per-byte totals).
template <typename U, typename P, bool kPayload>
__device__ inline void _cupy_radix_scatter(const U* key, const P* pay, U* dkey, P* dpay,
                                           const long long* counts, const long long* totals,
                                           ptrdiff_t n, ptrdiff_t tile, ptrdiff_t tiles,
                                           ptrdiff_t t, int shift) {
    long long off[256];
    long long base = 0;
    for (int d = 0; d < 256; ++d) {
        off[d] = base + counts[d * tiles + t];
        base += totals[d];
    }
    const ptrdiff_t end = (t + 1) * tile < n ? (t + 1) * tile : n;
    for (ptrdiff_t e = t * tile; e < end; ++e) {
        const U k = key[e];
        const long long pos = off[(k >> shift) & 0xFF]++;
        dkey[pos] = k;
        if (kPayload) dpay[pos] = pay[e];
    }
}
"""

# Threads of the count and scatter launches are numbered (row, tile); those of the scan,
# (row, byte value).
_TILE_INDEX = """
        const ptrdiff_t tiles = (n + tile - 1) / tile;
        const ptrdiff_t row = static_cast<ptrdiff_t>(i) / tiles;
        const ptrdiff_t t = static_cast<ptrdiff_t>(i) - row * tiles;
"""

_KERNELS = {
    "radix_keys": ("T x", "U key", "key = _cupy_radix<T>::key(x);"),
    # Keys through the permutation ``perm`` of each row when given (lexsort), and the source
    # positions as the payload.
    "radix_keys_index": (
        "raw T src, raw int64 perm, int64 n, bool use_perm", "U key, int64 idx", """
        const ptrdiff_t row = static_cast<ptrdiff_t>(i) / n;
        const long long pos = use_perm ? perm[i] : static_cast<ptrdiff_t>(i) - row * n;
        key = _cupy_radix<T>::key(src[row * n + pos]);
        idx = pos;"""),
    "radix_values": ("U key", "T out", "out = _cupy_radix<T>::value(key);"),
    "radix_count": ("raw U key, int64 n, int64 tile, int64 shift", "raw int64 counts",
                    _TILE_INDEX + """
        unsigned int hist[256];
        for (int d = 0; d < 256; ++d) hist[d] = 0;
        const U* const k = key.data() + row * n;
        const ptrdiff_t end = (t + 1) * tile < n ? (t + 1) * tile : n;
        for (ptrdiff_t e = t * tile; e < end; ++e) ++hist[(k[e] >> shift) & 0xFF];
        long long* const c = counts.data() + row * 256 * tiles + t;
        for (int d = 0; d < 256; ++d) c[d * tiles] = hist[d];"""),
    "radix_scan": ("int64 tiles", "raw int64 counts, raw int64 totals", """
        long long* const c = counts.data() + static_cast<ptrdiff_t>(i) * tiles;
        long long sum = 0;
        for (ptrdiff_t t = 0; t < tiles; ++t) {
            const long long v = c[t];
            c[t] = sum;
            sum += v;
        }
        totals[i] = sum;"""),
    "radix_scatter": (
        "raw U key, int64 n, int64 tile, int64 shift, raw int64 counts, raw int64 totals",
        "raw U dkey", _TILE_INDEX + """
        _cupy_radix_scatter<U, U, false>(
            key.data() + row * n, nullptr, dkey.data() + row * n, nullptr,
            counts.data() + row * 256 * tiles, totals.data() + row * 256, n, tile, tiles, t,
            static_cast<int>(shift));"""),
    "radix_scatter_payload": (
        "raw U key, raw P pay, int64 n, int64 tile, int64 shift, raw int64 counts, "
        "raw int64 totals", "raw U dkey, raw P dpay", _TILE_INDEX + """
        _cupy_radix_scatter<U, P, true>(
            key.data() + row * n, pay.data() + row * n, dkey.data() + row * n,
            dpay.data() + row * n, counts.data() + row * 256 * tiles, totals.data() + row * 256,
            n, tile, tiles, t, static_cast<int>(shift));"""),
    # Row r of the result is src[r, idx[r, :]].
    "gather_rows": ("raw T src, int64 idx, int64 n", "T out",
                    "out = src[static_cast<ptrdiff_t>(i) / n * n + idx];"),
}


@functools.lru_cache(maxsize=None)
def _kernel(name):
    ins, outs, body = _KERNELS[name]
    # 1-d buffers only: keeping the axis gives one compiled variant per dtype.
    return ElementwiseKernel(ins, outs, body, name=f"cupy_{name}", preamble=_PREAMBLE,
                             reduce_dims=False)


def preferred(dtype, n):
    """Whether rows of ``n`` keys of ``dtype`` are radix-sorted: the dtype must have a radix
    key (bool, integers, real floats); the ``itemsize`` passes must beat the ``log2(n / RUN)``
    merge passes (measured: from 512 float32 or 8192 float64 keys); and the 256 counters of a
    row (2 KiB) must not outweigh its keys."""
    dtype = numpy.dtype(dtype)
    return dtype.kind in "biuf" and n >= max(2048 // dtype.itemsize, 32 << dtype.itemsize)


_sm_count = {}


def _tile(total):
    """Keys per thread: the largest power of two in [512, 8192] that still gives every
    multiprocessor 8 threads. A tile pays for 256 counters, so it should be long; the GPU
    wants threads."""
    dev = _device.get_device_id()
    sms = _sm_count.get(dev)
    if sms is None:
        from cupy.cuda import runtime
        sms = _sm_count[dev] = max(1, runtime.getDeviceProperties(dev)["multiProcessorCount"])
    tile = 8192
    while tile > 512 and total // tile < 8 * sms:
        tile //= 2
    return tile


def sort_rows(keys, n, with_index, perm, want_keys):
    """Radix-sort every row of length ``n`` (> 0) of the C-contiguous ``keys``; see
    :func:`cupy._sorting._sort_kernels.sort_rows` (``want_keys`` False skips building the
    sorted keys when an index is returned)."""
    dtype = keys.dtype
    rows = keys.size // n
    passes = dtype.itemsize
    tile = _tile(keys.size)
    tiles = (n + tile - 1) // tile
    counts = ndarray((rows * _RADIX * tiles,), numpy.int64)
    totals = ndarray((rows * _RADIX,), numpy.int64)
    key = ndarray(keys.shape, numpy.dtype(f"u{passes}"))
    key_tmp = ndarray(keys.shape, key.dtype)
    # The payload (source positions, or float values: float keys lose -0.0 and NaN payloads,
    # while integer values are rebuilt from their keys) alternates between two buffers; pass
    # p writes bufs[(passes - 1 - p) % 2], so that the last pass writes bufs[0].
    bufs = pay = None
    if with_index:
        bufs = [ndarray(keys.shape, numpy.int64) for _ in range(2)]
        pay = bufs[passes % 2]
        _kernel("radix_keys_index")(keys, perm if perm is not None else pay, n,
                                    perm is not None, key, pay)
    else:
        _kernel("radix_keys")(keys, key)
        if dtype.kind == "f":
            bufs = [ndarray(keys.shape, dtype) for _ in range(2)]
            pay = keys
    for p in range(passes):
        _kernel("radix_count")(key, n, tile, 8 * p, counts, size=rows * tiles)
        _kernel("radix_scan")(tiles, counts, totals, size=rows * _RADIX)
        if pay is None:
            _kernel("radix_scatter")(key, n, tile, 8 * p, counts, totals, key_tmp,
                                     size=rows * tiles)
        else:
            dst = bufs[(passes - 1 - p) % 2]
            _kernel("radix_scatter_payload")(key, pay, n, tile, 8 * p, counts, totals, key_tmp,
                                             dst, size=rows * tiles)
            pay = dst
        key, key_tmp = key_tmp, key
    if with_index:
        out = None
        if want_keys:
            out = ndarray(keys.shape, dtype)
            _kernel("gather_rows")(keys, pay, n, out)
        return out, pay
    if pay is not None:
        return pay, None
    out = ndarray(keys.shape, dtype)
    _kernel("radix_values")(key, out)
    return out, None
