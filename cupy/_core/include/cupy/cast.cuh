// Value conversion between the dtypes of generated kernels, with NumPy's meaning.
#pragma once

#include <cupy/complex.cuh>
#include <cupy/float16.cuh>

template <typename To, typename From>
__device__ inline To _cupy_cast(const From& x) {
    return static_cast<To>(x);
}

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
