// numpy.float16 in device code: IEEE binary16 storage; arithmetic is done in float and rounded
// once, which is what NumPy does for float16 operations.
#pragma once

#include <cuda_fp16.h>

// Minimal traits: NVRTC has no <type_traits> without extra headers.
namespace cupy_detail {
template <bool B, typename T = void> struct enable_if {};
template <typename T> struct enable_if<true, T> { typedef T type; };
template <typename A, typename B> struct is_same { static const bool value = false; };
template <typename A> struct is_same<A, A> { static const bool value = true; };
}  // namespace cupy_detail

class float16 {
private:
    __half h_;

public:
    float16() = default;
    __device__ float16(__half h) : h_(h) {}
    // Implicit from float only: with more implicit conversions, mixed expressions such as
    // ``float16 + float`` would be ambiguous between float16's and float's operators.
    __device__ float16(float v) : h_(__float2half_rn(v)) {}
    __device__ explicit float16(double v) : h_(__double2half(v)) {}
    __device__ explicit float16(bool v) : h_(__float2half_rn(v ? 1.0f : 0.0f)) {}
    __device__ explicit float16(signed char v) : h_(__float2half_rn(static_cast<float>(v))) {}
    __device__ explicit float16(unsigned char v) : h_(__float2half_rn(static_cast<float>(v))) {}
    __device__ explicit float16(short v) : h_(__float2half_rn(static_cast<float>(v))) {}
    __device__ explicit float16(unsigned short v) : h_(__float2half_rn(static_cast<float>(v))) {}
    __device__ explicit float16(int v) : h_(__float2half_rn(static_cast<float>(v))) {}
    __device__ explicit float16(unsigned int v) : h_(__float2half_rn(static_cast<float>(v))) {}
    __device__ explicit float16(long v) : h_(__double2half(static_cast<double>(v))) {}
    __device__ explicit float16(unsigned long v) : h_(__double2half(static_cast<double>(v))) {}
    __device__ explicit float16(long long v) : h_(__double2half(static_cast<double>(v))) {}
    __device__ explicit float16(unsigned long long v)
        : h_(__double2half(static_cast<double>(v))) {}

    __device__ operator float() const { return __half2float(h_); }
    __device__ __half as_half() const { return h_; }
    __device__ unsigned short bits() const { return __half_as_ushort(h_); }
    __device__ static float16 from_bits(unsigned short b) {
        return float16(__ushort_as_half(b));
    }

    __device__ float16 operator-() const { return from_bits(bits() ^ 0x8000u); }
    __device__ float16 operator+() const { return *this; }
};

// Operators take exactly float16 operands (templates see no implicit conversions), so a mixed
// expression such as ``float16 + float`` uses float's built-in operator without ambiguity.
template <typename A, typename B>
using __cupy_if_f16 = typename cupy_detail::enable_if<
    cupy_detail::is_same<A, float16>::value && cupy_detail::is_same<B, float16>::value, float16>::type;
template <typename A, typename B>
using __cupy_if_f16_bool = typename cupy_detail::enable_if<
    cupy_detail::is_same<A, float16>::value && cupy_detail::is_same<B, float16>::value, bool>::type;

#define CUPY_FLOAT16_ARITH(op)                                                     \
    template <typename A, typename B>                                              \
    __device__ inline __cupy_if_f16<A, B> operator op(const A& a, const B& b) {    \
        return float16(float(a) op float(b));                                      \
    }                                                                              \
    template <typename A, typename B>                                              \
    __device__ inline __cupy_if_f16<A, B>& operator op##=(A& a, const B& b) {      \
        return a = float16(float(a) op float(b));                                  \
    }
CUPY_FLOAT16_ARITH(+)
CUPY_FLOAT16_ARITH(-)
CUPY_FLOAT16_ARITH(*)
CUPY_FLOAT16_ARITH(/)
#undef CUPY_FLOAT16_ARITH

#define CUPY_FLOAT16_CMP(op)                                                          \
    template <typename A, typename B>                                                 \
    __device__ inline __cupy_if_f16_bool<A, B> operator op(const A& a, const B& b) {  \
        return float(a) op float(b);                                                  \
    }
CUPY_FLOAT16_CMP(==)
CUPY_FLOAT16_CMP(!=)
CUPY_FLOAT16_CMP(<)
CUPY_FLOAT16_CMP(<=)
CUPY_FLOAT16_CMP(>)
CUPY_FLOAT16_CMP(>=)
#undef CUPY_FLOAT16_CMP

__device__ inline bool isnan(float16 x) { return (x.bits() & 0x7fffu) > 0x7c00u; }
__device__ inline bool isinf(float16 x) { return (x.bits() & 0x7fffu) == 0x7c00u; }
__device__ inline bool isfinite(float16 x) { return (x.bits() & 0x7c00u) != 0x7c00u; }
__device__ inline bool signbit(float16 x) { return (x.bits() & 0x8000u) != 0; }
