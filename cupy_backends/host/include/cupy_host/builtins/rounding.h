// CUDA's IEEE rounding-mode intrinsics (__fadd_rz, __dmul_ru, __float2int_rd, __int2float_rz, ...).
//
// Each directed operation runs under a scoped fesetround. Kernels are built without
// -frounding-math, so the operands and the result pass through empty asm statements: g++ can then
// neither constant-fold the operation nor move it out of the guarded region.
#ifndef CUPY_HOST_BUILTINS_ROUNDING_H
#define CUPY_HOST_BUILTINS_ROUNDING_H

#include <cfenv>
#include <climits>
#include <cmath>
#include <limits>

namespace cupy_host_detail {

class RoundingScope {
  public:
    explicit RoundingScope(int mode) : old_(fegetround()) { fesetround(mode); }
    ~RoundingScope() { fesetround(old_); }
    RoundingScope(const RoundingScope&) = delete;
    RoundingScope& operator=(const RoundingScope&) = delete;

  private:
    int old_;
};

template <typename T>
inline T opaque(T v) {
    asm volatile("" : "+r"(v));
    return v;
}
template <>
inline float opaque(float v) {
    asm volatile("" : "+x"(v));
    return v;
}
template <>
inline double opaque(double v) {
    asm volatile("" : "+x"(v));
    return v;
}

struct AddOp { template <typename T> T operator()(T a, T b) const { return a + b; } };
struct SubOp { template <typename T> T operator()(T a, T b) const { return a - b; } };
struct MulOp { template <typename T> T operator()(T a, T b) const { return a * b; } };
struct DivOp { template <typename T> T operator()(T a, T b) const { return a / b; } };

template <typename Op, typename T>
inline T rounded(int mode, T a, T b) {
    RoundingScope scope(mode);
    return opaque(Op()(opaque(a), opaque(b)));
}
template <typename T>
inline T rounded_sqrt(int mode, T a) {
    RoundingScope scope(mode);
    return opaque(std::sqrt(opaque(a)));  // sqrtss/sqrtsd and libm's sqrt honour the mode
}
template <typename T>
inline T rounded_fma(int mode, T a, T b, T c) {
    RoundingScope scope(mode);
    return opaque(std::fma(opaque(a), opaque(b), opaque(c)));  // glibc's fma honours the mode
}
template <typename To, typename From>
inline To rounded_convert(int mode, From v) {
    RoundingScope scope(mode);
    return opaque((To)opaque(v));
}

// Float to integer as the GPU's cvt does it: round in the given mode, clamp to the destination
// range, NaN to 0.
template <typename I, typename F>
inline I float_to_int(F x, int mode) {
    if (std::isnan(x)) return 0;
    F r = mode == FE_TONEAREST ? std::nearbyint(x)
        : mode == FE_TOWARDZERO ? std::trunc(x)
        : mode == FE_UPWARD ? std::ceil(x) : std::floor(x);
    // 2^digits (the first value past the maximum) and the minimum are exact in every float type.
    using L = std::numeric_limits<I>;
    if (r >= std::ldexp((F)1, L::digits)) return L::max();
    if (r < (F)L::min()) return L::min();
    return (I)r;
}

}  // namespace cupy_host_detail

// --- arithmetic in a chosen rounding mode ------------------------------------------------------
#define CUPY_HOST_ROUNDED_BINARY(name, T, Op)                                                      \
    inline T name##_rn(T a, T b) { return cupy_host_detail::rounded<Op>(FE_TONEAREST, a, b); }      \
    inline T name##_rz(T a, T b) { return cupy_host_detail::rounded<Op>(FE_TOWARDZERO, a, b); }     \
    inline T name##_ru(T a, T b) { return cupy_host_detail::rounded<Op>(FE_UPWARD, a, b); }         \
    inline T name##_rd(T a, T b) { return cupy_host_detail::rounded<Op>(FE_DOWNWARD, a, b); }
CUPY_HOST_ROUNDED_BINARY(__fadd, float, cupy_host_detail::AddOp)
CUPY_HOST_ROUNDED_BINARY(__fsub, float, cupy_host_detail::SubOp)
CUPY_HOST_ROUNDED_BINARY(__fmul, float, cupy_host_detail::MulOp)
CUPY_HOST_ROUNDED_BINARY(__fdiv, float, cupy_host_detail::DivOp)
CUPY_HOST_ROUNDED_BINARY(__dadd, double, cupy_host_detail::AddOp)
CUPY_HOST_ROUNDED_BINARY(__dsub, double, cupy_host_detail::SubOp)
CUPY_HOST_ROUNDED_BINARY(__dmul, double, cupy_host_detail::MulOp)
CUPY_HOST_ROUNDED_BINARY(__ddiv, double, cupy_host_detail::DivOp)
#undef CUPY_HOST_ROUNDED_BINARY

#define CUPY_HOST_ROUNDED_FAMILY(suffix, mode)                                                     \
    inline float __fsqrt##suffix(float a) { return cupy_host_detail::rounded_sqrt(mode, a); }     \
    inline double __dsqrt##suffix(double a) { return cupy_host_detail::rounded_sqrt(mode, a); }   \
    inline float __frcp##suffix(float a) {                                                          \
        return cupy_host_detail::rounded<cupy_host_detail::DivOp>(mode, 1.0f, a);                   \
    }                                                                                               \
    inline double __drcp##suffix(double a) {                                                        \
        return cupy_host_detail::rounded<cupy_host_detail::DivOp>(mode, 1.0, a);                    \
    }                                                                                               \
    inline float __fmaf##suffix(float a, float b, float c) {                                        \
        return cupy_host_detail::rounded_fma(mode, a, b, c);                                        \
    }                                                                                               \
    inline double __fma##suffix(double a, double b, double c) {                                     \
        return cupy_host_detail::rounded_fma(mode, a, b, c);                                        \
    }                                                                                               \
    inline float __double2float##suffix(double a) {                                                 \
        return cupy_host_detail::rounded_convert<float>(mode, a);                                   \
    }                                                                                               \
    inline float __int2float##suffix(int a) { return cupy_host_detail::rounded_convert<float>(mode, a); } \
    inline float __uint2float##suffix(unsigned int a) {                                             \
        return cupy_host_detail::rounded_convert<float>(mode, a);                                   \
    }                                                                                               \
    inline float __ll2float##suffix(long long a) {                                                  \
        return cupy_host_detail::rounded_convert<float>(mode, a);                                   \
    }                                                                                               \
    inline float __ull2float##suffix(unsigned long long a) {                                        \
        return cupy_host_detail::rounded_convert<float>(mode, a);                                   \
    }                                                                                               \
    inline double __ll2double##suffix(long long a) {                                                \
        return cupy_host_detail::rounded_convert<double>(mode, a);                                  \
    }                                                                                               \
    inline double __ull2double##suffix(unsigned long long a) {                                      \
        return cupy_host_detail::rounded_convert<double>(mode, a);                                  \
    }                                                                                               \
    inline int __float2int##suffix(float a) { return cupy_host_detail::float_to_int<int>(a, mode); } \
    inline unsigned int __float2uint##suffix(float a) {                                             \
        return cupy_host_detail::float_to_int<unsigned int>(a, mode);                               \
    }                                                                                               \
    inline long long __float2ll##suffix(float a) {                                                  \
        return cupy_host_detail::float_to_int<long long>(a, mode);                                  \
    }                                                                                               \
    inline unsigned long long __float2ull##suffix(float a) {                                        \
        return cupy_host_detail::float_to_int<unsigned long long>(a, mode);                         \
    }                                                                                               \
    inline int __double2int##suffix(double a) { return cupy_host_detail::float_to_int<int>(a, mode); } \
    inline unsigned int __double2uint##suffix(double a) {                                           \
        return cupy_host_detail::float_to_int<unsigned int>(a, mode);                               \
    }                                                                                               \
    inline long long __double2ll##suffix(double a) {                                                \
        return cupy_host_detail::float_to_int<long long>(a, mode);                                  \
    }                                                                                               \
    inline unsigned long long __double2ull##suffix(double a) {                                      \
        return cupy_host_detail::float_to_int<unsigned long long>(a, mode);                         \
    }
CUPY_HOST_ROUNDED_FAMILY(_rn, FE_TONEAREST)
CUPY_HOST_ROUNDED_FAMILY(_rz, FE_TOWARDZERO)
CUPY_HOST_ROUNDED_FAMILY(_ru, FE_UPWARD)
CUPY_HOST_ROUNDED_FAMILY(_rd, FE_DOWNWARD)
#undef CUPY_HOST_ROUNDED_FAMILY

// Exact conversions have only the _rn name in CUDA.
inline double __int2double_rn(int a) { return (double)a; }
inline double __uint2double_rn(unsigned int a) { return (double)a; }

#endif  // CUPY_HOST_BUILTINS_ROUNDING_H
