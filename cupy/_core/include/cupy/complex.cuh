// numpy.complex64 / complex128 in device code: ``complex<float>`` / ``complex<double>`` are
// CCCL's cuda::std::complex (the same library on the GPU and in host code).
#pragma once

#include <cuda/std/complex>

#include <cupy/cast.cuh>
#include <cupy/float16.cuh>

template <typename T>
using complex = cuda::std::complex<T>;

// The math functions of complex arguments (abs, arg, conj, exp, log, sqrt, sin, pow, ...) are
// reachable unqualified through argument-dependent lookup in cuda::std; wrappers in the global
// namespace would make such calls ambiguous.

template <typename T>
__device__ inline bool isnan(const complex<T>& z) {
    return isnan(z.real()) || isnan(z.imag());
}
template <typename T>
__device__ inline bool isinf(const complex<T>& z) {
    return isinf(z.real()) || isinf(z.imag());
}
template <typename T>
__device__ inline bool isfinite(const complex<T>& z) {
    return isfinite(z.real()) && isfinite(z.imag());
}

// Mixed complex/real arithmetic as in thrust::complex (which CuPy's kernels rely on):
// ``complex<float> * 2`` is complex<float>, ``complex<float> * 2.0`` is complex<double>.
namespace cupy_detail {
template <typename T> struct is_real_arith { static const bool value = false; };
#define CUPY_REAL_ARITH(T) template <> struct is_real_arith<T> { static const bool value = true; };
CUPY_REAL_ARITH(bool)
CUPY_REAL_ARITH(signed char)
CUPY_REAL_ARITH(unsigned char)
CUPY_REAL_ARITH(short)
CUPY_REAL_ARITH(unsigned short)
CUPY_REAL_ARITH(int)
CUPY_REAL_ARITH(unsigned int)
CUPY_REAL_ARITH(long)
CUPY_REAL_ARITH(unsigned long)
CUPY_REAL_ARITH(long long)
CUPY_REAL_ARITH(unsigned long long)
CUPY_REAL_ARITH(float)
CUPY_REAL_ARITH(double)
#undef CUPY_REAL_ARITH
template <typename T, typename U,
          bool ok = is_real_arith<U>::value && !is_same<T, U>::value>
struct mixed {};
template <typename T, typename U>
struct mixed<T, U, true> {
    typedef decltype(T() * U()) real;
    typedef complex<real> type;
};
}  // namespace cupy_detail

#define CUPY_COMPLEX_MIXED(op)                                                               \
    template <typename T, typename U>                                                        \
    __device__ inline typename cupy_detail::mixed<T, U>::type operator op(                   \
        const complex<T>& a, const U& b) {                                                   \
        typedef typename cupy_detail::mixed<T, U>::real R;                                   \
        return complex<R>(a) op complex<R>(static_cast<R>(b));                               \
    }                                                                                        \
    template <typename T, typename U>                                                        \
    __device__ inline typename cupy_detail::mixed<T, U>::type operator op(                   \
        const U& a, const complex<T>& b) {                                                   \
        typedef typename cupy_detail::mixed<T, U>::real R;                                   \
        return complex<R>(static_cast<R>(a)) op complex<R>(b);                               \
    }
CUPY_COMPLEX_MIXED(+)
CUPY_COMPLEX_MIXED(-)
CUPY_COMPLEX_MIXED(*)
CUPY_COMPLEX_MIXED(/)
#undef CUPY_COMPLEX_MIXED

// complex -> real keeps the real part (NumPy warns with ComplexWarning on the host side);
// complex -> bool is "non-zero".
template <typename To, typename T>
struct _cupy_complex_cast {
    __device__ static To run(const complex<T>& z) { return static_cast<To>(z.real()); }
};
template <typename T>
struct _cupy_complex_cast<bool, T> {
    __device__ static bool run(const complex<T>& z) {
        return z.real() != T(0) || z.imag() != T(0);
    }
};
template <typename U, typename T>
struct _cupy_complex_cast<complex<U>, T> {
    __device__ static complex<U> run(const complex<T>& z) { return complex<U>(z); }
};
template <typename T>
struct _cupy_complex_cast<float16, T> {
    __device__ static float16 run(const complex<T>& z) { return float16(z.real()); }
};

template <typename To, typename T>
__device__ inline To _cupy_cast(const complex<T>& z) {
    return _cupy_complex_cast<To, T>::run(z);
}

// float16 -> complex goes through float (complex has no constructor from float16).
template <>
__device__ inline complex<float> _cupy_cast<complex<float>, float16>(const float16& x) {
    return complex<float>(static_cast<float>(x));
}
template <>
__device__ inline complex<double> _cupy_cast<complex<double>, float16>(const float16& x) {
    return complex<double>(static_cast<float>(x));
}
