// CUDA's math API for the host device: the C math functions with their float overloads in the
// global namespace (as CUDA device code sees them), and every CUDA name glibc lacks.
//
// Single-precision functions that CUDA computes natively are evaluated in double and rounded once,
// so they are at least as accurate as the GPU's. glibc declares internal aliases of every libm
// function (__expf, __sinf, __powf, ... in <bits/mathcalls.h>), so the CUDA fast intrinsics of those
// names are macros; on the host they map to the accurate functions.
#ifndef CUPY_HOST_BUILTINS_MATH_H
#define CUPY_HOST_BUILTINS_MATH_H

#include <cmath>
#include <cstdlib>

// C++ <cmath> overloads (sqrt(float) -> float, isnan, ...) unqualified, as in CUDA device code.
// Listed one by one: libstdc++'s <math.h> would also export the C++17 special functions (beta,
// legendre, ...), names that CUDA code freely defines itself.
using std::abs;
using std::acos;
using std::acosh;
using std::asin;
using std::asinh;
using std::atan;
using std::atan2;
using std::atanh;
using std::cbrt;
using std::ceil;
using std::copysign;
using std::cos;
using std::cosh;
using std::erf;
using std::erfc;
using std::exp;
using std::exp2;
using std::expm1;
using std::fabs;
using std::fdim;
using std::floor;
using std::fma;
using std::fmax;
using std::fmin;
using std::fmod;
using std::fpclassify;
using std::frexp;
using std::hypot;
using std::ilogb;
using std::isfinite;
using std::isinf;
using std::isnan;
using std::isnormal;
using std::ldexp;
using std::lgamma;
using std::llrint;
using std::llround;
using std::log;
using std::log10;
using std::log1p;
using std::log2;
using std::logb;
using std::lrint;
using std::lround;
using std::modf;
using std::nearbyint;
using std::nextafter;
using std::pow;
using std::remainder;
using std::remquo;
using std::rint;
using std::round;
using std::scalbln;
using std::scalbn;
using std::signbit;
using std::sin;
using std::sinh;
using std::sqrt;
using std::tan;
using std::tanh;
using std::tgamma;
using std::trunc;

namespace cupy_host_detail {

constexpr double kPi = 3.14159265358979323846;
constexpr double kSqrtPi = 1.77245385090551602730;
constexpr double kSqrt2 = 1.41421356237309504880;

// sin(pi x) and cos(pi x) with exact argument reduction: x mod 2 and the quarter-period split are
// exact in binary floating point, so integers and half-integers give exact zeros and ones.
inline void sincospi_impl(double x, double* s, double* c) {
    if (std::isinf(x) || std::isnan(x)) {
        *s = *c = x - x;  // NaN
        return;
    }
    double r = std::fmod(x, 2.0);          // exact, |r| < 2, sign of x
    double n = std::nearbyint(2.0 * r);    // quarter turns, exact
    double f = r - 0.5 * n;                // exact, |f| <= 0.25
    double sf = std::sin(kPi * f), cf = std::cos(kPi * f);
    int q = ((int)n) & 3;
    double sv = q == 0 ? sf : q == 1 ? cf : q == 2 ? -sf : -cf;
    double cv = q == 0 ? cf : q == 1 ? -sf : q == 2 ? -cf : sf;
    *s = sv == 0.0 ? std::copysign(0.0, x) : sv;  // sinpi(+-n) = +-0
    *c = cv + 0.0;                                // cospi(n + 1/2) = +0
}

// erfcx(x) = exp(x^2) erfc(x), without overflow or cancellation.
inline double erfcx_impl(double x) {
    if (std::isnan(x)) return x;
    if (x < 10.0) {
        if (x < -26.7) return HUGE_VAL;
        double x2 = x * x;
        double e = std::fma(x, x, -x2);  // x*x = x2 + e exactly
        return std::exp(x2) * (1.0 + e) * std::erfc(x);
    }
    if (std::isinf(x)) return 0.0;
    // Asymptotic series 1/(x sqrt(pi)) * sum (-1)^k (2k-1)!! / (2x^2)^k; for x >= 10 the terms fall
    // below 2^-60 before they start to grow.
    double t = 1.0 / (2.0 * x * x), term = 1.0, sum = 1.0;
    for (int k = 1; k < 40; ++k) {
        term *= -(2.0 * k - 1.0) * t;
        sum += term;
        if (std::fabs(term) < 1e-18) break;
    }
    return sum / (x * kSqrtPi);
}

// erfinv/erfcinv: Giles' single-precision approximation as the start, then Newton steps on the
// double-precision erf/erfc (log-space with erfcx in the tails, so tiny erfc arguments stay exact).
inline double erfinv_guess(double w, double sgn_y) {
    double p;
    if (w < 5.0) {
        w -= 2.5;
        p = 2.81022636e-08;
        p = 3.43273939e-07 + p * w;
        p = -3.5233877e-06 + p * w;
        p = -4.39150654e-06 + p * w;
        p = 0.00021858087 + p * w;
        p = -0.00125372503 + p * w;
        p = -0.00417768164 + p * w;
        p = 0.246640727 + p * w;
        p = 1.50140941 + p * w;
        return p * sgn_y;
    }
    w = std::sqrt(w) - 3.0;
    p = -0.000200214257;
    p = 0.000100950558 + p * w;
    p = 0.00134934322 + p * w;
    p = -0.00367342844 + p * w;
    p = 0.00573950773 + p * w;
    p = -0.0076224613 + p * w;
    p = 0.00943887047 + p * w;
    p = 1.00167406 + p * w;
    p = 2.83297682 + p * w;
    return p * sgn_y;
}

// x > 0 with erfc(x) = y, for 0 < y <= 1.
inline double erfcinv_tail(double y) {
    double w = -std::log(y * (2.0 - y));
    // erfinv(1 - y) with 1 - y never formed; past the single-precision range of the polynomial,
    // the asymptotic erfc(x) ~ exp(-x^2) / (x sqrt(pi)) solved once for x^2.
    double x = w < 36.0 ? erfinv_guess(w, 1.0)
                        : std::sqrt(-std::log(y) - 0.5 * std::log(-kPi * std::log(y)));
    if (y > 0.1) {
        for (int i = 0; i < 8; ++i) {
            double step = (std::erfc(x) - y) / (-2.0 / kSqrtPi * std::exp(-x * x));
            x -= step;
            if (std::fabs(step) <= 1e-17 * x) break;
        }
        return x;
    }
    double ly = std::log(y);
    for (int i = 0; i < 8; ++i) {
        double ex = erfcx_impl(x);
        double g = std::log(ex) - x * x - ly;  // log erfc(x) - log y
        double step = g / (-2.0 / (kSqrtPi * ex));
        x -= step;
        if (std::fabs(step) <= 1e-17 * x) break;
    }
    return x;
}

inline double erfinv_impl(double y) {
    if (std::isnan(y) || y < -1.0 || y > 1.0) return NAN;
    if (y == 1.0) return HUGE_VAL;
    if (y == -1.0) return -HUGE_VAL;
    if (y == 0.0) return y;
    double a = std::fabs(y);
    if (a >= 0.5) return std::copysign(erfcinv_tail(1.0 - a), y);  // 1 - a is exact here
    double x = erfinv_guess(-std::log((1.0 - y) * (1.0 + y)), y);
    for (int i = 0; i < 8; ++i) {
        double step = (std::erf(x) - y) / (2.0 / kSqrtPi * std::exp(-x * x));
        x -= step;
        if (std::fabs(step) <= 1e-17 * std::fabs(x)) break;
    }
    return x;
}

inline double erfcinv_impl(double y) {
    if (std::isnan(y) || y < 0.0 || y > 2.0) return NAN;
    if (y == 0.0) return HUGE_VAL;
    if (y == 2.0) return -HUGE_VAL;
    if (y >= 0.5 && y <= 1.5) return erfinv_impl(1.0 - y);  // 1 - y is exact here
    if (y < 0.5) return erfcinv_tail(y);
    return -erfcinv_tail(2.0 - y);  // erfc(-x) = 2 - erfc(x); 2 - y is exact for y in (1.5, 2)
}

// Scaled Euclidean norm: no overflow or underflow of the squares.
inline double norm_impl(int n, const double* a) {
    double m = 0.0;
    bool nan = false;
    for (int i = 0; i < n; ++i) {
        double v = std::fabs(a[i]);
        if (std::isinf(v)) return HUGE_VAL;
        if (std::isnan(v)) nan = true;
        else if (v > m) m = v;
    }
    if (nan) return NAN;
    if (m == 0.0) return 0.0;
    double s = 0.0;
    for (int i = 0; i < n; ++i) {
        double v = a[i] / m;
        s += v * v;
    }
    return m * std::sqrt(s);
}
inline double norm_f(int n, const float* a) {
    // Squares of floats are exact in double and cannot overflow or underflow it.
    double s = 0.0;
    bool nan = false;
    for (int i = 0; i < n; ++i) {
        double v = (double)a[i];
        if (std::isinf(v)) return HUGE_VAL;
        if (std::isnan(v)) nan = true;
        s += v * v;
    }
    return nan ? NAN : std::sqrt(s);
}

}  // namespace cupy_host_detail

// --- reciprocal roots and pi-scaled trigonometry ----------------------------------------------
inline double rsqrt(double x) { return 1.0 / std::sqrt(x); }
inline float rsqrtf(float x) { return (float)(1.0 / std::sqrt((double)x)); }
inline double rcbrt(double x) { return 1.0 / std::cbrt(x); }
inline float rcbrtf(float x) { return (float)(1.0 / std::cbrt((double)x)); }

#if !(defined(__GLIBC__) && __GLIBC_PREREQ(2, 41))  // glibc 2.41 has C23's sinpi/cospi
inline double sinpi(double x) { double s, c; cupy_host_detail::sincospi_impl(x, &s, &c); return s; }
inline double cospi(double x) { double s, c; cupy_host_detail::sincospi_impl(x, &s, &c); return c; }
inline float sinpif(float x) { return (float)sinpi((double)x); }
inline float cospif(float x) { return (float)cospi((double)x); }
#endif
inline void sincospi(double x, double* s, double* c) { cupy_host_detail::sincospi_impl(x, s, c); }
inline void sincospif(float x, float* s, float* c) {
    double sd, cd;
    cupy_host_detail::sincospi_impl((double)x, &sd, &cd);
    *s = (float)sd;
    *c = (float)cd;
}
// sincos/sincosf, exp10/exp10f come from glibc (_GNU_SOURCE, always on in g++).

// --- error function family ---------------------------------------------------------------------
inline double erfinv(double y) { return cupy_host_detail::erfinv_impl(y); }
inline float erfinvf(float y) { return (float)cupy_host_detail::erfinv_impl(y); }
inline double erfcinv(double y) { return cupy_host_detail::erfcinv_impl(y); }
inline float erfcinvf(float y) { return (float)cupy_host_detail::erfcinv_impl(y); }
inline double erfcx(double x) { return cupy_host_detail::erfcx_impl(x); }
inline float erfcxf(float x) { return (float)cupy_host_detail::erfcx_impl(x); }
// erfc(t) with t = -x/sqrt(2) carried as t + dt (double-double 1/sqrt(2)): in the lower tail
// erfc magnifies the relative error of t by 2t^2, which would cost tens of ulp.
inline double normcdf(double x) {
    const double hi = 0.7071067811865476, lo = -4.833646656726457e-17;  // 1/sqrt(2) = hi + lo
    double t = -x * hi;
    double dt = std::fma(-x, hi, -t) - x * lo;
    return 0.5 * (std::erfc(t) - 2.0 / cupy_host_detail::kSqrtPi * std::exp(-t * t) * dt);
}
inline float normcdff(float x) { return (float)normcdf((double)x); }
inline double normcdfinv(double p) {
    return -cupy_host_detail::kSqrt2 * cupy_host_detail::erfcinv_impl(2.0 * p) + 0.0;  // +0 at p = 1/2
}
inline float normcdfinvf(float p) { return (float)normcdfinv((double)p); }

// --- modified Bessel functions of the first kind (libstdc++'s C++17 special functions) ----------
inline double cyl_bessel_i0(double x) { return std::isnan(x) ? x : std::cyl_bessel_i(0.0, std::fabs(x)); }
inline double cyl_bessel_i1(double x) {
    if (std::fabs(x) < 1e-8) return 0.5 * x;  // the x^3/16 term is below half an ulp
    return std::isnan(x) ? x : std::copysign(std::cyl_bessel_i(1.0, std::fabs(x)), x);
}
inline float cyl_bessel_i0f(float x) { return (float)cyl_bessel_i0((double)x); }
inline float cyl_bessel_i1f(float x) { return (float)cyl_bessel_i1((double)x); }

// --- norms -----------------------------------------------------------------------------------------
inline double rhypot(double x, double y) { return 1.0 / std::hypot(x, y); }
inline float rhypotf(float x, float y) { return (float)(1.0 / std::hypot((double)x, (double)y)); }
inline double norm3d(double a, double b, double c) {
    const double v[3] = {a, b, c};
    return cupy_host_detail::norm_impl(3, v);
}
inline double norm4d(double a, double b, double c, double d) {
    const double v[4] = {a, b, c, d};
    return cupy_host_detail::norm_impl(4, v);
}
inline double rnorm3d(double a, double b, double c) { return 1.0 / norm3d(a, b, c); }
inline double rnorm4d(double a, double b, double c, double d) { return 1.0 / norm4d(a, b, c, d); }
inline double norm(int dim, const double* p) { return cupy_host_detail::norm_impl(dim, p); }
inline double rnorm(int dim, const double* p) { return 1.0 / cupy_host_detail::norm_impl(dim, p); }
inline float norm3df(float a, float b, float c) {
    const float v[3] = {a, b, c};
    return (float)cupy_host_detail::norm_f(3, v);
}
inline float norm4df(float a, float b, float c, float d) {
    const float v[4] = {a, b, c, d};
    return (float)cupy_host_detail::norm_f(4, v);
}
inline float rnorm3df(float a, float b, float c) {
    const float v[3] = {a, b, c};
    return (float)(1.0 / cupy_host_detail::norm_f(3, v));
}
inline float rnorm4df(float a, float b, float c, float d) {
    const float v[4] = {a, b, c, d};
    return (float)(1.0 / cupy_host_detail::norm_f(4, v));
}
inline float normf(int dim, const float* p) { return (float)cupy_host_detail::norm_f(dim, p); }
inline float rnormf(int dim, const float* p) { return (float)(1.0 / cupy_host_detail::norm_f(dim, p)); }

// --- division and saturation ---------------------------------------------------------------------
inline float fdividef(float a, float b) { return a / b; }
inline float __fdividef(float a, float b) { return a / b; }
inline float __saturatef(float x) { return x >= 1.0f ? 1.0f : (x > 0.0f ? x : 0.0f); }  // NaN -> 0

// --- fast intrinsics ---------------------------------------------------------------------------
#define __expf(x) expf(x)
#define __exp10f(x) exp10f(x)
#define __logf(x) logf(x)
#define __log2f(x) log2f(x)
#define __log10f(x) log10f(x)
#define __sinf(x) sinf(x)
#define __cosf(x) cosf(x)
#define __tanf(x) tanf(x)
#define __powf(x, y) powf((x), (y))
#define __sincosf(x, s, c) sincosf((x), (s), (c))

#endif  // CUPY_HOST_BUILTINS_MATH_H
