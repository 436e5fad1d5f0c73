"""Device helpers of the samplers added on top of ``cupy/random/distributions.cuh``.

They are CUDA C++ compiled, as a preamble, into the kernels that use them (``_kernels.py``)
and follow the algorithms of NumPy's ``Generator`` (``numpy/random/src/distributions``),
which also fix the legacy samplers' hangs (``zipf`` with a huge ``a``, ``vonmises`` with an
infinite ``kappa``) and their NaNs (``wald`` with an infinite ``scale``). Each helper draws what
it needs from the element's stream ``g``; rejection samplers loop per element.
"""

HELPERS = r"""
namespace cupy_random {

#define CUPY_RANDOM_PI 3.141592653589793
// NumPy's POISSON_LAM_MAX: above it a Poisson variate may not fit in int64.
#define CUPY_RANDOM_POISSON_LAM_MAX 9.2233720064847708e18

// (0, 1) on a grid of 2**-52 shifted by half a step: u and 1 - u are both exact and nonzero.
__device__ inline double uniform_open_exact(Philox& g) {
    return ((double)(g.next_u64() >> 12) + 0.5) * 2.220446049250313e-16;  // 2**-52
}

__device__ inline double chisquare_double(Philox& g, double df) {
    return 2.0 * standard_gamma(g, 0.5 * df);
}

// A Beta(a, b) variate v and its complement *w = 1 - v, the draws of ``beta``: w is computed
// as its own ratio, so it keeps its relative precision when v rounds to 1 (Dirichlet's stick
// breaking multiplies the complements, and 1.0 - v would make them 0).
__device__ inline double beta_and_complement(Philox& g, double a, double b, double* w) {
    if (a <= 1.0 && b <= 1.0) {
        for (;;) {
            const double u = uniform_double(g), v = uniform_double(g);
            const double x = pow(u, 1.0 / a), y = pow(v, 1.0 / b);
            const double xy = x + y;
            if (xy <= 1.0 && u + v > 0.0) {
                if (xy > 0.0) {
                    *w = y / xy;
                    return x / xy;
                }
                double lx = log(u) / a, ly = log(v) / b;
                const double lm = lx > ly ? lx : ly;
                lx -= lm;
                ly -= lm;
                const double lsum = log(exp(lx) + exp(ly));
                *w = exp(ly - lsum);
                return exp(lx - lsum);
            }
        }
    }
    const double x = standard_gamma(g, a);
    const double y = standard_gamma(g, b);
    *w = y / (x + y);
    return x / (x + y);
}

// Poisson with NumPy's results where the sampler is out of its range: 0 for NaN, the int64
// minimum beyond POISSON_LAM_MAX (the rejection loop would not end for an infinite lam).
__device__ inline long long poisson_any(Philox& g, double lam) {
    if (!(lam >= 0.0)) return 0;
    if (lam > CUPY_RANDOM_POISSON_LAM_MAX) return -9223372036854775807ll - 1;
    return poisson(g, lam);
}

// tan(pi (u - 1/2)) by inversion, as a cotangent in the tails so that large values keep
// their relative precision.
__device__ inline double standard_cauchy(Philox& g) {
    const double u = uniform_open_exact(g);
    if (u < 0.25) return -1.0 / tan(CUPY_RANDOM_PI * u);
    if (u > 0.75) return 1.0 / tan(CUPY_RANDOM_PI * (1.0 - u));
    return tan(CUPY_RANDOM_PI * (u - 0.5));
}

__device__ inline double standard_t(Philox& g, double df) {
    const double num = standard_normal_double(g);
    const double denom = standard_gamma(g, 0.5 * df);
    return sqrt(0.5 * df) * num / sqrt(denom);
}

__device__ inline double f_ratio(Philox& g, double dfnum, double dfden) {
    const double num = chisquare_double(g, dfnum) * dfden;
    return num / (chisquare_double(g, dfden) * dfnum);
}

// df > 1: a central chi-square plus a shifted normal squared; else a Poisson mixture.
__device__ inline double noncentral_chisquare(Philox& g, double df, double nonc) {
    if (isnan(nonc)) return nonc;
    if (nonc == 0.0) return chisquare_double(g, df);
    if (df > 1.0) {
        const double chi2 = chisquare_double(g, df - 1.0);
        const double n = standard_normal_double(g) + sqrt(nonc);
        return chi2 + n * n;
    }
    if (isinf(nonc)) return nonc;
    const long long i = poisson_any(g, 0.5 * nonc);
    return chisquare_double(g, df + 2.0 * (double)i);
}

__device__ inline double noncentral_f(Philox& g, double dfnum, double dfden, double nonc) {
    const double t = noncentral_chisquare(g, dfnum, nonc) * dfden;
    return t / (chisquare_double(g, dfden) * dfnum);
}

// Best & Fisher (1979); uniform for a tiny kappa, a wrapped normal for a huge one.
__device__ inline double vonmises(Philox& g, double mu, double kappa) {
    if (isnan(kappa)) return kappa;
    if (kappa < 1e-8) return CUPY_RANDOM_PI * (2.0 * uniform_double(g) - 1.0);
    double s;
    if (kappa < 1e-5) {
        s = 1.0 / kappa + kappa;  // second-order expansion: rho is 0 in double here
    } else if (kappa <= 1e6) {
        const double r = 1.0 + sqrt(1.0 + 4.0 * kappa * kappa);
        const double rho = (r - sqrt(2.0 * r)) / (2.0 * kappa);
        s = (1.0 + rho * rho) / (2.0 * rho);
    } else {
        double result = mu + sqrt(1.0 / kappa) * standard_normal_double(g);
        if (result < -CUPY_RANDOM_PI) result += 2.0 * CUPY_RANDOM_PI;
        if (result > CUPY_RANDOM_PI) result -= 2.0 * CUPY_RANDOM_PI;
        return result;
    }
    double w;
    for (;;) {
        const double z = cos(CUPY_RANDOM_PI * uniform_double(g));
        w = (1.0 + s * z) / (s + z);
        const double y = kappa * (s - w);
        const double v = uniform_double(g);
        // v == 0 is harmless: y >= 0 accepts in the first test, y < 0 rejects in both.
        if (y * (2.0 - y) - v >= 0.0 || log(y / v) + 1.0 - y >= 0.0) break;
    }
    double result = acos(w);
    if (uniform_double(g) < 0.5) result = -result;
    result += mu;
    const bool neg = result < 0.0;
    double mod = fmod(fabs(result) + CUPY_RANDOM_PI, 2.0 * CUPY_RANDOM_PI) - CUPY_RANDOM_PI;
    return neg ? -mod : mod;
}

// Michael, Schucany & Haas (1976). The smaller root of the quadratic is written as
// mean * ratio / (r + 1)**2 with r = sqrt(1 + ratio), free of cancellation for any ratio.
__device__ inline double wald(Philox& g, double mean, double scale) {
    const double n = standard_normal_double(g);
    const double y = mean * n * n;
    const double ratio = 4.0 * scale / y;
    double x;
    if (isinf(ratio)) {
        x = mean;
    } else {
        const double r = sqrt(1.0 + ratio);
        x = mean * ratio / ((r + 1.0) * (r + 1.0));
    }
    if (uniform_double(g) <= mean / (mean + x)) return x;
    return mean * mean / x;
}

// Devroye's rejection (Non-Uniform Random Variate Generation, 1986, p. 551) restricted to
// values that fit in int64.
__device__ inline long long zipf(Philox& g, double a) {
    if (a >= 1025.0) return 1;  // P(1) == 1 in double
    const double am1 = a - 1.0;
    const double b = pow(2.0, am1);
    const double umin = pow(9.2233720368547758e18, -am1);
    for (;;) {
        const double u01 = uniform_double(g);
        const double u = u01 * umin + (1.0 - u01);
        const double v = uniform_double(g);
        const double x = floor(pow(u, -1.0 / am1));
        if (!(x >= 1.0 && x < 9.2233720368547758e18)) continue;
        const double t = pow(1.0 + 1.0 / x, am1);
        if (v * x * (t - 1.0) / (b - 1.0) <= t / b) return (long long)x;
    }
}

// Kemp's second accelerated generator (1981), as NumPy.
__device__ inline long long logseries(Philox& g, double p) {
    const double r = log1p(-p);
    for (;;) {
        const double v = uniform_double(g);
        if (v >= p) return 1;
        const double u = uniform_double(g);
        const double q = -expm1(r * u);
        if (v <= q * q) {
            if (v == 0.0) continue;
            const double result = floor(1.0 + log(v) / log(q));
            if (result < 1.0) continue;
            return (long long)result;
        }
        return v >= q ? 1 : 2;
    }
}

__device__ inline long long negative_binomial(Philox& g, double n, double p) {
    return poisson_any(g, standard_gamma(g, n) * ((1.0 - p) / p));
}

// Draws one by one without replacement; used when the sample (or its complement) is small.
__device__ inline long long hypergeometric_sample(Philox& g, long long good, long long bad,
                                                  long long sample) {
    const long long total = good + bad;
    const bool flip = sample > total / 2;
    long long computed = flip ? total - sample : sample;
    long long remaining_total = total, remaining_good = good;
    while (computed > 0 && remaining_good > 0 && remaining_total > remaining_good) {
        --remaining_total;
        if ((long long)bounded_uint64(g, (unsigned long long)remaining_total) < remaining_good)
            --remaining_good;
        --computed;
    }
    if (remaining_total == remaining_good) remaining_good -= computed;  // only good ones left
    return flip ? remaining_good : good - remaining_good;
}

__device__ inline double log_factorial(long long k) { return lgamma((double)k + 1.0); }

// Stadlober's ratio-of-uniforms HRUA (1989), as NumPy.
__device__ inline long long hypergeometric_hrua(Philox& g, long long good, long long bad,
                                                long long sample) {
    const long long popsize = good + bad;
    const long long computed = sample < popsize - sample ? sample : popsize - sample;
    const long long mingb = good < bad ? good : bad;
    const long long maxgb = good < bad ? bad : good;
    const double p = (double)mingb / (double)popsize;
    const double q = (double)maxgb / (double)popsize;
    const double mu = (double)computed * p;
    const double a = mu + 0.5;
    const double var = (double)(popsize - computed) * (double)computed * p * q /
                       (double)(popsize - 1);
    const double c = sqrt(var + 0.5);
    const double h = 1.7155277699214135 * c + 0.8989161620588988;  // 2 sqrt(2/e), 3 - 2 sqrt(3/e)
    const long long m = (long long)floor((double)(computed + 1) * (double)(mingb + 1) /
                                         (double)(popsize + 2));
    const double gm = log_factorial(m) + log_factorial(mingb - m) +
                      log_factorial(computed - m) + log_factorial(maxgb - computed + m);
    const double bound = fmin((double)(computed < mingb ? computed : mingb) + 1.0,
                              floor(a + 16.0 * c));
    long long k;
    for (;;) {
        const double u = uniform_double(g);
        const double v = uniform_double(g);
        const double x = a + h * (v - 0.5) / u;
        if (!(x >= 0.0 && x < bound)) continue;
        k = (long long)floor(x);
        const double gp = log_factorial(k) + log_factorial(mingb - k) +
                          log_factorial(computed - k) + log_factorial(maxgb - computed + k);
        const double t = gm - gp;
        if (u * (4.0 - u) - 3.0 <= t) break;
        if (u * (u - t) >= 1.0) continue;
        if (2.0 * log(u) <= t) break;
    }
    if (good > bad) k = computed - k;
    if (computed < sample) k = good - k;
    return k;
}

__device__ inline long long hypergeometric(Philox& g, long long good, long long bad,
                                           long long sample) {
    if (sample >= 10 && sample <= good + bad - 10)
        return hypergeometric_hrua(g, good, bad, sample);
    return hypergeometric_sample(g, good, bad, sample);
}

}  // namespace cupy_random
"""
