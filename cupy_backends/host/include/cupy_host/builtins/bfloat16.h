// __nv_bfloat16 and __nv_bfloat162 on the host: the upper 16 bits of an IEEE float, converted with
// round-to-nearest-even in software (g++ 12 has no __bf16 arithmetic type).
#ifndef CUPY_HOST_BUILTINS_BFLOAT16_H
#define CUPY_HOST_BUILTINS_BFLOAT16_H

#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "cupy_host/builtins/atomics.h"
#include "cupy_host/builtins/lowp_support.h"
#include "cupy_host/builtins/vector_types.h"

namespace cupy_host_detail {
inline unsigned short f32_to_bf16_rn(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    if (std::isnan(f)) return (unsigned short)((u >> 16) | 0x40);  // keep sign and payload, quiet
    u += 0x7fffu + ((u >> 16) & 1u);
    return (unsigned short)(u >> 16);
}
// Double to bfloat16 with one rounding: through a round-to-odd float.
inline unsigned short f64_to_bf16_rn(double d) {
    if (std::isnan(d)) return f32_to_bf16_rn((float)d);
    float f = rounded_convert<float>(FE_TOWARDZERO, d);
    if ((double)f != d) f = force_odd(f);
    return f32_to_bf16_rn(f);
}
}  // namespace cupy_host_detail

struct __nv_bfloat16_raw {
    unsigned short x;
};
struct __nv_bfloat162_raw {
    unsigned short x, y;
};

struct __attribute__((aligned(2))) __nv_bfloat16 {
    unsigned short __x;

    __nv_bfloat16() = default;
    __nv_bfloat16(const __nv_bfloat16_raw& r) : __x(r.x) {}
    template <typename T, typename = typename std::enable_if<std::is_arithmetic<T>::value>::type>
    __nv_bfloat16(T v) : __x(from(v)) {}
    __nv_bfloat16& operator=(const __nv_bfloat16_raw& r) { __x = r.x; return *this; }
    template <typename T, typename = typename std::enable_if<std::is_arithmetic<T>::value>::type>
    __nv_bfloat16& operator=(T v) { __x = from(v); return *this; }
    operator float() const {
        uint32_t u = (uint32_t)__x << 16;
        float f;
        std::memcpy(&f, &u, 4);
        return f;
    }
    operator __nv_bfloat16_raw() const { return __nv_bfloat16_raw{__x}; }

  private:
    template <typename T>
    static unsigned short from(T v) {
        // float and narrower integers convert to float exactly; the rest take one rounding.
        if (std::is_same<T, float>::value || (std::is_integral<T>::value && sizeof(T) <= 2))
            return cupy_host_detail::f32_to_bf16_rn((float)v);
        if (std::is_integral<T>::value) {  // 64-bit: through a round-to-odd double
            double d = cupy_host_detail::rounded_convert<double>(FE_TOWARDZERO, v);
            if ((T)d != v) d = cupy_host_detail::force_odd(d);
            return cupy_host_detail::f64_to_bf16_rn(d);
        }
        return cupy_host_detail::f64_to_bf16_rn((double)v);
    }
};
typedef __nv_bfloat16 nv_bfloat16;

struct __attribute__((aligned(4))) __nv_bfloat162 {
    __nv_bfloat16 x, y;
    __nv_bfloat162() = default;
    __nv_bfloat162(__nv_bfloat16 a, __nv_bfloat16 b) : x(a), y(b) {}
    __nv_bfloat162(const __nv_bfloat162_raw& r) : x(__nv_bfloat16_raw{r.x}), y(__nv_bfloat16_raw{r.y}) {}
    operator __nv_bfloat162_raw() const { return __nv_bfloat162_raw{x.__x, y.__x}; }
};
typedef __nv_bfloat162 nv_bfloat162;

namespace cupy_host_detail {
template <>
struct lp_traits<__nv_bfloat16> {
    static float to_float(__nv_bfloat16 h) { return (float)h; }
    static __nv_bfloat16 from_float_rn(float f) { return from_bits(f32_to_bf16_rn(f)); }
    static __nv_bfloat16 from_double_rn(double d) { return from_bits(f64_to_bf16_rn(d)); }
    static unsigned short bits(__nv_bfloat16 h) { return h.__x; }
    static __nv_bfloat16 from_bits(unsigned short b) { return __nv_bfloat16(__nv_bfloat16_raw{b}); }
    static __nv_bfloat16 canonical_nan() { return from_bits(0x7fff); }
};
}  // namespace cupy_host_detail

inline float __bfloat162float(__nv_bfloat16 h) { return (float)h; }

#define CUPY_LP __nv_bfloat16
#define CUPY_LP2 __nv_bfloat162
#define CUPY_LP_NAME bfloat16
#define CUPY_LP_PAIR bfloat162
#include "cupy_host/builtins/lowp_ops.h"
#undef CUPY_LP
#undef CUPY_LP2
#undef CUPY_LP_NAME
#undef CUPY_LP_PAIR

#endif  // CUPY_HOST_BUILTINS_BFLOAT16_H
