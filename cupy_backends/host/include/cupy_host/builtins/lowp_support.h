// Rounding helpers shared by the 16-bit floating types (__half, __nv_bfloat16).
#ifndef CUPY_HOST_BUILTINS_LOWP_SUPPORT_H
#define CUPY_HOST_BUILTINS_LOWP_SUPPORT_H

#include <cfenv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "cupy_host/builtins/rounding.h"

namespace cupy_host_detail {

// Specialised by each 16-bit type: to_float, from_float_rn, from_double_rn (both correctly
// rounded, ties to even), bits, from_bits, canonical_nan.
template <typename LP>
struct lp_traits;

// Sets the last significand bit of an inexact value: rounding a "round-to-odd" intermediate to a
// format at least two bits narrower gives the correctly rounded result in every rounding mode.
inline double force_odd(double v) {
    uint64_t u;
    std::memcpy(&u, &v, 8);
    u |= 1u;
    std::memcpy(&v, &u, 8);
    return v;
}
inline float force_odd(float v) {
    uint32_t u;
    std::memcpy(&u, &v, 4);
    u |= 1u;
    std::memcpy(&v, &u, 4);
    return v;
}

// a*b + c rounded to odd in double.
inline double fma_round_to_odd(double a, double b, double c) {
    double lo = rounded_fma(FE_DOWNWARD, a, b, c);
    double hi = rounded_fma(FE_UPWARD, a, b, c);
    if (lo == hi || std::isnan(lo)) return lo;  // exact
    return force_odd(std::fabs(lo) < std::fabs(hi) ? lo : hi);  // the value rounded towards zero
}

// Round a double to LP in the given mode: the nearest value, then one step where a directed mode
// asks for the other neighbour.
template <typename LP>
inline LP lp_round(double d, int mode) {
    using T = lp_traits<LP>;
    LP r = T::from_double_rn(d);
    if (mode == FE_TONEAREST || std::isnan(d)) return r;
    double rv = (double)T::to_float(r);
    if (rv == d) return r;
    bool up = rv < d && (mode == FE_UPWARD || (mode == FE_TOWARDZERO && d < 0));
    bool down = rv > d && (mode == FE_DOWNWARD || (mode == FE_TOWARDZERO && d > 0));
    unsigned short b = T::bits(r);
    bool neg = (b & 0x8000u) != 0, zero = (b & 0x7fffu) == 0;
    if (up) b = zero ? 0x0001 : (neg ? b - 1 : b + 1);
    else if (down) b = zero ? 0x8001 : (neg ? b + 1 : b - 1);
    return T::from_bits(b);
}

// Integer to LP in the given mode; 64-bit values go through a round-to-odd double.
template <typename LP, typename I>
inline LP lp_from_int(I v, int mode) {
    double d = (double)v;
    if (sizeof(I) == 8) {
        d = rounded_convert<double>(FE_TOWARDZERO, v);
        if ((I)d != v) d = force_odd(d);
    }
    return lp_round<LP>(d, mode);
}

}  // namespace cupy_host_detail

#endif  // CUPY_HOST_BUILTINS_LOWP_SUPPORT_H
