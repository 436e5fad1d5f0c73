// Uses every name of the host device's built-in library, so that one compilation with NVRTC
// (sm_90) shows they are all real CUDA names and one with g++ shows the host declares them all.
#include <cuda_fp16.h>
#include <cuda_bf16.h>
#include <math_constants.h>

template <typename LP, typename LP2>
__device__ float lowp_api(LP a, LP b, LP2 p, LP2 q, unsigned int* u) {
    LP r = __hadd(a, b) + __hsub(a, b) + __hmul(a, b) + __hdiv(a, b) + __hfma(a, b, a);
    r += __hadd_rn(a, b) + __hsub_rn(a, b) + __hmul_rn(a, b) + __hneg(a) + __habs(a);
    r += __hadd_sat(a, b) + __hsub_sat(a, b) + __hmul_sat(a, b) + __hfma_sat(a, b, a) + __hfma_relu(a, b, a);
    r += __hmax(a, b) + __hmin(a, b) + __hmax_nan(a, b) + __hmin_nan(a, b);
    r += hexp(a) + hexp2(a) + hexp10(a) + hlog(a) + hlog2(a) + hlog10(a) + hsqrt(a) + hrsqrt(a) + hrcp(a);
    r += hsin(a) + hcos(a) + htanh(a) + htanh_approx(a) + htrunc(a) + hfloor(a) + hceil(a) + hrint(a);
    r = -r;
    r -= a; r *= b; r /= b; ++r; --r; r++; r--;
    bool c = __heq(a, b) || __hne(a, b) || __hlt(a, b) || __hle(a, b) || __hgt(a, b) || __hge(a, b) ||
             __hequ(a, b) || __hneu(a, b) || __hltu(a, b) || __hleu(a, b) || __hgtu(a, b) || __hgeu(a, b) ||
             __hisnan(a) || __hisinf(a) || a == b || a != b || a < b || a <= b || a > b || a >= b;
    LP2 s = __hadd2(p, q) + __hsub2(p, q) + __hmul2(p, q) + __h2div(p, q) + __hfma2(p, q, p);
    s += __hadd2_rn(p, q) + __hsub2_rn(p, q) + __hmul2_rn(p, q) + __hadd2_sat(p, q) + __hsub2_sat(p, q);
    s += __hmul2_sat(p, q) + __hfma2_sat(p, q, p) + __hfma2_relu(p, q, p) + __hneg2(p) + __habs2(p);
    s += __hmax2(p, q) + __hmin2(p, q) + __hmax2_nan(p, q) + __hmin2_nan(p, q) + __hcmadd(p, q, p);
    s += __heq2(p, q) + __hne2(p, q) + __hlt2(p, q) + __hle2(p, q) + __hgt2(p, q) + __hge2(p, q);
    s += __hequ2(p, q) + __hneu2(p, q) + __hltu2(p, q) + __hleu2(p, q) + __hgtu2(p, q) + __hgeu2(p, q);
    s += __hisnan2(p) + __lowhigh2highlow(p) - s;
    s *= q; s /= q; s -= p; s = -s;
    s += h2exp(p) + h2exp2(p) + h2exp10(p) + h2log(p) + h2log2(p) + h2log10(p) + h2sqrt(p) + h2rsqrt(p);
    s += h2rcp(p) + h2sin(p) + h2cos(p) + h2tanh(p) + h2tanh_approx(p) + h2trunc(p) + h2floor(p);
    s += h2ceil(p) + h2rint(p);
    *u = __heq2_mask(p, q) ^ __hne2_mask(p, q) ^ __hlt2_mask(p, q) ^ __hle2_mask(p, q) ^
         __hgt2_mask(p, q) ^ __hge2_mask(p, q) ^ __hequ2_mask(p, q) ^ __hneu2_mask(p, q) ^
         __hltu2_mask(p, q) ^ __hleu2_mask(p, q) ^ __hgtu2_mask(p, q) ^ __hgeu2_mask(p, q);
    c = c || __hbeq2(p, q) || __hbne2(p, q) || __hblt2(p, q) || __hble2(p, q) || __hbgt2(p, q) ||
        __hbge2(p, q) || __hbequ2(p, q) || __hbneu2(p, q) || __hbltu2(p, q) || __hbleu2(p, q) ||
        __hbgtu2(p, q) || __hbgeu2(p, q) || p == q || p != q || p < q || p <= q || p > q || p >= q;
    atomicAdd(&p, q);
    atomicAdd(&a, b);
    return __low2float(s) + __high2float(s) + (float)r + (c ? 1.0f : 0.0f);
}

__device__ long long half_conversions(__half h, float f, double d) {
    long long r = __half2int_rn(h) + __half2int_rz(h) + __half2int_ru(h) + __half2int_rd(h);
    r += __half2uint_rn(h) + __half2uint_rz(h) + __half2uint_ru(h) + __half2uint_rd(h);
    r += __half2short_rn(h) + __half2short_rz(h) + __half2short_ru(h) + __half2short_rd(h);
    r += __half2ushort_rn(h) + __half2ushort_rz(h) + __half2ushort_ru(h) + __half2ushort_rd(h);
    r += __half2ll_rn(h) + __half2ll_rz(h) + __half2ll_ru(h) + __half2ll_rd(h);
    r += __half2ull_rn(h) + __half2ull_rz(h) + __half2ull_ru(h) + __half2ull_rd(h);
    r += __half2char_rz(h) + __half2uchar_rz(h) + __half_as_short(h) + __half_as_ushort(h);
    __half s = __int2half_rn(1) + __int2half_rz(1) + __int2half_ru(1) + __int2half_rd(1);
    s += __uint2half_rn(1u) + __uint2half_rz(1u) + __uint2half_ru(1u) + __uint2half_rd(1u);
    s += __short2half_rn(1) + __short2half_rz(1) + __short2half_ru(1) + __short2half_rd(1);
    s += __ushort2half_rn(1) + __ushort2half_rz(1) + __ushort2half_ru(1) + __ushort2half_rd(1);
    s += __ll2half_rn(1) + __ll2half_rz(1) + __ll2half_ru(1) + __ll2half_rd(1);
    s += __ull2half_rn(1) + __ull2half_rz(1) + __ull2half_ru(1) + __ull2half_rd(1);
    s += __float2half(f) + __float2half_rn(f) + __float2half_rz(f) + __float2half_ru(f) + __float2half_rd(f);
    s += __double2half(d) + __short_as_half(1) + __ushort_as_half(1) + __low2half(__halves2half2(s, h));
    s += __high2half(__float2half2_rn(f)) + __low2half(__floats2half2_rn(f, f)) + __low2half(__half2half2(h));
    s += __low2half(__low2half2(__high2half2(__lows2half2(__highs2half2(make_half2(h, h), __float22half2_rn(make_float2(f, f))), __half2half2(h)))));
    float2 f2 = __half22float2(make_half2(h, s));
    half hh = s;
    half2 h2 = __half2half2(hh);
    __half_raw raw = hh;
    __half2_raw raw2 = h2;
    hh = raw;
    h2 = raw2;
    return r + (long long)__half2float(hh) + (long long)f2.x + (long long)__low2float(h2);
}

__device__ long long bfloat16_conversions(__nv_bfloat16 h, float f, double d) {
    long long r = __bfloat162int_rn(h) + __bfloat162int_rz(h) + __bfloat162int_ru(h) + __bfloat162int_rd(h);
    r += __bfloat162uint_rn(h) + __bfloat162uint_rz(h) + __bfloat162uint_ru(h) + __bfloat162uint_rd(h);
    r += __bfloat162short_rn(h) + __bfloat162short_rz(h) + __bfloat162short_ru(h) + __bfloat162short_rd(h);
    r += __bfloat162ushort_rn(h) + __bfloat162ushort_rz(h) + __bfloat162ushort_ru(h) + __bfloat162ushort_rd(h);
    r += __bfloat162ll_rn(h) + __bfloat162ll_rz(h) + __bfloat162ll_ru(h) + __bfloat162ll_rd(h);
    r += __bfloat162ull_rn(h) + __bfloat162ull_rz(h) + __bfloat162ull_ru(h) + __bfloat162ull_rd(h);
    r += __bfloat162char_rz(h) + __bfloat162uchar_rz(h) + __bfloat16_as_short(h) + __bfloat16_as_ushort(h);
    __nv_bfloat16 s = __int2bfloat16_rn(1) + __int2bfloat16_rz(1) + __int2bfloat16_ru(1) + __int2bfloat16_rd(1);
    s += __uint2bfloat16_rn(1u) + __uint2bfloat16_rz(1u) + __uint2bfloat16_ru(1u) + __uint2bfloat16_rd(1u);
    s += __short2bfloat16_rn(1) + __short2bfloat16_rz(1) + __short2bfloat16_ru(1) + __short2bfloat16_rd(1);
    s += __ushort2bfloat16_rn(1) + __ushort2bfloat16_rz(1) + __ushort2bfloat16_ru(1) + __ushort2bfloat16_rd(1);
    s += __ll2bfloat16_rn(1) + __ll2bfloat16_rz(1) + __ll2bfloat16_ru(1) + __ll2bfloat16_rd(1);
    s += __ull2bfloat16_rn(1) + __ull2bfloat16_rz(1) + __ull2bfloat16_ru(1) + __ull2bfloat16_rd(1);
    s += __float2bfloat16(f) + __float2bfloat16_rn(f) + __float2bfloat16_rz(f) + __float2bfloat16_ru(f);
    s += __float2bfloat16_rd(f) + __double2bfloat16(d) + __short_as_bfloat16(1) + __ushort_as_bfloat16(1);
    s += __low2bfloat16(__halves2bfloat162(s, h)) + __high2bfloat16(__float2bfloat162_rn(f));
    s += __low2bfloat16(__floats2bfloat162_rn(f, f)) + __low2bfloat16(__bfloat162bfloat162(h));
    s += __low2bfloat16(__low2bfloat162(__high2bfloat162(__lows2bfloat162(__highs2bfloat162(make_bfloat162(h, h), __float22bfloat162_rn(make_float2(f, f))), __bfloat162bfloat162(h)))));
    float2 f2 = __bfloat1622float2(make_bfloat162(h, s));
    nv_bfloat16 hh = s;
    nv_bfloat162 h2 = __bfloat162bfloat162(hh);
    __nv_bfloat16_raw raw = hh;
    __nv_bfloat162_raw raw2 = h2;
    hh = raw;
    h2 = raw2;
    return r + (long long)__bfloat162float(hh) + (long long)f2.x + (long long)__low2float(h2);
}

__device__ float math_api(float f, double d, int* i) {
    float sf, cf;
    double sd, cd;
    sincosf(f, &sf, &cf);
    sincos(d, &sd, &cd);
    sincospif(f, &sf, &cf);
    sincospi(d, &sd, &cd);
    __sincosf(f, &sf, &cf);
    double v[3] = {d, d, d};
    float w[3] = {f, f, f};
    float r = sinpif(f) + cospif(f) + rsqrtf(f) + rcbrtf(f) + normcdff(f) + normcdfinvf(f) + erfinvf(f);
    r += erfcinvf(f) + erfcxf(f) + exp10f(f) + cyl_bessel_i0f(f) + cyl_bessel_i1f(f) + norm3df(f, f, f);
    r += norm4df(f, f, f, f) + rnorm3df(f, f, f) + rnorm4df(f, f, f, f) + rhypotf(f, f) + normf(3, w);
    r += rnormf(3, w) + fdividef(f, f) + __fdividef(f, f) + __saturatef(f);
    r += __expf(f) + __logf(f) + __sinf(f) + __cosf(f) + __powf(f, f) + __exp10f(f) + __log2f(f);
    r += __log10f(f) + __tanf(f);
    double s = sinpi(d) + cospi(d) + rsqrt(d) + rcbrt(d) + normcdf(d) + normcdfinv(d) + erfinv(d);
    s += erfcinv(d) + erfcx(d) + exp10(d) + cyl_bessel_i0(d) + cyl_bessel_i1(d) + norm3d(d, d, d);
    s += norm4d(d, d, d, d) + rnorm3d(d, d, d) + rnorm4d(d, d, d, d) + rhypot(d, d) + norm(3, v) + rnorm(3, v);
    // C math with float overloads, unqualified.
    float g = sqrt(f) + fabs(f) + fmin(f, f) + fmax(f, f) + copysign(f, f) + nextafter(f, f) + hypot(f, f);
    g += lgamma(f) + tgamma(f) + ldexp(f, 2) + frexp(f, i) + modf(f, &sf) + exp(f) + log(f) + pow(f, f);
    g += (isnan(f) || isinf(f) || isfinite(f) || signbit(f)) ? 1.0f : 0.0f;
    s += (isnan(d) || isinf(d) || isfinite(d) || signbit(d)) ? 1.0 : 0.0;
    return r + (float)s + g + CUDART_PI_F + CUDART_INF_F + CUDART_NAN_F + (float)(CUDART_PI + CUDART_INF + CUDART_NAN);
}

#define ROUNDED(sfx)                                                                               \
    r += __fadd##sfx(f, f) + __fsub##sfx(f, f) + __fmul##sfx(f, f) + __fdiv##sfx(f, f);             \
    r += __fsqrt##sfx(f) + __frcp##sfx(f) + __fmaf##sfx(f, f, f) + __double2float##sfx(d);         \
    r += __int2float##sfx(1) + __uint2float##sfx(1u) + __ll2float##sfx(1) + __ull2float##sfx(1);    \
    s += __dadd##sfx(d, d) + __dsub##sfx(d, d) + __dmul##sfx(d, d) + __ddiv##sfx(d, d);             \
    s += __dsqrt##sfx(d) + __drcp##sfx(d) + __fma##sfx(d, d, d) + __ll2double##sfx(1) + __ull2double##sfx(1); \
    n += __float2int##sfx(f) + __float2uint##sfx(f) + __float2ll##sfx(f) + __float2ull##sfx(f);    \
    n += __double2int##sfx(d) + __double2uint##sfx(d) + __double2ll##sfx(d) + __double2ull##sfx(d);

__device__ double rounding_api(float f, double d) {
    float r = 0;
    double s = __int2double_rn(1) + __uint2double_rn(1u);
    long long n = 0;
    ROUNDED(_rn) ROUNDED(_rz) ROUNDED(_ru) ROUNDED(_rd)
    return r + s + (double)n;
}

__device__ unsigned long long integer_api(int a, unsigned int b, long long c, unsigned long long d) {
    unsigned long long r = __popc(b) + __popcll(d) + __clz(a) + __clzll(c) + __ffs(a) + __ffsll(c);
    r += __brev(b) + __brevll(d) + __byte_perm(b, b, b) + __funnelshift_l(b, b, b) + __funnelshift_lc(b, b, b);
    r += __funnelshift_r(b, b, b) + __funnelshift_rc(b, b, b) + __mul24(a, a) + __umul24(b, b);
    r += __mulhi(a, a) + __umulhi(b, b) + __mul64hi(c, c) + __umul64hi(d, d) + __sad(a, a, b) + __usad(b, b, b);
    r += __hadd(a, a) + __rhadd(a, a) + __uhadd(b, b) + __urhadd(b, b);
    r += min(a, a) + max(a, a) + min(a, b) + max(b, a) + min(b, b) + min(c, c) + max(d, d) + min(c, d);
    r += umin(b, b) + umax(b, b) + llmin(c, c) + llmax(c, c) + ullmin(d, d) + ullmax(d, d) + abs(a) + llabs(c);
    r += (unsigned long long)(min(1.0f, 2.0f) + max(1.0, 2.0) + min(1.0f, 2.0) + max(2.0, 1.0f));
    r += __float_as_int(1.0f) + __float_as_uint(1.0f) + (int)__int_as_float(a) + (int)__uint_as_float(b);
    r += __double_as_longlong(1.0) + (long long)__longlong_as_double(c) + __double2hiint(1.0) + __double2loint(1.0);
    r += (long long)__hiloint2double(a, a);
    r += __ldg(&b) + __ldca(&b) + __ldcg(&b) + __ldcs(&b) + __ldlu(&b) + __ldcv(&b);
    unsigned int t = b;
    __stwb(&t, b); __stcg(&t, b); __stcs(&t, b); __stwt(&t, b);
    return r + t;
}

__device__ void atomics_api(int* i, unsigned int* u, long long* l, unsigned long long* ull, float* f,
                            double* d, unsigned short* us) {
    atomicAdd(i, 1); atomicAdd(u, 1u); atomicAdd(ull, 1ull); atomicAdd(f, 1.0f); atomicAdd(d, 1.0);
    atomicSub(i, 1); atomicSub(u, 1u);
    atomicExch(i, 1); atomicExch(u, 1u); atomicExch(ull, 1ull); atomicExch(f, 1.0f);
    atomicMin(i, 1); atomicMin(u, 1u); atomicMin(l, 1ll); atomicMin(ull, 1ull);
    atomicMax(i, 1); atomicMax(u, 1u); atomicMax(l, 1ll); atomicMax(ull, 1ull);
    atomicInc(u, 1u); atomicDec(u, 1u);
    atomicCAS(i, 1, 2); atomicCAS(u, 1u, 2u); atomicCAS(ull, 1ull, 2ull); atomicCAS(us, (unsigned short)1, (unsigned short)2);
    atomicAnd(i, 1); atomicAnd(u, 1u); atomicAnd(ull, 1ull);
    atomicOr(i, 1); atomicOr(u, 1u); atomicOr(ull, 1ull);
    atomicXor(i, 1); atomicXor(u, 1u); atomicXor(ull, 1ull);
    atomicAdd_block(i, 1); atomicAdd_system(f, 1.0f); atomicSub_block(u, 1u); atomicExch_system(ull, 1ull);
    atomicMin_block(l, 1ll); atomicMax_system(u, 1u); atomicInc_block(u, 1u); atomicDec_system(u, 1u);
    atomicCAS_block(i, 1, 2); atomicAnd_system(ull, 1ull); atomicOr_block(u, 1u); atomicXor_system(i, 1);
}

__device__ unsigned int vector_api() {
    char1 a = make_char1(1); char2 b = make_char2(1, 2); char3 c = make_char3(1, 2, 3); char4 e = make_char4(1, 2, 3, 4);
    uchar4 ub = make_uchar4(1, 2, 3, 4); short4 s = make_short4(1, 2, 3, 4); ushort2 us = make_ushort2(1, 2);
    int4 i = make_int4(1, 2, 3, 4); uint3 u = make_uint3(1, 2, 3); long2 l = make_long2(1, 2);
    ulong1 ul = make_ulong1(1); longlong2 ll = make_longlong2(1, 2); ulonglong2 ull = make_ulonglong2(1, 2);
    float4 f = make_float4(1, 2, 3, 4); double2 d = make_double2(1, 2); double3 d3 = make_double3(1, 2, 3);
    dim3 g(2), h(u); uint3 back = h;
    return a.x + b.y + c.z + e.w + ub.x + s.w + us.y + i.w + u.z + l.y + ul.x + ll.y + ull.y + f.w + d.y + d3.z + (unsigned)make_double4_32a(1, 2, 3, 4).w + (unsigned)long4_16a{1, 2, 3, 4}.w + g.x + g.y + back.z;
}

extern "C" __global__ void every_builtin(float* out, unsigned int* u, __half* h, __nv_bfloat16* b,
                                        __half2* h2, __nv_bfloat162* b2, int* i, long long* l,
                                        unsigned long long* ull, double* d, unsigned short* us) {
    out[0] = lowp_api(h[0], h[1], h2[0], h2[1], u) + lowp_api(b[0], b[1], b2[0], b2[1], u);
    out[1] = (float)(half_conversions(h[0], out[2], d[0]) + bfloat16_conversions(b[0], out[2], d[0]));
    out[2] = math_api(out[3], d[0], i) + (float)rounding_api(out[4], d[1]);
    ull[0] = integer_api(i[0], u[0], l[0], ull[1]) + vector_api();
    atomics_api(i, u, l, ull, out, d, us);
}
