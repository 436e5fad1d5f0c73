// Samplers of cupy.random on top of one element's Philox stream (cupy/random/philox.cuh).
//
// Each function draws as many words as it needs from ``g``; rejection samplers loop per
// element. Continuous samplers work in double unless a float version is given, so float32
// results are rounded once.
#pragma once

#include <cupy/random/philox.cuh>

namespace cupy_random {

// --- uniform -------------------------------------------------------------------------------
// [0, 1) with 24 random bits: every value is exactly representable in float.
__device__ inline float uniform_float(Philox& g) {
    return (float)(g.next_u32() >> 8) * 5.9604644775390625e-08f;  // 2**-24
}

// [0, 1) with 53 random bits.
__device__ inline double uniform_double(Philox& g) {
    return (double)(g.next_u64() >> 11) * 1.1102230246251565e-16;  // 2**-53
}

// (0, 1): the midpoints of the 53-bit grid, for logarithms and ratios of u and 1 - u.
__device__ inline double uniform_open(Philox& g) {
    return ((double)(g.next_u64() >> 11) + 0.5) * 1.1102230246251565e-16;
}

template <typename T> __device__ inline T uniform(Philox& g);
template <> __device__ inline float uniform<float>(Philox& g) { return uniform_float(g); }
template <> __device__ inline double uniform<double>(Philox& g) { return uniform_double(g); }

// Uniform integer in [0, range] (range inclusive), exactly: masked rejection as NumPy's
// legacy generator does, with 32-bit words while the range fits in them.
__device__ inline unsigned long long bounded_uint64(Philox& g, unsigned long long range) {
    if (range == 0) return 0;
    unsigned long long mask = range;
    mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4;
    mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32;
    if (range <= 0xFFFFFFFFull) {
        unsigned int m = (unsigned int)mask, v;
        while ((v = (g.next_u32() & m)) > (unsigned int)range) {}
        return v;
    }
    unsigned long long v;
    while ((v = (g.next_u64() & mask)) > range) {}
    return v;
}

// --- normal and exponential ----------------------------------------------------------------
// Box-Muller; one of the pair is used so that each element owns its stream.
__device__ inline double standard_normal_double(Philox& g) {
    const double u1 = 1.0 - uniform_double(g);  // (0, 1]: log is finite
    const double u2 = uniform_double(g);
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

__device__ inline float standard_normal_float(Philox& g) {
    const float u1 = 1.0f - uniform_float(g);
    const float u2 = uniform_float(g);
    return sqrtf(-2.0f * logf(u1)) * cosf(6.2831855f * u2);
}

template <typename T> __device__ inline T standard_normal(Philox& g);
template <> __device__ inline float standard_normal<float>(Philox& g) {
    return standard_normal_float(g);
}
template <> __device__ inline double standard_normal<double>(Philox& g) {
    return standard_normal_double(g);
}

__device__ inline double standard_exponential_double(Philox& g) {
    return -log(1.0 - uniform_double(g));
}

__device__ inline float standard_exponential_float(Philox& g) {
    return -logf(1.0f - uniform_float(g));
}

template <typename T> __device__ inline T standard_exponential(Philox& g);
template <> __device__ inline float standard_exponential<float>(Philox& g) {
    return standard_exponential_float(g);
}
template <> __device__ inline double standard_exponential<double>(Philox& g) {
    return standard_exponential_double(g);
}

// --- gamma and beta ------------------------------------------------------------------------
// Marsaglia & Tsang (2000) for shape >= 1; shape < 1 through Gamma(shape + 1) * U**(1/shape).
__device__ inline double standard_gamma(Philox& g, double shape) {
    if (!(shape > 0.0)) return shape == 0.0 ? 0.0 : shape;  // 0 -> 0, NaN -> NaN
    double boost = 1.0;
    if (shape < 1.0) {
        boost = pow(uniform_open(g), 1.0 / shape);
        shape += 1.0;
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / sqrt(9.0 * d);
    for (;;) {
        double x, v;
        do {
            x = standard_normal_double(g);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = uniform_open(g);
        const double x2 = x * x;
        if (u < 1.0 - 0.0331 * x2 * x2) return boost * d * v;
        if (log(u) < 0.5 * x2 + d * (1.0 - v + log(v))) return boost * d * v;
    }
}

// Johnk's algorithm for a, b <= 1 (as NumPy, with its log-space fallback), else the ratio of
// two gamma variates.
__device__ inline double beta(Philox& g, double a, double b) {
    if (a <= 1.0 && b <= 1.0) {
        for (;;) {
            const double u = uniform_double(g), v = uniform_double(g);
            const double x = pow(u, 1.0 / a), y = pow(v, 1.0 / b);
            const double xy = x + y;
            if (xy <= 1.0 && u + v > 0.0) {
                if (xy > 0.0) return x / xy;
                double lx = log(u) / a, ly = log(v) / b;
                const double lm = lx > ly ? lx : ly;
                lx -= lm;
                ly -= lm;
                return exp(lx - log(exp(lx) + exp(ly)));
            }
        }
    }
    const double x = standard_gamma(g, a);
    const double y = standard_gamma(g, b);
    return x / (x + y);
}

// --- discrete ------------------------------------------------------------------------------
// log(k!) - (Stirling's series without its tail): the correction term of BTRS.
__device__ inline double stirling_tail(double k) {
    const double table[10] = {0.0810614667953272, 0.0413406959554092, 0.0276779256849983,
                              0.02079067210376509, 0.0166446911898211, 0.0138761288230707,
                              0.0118967099458917, 0.0104112652619720, 0.00925546218271273,
                              0.00833056343336287};
    if (k <= 9.0) return table[(int)k];
    const double kp1sq = (k + 1.0) * (k + 1.0);
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1.0);
}

// Binomial(n, p) for p <= 0.5: inversion (NumPy's) while n*p < 10, else Hormann's BTRS
// transformed rejection (1993).
__device__ inline long long binomial_small_p(Philox& g, long long n, double p) {
    if (n == 0 || p == 0.0) return 0;
    const double q = 1.0 - p;
    const double np = (double)n * p;
    if (np < 10.0) {
        const double qn = exp((double)n * log(q));
        const double bound = fmin((double)n, np + 10.0 * sqrt(np * q + 1.0));
        long long x = 0;
        double px = qn;
        double u = uniform_double(g);
        while (u > px) {
            ++x;
            if ((double)x > bound) {
                x = 0;
                px = qn;
                u = uniform_double(g);
            } else {
                u -= px;
                px = ((double)(n - x + 1) * p * px) / ((double)x * q);
            }
        }
        return x;
    }
    const double nd = (double)n;
    const double stddev = sqrt(np * q);
    const double b = 1.15 + 2.53 * stddev;
    const double a = -0.0873 + 0.0248 * b + 0.01 * p;
    const double c = np + 0.5;
    const double v_r = 0.92 - 4.2 / b;
    const double r = p / q;
    const double alpha = (2.83 + 5.1 / b) * stddev;
    const double m = floor((nd + 1.0) * p);
    for (;;) {
        const double u = uniform_double(g) - 0.5;
        double v = uniform_double(g);
        const double us = 0.5 - fabs(u);
        const double k = floor((2.0 * a / us + b) * u + c);
        if (k < 0.0 || k > nd) continue;
        if (us >= 0.07 && v <= v_r) return (long long)k;
        v = log(v * alpha / (a / (us * us) + b));
        const double upper = (m + 0.5) * log((m + 1.0) / (r * (nd - m + 1.0))) +
                             (nd + 1.0) * log((nd - m + 1.0) / (nd - k + 1.0)) +
                             (k + 0.5) * log(r * (nd - k + 1.0) / (k + 1.0)) +
                             stirling_tail(m) + stirling_tail(nd - m) - stirling_tail(k) -
                             stirling_tail(nd - k);
        if (v <= upper) return (long long)k;
    }
}

__device__ inline long long binomial(Philox& g, long long n, double p) {
    if (p <= 0.5) return binomial_small_p(g, n, p);
    return n - binomial_small_p(g, n, 1.0 - p);
}

// Poisson(lam): multiplication of uniforms for lam < 10, else Hormann's PTRS (1993), as NumPy.
__device__ inline long long poisson(Philox& g, double lam) {
    if (lam == 0.0) return 0;
    if (lam < 10.0) {
        const double enlam = exp(-lam);
        long long x = 0;
        double prod = 1.0;
        for (;;) {
            prod *= uniform_double(g);
            if (prod > enlam) ++x;
            else return x;
        }
    }
    const double slam = sqrt(lam);
    const double loglam = log(lam);
    const double b = 0.931 + 2.53 * slam;
    const double a = -0.059 + 0.02483 * b;
    const double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const double vr = 0.9277 - 3.6224 / (b - 2.0);
    for (;;) {
        const double u = uniform_double(g) - 0.5;
        const double v = uniform_double(g);
        const double us = 0.5 - fabs(u);
        const double k = floor((2.0 * a / us + b) * u + lam + 0.43);
        if (us >= 0.07 && v <= vr) return (long long)k;
        if (k < 0.0 || (us < 0.013 && v > us)) continue;
        if (log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + k * loglam - lgamma(k + 1.0))
            return (long long)k;
    }
}

// Geometric(p) on {1, 2, ...} by inversion of an exponential variate.
__device__ inline long long geometric(Philox& g, double p) {
    if (p >= 1.0) return 1;
    const double z = ceil(-standard_exponential_double(g) / log1p(-p));
    if (z >= 9.2e18) return 0x7FFFFFFFFFFFFFFFll;
    return z < 1.0 ? 1 : (long long)z;
}

}  // namespace cupy_random
