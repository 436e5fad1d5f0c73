// The API that cuda_fp16.h and cuda_bf16.h share, written once for a 16-bit type.
//
// Included twice (no include guard), from half.h and bfloat16.h, with these macros defined:
//   CUPY_LP        the scalar type (__half / __nv_bfloat16)     CUPY_LP2   its pair type
//   CUPY_LP_NAME   the token in conversion names (half / bfloat16)
//   CUPY_LP_PAIR   the token in pair names (half2 / bfloat162)
// and with cupy_host_detail::lp_traits<CUPY_LP> providing to_float, from_float_rn (correctly
// rounded from float), from_double_rn (correctly rounded from double) and the bit accessors.
//
// Every operation is done in float (or double for fma) and rounded once. For + - * / and sqrt of
// 16-bit operands this is the correctly rounded result, as on the GPU: float carries more than
// 2p+2 bits for both formats.

#define CUPY_LP_CAT_(a, b, c) a##b##c
#define CUPY_LP_CAT(a, b, c) CUPY_LP_CAT_(a, b, c)
#define CUPY_LP_CAT4_(a, b, c, d) a##b##c##d
#define CUPY_LP_CAT4(a, b, c, d) CUPY_LP_CAT4_(a, b, c, d)
#define CUPY_LP_T cupy_host_detail::lp_traits<CUPY_LP>

inline CUPY_LP operator+(CUPY_LP a, CUPY_LP b) { return CUPY_LP_T::from_float_rn(CUPY_LP_T::to_float(a) + CUPY_LP_T::to_float(b)); }
inline CUPY_LP operator-(CUPY_LP a, CUPY_LP b) { return CUPY_LP_T::from_float_rn(CUPY_LP_T::to_float(a) - CUPY_LP_T::to_float(b)); }
inline CUPY_LP operator*(CUPY_LP a, CUPY_LP b) { return CUPY_LP_T::from_float_rn(CUPY_LP_T::to_float(a) * CUPY_LP_T::to_float(b)); }
inline CUPY_LP operator/(CUPY_LP a, CUPY_LP b) { return CUPY_LP_T::from_float_rn(CUPY_LP_T::to_float(a) / CUPY_LP_T::to_float(b)); }
inline CUPY_LP operator-(CUPY_LP a) { return CUPY_LP_T::from_bits((unsigned short)(CUPY_LP_T::bits(a) ^ 0x8000u)); }
inline CUPY_LP operator+(CUPY_LP a) { return a; }
inline CUPY_LP& operator+=(CUPY_LP& a, CUPY_LP b) { return a = a + b; }
inline CUPY_LP& operator-=(CUPY_LP& a, CUPY_LP b) { return a = a - b; }
inline CUPY_LP& operator*=(CUPY_LP& a, CUPY_LP b) { return a = a * b; }
inline CUPY_LP& operator/=(CUPY_LP& a, CUPY_LP b) { return a = a / b; }
inline CUPY_LP& operator++(CUPY_LP& a) { return a = a + CUPY_LP_T::from_float_rn(1.0f); }
inline CUPY_LP& operator--(CUPY_LP& a) { return a = a - CUPY_LP_T::from_float_rn(1.0f); }
inline CUPY_LP operator++(CUPY_LP& a, int) { CUPY_LP r = a; ++a; return r; }
inline CUPY_LP operator--(CUPY_LP& a, int) { CUPY_LP r = a; --a; return r; }
inline bool operator==(CUPY_LP a, CUPY_LP b) { return CUPY_LP_T::to_float(a) == CUPY_LP_T::to_float(b); }
inline bool operator!=(CUPY_LP a, CUPY_LP b) { return CUPY_LP_T::to_float(a) != CUPY_LP_T::to_float(b); }
inline bool operator<(CUPY_LP a, CUPY_LP b) { return CUPY_LP_T::to_float(a) < CUPY_LP_T::to_float(b); }
inline bool operator<=(CUPY_LP a, CUPY_LP b) { return CUPY_LP_T::to_float(a) <= CUPY_LP_T::to_float(b); }
inline bool operator>(CUPY_LP a, CUPY_LP b) { return CUPY_LP_T::to_float(a) > CUPY_LP_T::to_float(b); }
inline bool operator>=(CUPY_LP a, CUPY_LP b) { return CUPY_LP_T::to_float(a) >= CUPY_LP_T::to_float(b); }

// --- arithmetic --------------------------------------------------------------------------------
inline CUPY_LP __hadd(CUPY_LP a, CUPY_LP b) { return a + b; }
inline CUPY_LP __hsub(CUPY_LP a, CUPY_LP b) { return a - b; }
inline CUPY_LP __hmul(CUPY_LP a, CUPY_LP b) { return a * b; }
inline CUPY_LP __hdiv(CUPY_LP a, CUPY_LP b) { return a / b; }
inline CUPY_LP __hadd_rn(CUPY_LP a, CUPY_LP b) { return a + b; }
inline CUPY_LP __hsub_rn(CUPY_LP a, CUPY_LP b) { return a - b; }
inline CUPY_LP __hmul_rn(CUPY_LP a, CUPY_LP b) { return a * b; }
inline CUPY_LP __hneg(CUPY_LP a) { return -a; }
inline CUPY_LP __habs(CUPY_LP a) { return CUPY_LP_T::from_bits((unsigned short)(CUPY_LP_T::bits(a) & 0x7fffu)); }
inline CUPY_LP __hfma(CUPY_LP a, CUPY_LP b, CUPY_LP c) {
    return CUPY_LP_T::from_double_rn(cupy_host_detail::fma_round_to_odd(
        (double)CUPY_LP_T::to_float(a), (double)CUPY_LP_T::to_float(b), (double)CUPY_LP_T::to_float(c)));
}
inline CUPY_LP __cupy_host_lp_sat(CUPY_LP a) {  // clamp to [0, 1], NaN -> +0
    float f = CUPY_LP_T::to_float(a);
    return CUPY_LP_T::from_float_rn(f >= 1.0f ? 1.0f : (f > 0.0f ? f : 0.0f));
}
inline CUPY_LP __hadd_sat(CUPY_LP a, CUPY_LP b) { return __cupy_host_lp_sat(a + b); }
inline CUPY_LP __hsub_sat(CUPY_LP a, CUPY_LP b) { return __cupy_host_lp_sat(a - b); }
inline CUPY_LP __hmul_sat(CUPY_LP a, CUPY_LP b) { return __cupy_host_lp_sat(a * b); }
inline CUPY_LP __hfma_sat(CUPY_LP a, CUPY_LP b, CUPY_LP c) { return __cupy_host_lp_sat(__hfma(a, b, c)); }
inline CUPY_LP __hfma_relu(CUPY_LP a, CUPY_LP b, CUPY_LP c) {
    CUPY_LP r = __hfma(a, b, c);
    float f = CUPY_LP_T::to_float(r);
    return f != f ? CUPY_LP_T::canonical_nan() : (f < 0.0f ? CUPY_LP_T::from_float_rn(0.0f) : r);
}

// --- comparisons -------------------------------------------------------------------------------
inline bool __heq(CUPY_LP a, CUPY_LP b) { return a == b; }
inline bool __hne(CUPY_LP a, CUPY_LP b) { return a != b; }
inline bool __hlt(CUPY_LP a, CUPY_LP b) { return a < b; }
inline bool __hle(CUPY_LP a, CUPY_LP b) { return a <= b; }
inline bool __hgt(CUPY_LP a, CUPY_LP b) { return a > b; }
inline bool __hge(CUPY_LP a, CUPY_LP b) { return a >= b; }
inline bool __hisnan(CUPY_LP a) { float f = CUPY_LP_T::to_float(a); return f != f; }
inline int __hisinf(CUPY_LP a) {
    float f = CUPY_LP_T::to_float(a);
    return std::isinf(f) ? (f < 0.0f ? -1 : 1) : 0;
}
// Unordered forms: true when either operand is NaN.
inline bool __hequ(CUPY_LP a, CUPY_LP b) { return !(a < b || a > b); }
inline bool __hneu(CUPY_LP a, CUPY_LP b) { return !(a == b); }
inline bool __hltu(CUPY_LP a, CUPY_LP b) { return !(a >= b); }
inline bool __hleu(CUPY_LP a, CUPY_LP b) { return !(a > b); }
inline bool __hgtu(CUPY_LP a, CUPY_LP b) { return !(a <= b); }
inline bool __hgeu(CUPY_LP a, CUPY_LP b) { return !(a < b); }
// max/min: a NaN operand yields the other one, two NaNs the canonical NaN, and +0 > -0.
inline CUPY_LP __hmax(CUPY_LP a, CUPY_LP b) {
    if (__hisnan(a)) return __hisnan(b) ? CUPY_LP_T::canonical_nan() : b;
    if (__hisnan(b)) return a;
    if (a == b) return (CUPY_LP_T::bits(a) & 0x8000u) ? b : a;
    return a > b ? a : b;
}
inline CUPY_LP __hmin(CUPY_LP a, CUPY_LP b) {
    if (__hisnan(a)) return __hisnan(b) ? CUPY_LP_T::canonical_nan() : b;
    if (__hisnan(b)) return a;
    if (a == b) return (CUPY_LP_T::bits(a) & 0x8000u) ? a : b;
    return a < b ? a : b;
}
inline CUPY_LP __hmax_nan(CUPY_LP a, CUPY_LP b) {
    return (__hisnan(a) || __hisnan(b)) ? CUPY_LP_T::canonical_nan() : __hmax(a, b);
}
inline CUPY_LP __hmin_nan(CUPY_LP a, CUPY_LP b) {
    return (__hisnan(a) || __hisnan(b)) ? CUPY_LP_T::canonical_nan() : __hmin(a, b);
}

// --- math ----------------------------------------------------------------------------------------
#define CUPY_LP_MATH(name, expr)                                                                   \
    inline CUPY_LP name(CUPY_LP a) {                                                                \
        float x = CUPY_LP_T::to_float(a);                                                           \
        return CUPY_LP_T::from_double_rn(expr);                                                     \
    }
CUPY_LP_MATH(hexp, std::exp((double)x))
CUPY_LP_MATH(hexp2, std::exp2((double)x))
CUPY_LP_MATH(hexp10, std::pow(10.0, (double)x))
CUPY_LP_MATH(hlog, std::log((double)x))
CUPY_LP_MATH(hlog2, std::log2((double)x))
CUPY_LP_MATH(hlog10, std::log10((double)x))
CUPY_LP_MATH(hsqrt, std::sqrt((double)x))
CUPY_LP_MATH(hrsqrt, 1.0 / std::sqrt((double)x))
CUPY_LP_MATH(hrcp, 1.0 / (double)x)
CUPY_LP_MATH(hsin, std::sin((double)x))
CUPY_LP_MATH(hcos, std::cos((double)x))
CUPY_LP_MATH(htanh, std::tanh((double)x))
CUPY_LP_MATH(htanh_approx, std::tanh((double)x))
CUPY_LP_MATH(htrunc, std::trunc((double)x))
CUPY_LP_MATH(hfloor, std::floor((double)x))
CUPY_LP_MATH(hceil, std::ceil((double)x))
CUPY_LP_MATH(hrint, std::nearbyint((double)x))
#undef CUPY_LP_MATH

// --- bit reinterpretation and conversions --------------------------------------------------------
inline short CUPY_LP_CAT(__, CUPY_LP_NAME, _as_short)(CUPY_LP h) { return (short)CUPY_LP_T::bits(h); }
inline unsigned short CUPY_LP_CAT(__, CUPY_LP_NAME, _as_ushort)(CUPY_LP h) { return CUPY_LP_T::bits(h); }
inline CUPY_LP CUPY_LP_CAT(__short_as_, CUPY_LP_NAME, )(short s) { return CUPY_LP_T::from_bits((unsigned short)s); }
inline CUPY_LP CUPY_LP_CAT(__ushort_as_, CUPY_LP_NAME, )(unsigned short s) { return CUPY_LP_T::from_bits(s); }

#define CUPY_LP_INT_CONVERSIONS(suffix, mode)                                                      \
    inline int CUPY_LP_CAT(__, CUPY_LP_NAME, 2int##suffix)(CUPY_LP h) {                             \
        return cupy_host_detail::float_to_int<int>(CUPY_LP_T::to_float(h), mode);                  \
    }                                                                                               \
    inline unsigned int CUPY_LP_CAT(__, CUPY_LP_NAME, 2uint##suffix)(CUPY_LP h) {                   \
        return cupy_host_detail::float_to_int<unsigned int>(CUPY_LP_T::to_float(h), mode);         \
    }                                                                                               \
    inline short CUPY_LP_CAT(__, CUPY_LP_NAME, 2short##suffix)(CUPY_LP h) {                         \
        return cupy_host_detail::float_to_int<short>(CUPY_LP_T::to_float(h), mode);                \
    }                                                                                               \
    inline unsigned short CUPY_LP_CAT(__, CUPY_LP_NAME, 2ushort##suffix)(CUPY_LP h) {               \
        return cupy_host_detail::float_to_int<unsigned short>(CUPY_LP_T::to_float(h), mode);       \
    }                                                                                               \
    inline long long CUPY_LP_CAT(__, CUPY_LP_NAME, 2ll##suffix)(CUPY_LP h) {                        \
        return cupy_host_detail::float_to_int<long long>(CUPY_LP_T::to_float(h), mode);            \
    }                                                                                               \
    inline unsigned long long CUPY_LP_CAT(__, CUPY_LP_NAME, 2ull##suffix)(CUPY_LP h) {              \
        return cupy_host_detail::float_to_int<unsigned long long>(CUPY_LP_T::to_float(h), mode);   \
    }                                                                                               \
    inline CUPY_LP CUPY_LP_CAT(__int2, CUPY_LP_NAME, suffix)(int v) {                               \
        return cupy_host_detail::lp_from_int<CUPY_LP>(v, mode);                                     \
    }                                                                                               \
    inline CUPY_LP CUPY_LP_CAT(__uint2, CUPY_LP_NAME, suffix)(unsigned int v) {                     \
        return cupy_host_detail::lp_from_int<CUPY_LP>(v, mode);                                     \
    }                                                                                               \
    inline CUPY_LP CUPY_LP_CAT(__short2, CUPY_LP_NAME, suffix)(short v) {                           \
        return cupy_host_detail::lp_from_int<CUPY_LP>(v, mode);                                     \
    }                                                                                               \
    inline CUPY_LP CUPY_LP_CAT(__ushort2, CUPY_LP_NAME, suffix)(unsigned short v) {                 \
        return cupy_host_detail::lp_from_int<CUPY_LP>(v, mode);                                     \
    }                                                                                               \
    inline CUPY_LP CUPY_LP_CAT(__ll2, CUPY_LP_NAME, suffix)(long long v) {                          \
        return cupy_host_detail::lp_from_int<CUPY_LP>(v, mode);                                     \
    }                                                                                               \
    inline CUPY_LP CUPY_LP_CAT(__ull2, CUPY_LP_NAME, suffix)(unsigned long long v) {                \
        return cupy_host_detail::lp_from_int<CUPY_LP>(v, mode);                                     \
    }                                                                                               \
    inline CUPY_LP CUPY_LP_CAT(__float2, CUPY_LP_NAME, suffix)(float v) {                           \
        return cupy_host_detail::lp_round<CUPY_LP>((double)v, mode);                                \
    }
CUPY_LP_INT_CONVERSIONS(_rn, FE_TONEAREST)
CUPY_LP_INT_CONVERSIONS(_rz, FE_TOWARDZERO)
CUPY_LP_INT_CONVERSIONS(_ru, FE_UPWARD)
CUPY_LP_INT_CONVERSIONS(_rd, FE_DOWNWARD)
#undef CUPY_LP_INT_CONVERSIONS
inline char CUPY_LP_CAT(__, CUPY_LP_NAME, 2char_rz)(CUPY_LP h) {
    return (char)cupy_host_detail::float_to_int<signed char>(CUPY_LP_T::to_float(h), FE_TOWARDZERO);
}
inline unsigned char CUPY_LP_CAT(__, CUPY_LP_NAME, 2uchar_rz)(CUPY_LP h) {
    return cupy_host_detail::float_to_int<unsigned char>(CUPY_LP_T::to_float(h), FE_TOWARDZERO);
}
inline CUPY_LP CUPY_LP_CAT(__float2, CUPY_LP_NAME, )(float v) { return CUPY_LP_T::from_float_rn(v); }
inline CUPY_LP CUPY_LP_CAT(__double2, CUPY_LP_NAME, )(double v) { return CUPY_LP_T::from_double_rn(v); }
inline float __low2float(CUPY_LP2 h) { return CUPY_LP_T::to_float(h.x); }
inline float __high2float(CUPY_LP2 h) { return CUPY_LP_T::to_float(h.y); }

// --- pairs ---------------------------------------------------------------------------------------
inline CUPY_LP2 CUPY_LP_CAT(make_, CUPY_LP_PAIR, )(CUPY_LP x, CUPY_LP y) { return CUPY_LP2{x, y}; }
inline CUPY_LP2 CUPY_LP_CAT(__halves2, CUPY_LP_PAIR, )(CUPY_LP x, CUPY_LP y) { return CUPY_LP2{x, y}; }
inline CUPY_LP2 CUPY_LP_CAT4(__, CUPY_LP_NAME, 2, CUPY_LP_PAIR)(CUPY_LP x) { return CUPY_LP2{x, x}; }
inline CUPY_LP2 CUPY_LP_CAT(__float2, CUPY_LP_PAIR, _rn)(float f) {
    CUPY_LP h = CUPY_LP_T::from_float_rn(f);
    return CUPY_LP2{h, h};
}
inline CUPY_LP2 CUPY_LP_CAT(__floats2, CUPY_LP_PAIR, _rn)(float a, float b) {
    return CUPY_LP2{CUPY_LP_T::from_float_rn(a), CUPY_LP_T::from_float_rn(b)};
}
inline CUPY_LP2 CUPY_LP_CAT(__float22, CUPY_LP_PAIR, _rn)(float2 f) {
    return CUPY_LP2{CUPY_LP_T::from_float_rn(f.x), CUPY_LP_T::from_float_rn(f.y)};
}
inline float2 CUPY_LP_CAT(__, CUPY_LP_PAIR, 2float2)(CUPY_LP2 h) {
    return float2{CUPY_LP_T::to_float(h.x), CUPY_LP_T::to_float(h.y)};
}
inline CUPY_LP CUPY_LP_CAT(__low2, CUPY_LP_NAME, )(CUPY_LP2 h) { return h.x; }
inline CUPY_LP CUPY_LP_CAT(__high2, CUPY_LP_NAME, )(CUPY_LP2 h) { return h.y; }
inline CUPY_LP2 CUPY_LP_CAT(__low2, CUPY_LP_PAIR, )(CUPY_LP2 h) { return CUPY_LP2{h.x, h.x}; }
inline CUPY_LP2 CUPY_LP_CAT(__high2, CUPY_LP_PAIR, )(CUPY_LP2 h) { return CUPY_LP2{h.y, h.y}; }
inline CUPY_LP2 CUPY_LP_CAT(__lows2, CUPY_LP_PAIR, )(CUPY_LP2 a, CUPY_LP2 b) { return CUPY_LP2{a.x, b.x}; }
inline CUPY_LP2 CUPY_LP_CAT(__highs2, CUPY_LP_PAIR, )(CUPY_LP2 a, CUPY_LP2 b) { return CUPY_LP2{a.y, b.y}; }
inline CUPY_LP2 __lowhigh2highlow(CUPY_LP2 h) { return CUPY_LP2{h.y, h.x}; }

#define CUPY_LP_PAIR_BINARY(name, scalar)                                                          \
    inline CUPY_LP2 name(CUPY_LP2 a, CUPY_LP2 b) { return CUPY_LP2{scalar(a.x, b.x), scalar(a.y, b.y)}; }
CUPY_LP_PAIR_BINARY(__hadd2, __hadd)
CUPY_LP_PAIR_BINARY(__hsub2, __hsub)
CUPY_LP_PAIR_BINARY(__hmul2, __hmul)
CUPY_LP_PAIR_BINARY(__h2div, __hdiv)
CUPY_LP_PAIR_BINARY(__hadd2_rn, __hadd)
CUPY_LP_PAIR_BINARY(__hsub2_rn, __hsub)
CUPY_LP_PAIR_BINARY(__hmul2_rn, __hmul)
CUPY_LP_PAIR_BINARY(__hadd2_sat, __hadd_sat)
CUPY_LP_PAIR_BINARY(__hsub2_sat, __hsub_sat)
CUPY_LP_PAIR_BINARY(__hmul2_sat, __hmul_sat)
CUPY_LP_PAIR_BINARY(__hmax2, __hmax)
CUPY_LP_PAIR_BINARY(__hmin2, __hmin)
CUPY_LP_PAIR_BINARY(__hmax2_nan, __hmax_nan)
CUPY_LP_PAIR_BINARY(__hmin2_nan, __hmin_nan)
CUPY_LP_PAIR_BINARY(operator+, __hadd)
CUPY_LP_PAIR_BINARY(operator-, __hsub)
CUPY_LP_PAIR_BINARY(operator*, __hmul)
CUPY_LP_PAIR_BINARY(operator/, __hdiv)
#undef CUPY_LP_PAIR_BINARY
inline CUPY_LP2& operator+=(CUPY_LP2& a, CUPY_LP2 b) { return a = a + b; }
inline CUPY_LP2& operator-=(CUPY_LP2& a, CUPY_LP2 b) { return a = a - b; }
inline CUPY_LP2& operator*=(CUPY_LP2& a, CUPY_LP2 b) { return a = a * b; }
inline CUPY_LP2& operator/=(CUPY_LP2& a, CUPY_LP2 b) { return a = a / b; }
inline CUPY_LP2 operator-(CUPY_LP2 a) { return CUPY_LP2{-a.x, -a.y}; }
inline CUPY_LP2 operator+(CUPY_LP2 a) { return a; }
inline bool operator==(CUPY_LP2 a, CUPY_LP2 b) { return a.x == b.x && a.y == b.y; }
inline bool operator!=(CUPY_LP2 a, CUPY_LP2 b) { return a.x != b.x && a.y != b.y; }  // CUDA: both lanes
inline bool operator<(CUPY_LP2 a, CUPY_LP2 b) { return a.x < b.x && a.y < b.y; }
inline bool operator<=(CUPY_LP2 a, CUPY_LP2 b) { return a.x <= b.x && a.y <= b.y; }
inline bool operator>(CUPY_LP2 a, CUPY_LP2 b) { return a.x > b.x && a.y > b.y; }
inline bool operator>=(CUPY_LP2 a, CUPY_LP2 b) { return a.x >= b.x && a.y >= b.y; }
inline CUPY_LP2 __hneg2(CUPY_LP2 a) { return -a; }
inline CUPY_LP2 __habs2(CUPY_LP2 a) { return CUPY_LP2{__habs(a.x), __habs(a.y)}; }
inline CUPY_LP2 __hfma2(CUPY_LP2 a, CUPY_LP2 b, CUPY_LP2 c) {
    return CUPY_LP2{__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y)};
}
inline CUPY_LP2 __hfma2_sat(CUPY_LP2 a, CUPY_LP2 b, CUPY_LP2 c) {
    return CUPY_LP2{__hfma_sat(a.x, b.x, c.x), __hfma_sat(a.y, b.y, c.y)};
}
inline CUPY_LP2 __hfma2_relu(CUPY_LP2 a, CUPY_LP2 b, CUPY_LP2 c) {
    return CUPY_LP2{__hfma_relu(a.x, b.x, c.x), __hfma_relu(a.y, b.y, c.y)};
}
// Complex multiply-add: (a.x + i a.y)(b.x + i b.y) + (c.x + i c.y), fused per component.
inline CUPY_LP2 __hcmadd(CUPY_LP2 a, CUPY_LP2 b, CUPY_LP2 c) {
    CUPY_LP re = __hfma(-a.y, b.y, __hfma(a.x, b.x, c.x));
    CUPY_LP im = __hfma(a.y, b.x, __hfma(a.x, b.y, c.y));
    return CUPY_LP2{re, im};
}
inline CUPY_LP2 __hisnan2(CUPY_LP2 a) {
    return CUPY_LP2{CUPY_LP_T::from_float_rn(__hisnan(a.x) ? 1.0f : 0.0f),
                    CUPY_LP_T::from_float_rn(__hisnan(a.y) ? 1.0f : 0.0f)};
}

// Lane-wise comparisons: 1.0/0.0 per lane (__heq2), all-ones/zero masks (__heq2_mask), or
// whether both lanes hold (__hbeq2).
#define CUPY_LP_PAIR_COMPARE(op)                                                                    \
    inline CUPY_LP2 __h##op##2(CUPY_LP2 a, CUPY_LP2 b) {                                            \
        return CUPY_LP2{CUPY_LP_T::from_float_rn(__h##op(a.x, b.x) ? 1.0f : 0.0f),                  \
                        CUPY_LP_T::from_float_rn(__h##op(a.y, b.y) ? 1.0f : 0.0f)};                 \
    }                                                                                               \
    inline unsigned int __h##op##2_mask(CUPY_LP2 a, CUPY_LP2 b) {                                   \
        return (__h##op(a.x, b.x) ? 0xffffu : 0u) | (__h##op(a.y, b.y) ? 0xffff0000u : 0u);          \
    }                                                                                               \
    inline bool __hb##op##2(CUPY_LP2 a, CUPY_LP2 b) { return __h##op(a.x, b.x) && __h##op(a.y, b.y); }
CUPY_LP_PAIR_COMPARE(eq)
CUPY_LP_PAIR_COMPARE(ne)
CUPY_LP_PAIR_COMPARE(lt)
CUPY_LP_PAIR_COMPARE(le)
CUPY_LP_PAIR_COMPARE(gt)
CUPY_LP_PAIR_COMPARE(ge)
CUPY_LP_PAIR_COMPARE(equ)
CUPY_LP_PAIR_COMPARE(neu)
CUPY_LP_PAIR_COMPARE(ltu)
CUPY_LP_PAIR_COMPARE(leu)
CUPY_LP_PAIR_COMPARE(gtu)
CUPY_LP_PAIR_COMPARE(geu)
#undef CUPY_LP_PAIR_COMPARE

#define CUPY_LP_PAIR_MATH(name)                                                                     \
    inline CUPY_LP2 h2##name(CUPY_LP2 a) { return CUPY_LP2{h##name(a.x), h##name(a.y)}; }
CUPY_LP_PAIR_MATH(exp)
CUPY_LP_PAIR_MATH(exp2)
CUPY_LP_PAIR_MATH(exp10)
CUPY_LP_PAIR_MATH(log)
CUPY_LP_PAIR_MATH(log2)
CUPY_LP_PAIR_MATH(log10)
CUPY_LP_PAIR_MATH(sqrt)
CUPY_LP_PAIR_MATH(rsqrt)
CUPY_LP_PAIR_MATH(rcp)
CUPY_LP_PAIR_MATH(sin)
CUPY_LP_PAIR_MATH(cos)
CUPY_LP_PAIR_MATH(tanh)
CUPY_LP_PAIR_MATH(tanh_approx)
CUPY_LP_PAIR_MATH(trunc)
CUPY_LP_PAIR_MATH(floor)
CUPY_LP_PAIR_MATH(ceil)
CUPY_LP_PAIR_MATH(rint)
#undef CUPY_LP_PAIR_MATH

// --- atomics -------------------------------------------------------------------------------------
inline CUPY_LP atomicAdd(CUPY_LP* a, CUPY_LP v) {
    return cupy_host_detail::atomic_update(a, [v](CUPY_LP o) { return o + v; });
}
inline CUPY_LP2 atomicAdd(CUPY_LP2* a, CUPY_LP2 v) {
    return cupy_host_detail::atomic_update(a, [v](CUPY_LP2 o) { return o + v; });
}

#undef CUPY_LP_T
#undef CUPY_LP_CAT
#undef CUPY_LP_CAT_
#undef CUPY_LP_CAT4
#undef CUPY_LP_CAT4_
