// __half (half) and __half2 on the host: IEEE binary16 with the bits of numpy.float16, converted
// through g++'s _Float16 (single, correctly rounded conversions from float and double).
#ifndef CUPY_HOST_BUILTINS_HALF_H
#define CUPY_HOST_BUILTINS_HALF_H

#include <cstring>
#include <type_traits>

#include "cupy_host/builtins/atomics.h"
#include "cupy_host/builtins/lowp_support.h"
#include "cupy_host/builtins/vector_types.h"

struct __half_raw {
    unsigned short x;
};
struct __half2_raw {
    unsigned short x, y;
};

struct __attribute__((aligned(2))) __half {
    unsigned short __x;

    __half() = default;
    __half(const __half_raw& r) : __x(r.x) {}
    // Templated so that every arithmetic type converts with one rounding (a plain list of
    // constructors makes __half(long long) ambiguous).
    template <typename T, typename = typename std::enable_if<std::is_arithmetic<T>::value>::type>
    __half(T v) : __x(from(v)) {}
    __half& operator=(const __half_raw& r) { __x = r.x; return *this; }
    template <typename T, typename = typename std::enable_if<std::is_arithmetic<T>::value>::type>
    __half& operator=(T v) { __x = from(v); return *this; }
    operator float() const {
        _Float16 h;
        std::memcpy(&h, &__x, 2);
        return (float)h;
    }
    operator __half_raw() const { return __half_raw{__x}; }

  private:
    template <typename T>
    static unsigned short from(T v) {
        _Float16 h = (_Float16)v;
        unsigned short b;
        std::memcpy(&b, &h, 2);
        return b;
    }
};
typedef __half half;

struct __attribute__((aligned(4))) __half2 {
    __half x, y;
    __half2() = default;
    __half2(__half a, __half b) : x(a), y(b) {}
    __half2(const __half2_raw& r) : x(__half_raw{r.x}), y(__half_raw{r.y}) {}
    operator __half2_raw() const { return __half2_raw{x.__x, y.__x}; }
};
typedef __half2 half2;

namespace cupy_host_detail {
template <>
struct lp_traits<__half> {
    static float to_float(__half h) { return (float)h; }
    static __half from_float_rn(float f) { return __half(f); }
    static __half from_double_rn(double d) { return __half(d); }
    static unsigned short bits(__half h) { return h.__x; }
    static __half from_bits(unsigned short b) { return __half(__half_raw{b}); }
    static __half canonical_nan() { return from_bits(0x7fff); }
};
}  // namespace cupy_host_detail

inline float __half2float(__half h) { return (float)h; }

#define CUPY_LP __half
#define CUPY_LP2 __half2
#define CUPY_LP_NAME half
#define CUPY_LP_PAIR half2
#include "cupy_host/builtins/lowp_ops.h"
#undef CUPY_LP
#undef CUPY_LP2
#undef CUPY_LP_NAME
#undef CUPY_LP_PAIR

#endif  // CUPY_HOST_BUILTINS_HALF_H
