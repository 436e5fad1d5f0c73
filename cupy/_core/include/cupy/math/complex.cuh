// Complex helpers with NumPy's definitions: lexicographic ordering (NaN-aware, loops.c.src's
// CLT/CLE/...), maximum/minimum, sign (z/|z|), power with exact small integer exponents
// (npy_cpow) and the functions CCCL's complex lacks (exp2, expm1, log1p, log2).
#pragma once

#include <cupy/complex.cuh>
#include <cupy/math/common.cuh>
#include <cupy/math/floating.cuh>

namespace cupy_math {

template <typename T>
__device__ inline bool clt(const complex<T>& x, const complex<T>& y) {
    return (x.real() < y.real() && !isnan(x.imag()) && !isnan(y.imag())) ||
           (x.real() == y.real() && x.imag() < y.imag());
}
template <typename T>
__device__ inline bool cle(const complex<T>& x, const complex<T>& y) {
    return (x.real() < y.real() && !isnan(x.imag()) && !isnan(y.imag())) ||
           (x.real() == y.real() && x.imag() <= y.imag());
}
template <typename T>
__device__ inline bool cgt(const complex<T>& x, const complex<T>& y) {
    return (x.real() > y.real() && !isnan(x.imag()) && !isnan(y.imag())) ||
           (x.real() == y.real() && x.imag() > y.imag());
}
template <typename T>
__device__ inline bool cge(const complex<T>& x, const complex<T>& y) {
    return (x.real() > y.real() && !isnan(x.imag()) && !isnan(y.imag())) ||
           (x.real() == y.real() && x.imag() >= y.imag());
}
template <typename T>
__device__ inline bool cisnan(const complex<T>& z) {
    return isnan(z.real()) || isnan(z.imag());
}

template <typename T>
__device__ inline complex<T> maximum(const complex<T>& a, const complex<T>& b) {
    return (cge(a, b) || cisnan(a)) ? a : b;
}
template <typename T>
__device__ inline complex<T> minimum(const complex<T>& a, const complex<T>& b) {
    return (cle(a, b) || cisnan(a)) ? a : b;
}
template <typename T>
__device__ inline complex<T> fmax(const complex<T>& a, const complex<T>& b) {
    return (cge(a, b) || cisnan(b)) ? a : b;
}
template <typename T>
__device__ inline complex<T> fmin(const complex<T>& a, const complex<T>& b) {
    return (cle(a, b) || cisnan(b)) ? a : b;
}

// NumPy 2's sign of a complex number: z / |z|, 0 for 0, NaN for NaN or two infinities.
template <typename T>
__device__ inline complex<T> sign(const complex<T>& z) {
    const T re = z.real(), im = z.imag();
    if (isnan(re) || isnan(im)) {
        const T n = quiet_nan<T>();
        return complex<T>(n, n);
    }
    if (isinf(re)) {
        if (isinf(im)) {
            const T n = quiet_nan<T>();
            return complex<T>(n, n);
        }
        return complex<T>(re > T(0) ? T(1) : T(-1), T(0));
    }
    if (isinf(im)) {
        return complex<T>(T(0), im > T(0) ? T(1) : T(-1));
    }
    if (re == T(0) && im == T(0)) {
        return complex<T>(T(0), T(0));
    }
    const T a = hypot(re, im);
    return complex<T>(re / a, im / a);
}

template <typename T>
__device__ inline complex<T> cmul(const complex<T>& a, const complex<T>& b) {
    return complex<T>(a.real() * b.real() - a.imag() * b.imag(),
                      a.real() * b.imag() + a.imag() * b.real());
}

// npy_cpow: repeated multiplication for integral exponents |n| < 100, exp(b log a) otherwise.
template <typename T>
__device__ inline complex<T> power(const complex<T>& a, const complex<T>& b) {
    const T br = b.real(), bi = b.imag();
    if (br == T(0) && bi == T(0)) {
        return complex<T>(T(1), T(0));
    }
    if (a.real() == T(0) && a.imag() == T(0)) {
        if (br > T(0) && bi == T(0)) {
            return complex<T>(T(0), T(0));
        }
        const T n = quiet_nan<T>();
        return complex<T>(n, n);
    }
    if (bi == T(0) && br > T(-100) && br < T(100)) {
        const long long n = static_cast<long long>(br);
        if (static_cast<T>(n) == br) {
            if (n == 1) {
                return a;
            }
            if (n == 2) {
                return cmul(a, a);
            }
            if (n == 3) {
                return cmul(a, cmul(a, a));
            }
            long long m = n < 0 ? -n : n;
            complex<T> acc(T(1), T(0)), p = a;
            long long mask = 1;
            while (true) {
                if (m & mask) {
                    acc = cmul(acc, p);
                }
                mask <<= 1;
                if (m < mask || mask <= 0) {
                    break;
                }
                p = cmul(p, p);
            }
            if (br < T(0)) {
                return complex<T>(T(1), T(0)) / acc;
            }
            return acc;
        }
    }
    return cuda::std::pow(a, b);
}

template <typename T>
__device__ inline complex<T> exp2(const complex<T>& z) {
    return cuda::std::exp(z * T(0.693147180559945309417232121458176568));
}
// nc_expm1: accurate for small |z|.
template <typename T>
__device__ inline complex<T> expm1(const complex<T>& z) {
    const T x = z.real(), y = z.imag();
    const T a = sin(y / T(2));
    return complex<T>(::expm1(x) * cos(y) - T(2) * a * a, exp(x) * sin(y));
}
// nc_log1p
template <typename T>
__device__ inline complex<T> log1p(const complex<T>& z) {
    const T x = z.real(), y = z.imag();
    const T l = hypot(x + T(1), y);
    return complex<T>(log(l), atan2(y, x + T(1)));
}
template <typename T>
__device__ inline complex<T> log2(const complex<T>& z) {
    return cuda::std::log(z) * T(1.442695040888963407359924681001892137);
}

// numpy.clip on complex numbers orders with PyArray_CGE/CLE, which (unlike the comparison
// ufuncs) ignore NaNs in the other part; NaNs of x still propagate.
template <typename T>
__device__ inline complex<T> clip(const complex<T>& x, const complex<T>& lo,
                                  const complex<T>& hi) {
    const bool ge = x.real() == lo.real() ? x.imag() >= lo.imag() : x.real() >= lo.real();
    const complex<T> m = (cisnan(x) || ge) ? x : lo;
    const bool le = m.real() == hi.real() ? m.imag() <= hi.imag() : m.real() <= hi.real();
    return (cisnan(m) || le) ? m : hi;
}

template <typename T>
__device__ inline complex<T> round_decimals(const complex<T>& z, long long decimals) {
    return complex<T>(round_decimals(z.real(), decimals), round_decimals(z.imag(), decimals));
}
template <typename T>
__device__ inline complex<T> rint(const complex<T>& z) {
    return complex<T>(::rint(z.real()), ::rint(z.imag()));
}

}  // namespace cupy_math
