// Integer arithmetic with NumPy's results where C++ leaves the behaviour undefined or differs:
// division by zero gives 0 (NumPy also warns; a kernel cannot), floor division and remainder
// follow Python's sign rules, shifts by the type's width or more give 0 (or -1 for negative
// values shifted right), overflowing powers wrap.
#pragma once

#include <cupy/math/common.cuh>

namespace cupy_math {

template <typename T>
__device__ inline if_int<T> floor_divide(T a, T b) {
    if (b == 0) {
        return 0;
    }
    if (traits<T>::is_signed) {
        if (b == static_cast<T>(-1)) {
            // -MIN overflows: NumPy returns MIN (wrapped), C++ would trap.
            return static_cast<T>(static_cast<typename traits<T>::unsigned_type>(0) -
                                  static_cast<typename traits<T>::unsigned_type>(a));
        }
        T q = static_cast<T>(a / b);
        if (a % b != 0 && ((a < 0) != (b < 0))) {
            --q;
        }
        return q;
    }
    return static_cast<T>(a / b);
}

template <typename T>
__device__ inline if_int<T> remainder(T a, T b) {
    if (b == 0 || (traits<T>::is_signed && b == static_cast<T>(-1))) {
        return 0;
    }
    T r = static_cast<T>(a % b);
    if (r != 0 && ((r < 0) != (b < 0))) {
        r = static_cast<T>(r + b);
    }
    return r;
}

template <typename T>
__device__ inline if_int<T> fmod(T a, T b) {
    if (b == 0 || (traits<T>::is_signed && b == static_cast<T>(-1))) {
        return 0;
    }
    return static_cast<T>(a % b);
}

// ``a ** b`` by squaring in 64-bit unsigned arithmetic (wraps like NumPy's loop, no signed
// overflow). Negative exponents are rejected on the host before the launch; 0 is returned
// for them here.
template <typename T>
__device__ inline if_int<T> power(T a, T b) {
    if (traits<T>::is_signed && b < 0) {
        return 0;
    }
    unsigned long long base = static_cast<unsigned long long>(static_cast<long long>(a));
    if (!traits<T>::is_signed) {
        base = static_cast<unsigned long long>(a);
    }
    unsigned long long e = static_cast<unsigned long long>(b);
    unsigned long long r = 1;
    while (e != 0) {
        if (e & 1ull) {
            r *= base;
        }
        base *= base;
        e >>= 1;
    }
    return static_cast<T>(static_cast<typename traits<T>::unsigned_type>(r));
}

template <typename T>
__device__ inline bool shift_in_range(T b) {
    // NumPy compares (size_t)b with the width, so negative counts are out of range too.
    return static_cast<unsigned long long>(b) < sizeof(T) * 8;
}

template <typename T>
__device__ inline if_int<T> left_shift(T a, T b) {
    typedef typename traits<T>::unsigned_type U;
    if (!shift_in_range(b)) {
        return 0;
    }
    return static_cast<T>(static_cast<U>(static_cast<U>(a) << static_cast<int>(b)));
}

template <typename T>
__device__ inline if_int<T> right_shift(T a, T b) {
    if (!shift_in_range(b)) {
        return (traits<T>::is_signed && a < 0) ? static_cast<T>(-1) : static_cast<T>(0);
    }
    return static_cast<T>(a >> static_cast<int>(b));
}

template <typename T>
__device__ inline typename traits<T>::unsigned_type uabs(T a) {
    typedef typename traits<T>::unsigned_type U;
    return (traits<T>::is_signed && a < 0) ? static_cast<U>(static_cast<U>(0) - static_cast<U>(a))
                                           : static_cast<U>(a);
}

// Euclid on the absolute values (NumPy's npy_gcd); gcd(MIN, 0) wraps to MIN as in NumPy.
template <typename T>
__device__ inline if_int<T> gcd(T a, T b) {
    typedef typename traits<T>::unsigned_type U;
    U x = uabs(a), y = uabs(b);
    while (y != 0) {
        U t = static_cast<U>(x % y);
        x = y;
        y = t;
    }
    return static_cast<T>(x);
}

template <typename T>
__device__ inline if_int<T> lcm(T a, T b) {
    typedef typename traits<T>::unsigned_type U;
    U g = static_cast<U>(gcd(a, b));
    if (g == 0) {
        return 0;
    }
    return static_cast<T>(static_cast<U>(static_cast<U>(uabs(a) / g) * uabs(b)));
}

// Exact comparisons between int64 and uint64 (NumPy 2's 'qQ->?' loops).
__device__ inline bool mixed_eq(long long a, unsigned long long b) {
    return a >= 0 && static_cast<unsigned long long>(a) == b;
}
__device__ inline bool mixed_eq(unsigned long long a, long long b) { return mixed_eq(b, a); }
__device__ inline bool mixed_lt(long long a, unsigned long long b) {
    return a < 0 || static_cast<unsigned long long>(a) < b;
}
__device__ inline bool mixed_lt(unsigned long long a, long long b) {
    return b >= 0 && a < static_cast<unsigned long long>(b);
}

}  // namespace cupy_math
