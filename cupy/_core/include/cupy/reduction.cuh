// Device helpers of generated reduction and scan kernels (cupy/_core/_reduction.pyx,
// cupy/_core/_scan.pyx): the launch layout and NumPy-compatible comparison operators.
#pragma once

#include <cupy/carray.cuh>
#include <cupy/cast.cuh>
#include <cupy/complex.cuh>
#include <cupy/float16.cuh>

// How the threads of a block are spread over outputs (packed by _reduction.pyx: all fields
// are 8 bytes wide, so host and device agree on the layout without padding).
//   group:    threads that cooperate on one output (a power of two);
//   lane_div: thread-id divisor giving the lane inside the group (1: lanes are adjacent,
//             used when the reduced axis is the contiguous one; opb: lanes are ``opb`` apart,
//             so adjacent threads read adjacent outputs when an outer axis is reduced);
//   out_div:  thread-id divisor giving the output slot inside the block;
//   opb:      outputs handled by one block at a time (block size / group);
//   nsplit:   parts the reduced range of each output is cut into (several blocks work on
//             one output; the last one to finish combines the partial results);
//   chunk:    reduced elements per part.
struct _cupy_reduce_layout {
    long long group;
    long long lane_div;
    long long out_div;
    long long opb;
    long long nsplit;
    long long chunk;
};

// Bytes reserved per partial result when the reduced range is split across blocks.
#define CUPY_REDUCE_PARTIAL_BYTES 32

// NumPy's ordering for max/min: NaN propagates (the first NaN wins), complex numbers compare
// lexicographically.
template <typename T>
__device__ inline bool _cupy_isnan(const T&) { return false; }
__device__ inline bool _cupy_isnan(const float& x) { return isnan(x); }
__device__ inline bool _cupy_isnan(const double& x) { return isnan(x); }
__device__ inline bool _cupy_isnan(const float16& x) { return isnan(x); }
template <typename T>
__device__ inline bool _cupy_isnan(const complex<T>& x) {
    return isnan(x.real()) || isnan(x.imag());
}

template <typename T>
__device__ inline bool _cupy_less(const T& a, const T& b) { return a < b; }
template <typename T>
__device__ inline bool _cupy_less(const complex<T>& a, const complex<T>& b) {
    return a.real() < b.real() || (a.real() == b.real() && a.imag() < b.imag());
}

template <typename T>
__device__ inline T _cupy_max(const T& a, const T& b) {
    if (_cupy_isnan(a)) return a;
    if (_cupy_isnan(b)) return b;
    return _cupy_less(a, b) ? b : a;
}
template <typename T>
__device__ inline T _cupy_min(const T& a, const T& b) {
    if (_cupy_isnan(a)) return a;
    if (_cupy_isnan(b)) return b;
    return _cupy_less(b, a) ? b : a;
}
// nanmax/nanmin: NaN loses unless both are NaN.
template <typename T>
__device__ inline T _cupy_nanmax(const T& a, const T& b) {
    if (_cupy_isnan(a)) return b;
    if (_cupy_isnan(b)) return a;
    return _cupy_less(a, b) ? b : a;
}
template <typename T>
__device__ inline T _cupy_nanmin(const T& a, const T& b) {
    if (_cupy_isnan(a)) return b;
    if (_cupy_isnan(b)) return a;
    return _cupy_less(b, a) ? b : a;
}
// The same for real floating point, without branches so that loops of them vectorize on the
// host: for max, ``b`` wins when it is larger, or NaN while ``a`` is not.
#define _CUPY_BRANCHLESS_EXTREMA(T)                                                    \
    __device__ inline T _cupy_max(const T& a, const T& b) {                            \
        return (a < b || (b != b && a == a)) ? b : a;                                  \
    }                                                                                  \
    __device__ inline T _cupy_min(const T& a, const T& b) {                            \
        return (b < a || (b != b && a == a)) ? b : a;                                  \
    }                                                                                  \
    __device__ inline T _cupy_nanmax(const T& a, const T& b) {                         \
        return (a < b || a != a) ? b : a;                                              \
    }                                                                                  \
    __device__ inline T _cupy_nanmin(const T& a, const T& b) {                         \
        return (b < a || a != a) ? b : a;                                              \
    }
_CUPY_BRANCHLESS_EXTREMA(float)
_CUPY_BRANCHLESS_EXTREMA(double)
#undef _CUPY_BRANCHLESS_EXTREMA

// A value and the position it came from, for argmax/argmin. Combining keeps the smaller
// position on ties so the result is the first occurrence whatever the combination order.
template <typename T>
struct _cupy_arg {
    T value;
    long long index;
};
template <typename T>
__device__ inline _cupy_arg<T> _cupy_make_arg(const T& v, long long i) {
    _cupy_arg<T> r;
    r.value = v;
    r.index = i;
    return r;
}
template <typename T>
__device__ inline _cupy_arg<T> _cupy_argmax(const _cupy_arg<T>& a, const _cupy_arg<T>& b) {
    const bool na = _cupy_isnan(a.value), nb = _cupy_isnan(b.value);
    if (na || nb) {
        if (na && nb) return a.index < b.index ? a : b;
        return na ? a : b;
    }
    if (_cupy_less(a.value, b.value)) return b;
    if (_cupy_less(b.value, a.value)) return a;
    return a.index < b.index ? a : b;
}
template <typename T>
__device__ inline _cupy_arg<T> _cupy_argmin(const _cupy_arg<T>& a, const _cupy_arg<T>& b) {
    const bool na = _cupy_isnan(a.value), nb = _cupy_isnan(b.value);
    if (na || nb) {
        if (na && nb) return a.index < b.index ? a : b;
        return na ? a : b;
    }
    if (_cupy_less(b.value, a.value)) return b;
    if (_cupy_less(a.value, b.value)) return a;
    return a.index < b.index ? a : b;
}

// |x|^2 for the variance: real for complex inputs.
template <typename T>
__device__ inline T _cupy_abs2(const T& x) { return x * x; }
template <typename T>
__device__ inline T _cupy_abs2(const complex<T>& x) {
    return x.real() * x.real() + x.imag() * x.imag();
}

// ``a / n`` for a count ``n`` passed as double, in the precision of ``a``.
template <typename T>
__device__ inline T _cupy_div_count(const T& a, double n) { return a / static_cast<T>(n); }
template <typename T>
__device__ inline complex<T> _cupy_div_count(const complex<T>& a, double n) {
    return a / static_cast<T>(n);
}
__device__ inline float16 _cupy_div_count(const float16& a, double n) {
    return float16(static_cast<float>(a) / static_cast<float>(n));
}
