// __nv_bfloat16 on the host: the upper 16 bits of an IEEE float, converted with
// round-to-nearest-even. Arithmetic is done in float and rounded once; for +, -, *, / of bf16
// inputs this equals the correctly rounded bf16 result (float has more than 2*8+2 bits).
#ifndef CUPY_HOST_BUILTINS_BFLOAT16_H
#define CUPY_HOST_BUILTINS_BFLOAT16_H

#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

struct __nv_bfloat16;
inline __nv_bfloat16 __float2bfloat16(float f);
inline float __bfloat162float(__nv_bfloat16 h);

struct __nv_bfloat16 {
    unsigned short __x;
    __nv_bfloat16() = default;
    template <typename T, typename = typename std::enable_if<std::is_arithmetic<T>::value>::type>
    __nv_bfloat16(T v) : __x(__float2bfloat16((float)v).__x) {}
    operator float() const { return __bfloat162float(*this); }
    __nv_bfloat16& operator+=(__nv_bfloat16 o) { return *this = __float2bfloat16(float(*this) + float(o)); }
    __nv_bfloat16& operator-=(__nv_bfloat16 o) { return *this = __float2bfloat16(float(*this) - float(o)); }
    __nv_bfloat16& operator*=(__nv_bfloat16 o) { return *this = __float2bfloat16(float(*this) * float(o)); }
    __nv_bfloat16& operator/=(__nv_bfloat16 o) { return *this = __float2bfloat16(float(*this) / float(o)); }
};
typedef __nv_bfloat16 nv_bfloat16;
struct __nv_bfloat162 { __nv_bfloat16 x, y; };
typedef __nv_bfloat162 nv_bfloat162;

inline __nv_bfloat16 __cupy_host_bf16_bits(unsigned short bits) {
    __nv_bfloat16 h;
    h.__x = bits;
    return h;
}
inline __nv_bfloat16 __float2bfloat16_rn(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    if (std::isnan(f)) return __cupy_host_bf16_bits((unsigned short)((u >> 16) | 0x40));  // quiet NaN
    u += 0x7fffu + ((u >> 16) & 1u);
    return __cupy_host_bf16_bits((unsigned short)(u >> 16));
}
inline __nv_bfloat16 __float2bfloat16(float f) { return __float2bfloat16_rn(f); }
inline __nv_bfloat16 __float2bfloat16_rz(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    if (std::isnan(f)) return __cupy_host_bf16_bits((unsigned short)((u >> 16) | 0x40));
    return __cupy_host_bf16_bits((unsigned short)(u >> 16));
}
inline __nv_bfloat16 __double2bfloat16(double d) { return __float2bfloat16_rn((float)d); }
inline float __bfloat162float(__nv_bfloat16 h) {
    uint32_t u = (uint32_t)h.__x << 16;
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}
inline short __bfloat16_as_short(__nv_bfloat16 h) { return (short)h.__x; }
inline unsigned short __bfloat16_as_ushort(__nv_bfloat16 h) { return h.__x; }
inline __nv_bfloat16 __short_as_bfloat16(short s) { return __cupy_host_bf16_bits((unsigned short)s); }
inline __nv_bfloat16 __ushort_as_bfloat16(unsigned short s) { return __cupy_host_bf16_bits(s); }

#define CUPY_HOST_BF16_BINARY(name, op)                                                          \
    inline __nv_bfloat16 name(__nv_bfloat16 a, __nv_bfloat16 b) {                                 \
        return __float2bfloat16(__bfloat162float(a) op __bfloat162float(b));                       \
    }
CUPY_HOST_BF16_BINARY(__hadd, +)
CUPY_HOST_BF16_BINARY(__hsub, -)
CUPY_HOST_BF16_BINARY(__hmul, *)
CUPY_HOST_BF16_BINARY(__hdiv, /)
CUPY_HOST_BF16_BINARY(operator+, +)
CUPY_HOST_BF16_BINARY(operator-, -)
CUPY_HOST_BF16_BINARY(operator*, *)
CUPY_HOST_BF16_BINARY(operator/, /)
#undef CUPY_HOST_BF16_BINARY
#define CUPY_HOST_BF16_COMPARE(name, op)                                                         \
    inline bool name(__nv_bfloat16 a, __nv_bfloat16 b) {                                          \
        return __bfloat162float(a) op __bfloat162float(b);                                          \
    }
CUPY_HOST_BF16_COMPARE(__heq, ==)
CUPY_HOST_BF16_COMPARE(__hne, !=)
CUPY_HOST_BF16_COMPARE(__hlt, <)
CUPY_HOST_BF16_COMPARE(__hle, <=)
CUPY_HOST_BF16_COMPARE(__hgt, >)
CUPY_HOST_BF16_COMPARE(__hge, >=)
CUPY_HOST_BF16_COMPARE(operator==, ==)
CUPY_HOST_BF16_COMPARE(operator!=, !=)
CUPY_HOST_BF16_COMPARE(operator<, <)
CUPY_HOST_BF16_COMPARE(operator<=, <=)
CUPY_HOST_BF16_COMPARE(operator>, >)
CUPY_HOST_BF16_COMPARE(operator>=, >=)
#undef CUPY_HOST_BF16_COMPARE
inline __nv_bfloat16 operator-(__nv_bfloat16 a) { return __cupy_host_bf16_bits(a.__x ^ 0x8000u); }
inline __nv_bfloat16 __hneg(__nv_bfloat16 a) { return -a; }
inline __nv_bfloat16 __habs(__nv_bfloat16 a) { return __cupy_host_bf16_bits(a.__x & 0x7fffu); }
inline __nv_bfloat16 __hfma(__nv_bfloat16 a, __nv_bfloat16 b, __nv_bfloat16 c) {
    return __float2bfloat16((float)std::fma((double)__bfloat162float(a), (double)__bfloat162float(b),
                                            (double)__bfloat162float(c)));
}
inline bool __hisnan(__nv_bfloat16 a) { return std::isnan(__bfloat162float(a)); }
inline __nv_bfloat16 __hmax(__nv_bfloat16 a, __nv_bfloat16 b) { return a > b ? a : b; }
inline __nv_bfloat16 __hmin(__nv_bfloat16 a, __nv_bfloat16 b) { return a < b ? a : b; }
inline __nv_bfloat162 __halves2bfloat162(__nv_bfloat16 a, __nv_bfloat16 b) { return __nv_bfloat162{a, b}; }
inline __nv_bfloat162 __float2bfloat162_rn(float f) {
    return __nv_bfloat162{__float2bfloat16(f), __float2bfloat16(f)};
}
inline __nv_bfloat16 __low2bfloat16(__nv_bfloat162 h) { return h.x; }
inline __nv_bfloat16 __high2bfloat16(__nv_bfloat162 h) { return h.y; }

inline __nv_bfloat16 atomicAdd(__nv_bfloat16* a, __nv_bfloat16 v) {
    return cupy_host_detail::atomic_update(a, [v](__nv_bfloat16 o) { return o + v; });
}

#endif  // CUPY_HOST_BUILTINS_BFLOAT16_H
