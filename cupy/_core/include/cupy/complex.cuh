// numpy.complex64 / complex128 in device code: ``complex<float>`` / ``complex<double>`` are
// CCCL's cuda::std::complex (the same library on the GPU and in host code).
#pragma once

#include <cuda/std/complex>

template <typename T>
using complex = cuda::std::complex<T>;

// The math functions of complex arguments, reachable unqualified as in CuPy's kernels.
#define CUPY_COMPLEX_UNARY(name)                                          \
    template <typename T>                                                 \
    __device__ inline auto name(const complex<T>& z) -> decltype(cuda::std::name(z)) { \
        return cuda::std::name(z);                                        \
    }
CUPY_COMPLEX_UNARY(abs)
CUPY_COMPLEX_UNARY(arg)
CUPY_COMPLEX_UNARY(norm)
CUPY_COMPLEX_UNARY(conj)
CUPY_COMPLEX_UNARY(proj)
CUPY_COMPLEX_UNARY(real)
CUPY_COMPLEX_UNARY(imag)
CUPY_COMPLEX_UNARY(exp)
CUPY_COMPLEX_UNARY(log)
CUPY_COMPLEX_UNARY(log10)
CUPY_COMPLEX_UNARY(sqrt)
CUPY_COMPLEX_UNARY(sin)
CUPY_COMPLEX_UNARY(cos)
CUPY_COMPLEX_UNARY(tan)
CUPY_COMPLEX_UNARY(sinh)
CUPY_COMPLEX_UNARY(cosh)
CUPY_COMPLEX_UNARY(tanh)
CUPY_COMPLEX_UNARY(asin)
CUPY_COMPLEX_UNARY(acos)
CUPY_COMPLEX_UNARY(atan)
CUPY_COMPLEX_UNARY(asinh)
CUPY_COMPLEX_UNARY(acosh)
CUPY_COMPLEX_UNARY(atanh)
#undef CUPY_COMPLEX_UNARY

template <typename T>
__device__ inline complex<T> pow(const complex<T>& a, const complex<T>& b) {
    return cuda::std::pow(a, b);
}

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
