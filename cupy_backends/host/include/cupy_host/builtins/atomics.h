// CUDA atomics for the host device. Blocks run concurrently on a thread pool, so these are real
// atomic read-modify-write operations (sequentially consistent __atomic builtins; floating-point
// add/min/max through a compare-and-swap loop).
#ifndef CUPY_HOST_BUILTINS_ATOMICS_H
#define CUPY_HOST_BUILTINS_ATOMICS_H

#include <cstring>
#include <type_traits>

namespace cupy_host_detail {

template <typename T, typename F>
inline T atomic_update(T* address, F&& f) {
    // Works for any trivially copyable T of 2, 4 or 8 bytes by CAS on its bit pattern.
    using Word = typename std::conditional<sizeof(T) == 8, unsigned long long,
                 typename std::conditional<sizeof(T) == 4, unsigned int, unsigned short>::type>::type;
    typedef Word __attribute__((may_alias)) Bits;  // the object's own type is T
    static_assert(sizeof(T) == sizeof(Bits), "unsupported atomic width");
    Bits* p = reinterpret_cast<Bits*>(address);
    Bits expected = __atomic_load_n(p, __ATOMIC_RELAXED);
    for (;;) {
        T old;
        std::memcpy(&old, &expected, sizeof(T));
        T desired = f(old);
        Bits desired_bits;
        std::memcpy(&desired_bits, &desired, sizeof(T));
        if (__atomic_compare_exchange_n(p, &expected, desired_bits, false, __ATOMIC_SEQ_CST,
                                        __ATOMIC_RELAXED))
            return old;
    }
}

}  // namespace cupy_host_detail

// Exactly CUDA's overload set (code that compiles here must compile for the GPU):
// add/exch/and/or/xor/CAS on int, unsigned, unsigned long long; sub on int, unsigned;
// min/max on int, unsigned, long long, unsigned long long.
#define CUPY_HOST_ATOMIC_FETCH(T, name, builtin)                                                   \
    inline T name(T* a, T v) { return builtin(a, v, __ATOMIC_SEQ_CST); }
#define CUPY_HOST_ATOMIC_MINMAX(T)                                                                 \
    inline T atomicMin(T* a, T v) {                                                                \
        return cupy_host_detail::atomic_update(a, [v](T o) { return v < o ? v : o; });             \
    }                                                                                              \
    inline T atomicMax(T* a, T v) {                                                                \
        return cupy_host_detail::atomic_update(a, [v](T o) { return v > o ? v : o; });             \
    }
#define CUPY_HOST_ATOMIC_BASIC(T)                                                                  \
    CUPY_HOST_ATOMIC_FETCH(T, atomicAdd, __atomic_fetch_add)                                       \
    CUPY_HOST_ATOMIC_FETCH(T, atomicExch, __atomic_exchange_n)                                     \
    CUPY_HOST_ATOMIC_FETCH(T, atomicAnd, __atomic_fetch_and)                                       \
    CUPY_HOST_ATOMIC_FETCH(T, atomicOr, __atomic_fetch_or)                                         \
    CUPY_HOST_ATOMIC_FETCH(T, atomicXor, __atomic_fetch_xor)                                       \
    CUPY_HOST_ATOMIC_MINMAX(T)                                                                     \
    inline T atomicCAS(T* a, T compare, T v) {                                                     \
        __atomic_compare_exchange_n(a, &compare, v, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);    \
        return compare;                                                                            \
    }

CUPY_HOST_ATOMIC_BASIC(int)
CUPY_HOST_ATOMIC_BASIC(unsigned int)
CUPY_HOST_ATOMIC_BASIC(unsigned long long)
CUPY_HOST_ATOMIC_FETCH(int, atomicSub, __atomic_fetch_sub)
CUPY_HOST_ATOMIC_FETCH(unsigned int, atomicSub, __atomic_fetch_sub)
CUPY_HOST_ATOMIC_MINMAX(long long)
#undef CUPY_HOST_ATOMIC_BASIC
#undef CUPY_HOST_ATOMIC_MINMAX
#undef CUPY_HOST_ATOMIC_FETCH

inline unsigned short atomicCAS(unsigned short* a, unsigned short compare, unsigned short v) {
    __atomic_compare_exchange_n(a, &compare, v, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return compare;
}

// atomicInc/atomicDec wrap as CUDA defines: ((old >= limit) ? 0 : old + 1), and
// ((old == 0 || old > limit) ? limit : old - 1).
inline unsigned int atomicInc(unsigned int* a, unsigned int limit) {
    return cupy_host_detail::atomic_update(a, [limit](unsigned int o) { return o >= limit ? 0u : o + 1u; });
}
inline unsigned int atomicDec(unsigned int* a, unsigned int limit) {
    return cupy_host_detail::atomic_update(
        a, [limit](unsigned int o) { return (o == 0u || o > limit) ? limit : o - 1u; });
}

inline float atomicAdd(float* a, float v) {
    return cupy_host_detail::atomic_update(a, [v](float o) { return o + v; });
}
inline double atomicAdd(double* a, double v) {
    return cupy_host_detail::atomic_update(a, [v](double o) { return o + v; });
}
inline float atomicExch(float* a, float v) {
    return cupy_host_detail::atomic_update(a, [v](float) { return v; });
}

// Scoped variants: on the host every scope is the whole process.
#define CUPY_HOST_SCOPED(name)                                                                     \
    template <typename... A> inline auto name##_block(A... a) -> decltype(name(a...)) { return name(a...); } \
    template <typename... A> inline auto name##_system(A... a) -> decltype(name(a...)) { return name(a...); }
CUPY_HOST_SCOPED(atomicAdd)
CUPY_HOST_SCOPED(atomicSub)
CUPY_HOST_SCOPED(atomicExch)
CUPY_HOST_SCOPED(atomicMin)
CUPY_HOST_SCOPED(atomicMax)
CUPY_HOST_SCOPED(atomicInc)
CUPY_HOST_SCOPED(atomicDec)
CUPY_HOST_SCOPED(atomicCAS)
CUPY_HOST_SCOPED(atomicAnd)
CUPY_HOST_SCOPED(atomicOr)
CUPY_HOST_SCOPED(atomicXor)
#undef CUPY_HOST_SCOPED

#endif  // CUPY_HOST_BUILTINS_ATOMICS_H
