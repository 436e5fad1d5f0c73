// __half on the host: IEEE binary16 through g++'s _Float16 (same bits as numpy.float16). Each
// operation rounds to half, which matches the correctly rounded __hadd/__hmul of the GPU.
#ifndef CUPY_HOST_BUILTINS_HALF_H
#define CUPY_HOST_BUILTINS_HALF_H

#include <cmath>
#include <cstring>
#include <type_traits>

struct __half {
    _Float16 v;
    __half() = default;
    template <typename T, typename = typename std::enable_if<std::is_arithmetic<T>::value>::type>
    __half(T x) : v((_Float16)x) {}
    operator float() const { return (float)v; }
    __half& operator+=(__half o) { v = v + o.v; return *this; }
    __half& operator-=(__half o) { v = v - o.v; return *this; }
    __half& operator*=(__half o) { v = v * o.v; return *this; }
    __half& operator/=(__half o) { v = v / o.v; return *this; }
};
typedef __half half;
struct __half2 { __half x, y; };

inline __half __cupy_host_mkhalf(_Float16 v) { __half h; h.v = v; return h; }
inline __half operator+(__half a, __half b) { return __cupy_host_mkhalf(a.v + b.v); }
inline __half operator-(__half a, __half b) { return __cupy_host_mkhalf(a.v - b.v); }
inline __half operator*(__half a, __half b) { return __cupy_host_mkhalf(a.v * b.v); }
inline __half operator/(__half a, __half b) { return __cupy_host_mkhalf(a.v / b.v); }
inline __half operator-(__half a) { return __cupy_host_mkhalf(-a.v); }
inline bool operator==(__half a, __half b) { return a.v == b.v; }
inline bool operator!=(__half a, __half b) { return a.v != b.v; }
inline bool operator<(__half a, __half b) { return a.v < b.v; }
inline bool operator<=(__half a, __half b) { return a.v <= b.v; }
inline bool operator>(__half a, __half b) { return a.v > b.v; }
inline bool operator>=(__half a, __half b) { return a.v >= b.v; }

inline __half __float2half(float f) { return __half(f); }
inline __half __float2half_rn(float f) { return __half(f); }
inline __half __double2half(double d) { return __half(d); }
inline float __half2float(__half h) { return (float)h.v; }
inline __half __hadd(__half a, __half b) { return a + b; }
inline __half __hsub(__half a, __half b) { return a - b; }
inline __half __hmul(__half a, __half b) { return a * b; }
inline __half __hdiv(__half a, __half b) { return a / b; }
inline __half __hneg(__half a) { return -a; }
inline __half __habs(__half a) { return __cupy_host_mkhalf(a.v < 0 ? -a.v : a.v); }
inline __half __hfma(__half a, __half b, __half c) { return __half(std::fma((float)a.v, (float)b.v, (float)c.v)); }
inline bool __heq(__half a, __half b) { return a == b; }
inline bool __hne(__half a, __half b) { return a != b; }
inline bool __hlt(__half a, __half b) { return a < b; }
inline bool __hle(__half a, __half b) { return a <= b; }
inline bool __hgt(__half a, __half b) { return a > b; }
inline bool __hge(__half a, __half b) { return a >= b; }
inline bool __hisnan(__half a) { return a.v != a.v; }
inline int __hisinf(__half a) { return std::isinf((float)a.v) ? (a.v < 0 ? -1 : 1) : 0; }
inline __half __hmax(__half a, __half b) { return a > b ? a : b; }
inline __half __hmin(__half a, __half b) { return a < b ? a : b; }
inline __half hexp(__half a) { return __half(std::exp((float)a)); }
inline __half hlog(__half a) { return __half(std::log((float)a)); }
inline __half hsqrt(__half a) { return __half(std::sqrt((float)a)); }
inline __half hrsqrt(__half a) { return __half(1.0f / std::sqrt((float)a)); }
inline __half hsin(__half a) { return __half(std::sin((float)a)); }
inline __half hcos(__half a) { return __half(std::cos((float)a)); }
inline __half htrunc(__half a) { return __half(std::trunc((float)a)); }
inline __half hfloor(__half a) { return __half(std::floor((float)a)); }
inline __half hceil(__half a) { return __half(std::ceil((float)a)); }
inline __half hrint(__half a) { return __half(std::nearbyint((float)a)); }
inline short __half_as_short(__half h) { short s; std::memcpy(&s, &h, 2); return s; }
inline unsigned short __half_as_ushort(__half h) { unsigned short s; std::memcpy(&s, &h, 2); return s; }
inline __half __short_as_half(short s) { __half h; std::memcpy(&h, &s, 2); return h; }
inline __half __ushort_as_half(unsigned short s) { __half h; std::memcpy(&h, &s, 2); return h; }
inline __half2 __halves2half2(__half a, __half b) { return __half2{a, b}; }
inline __half2 __float2half2_rn(float f) { return __half2{__half(f), __half(f)}; }
inline __half __low2half(__half2 h) { return h.x; }
inline __half __high2half(__half2 h) { return h.y; }
inline __half2 __hadd2(__half2 a, __half2 b) { return __half2{a.x + b.x, a.y + b.y}; }
inline __half2 __hmul2(__half2 a, __half2 b) { return __half2{a.x * b.x, a.y * b.y}; }

inline __half atomicAdd(__half* a, __half v) {
    return cupy_host_detail::atomic_update(a, [v](__half o) { return o + v; });
}

#endif  // CUPY_HOST_BUILTINS_HALF_H
