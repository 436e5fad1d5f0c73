// Type traits shared by the NumPy-exact device helpers of cupy/math/*.cuh.
#pragma once

#include <cupy/float16.cuh>

namespace cupy_math {

using cupy_detail::enable_if;

// The type a value is computed in: float16 arithmetic is done in float and rounded once.
template <typename T> struct compute { typedef T type; };
template <> struct compute<float16> { typedef float type; };
template <typename T> using compute_t = typename compute<T>::type;

template <typename T> struct traits {
    static const bool is_int = false;
    static const bool is_float = false;
};
#define CUPY_MATH_INT(T, U, S)                                  \
    template <> struct traits<T> {                              \
        static const bool is_int = true;                        \
        static const bool is_float = false;                     \
        static const bool is_signed = S;                        \
        typedef U unsigned_type;                                \
    };
CUPY_MATH_INT(signed char, unsigned char, true)
CUPY_MATH_INT(unsigned char, unsigned char, false)
CUPY_MATH_INT(short, unsigned short, true)
CUPY_MATH_INT(unsigned short, unsigned short, false)
CUPY_MATH_INT(int, unsigned int, true)
CUPY_MATH_INT(unsigned int, unsigned int, false)
CUPY_MATH_INT(long long, unsigned long long, true)
CUPY_MATH_INT(unsigned long long, unsigned long long, false)
#undef CUPY_MATH_INT
#define CUPY_MATH_FLOAT(T)                                      \
    template <> struct traits<T> {                              \
        static const bool is_int = false;                       \
        static const bool is_float = true;                      \
    };
CUPY_MATH_FLOAT(float16)
CUPY_MATH_FLOAT(float)
CUPY_MATH_FLOAT(double)
#undef CUPY_MATH_FLOAT

template <typename T, typename R = T>
using if_int = typename enable_if<traits<T>::is_int, R>::type;
template <typename T, typename R = T>
using if_float = typename enable_if<traits<T>::is_float, R>::type;

// The smallest value of a signed integer type (two's complement), without <climits>.
template <typename T>
__device__ inline T int_min() {
    typedef typename traits<T>::unsigned_type U;
    return static_cast<T>(static_cast<U>(static_cast<U>(1) << (sizeof(T) * 8 - 1)));
}

template <typename T> __device__ inline T quiet_nan();
template <> __device__ inline float quiet_nan<float>() { return __int_as_float(0x7fc00000); }
template <> __device__ inline double quiet_nan<double>() {
    return __longlong_as_double(0x7ff8000000000000ll);
}

}  // namespace cupy_math
