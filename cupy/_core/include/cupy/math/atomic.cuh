// Read-modify-write of one array element for ufunc.at: a compare-and-swap loop on the
// element's bits, so every operation and every 2-, 4- or 8-byte type works; atomicAdd is used
// directly where the hardware has it.
#pragma once

#include <cupy/math/floating.cuh>

namespace cupy_math {

template <int N> struct atomic_word;
template <> struct atomic_word<2> { typedef unsigned short type; };
template <> struct atomic_word<4> { typedef unsigned int type; };
template <> struct atomic_word<8> { typedef unsigned long long type; };

template <typename Op, typename T>
__device__ inline void atomic_apply(T* p, T v) {
    typedef typename atomic_word<sizeof(T)>::type W;
    W* wp = reinterpret_cast<W*>(p);
    W old = *wp;
    W assumed;
    do {
        assumed = old;
        T cur;
        memcpy(&cur, &assumed, sizeof(T));
        const T next = Op::apply(cur, v);
        W next_bits;
        memcpy(&next_bits, &next, sizeof(T));
        old = atomicCAS(wp, assumed, next_bits);
    } while (old != assumed);
}

struct at_add {
    template <typename T> __device__ static T apply(T a, T b) { return static_cast<T>(a + b); }
};
struct at_subtract {
    template <typename T> __device__ static T apply(T a, T b) { return static_cast<T>(a - b); }
};
struct at_multiply {
    template <typename T> __device__ static T apply(T a, T b) { return static_cast<T>(a * b); }
};
struct at_maximum {
    template <typename T> __device__ static T apply(T a, T b) { return maximum(a, b); }
};
struct at_minimum {
    template <typename T> __device__ static T apply(T a, T b) { return minimum(a, b); }
};
struct at_bitwise_and {
    template <typename T> __device__ static T apply(T a, T b) { return static_cast<T>(a & b); }
};
struct at_bitwise_or {
    template <typename T> __device__ static T apply(T a, T b) { return static_cast<T>(a | b); }
};
struct at_bitwise_xor {
    template <typename T> __device__ static T apply(T a, T b) { return static_cast<T>(a ^ b); }
};

// Hardware atomicAdd where it exists.
template <>
__device__ inline void atomic_apply<at_add, int>(int* p, int v) { atomicAdd(p, v); }
template <>
__device__ inline void atomic_apply<at_add, unsigned int>(unsigned int* p, unsigned int v) {
    atomicAdd(p, v);
}
template <>
__device__ inline void atomic_apply<at_add, unsigned long long>(unsigned long long* p,
                                                                unsigned long long v) {
    atomicAdd(p, v);
}
template <>
__device__ inline void atomic_apply<at_add, long long>(long long* p, long long v) {
    // Two's complement addition is the same on the unsigned bits.
    atomicAdd(reinterpret_cast<unsigned long long*>(p), static_cast<unsigned long long>(v));
}
template <>
__device__ inline void atomic_apply<at_add, float>(float* p, float v) { atomicAdd(p, v); }
template <>
__device__ inline void atomic_apply<at_add, double>(double* p, double v) { atomicAdd(p, v); }

}  // namespace cupy_math
