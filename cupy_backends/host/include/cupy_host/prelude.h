// Prelude of the host device: makes CUDA C++ kernel source compile with g++ for the CPU.
//
// Passed to g++ with `-include` (through a precompiled header) before every kernel source.
// Keyword macros, built-in variables, barriers, warp operations, assert/__trap and the launch
// trampolines live here; vector types, math and atomics come from cupy_host/builtins.h. The C
// symbols named __cupy_host_* are defined by the runtime library (cupy_backends.host._runtime),
// which is loaded RTLD_GLOBAL before any kernel module.
#ifndef CUPY_HOST_PRELUDE_H
#define CUPY_HOST_PRELUDE_H

// Standard headers first: they must be parsed before the keyword macros below (libstdc++ spells
// attributes such as __noinline__ that CUDA defines as macros).
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <new>
#include <type_traits>
#include <utility>

#define __CUPY_HOST__ 1

// --- keyword macros -------------------------------------------------------------------------
// Kernels are inlined into the launch trampolines generated after the source. Hidden: an inline
// function and its __shared__ statics would otherwise be symbols bound once per process, shared by
// every module with a kernel of the same name (the launch table, not dlsym, finds kernels).
#define __global__ inline __attribute__((always_inline, visibility("hidden")))
#define __device__
#define __host__
#define __constant__
#define __managed__
#define __grid_constant__
#define __forceinline__ inline __attribute__((always_inline))
#define __noinline__ __attribute__((noinline))
#define __align__(n) __attribute__((aligned(n)))
#define __launch_bounds__(...)
// One copy per OS thread = one per block, since a pool thread runs one block at a time. g++
// aligns function-static TLS char arrays to 1 byte; kernels cast them to wider types.
#define __shared__ static thread_local __attribute__((aligned(16)))
// g++ understands __restrict__ natively.

#if __has_include("cupy_host/builtins.h")
#include "cupy_host/builtins.h"
#endif

#ifndef CUPY_HOST_HAVE_VECTOR_TYPES
struct uint3 {
    unsigned int x, y, z;
};
struct dim3 {
    unsigned int x, y, z;
    constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1)
        : x(vx), y(vy), z(vz) {}
    constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
    constexpr operator uint3() const { return uint3{x, y, z}; }
};
#endif

// --- built-in variables (defined in the runtime; initial-exec: one %fs-relative access) -----
#define __CUPY_HOST_TLS __attribute__((tls_model("initial-exec")))
extern __thread uint3 threadIdx __CUPY_HOST_TLS;
extern __thread uint3 blockIdx __CUPY_HOST_TLS;
extern __thread dim3 blockDim __CUPY_HOST_TLS;
extern __thread dim3 gridDim __CUPY_HOST_TLS;
// Base of this block's dynamic shared memory (16-byte aligned, sized by the launch).
extern __thread char* __cupy_host_dynsmem __CUPY_HOST_TLS;
static constexpr int warpSize = 32;

extern "C" {
void __cupy_host_syncthreads();
int __cupy_host_syncthreads_reduce(int pred, int op);
const unsigned long long* __cupy_host_warp_exchange(unsigned long long v, unsigned* arrived);
unsigned __cupy_host_activemask();
[[noreturn]] void __cupy_host_assert_fail(const char* expr, const char* file, unsigned line,
                                          const char* func);
[[noreturn]] void __cupy_host_trap();

// glibc's assert() calls __assert_fail; this module-local definition reports a device-side
// assertion to the launcher instead of aborting the process.
__attribute__((visibility("hidden"), noreturn)) inline void __assert_fail(
        const char* expr, const char* file, unsigned int line, const char* func) noexcept {
    __cupy_host_assert_fail(expr, file, line, func);
}
}

// --- barriers ------------------------------------------------------------------------------
inline void __syncthreads() { __cupy_host_syncthreads(); }
inline int __syncthreads_count(int pred) { return __cupy_host_syncthreads_reduce(pred, 0); }
inline int __syncthreads_and(int pred) { return __cupy_host_syncthreads_reduce(pred, 1); }
inline int __syncthreads_or(int pred) { return __cupy_host_syncthreads_reduce(pred, 2); }

inline void __threadfence() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
inline void __threadfence_block() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
inline void __threadfence_system() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

[[noreturn]] inline void __trap() { __cupy_host_trap(); }
[[noreturn]] inline void __brkpt() { __cupy_host_trap(); }

inline long long clock64() { return static_cast<long long>(__builtin_ia32_rdtsc()); }

// --- warp-level operations -----------------------------------------------------------------
// Warps are not lock-step on the host: each operation is a warp barrier over the lanes that have
// not exited. Masks are accepted but every live lane must take part.
inline unsigned __cupy_host_laneid() {
    return (threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z)) & 31u;
}
inline unsigned __activemask() { return __cupy_host_activemask(); }
inline void __syncwarp(unsigned mask = 0xffffffffu) {
    (void)mask;
    unsigned arrived;
    __cupy_host_warp_exchange(0, &arrived);
}

namespace cupy_host_detail {
template <class T>
inline unsigned long long to_bits(const T& v) {
    static_assert(sizeof(T) <= 8 && std::is_trivially_copyable<T>::value,
                  "warp shuffles take trivially copyable values of at most 8 bytes");
    unsigned long long b = 0;
    memcpy(&b, &v, sizeof(T));
    return b;
}
template <class T>
inline T from_bits(unsigned long long b) {
    alignas(T) unsigned char buf[sizeof(T)];
    memcpy(buf, &b, sizeof(T));
    return *std::launder(reinterpret_cast<T*>(buf));
}
// Value of lane `src`, or `own` when that lane does not exist or did not take part.
template <class T>
inline T shuffle(T own, int src, bool in_range) {
    unsigned arrived;
    const unsigned long long* slots = __cupy_host_warp_exchange(to_bits(own), &arrived);
    if (!in_range || src < 0 || src > 31 || !((arrived >> src) & 1u)) return own;
    return from_bits<T>(slots[src]);
}
}  // namespace cupy_host_detail

template <class T>
inline T __shfl_sync(unsigned mask, T var, int srcLane, int width = warpSize) {
    (void)mask;
    int lane = static_cast<int>(__cupy_host_laneid());
    int base = lane & ~(width - 1);
    return cupy_host_detail::shuffle(var, base + (srcLane & (width - 1)), true);
}
template <class T>
inline T __shfl_up_sync(unsigned mask, T var, unsigned delta, int width = warpSize) {
    (void)mask;
    int lane = static_cast<int>(__cupy_host_laneid());
    int in_seg = lane & (width - 1);
    return cupy_host_detail::shuffle(var, lane - static_cast<int>(delta),
                                     in_seg >= static_cast<int>(delta));
}
template <class T>
inline T __shfl_down_sync(unsigned mask, T var, unsigned delta, int width = warpSize) {
    (void)mask;
    int lane = static_cast<int>(__cupy_host_laneid());
    int in_seg = lane & (width - 1);
    return cupy_host_detail::shuffle(var, lane + static_cast<int>(delta),
                                     in_seg + static_cast<int>(delta) < width);
}
template <class T>
inline T __shfl_xor_sync(unsigned mask, T var, int laneMask, int width = warpSize) {
    (void)mask;
    int lane = static_cast<int>(__cupy_host_laneid());
    int src = lane ^ laneMask;
    // Lanes may read earlier groups of `width` lanes but not later ones.
    return cupy_host_detail::shuffle(var, src, src < ((lane & ~(width - 1)) + width));
}

inline unsigned __ballot_sync(unsigned mask, int pred) {
    unsigned arrived;
    const unsigned long long* slots = __cupy_host_warp_exchange(pred != 0, &arrived);
    unsigned r = 0;
    for (int i = 0; i < 32; ++i)
        if (((arrived >> i) & 1u) && slots[i]) r |= 1u << i;
    return r & mask;
}
inline int __any_sync(unsigned mask, int pred) { return __ballot_sync(mask, pred) != 0; }
inline int __all_sync(unsigned mask, int pred) {
    unsigned arrived;
    const unsigned long long* slots = __cupy_host_warp_exchange(pred != 0, &arrived);
    for (int i = 0; i < 32; ++i)
        if (((arrived & mask) >> i) & 1u && !slots[i]) return 0;
    return 1;
}

// --- launch trampolines --------------------------------------------------------------------
// The compiler driver appends one export per kernel; argument types are deduced from the
// kernel's function type, so template instantiations work the same as plain kernels.
struct __cupy_host_kernel {
    const char* name;
    void (*block_fn)(void**);
    void (*thread_fn)(void**);
    int mode;  // 0: plain loop, 1: fibers
    int num_params;
};

namespace cupy_host_detail {
// Arguments arrive as a cuLaunchKernel-style array of pointers to possibly unaligned bytes.
template <class T>
inline T load_arg(const void* p) {
    static_assert(std::is_trivially_copyable<T>::value,
                  "kernel arguments must be trivially copyable");
    alignas(T) unsigned char buf[sizeof(T)];
    memcpy(buf, p, sizeof(T));
    return *std::launder(reinterpret_cast<T*>(buf));
}

template <auto F, class... V>
inline void block_loop(V... v) {
    const unsigned nx = blockDim.x, ny = blockDim.y, nz = blockDim.z;
    for (unsigned z = 0; z < nz; ++z) {
        threadIdx.z = z;
        for (unsigned y = 0; y < ny; ++y) {
            threadIdx.y = y;
            for (unsigned x = 0; x < nx; ++x) {
                threadIdx.x = x;
                F(v...);
            }
        }
    }
}

template <auto F, class... A, size_t... I>
inline void run_block(void (*)(A...), void** a, std::index_sequence<I...>) {
    block_loop<F, std::decay_t<A>...>(load_arg<std::decay_t<A>>(a[I])...);
}

template <auto F, class... A, size_t... I>
inline void run_thread(void (*)(A...), void** a, std::index_sequence<I...>) {
    F(load_arg<std::decay_t<A>>(a[I])...);
}

template <class... A>
constexpr int num_params(void (*)(A...)) {
    return static_cast<int>(sizeof...(A));
}
}  // namespace cupy_host_detail

template <auto F>
void __cupy_host_block(void** a) {
    cupy_host_detail::run_block<F>(F, a, std::make_index_sequence<cupy_host_detail::num_params(F)>());
}
template <auto F>
void __cupy_host_thread(void** a) {
    cupy_host_detail::run_thread<F>(F, a, std::make_index_sequence<cupy_host_detail::num_params(F)>());
}

#endif  // CUPY_HOST_PRELUDE_H
