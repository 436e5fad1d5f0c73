// Floating-point helpers that follow NumPy's npymath definitions (npy_divmod, npy_logaddexp,
// npy_half_nextafter, ...). float16 values are computed in float and rounded once, as NumPy's
// half loops do.
#pragma once

#include <cupy/math/common.cuh>

namespace cupy_math {

// npy_divmod: floor quotient and Python-style remainder built on fmod, with the quotient
// snapped to an integer and the signs of zero results chosen as NumPy does.
__device__ inline float fmod_(float a, float b) { return fmodf(a, b); }
__device__ inline double fmod_(double a, double b) { return ::fmod(a, b); }
__device__ inline float16 copysign(float16 a, float16 b) {
    return float16::from_bits(static_cast<unsigned short>((a.bits() & 0x7fffu) |
                                                          (b.bits() & 0x8000u)));
}
__device__ inline float copysign(float a, float b) { return copysignf(a, b); }
__device__ inline double copysign(double a, double b) { return ::copysign(a, b); }

template <typename T>
__device__ inline if_float<T> fmod(T a, T b) {
    typedef compute_t<T> C;
    return T(fmod_(C(a), C(b)));
}

template <typename C>
__device__ inline C divmod_impl(C a, C b, C* modulus) {
    C mod = fmod_(a, b);
    if (b == C(0)) {
        *modulus = mod;
        return a / b;
    }
    C div = (a - mod) / b;
    if (mod != C(0)) {
        if ((b < C(0)) != (mod < C(0))) {
            mod += b;
            div -= C(1);
        }
    } else {
        mod = copysign(C(0), b);
    }
    C floordiv;
    if (div != C(0)) {
        floordiv = floor(div);
        if (div - floordiv > C(0.5)) {
            floordiv += C(1);
        }
    } else {
        floordiv = copysign(C(0), a / b);
    }
    *modulus = mod;
    return floordiv;
}

template <typename T>
__device__ inline if_float<T> divmod(T a, T b, T* modulus) {
    typedef compute_t<T> C;
    C m;
    C q = divmod_impl<C>(C(a), C(b), &m);
    *modulus = T(m);
    return T(q);
}

template <typename T>
__device__ inline if_float<T> floor_divide(T a, T b) {
    typedef compute_t<T> C;
    if (C(b) == C(0)) {
        return T(C(a) / C(b));
    }
    C m;
    return T(divmod_impl<C>(C(a), C(b), &m));
}

template <typename T>
__device__ inline if_float<T> remainder(T a, T b) {
    typedef compute_t<T> C;
    C m;
    if (C(b) == C(0)) {
        return T(fmod_(C(a), C(b)));
    }
    divmod_impl<C>(C(a), C(b), &m);
    return T(m);
}

template <typename T>
__device__ inline if_float<T> logaddexp(T a, T b) {
    typedef compute_t<T> C;
    const C x = C(a), y = C(b);
    if (x == y) {
        // Equal infinities: x - y would be NaN.
        return T(x + C(0.693147180559945309417232121458176568));
    }
    const C d = x - y;
    if (d > C(0)) {
        return T(x + log1p(exp(-d)));
    }
    if (d <= C(0)) {
        return T(y + log1p(exp(d)));
    }
    return T(d);  // NaN
}

template <typename T>
__device__ inline if_float<T> logaddexp2(T a, T b) {
    typedef compute_t<T> C;
    const C x = C(a), y = C(b);
    const C log2e = C(1.442695040888963407359924681001892137);
    if (x == y) {
        return T(x + C(1));
    }
    const C d = x - y;
    if (d > C(0)) {
        return T(x + log2e * log1p(exp2(-d)));
    }
    if (d <= C(0)) {
        return T(y + log2e * log1p(exp2(d)));
    }
    return T(d);
}

// isnan for every arithmetic type: integers are never NaN (CUDA's isnan has no integer
// overloads, so isnan(short) is ambiguous under NVRTC).
template <typename T>
__device__ inline bool is_nan(T) { return false; }
__device__ inline bool is_nan(float x) { return isnan(x); }
__device__ inline bool is_nan(double x) { return isnan(x); }
__device__ inline bool is_nan(float16 x) { return isnan(x); }

// NaN-propagating maximum/minimum (NumPy's maximum/minimum): the first NaN wins.
template <typename T>
__device__ inline T maximum(T a, T b) {
    return (a >= b || is_nan(a)) ? a : b;
}
template <typename T>
__device__ inline T minimum(T a, T b) {
    return (a <= b || is_nan(a)) ? a : b;
}
// NaN-ignoring fmax/fmin.
template <typename T>
__device__ inline T fmax(T a, T b) {
    return (a >= b || is_nan(b)) ? a : b;
}
template <typename T>
__device__ inline T fmin(T a, T b) {
    return (a <= b || is_nan(b)) ? a : b;
}

template <typename T>
__device__ inline if_float<T> sign(T a) {
    typedef compute_t<T> C;
    const C x = C(a);
    return T(x > C(0) ? C(1) : (x < C(0) ? C(-1) : (x == C(0) ? C(0) : x)));
}

template <typename T>
__device__ inline if_float<T> heaviside(T a, T h0) {
    typedef compute_t<T> C;
    const C x = C(a);
    if (isnan(x)) {
        return T(x);
    }
    if (x == C(0)) {
        return h0;
    }
    return T(x < C(0) ? C(0) : C(1));
}

// npy_half_nextafter: returns x when x == y (C's nextafter returns y).
__device__ inline float16 nextafter(float16 x, float16 y) {
    const unsigned short xb = x.bits(), yb = y.bits();
    if (isnan(x) || isnan(y)) {
        return float16::from_bits(0x7e00u);
    }
    if (float(x) == float(y)) {
        return x;
    }
    if ((xb & 0x7fffu) == 0) {
        return float16::from_bits(static_cast<unsigned short>((yb & 0x8000u) + 1));
    }
    if (!(xb & 0x8000u)) {
        const bool x_gt_y = static_cast<short>(xb) > static_cast<short>(yb);
        return float16::from_bits(static_cast<unsigned short>(x_gt_y ? xb - 1 : xb + 1));
    }
    const bool x_lt_y = !(yb & 0x8000u) || (xb & 0x7fffu) > (yb & 0x7fffu);
    return float16::from_bits(static_cast<unsigned short>(x_lt_y ? xb - 1 : xb + 1));
}
__device__ inline float nextafter(float x, float y) { return ::nextafterf(x, y); }
__device__ inline double nextafter(double x, double y) { return ::nextafter(x, y); }

// npy_half_spacing: the gap to the next half away from zero, always positive.
__device__ inline float16 spacing(float16 x) {
    const unsigned short h = x.bits();
    const unsigned short h_exp = h & 0x7c00u, h_sig = h & 0x03ffu;
    unsigned short r;
    if (h_exp == 0x7c00u) {
        r = 0x7e00u;
    } else if (h == 0x7bffu) {
        r = 0x7c00u;
    } else if ((h & 0x8000u) && h_sig == 0) {
        if (h_exp > 0x2c00u) {
            r = static_cast<unsigned short>(h_exp - 0x2c00u);
        } else if (h_exp > 0x0400u) {
            r = static_cast<unsigned short>(1u << ((h_exp >> 10) - 2));
        } else {
            r = 0x0001u;
        }
    } else if (h_exp > 0x2800u) {
        r = static_cast<unsigned short>(h_exp - 0x2800u);
    } else if (h_exp > 0x0400u) {
        r = static_cast<unsigned short>(1u << ((h_exp >> 10) - 1));
    } else {
        r = 0x0001u;
    }
    return float16::from_bits(r);
}
// npy_spacing: signed gap towards the infinity of x's sign; NaN for infinities.
template <typename T>
__device__ inline T spacing_impl(T x, T inf) {
    if (isinf(x)) {
        return x - x;
    }
    if (x == T(0)) {
        return nextafter(T(0), inf);  // NumPy: the smallest positive subnormal for -0.0 too
    }
    return nextafter(x, copysign(inf, x)) - x;
}
__device__ inline float spacing(float x) { return spacing_impl<float>(x, __int_as_float(0x7f800000)); }
__device__ inline double spacing(double x) {
    return spacing_impl<double>(x, __longlong_as_double(0x7ff0000000000000ll));
}

// 10**n by repeated multiplication in double (NumPy's power_of_ten).
__device__ inline double power_of_ten(long long n) {
    double r = 1.0;
    for (long long i = 0; i < n; ++i) {
        r *= 10.0;
        if (isinf(r)) {
            break;
        }
    }
    return r;
}

// numpy.around: scale by 10**decimals in T, round half to even, scale back (each step rounded
// to T as NumPy's sequence of ufunc calls does).
template <typename T>
__device__ inline if_float<T> round_decimals(T x, long long decimals) {
    typedef compute_t<T> C;
    if (decimals == 0) {
        return T(rint(C(x)));
    }
    const bool up = decimals > 0;
    const T f = T(power_of_ten(up ? decimals : -decimals));
    T y = T(up ? C(x) * C(f) : C(x) / C(f));
    y = T(rint(C(y)));
    return T(up ? C(y) / C(f) : C(y) * C(f));
}
template <typename T>
__device__ inline if_int<T> round_decimals(T x, long long decimals) {
    if (decimals >= 0) {
        return x;
    }
    const double f = power_of_ten(-decimals);
    return static_cast<T>(rint(static_cast<double>(x) / f) * f);
}

}  // namespace cupy_math
