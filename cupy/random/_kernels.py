"""The device kernels of ``cupy.random``.

Every sampler is an elementwise kernel whose element ``i`` builds its own Philox stream
``Philox(seed, i, offset)`` (``cupy/random/philox.cuh``) and draws from it with the helpers of
``cupy/random/distributions.cuh``. Because an element's numbers depend only on (seed, i,
offset), the result does not depend on the launch shape, and both backends compute the same
words. The kernels are built on first use and kept for the life of the process.
"""
import functools

from cupy._core._kernel import ElementwiseKernel
from cupy.random import _device

_PREAMBLE = "#include <cupy/random/distributions.cuh>\nusing namespace cupy_random;\n"
_STREAM = "Philox g(seed, (unsigned long long)i, offset);\n"
_STREAM_PARAMS = "uint64 seed, uint32 offset"

# name -> (input parameters, output parameters, body). ``T`` is the output dtype; bodies run
# after ``g`` (the element's stream) is set up.
_SAMPLERS = {
    "raw": ("", "uint64 out", "out = g.next_u64();"),
    "random": ("", "T out", "out = uniform<T>(g);"),
    "uniform": ("float64 low, float64 high", "T out",
                "out = (T)(low + (high - low) * uniform_double(g));"),
    "standard_normal": ("", "T out", "out = standard_normal<T>(g);"),
    "normal": ("float64 loc, float64 scale", "T out",
               "out = (T)(loc + scale * standard_normal_double(g));"),
    "lognormal": ("float64 mean, float64 sigma", "T out",
                  "out = (T)exp(mean + sigma * standard_normal_double(g));"),
    "standard_exponential": ("", "T out", "out = standard_exponential<T>(g);"),
    "exponential": ("float64 scale", "T out",
                    "out = (T)(scale * standard_exponential_double(g));"),
    "gamma": ("float64 shape, float64 scale", "T out",
              "out = (T)(scale * standard_gamma(g, shape));"),
    "beta": ("float64 a, float64 b", "T out", "out = (T)beta(g, a, b);"),
    "chisquare": ("float64 df", "T out", "out = (T)(2.0 * standard_gamma(g, 0.5 * df));"),
    "laplace": ("float64 loc, float64 scale", "T out", """
        // NumPy's inversion: the two halves of the distribution from one uniform.
        const double u = uniform_open(g);
        out = (T)(u >= 0.5 ? loc - scale * log(2.0 - 2.0 * u) : loc + scale * log(2.0 * u));"""),
    "logistic": ("float64 loc, float64 scale", "T out", """
        const double u = uniform_open(g);
        out = (T)(loc + scale * log(u / (1.0 - u)));"""),
    "gumbel": ("float64 loc, float64 scale", "T out",
               "out = (T)(loc - scale * log(-log(uniform_open(g))));"),
    "rayleigh": ("float64 scale", "T out",
                 "out = (T)(scale * sqrt(2.0 * standard_exponential_double(g)));"),
    "weibull": ("float64 a", "T out",
                "out = (T)(a == 0.0 ? 0.0 : pow(standard_exponential_double(g), 1.0 / a));"),
    "pareto": ("float64 a", "T out", "out = (T)expm1(standard_exponential_double(g) / a);"),
    "power": ("float64 a", "T out",
              "out = (T)pow(-expm1(-standard_exponential_double(g)), 1.0 / a);"),
    "triangular": ("float64 left, float64 mode, float64 right", "T out", """
        // Inversion of the piecewise-quadratic CDF (NumPy's formula).
        const double base = right - left, left_base = mode - left, ratio = left_base / base;
        const double u = uniform_double(g);
        out = (T)(u <= ratio ? left + sqrt(u * left_base * base)
                             : right - sqrt((1.0 - u) * (right - mode) * base));"""),
    "binomial": ("int64 n, float64 p", "int64 out", "out = binomial(g, n, p);"),
    "poisson": ("float64 lam", "int64 out", "out = poisson(g, lam);"),
    "geometric": ("float64 p", "int64 out", "out = geometric(g, p);"),
    # ``high`` is inclusive so that the full range of uint64 fits; the sum wraps modulo 2**64
    # and is converted to T, which gives back a signed value.
    "integers_int64": ("int64 low, int64 high", "T out", """
        out = (T)((unsigned long long)low +
                  bounded_uint64(g, (unsigned long long)high - (unsigned long long)low));"""),
    "integers_uint64": ("uint64 low, uint64 high", "T out",
                        "out = (T)(low + bounded_uint64(g, high - low));"),
    # Keys for a random permutation: ``n`` random 64-bit keys, then padding that sorts last.
    "permutation_keys": ("int64 n", "uint64 key, int64 idx", """
        key = i < n ? g.next_u64() : ~0ull;
        idx = i;"""),
    # Efraimidis-Spirakis keys E / p_j for sampling without replacement with weights: the k
    # smallest keys are a weighted sample. Positive doubles order like their bit patterns.
    "weighted_keys": ("raw float64 p, int64 n", "uint64 key, int64 idx", """
        if (i < n) {
            const double e = standard_exponential_double(g) / p[i];
            key = (unsigned long long)__double_as_longlong(e);
        } else {
            key = ~0ull;
        }
        idx = i;"""),
    # Weighted choice with replacement: the first j with cdf[j] > u * total.
    "weighted_choice": ("raw float64 cdf, int64 n", "int64 out", """
        const double u = uniform_double(g) * cdf[n - 1];
        long long lo = 0, hi = n - 1;
        while (lo < hi) {
            const long long mid = lo + (hi - lo) / 2;
            if (cdf[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        out = lo;"""),
}


# Samplers built on the helpers of ``_device.HELPERS``. Those with a raw output draw one row
# per element ``i`` (so one stream per row): ``k`` values at ``out[i * k]``.
_SAMPLERS_EXT = {
    "standard_cauchy": ("", "T out", "out = (T)standard_cauchy(g);"),
    "standard_t": ("float64 df", "T out", "out = (T)standard_t(g, df);"),
    "f": ("float64 dfnum, float64 dfden", "T out", "out = (T)f_ratio(g, dfnum, dfden);"),
    "noncentral_chisquare": ("float64 df, float64 nonc", "T out",
                             "out = (T)noncentral_chisquare(g, df, nonc);"),
    "noncentral_f": ("float64 dfnum, float64 dfden, float64 nonc", "T out",
                     "out = (T)noncentral_f(g, dfnum, dfden, nonc);"),
    "vonmises": ("float64 mu, float64 kappa", "T out", "out = (T)vonmises(g, mu, kappa);"),
    "wald": ("float64 mean, float64 scale", "T out", "out = (T)wald(g, mean, scale);"),
    "zipf": ("float64 a", "int64 out", "out = zipf(g, a);"),
    "logseries": ("float64 p", "int64 out", "out = logseries(g, p);"),
    "negative_binomial": ("float64 n, float64 p", "int64 out",
                          "out = negative_binomial(g, n, p);"),
    "hypergeometric": ("int64 ngood, int64 nbad, int64 nsample", "int64 out",
                       "out = hypergeometric(g, ngood, nbad, nsample);"),
    # Conditional binomials, as NumPy: count j is Binomial(left, p_j / (mass not yet used)).
    # Row i reads its probabilities at ``pvals[i * pstride]`` (pstride 0: one shared row).
    "multinomial": ("int64 n, raw float64 pvals, int64 k, int64 pstride", "raw int64 out", """
        const long long base = (long long)i * k;
        const long long prow = (long long)i * pstride;
        long long left = n;
        double rest = 1.0;
        for (long long j = 0; j < k - 1; ++j) {
            long long x = 0;
            if (left > 0) {
                const double pj = pvals[prow + j];
                x = binomial(g, left, fmin(1.0, fmax(0.0, pj / rest)));
                left -= x;
                rest -= pj;
            }
            out[base + j] = x;
        }
        if (k > 0) out[base + k - 1] = left;"""),
    # NumPy's "marginals" method: count j is Hypergeometric(colors[j], the items of the later
    # colors, the sample still to draw).
    "multivariate_hypergeometric": (
        "raw int64 colors, int64 k, int64 total, int64 nsample", "raw int64 out", """
        const long long base = (long long)i * k;
        long long remaining = total, left = nsample;
        for (long long j = 0; j < k - 1; ++j) {
            long long x = 0;
            if (left > 0) x = hypergeometric(g, colors[j], remaining - colors[j], left);
            out[base + j] = x;
            remaining -= colors[j];
            left -= x;
        }
        out[base + k - 1] = left;"""),
    # Normalized gamma variates; for small alphas (``stick``) NumPy's stick breaking with
    # beta variates instead, since the gammas would underflow to 0 (and the ratio to NaN).
    # The stick left after a piece is the beta's complement drawn as a ratio of its own, not
    # 1 - v: NumPy's 1 - v is 0 whenever v rounds to 1 and zeroes the pieces after it.
    # ``csum[j]`` is sum(alpha[j:]). The output is float64 whatever the requested dtype: the
    # unnormalized gammas are kept there, where a float32 would overflow or round them.
    "dirichlet": ("raw float64 alpha, raw float64 csum, int64 k, int32 stick",
                  "raw float64 out", """
        const long long base = (long long)i * k;
        if (stick) {
            double acc = 1.0;
            long long j = 0;
            for (; j < k - 1; ++j) {
                double w;
                const double v = beta_and_complement(g, alpha[j], csum[j + 1], &w);
                out[base + j] = acc * v;
                acc *= w;
                if (csum[j + 1] == 0.0) { ++j; break; }  // v is 1: the rest stays 0
            }
            for (; j < k - 1; ++j) out[base + j] = 0.0;
            out[base + k - 1] = acc;
        } else {
            double acc = 0.0;
            for (long long j = 0; j < k; ++j) {
                const double v = standard_gamma(g, alpha[j]);
                out[base + j] = v;
                acc += v;
            }
            const double inv = 1.0 / acc;
            for (long long j = 0; j < k; ++j) out[base + j] *= inv;
        }"""),
}


@functools.lru_cache(maxsize=None)
def sampler(name):
    """The elementwise kernel of sampler ``name``; called as ``k(*params, seed, offset, out)``."""
    if name in _SAMPLERS_EXT:
        (ins, outs, body), preamble = _SAMPLERS_EXT[name], _PREAMBLE + _device.HELPERS
    else:
        (ins, outs, body), preamble = _SAMPLERS[name], _PREAMBLE
    params = f"{ins}, {_STREAM_PARAMS}" if ins else _STREAM_PARAMS
    return ElementwiseKernel(params, outs, _STREAM + body, name=f"cupy_random_{name}",
                             preamble=preamble)


# One compare-exchange stage of a bitonic sort of (key, idx) pairs, ordered by key, then by
# idx (so that equal keys still give a deterministic order). Thread t handles the pair
# (lo, lo + j); ``k`` is the size of the bitonic sequences being merged.
bitonic_step = ElementwiseKernel(
    "int64 j, int64 k", "raw uint64 key, raw int64 idx", """
    const long long t = i;
    const long long lo = 2 * j * (t / j) + t % j, hi = lo + j;
    const bool ascending = (lo & k) == 0;
    const unsigned long long klo = key[lo], khi = key[hi];
    const long long ilo = idx[lo], ihi = idx[hi];
    const bool greater = klo > khi || (klo == khi && ilo > ihi);
    if (greater == ascending) {
        key[lo] = khi; key[hi] = klo;
        idx[lo] = ihi; idx[hi] = ilo;
    }""", name="cupy_random_bitonic_step")

# out[r, ...] = src[perm[r], ...] for C-ordered element numbers; ``inner`` is the number of
# elements per row. ``src`` is raw so that it may have any strides.
gather_rows = ElementwiseKernel(
    "raw T src, raw int64 perm, int64 inner", "T out",
    "out = src[perm[i / inner] * inner + i % inner];", name="cupy_random_gather_rows")
