"""The samplers behind both APIs, written once against a bit generator.

Each function checks its parameters as NumPy does, then launches one kernel. ``RandomState``
and ``Generator`` are thin layers over these.
"""
import math
import operator

import numpy

import cupy
from cupy.random import _permutation
from cupy.random import _sampling
from cupy.random._sampling import any_true, as_param, check, draw

_F8 = numpy.float64


def _nonneg(x, name):
    check(x, lambda v: v < 0, f"{name} < 0")


def _positive(x, name):
    check(x, lambda v: v <= 0, f"{name} <= 0")


def random(bitgen, size, dtype=_F8, out=None):
    return draw(bitgen, "random", size, _sampling.float_dtype(dtype), out=out)


def uniform(bitgen, low, high, size, dtype=_F8):
    low, high = as_param(low), as_param(high)
    span = high - low
    finite = cupy.isfinite(span) if isinstance(span, cupy.ndarray) else numpy.isfinite(span)
    if not bool(finite.all()):
        raise OverflowError("Range exceeds valid bounds")
    return draw(bitgen, "uniform", size, _sampling.float_dtype(dtype), (low, high))


def standard_normal(bitgen, size, dtype=_F8, out=None):
    return draw(bitgen, "standard_normal", size, _sampling.float_dtype(dtype), out=out)


def normal(bitgen, loc, scale, size, dtype=_F8):
    loc, scale = as_param(loc), as_param(scale)
    _nonneg(scale, "scale")
    return draw(bitgen, "normal", size, _sampling.float_dtype(dtype), (loc, scale))


def lognormal(bitgen, mean, sigma, size, dtype=_F8):
    mean, sigma = as_param(mean), as_param(sigma)
    _nonneg(sigma, "sigma")
    return draw(bitgen, "lognormal", size, _sampling.float_dtype(dtype), (mean, sigma))


def standard_exponential(bitgen, size, dtype=_F8, out=None):
    return draw(bitgen, "standard_exponential", size, _sampling.float_dtype(dtype), out=out)


def exponential(bitgen, scale, size, dtype=_F8):
    scale = as_param(scale)
    _nonneg(scale, "scale")
    return draw(bitgen, "exponential", size, _sampling.float_dtype(dtype), (scale,))


def gamma(bitgen, shape, scale, size, dtype=_F8, out=None):
    shape, scale = as_param(shape), as_param(scale)
    _nonneg(shape, "shape")
    _nonneg(scale, "scale")
    return draw(bitgen, "gamma", size, _sampling.float_dtype(dtype), (shape, scale), out=out)


def beta(bitgen, a, b, size, dtype=_F8):
    a, b = as_param(a), as_param(b)
    _positive(a, "a")
    _positive(b, "b")
    return draw(bitgen, "beta", size, _sampling.float_dtype(dtype), (a, b))


def chisquare(bitgen, df, size, dtype=_F8):
    df = as_param(df)
    _positive(df, "df")
    return draw(bitgen, "chisquare", size, _sampling.float_dtype(dtype), (df,))


def _loc_scale(name):
    def sampler(bitgen, loc, scale, size, dtype=_F8):
        loc, scale = as_param(loc), as_param(scale)
        _nonneg(scale, "scale")
        return draw(bitgen, name, size, _sampling.float_dtype(dtype), (loc, scale))
    sampler.__name__ = name
    return sampler


laplace = _loc_scale("laplace")
logistic = _loc_scale("logistic")
gumbel = _loc_scale("gumbel")


def rayleigh(bitgen, scale, size, dtype=_F8):
    scale = as_param(scale)
    _nonneg(scale, "scale")
    return draw(bitgen, "rayleigh", size, _sampling.float_dtype(dtype), (scale,))


def weibull(bitgen, a, size, dtype=_F8):
    a = as_param(a)
    _nonneg(a, "a")
    return draw(bitgen, "weibull", size, _sampling.float_dtype(dtype), (a,))


def pareto(bitgen, a, size, dtype=_F8):
    a = as_param(a)
    _positive(a, "a")
    return draw(bitgen, "pareto", size, _sampling.float_dtype(dtype), (a,))


def power(bitgen, a, size, dtype=_F8):
    a = as_param(a)
    _positive(a, "a")
    return draw(bitgen, "power", size, _sampling.float_dtype(dtype), (a,))


def triangular(bitgen, left, mode, right, size, dtype=_F8):
    left, mode, right = as_param(left), as_param(mode), as_param(right)
    check(left - mode, lambda v: v > 0, "left > mode")
    check(mode - right, lambda v: v > 0, "mode > right")
    check(left - right, lambda v: v == 0, "left == right")
    return draw(bitgen, "triangular", size, _sampling.float_dtype(dtype), (left, mode, right))


def _is_nan(v):
    return cupy.isnan(v) if isinstance(v, cupy.ndarray) else numpy.isnan(v)


def binomial(bitgen, n, p, size, dtype=numpy.int64):
    n, p = as_param(n, numpy.int64), as_param(p)
    if isinstance(n, cupy.ndarray) and n.dtype.kind == "f":
        n = n.astype(numpy.int64)
    _nonneg(n, "n")
    check(p, lambda v: (v < 0) | (v > 1) | _is_nan(v), "p < 0, p > 1 or p is NaN")
    out = draw(bitgen, "binomial", size, numpy.int64, (n, p))
    return out if numpy.dtype(dtype) == numpy.int64 else out.astype(dtype)


# Beyond this NumPy refuses lam: the sampler's int64 result could overflow.
_POISSON_LAM_MAX = float(numpy.iinfo(numpy.int64).max) - 10 * math.sqrt(
    float(numpy.iinfo(numpy.int64).max))


def poisson(bitgen, lam, size, dtype=numpy.int64):
    lam = as_param(lam)
    check(lam, lambda v: (v < 0) | _is_nan(v), "lam < 0 or lam is NaN")
    check(lam, lambda v: v > _POISSON_LAM_MAX, "lam value too large")
    out = draw(bitgen, "poisson", size, numpy.int64, (lam,))
    return out if numpy.dtype(dtype) == numpy.int64 else out.astype(dtype)


def geometric(bitgen, p, size, dtype=numpy.int64):
    p = as_param(p)
    check(p, lambda v: (v <= 0) | (v > 1) | _is_nan(v), "p <= 0, p > 1 or p contains NaNs")
    out = draw(bitgen, "geometric", size, numpy.int64, (p,))
    return out if numpy.dtype(dtype) == numpy.int64 else out.astype(dtype)


def _invalid(ok):
    """Negation of a validity mask (a device array or a Python/NumPy bool): NaNs compare
    false, so ``_invalid(v > 1)`` also flags them."""
    return ~ok if isinstance(ok, cupy.ndarray) else not ok


def _nan_word(x):
    """NumPy's wording for a NaN in a scalar parameter and in an array parameter."""
    return "contains NaNs" if isinstance(x, cupy.ndarray) else "is NaN"


def _int64(x):
    """An integer parameter: a Python int (a float is truncated, as NumPy's conversion does;
    NaN raises its ValueError) or an int64 device array."""
    if isinstance(x, cupy.ndarray):
        return x if x.dtype == numpy.int64 else x.astype(numpy.int64)
    arr = numpy.asarray(x)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"unsupported parameter type {arr.dtype}")
    if arr.ndim == 0:
        return int(arr.item())
    return cupy.asarray(arr.astype(numpy.int64))


def _float_out(name, bitgen, size, dtype, params):
    return draw(bitgen, name, size, _sampling.float_dtype(dtype), params)


def _int_out(name, bitgen, size, dtype, params):
    out = draw(bitgen, name, size, numpy.int64, params)
    return out if numpy.dtype(dtype) == numpy.int64 else out.astype(dtype)


def standard_cauchy(bitgen, size, dtype=_F8):
    return _float_out("standard_cauchy", bitgen, size, dtype, ())


def standard_t(bitgen, df, size, dtype=_F8):
    df = as_param(df)
    _positive(df, "df")
    return _float_out("standard_t", bitgen, size, dtype, (df,))


def f(bitgen, dfnum, dfden, size, dtype=_F8):
    dfnum, dfden = as_param(dfnum), as_param(dfden)
    _positive(dfnum, "dfnum")
    _positive(dfden, "dfden")
    return _float_out("f", bitgen, size, dtype, (dfnum, dfden))


def noncentral_chisquare(bitgen, df, nonc, size, dtype=_F8):
    df, nonc = as_param(df), as_param(nonc)
    _positive(df, "df")
    _nonneg(nonc, "nonc")
    return _float_out("noncentral_chisquare", bitgen, size, dtype, (df, nonc))


def noncentral_f(bitgen, dfnum, dfden, nonc, size, dtype=_F8):
    dfnum, dfden, nonc = as_param(dfnum), as_param(dfden), as_param(nonc)
    _positive(dfnum, "dfnum")
    _positive(dfden, "dfden")
    _nonneg(nonc, "nonc")
    return _float_out("noncentral_f", bitgen, size, dtype, (dfnum, dfden, nonc))


def vonmises(bitgen, mu, kappa, size, dtype=_F8):
    mu, kappa = as_param(mu), as_param(kappa)
    _nonneg(kappa, "kappa")
    return _float_out("vonmises", bitgen, size, dtype, (mu, kappa))


def wald(bitgen, mean, scale, size, dtype=_F8):
    mean, scale = as_param(mean), as_param(scale)
    _positive(mean, "mean")
    _positive(scale, "scale")
    return _float_out("wald", bitgen, size, dtype, (mean, scale))


def zipf(bitgen, a, size, dtype=numpy.int64):
    a = as_param(a)
    check(a, lambda v: _invalid(v > 1), f"a <= 1 or a {_nan_word(a)}")
    return _int_out("zipf", bitgen, size, dtype, (a,))


def logseries(bitgen, p, size, dtype=numpy.int64):
    p = as_param(p)
    check(p, lambda v: _invalid((v >= 0) & (v < 1)), f"p < 0, p >= 1 or p {_nan_word(p)}")
    return _int_out("logseries", bitgen, size, dtype, (p,))


def negative_binomial(bitgen, n, p, size, dtype=numpy.int64, legacy=True):
    n, p = as_param(n), as_param(p)
    if legacy:
        _positive(n, "n")
        check(p, lambda v: (v < 0) | (v > 1) | _is_nan(v), f"p < 0, p > 1 or p {_nan_word(p)}")
    else:
        check(n, _is_nan, "n must not be NaN")
        _positive(n, "n")
        check(p, lambda v: _invalid((v > 0) & (v <= 1)), "p <= 0, p > 1 or p contains NaNs")
        # The Poisson rate is Gamma(n) (1 - p) / p; refuse what could exceed the Poisson
        # sampler's range, as NumPy's Generator does.
        sqrt = cupy.sqrt if isinstance(n, cupy.ndarray) else numpy.sqrt
        check((1 - p) / p * (n + 10 * sqrt(n)), lambda v: v > _POISSON_LAM_MAX,
              "n too large or p too small, see Generator.negative_binomial Notes")
    return _int_out("negative_binomial", bitgen, size, dtype, (n, p))


# Generator refuses populations from here on (NumPy's HYPERGEOM_MAX).
_HYPERGEOM_MAX = 10**9


def hypergeometric(bitgen, ngood, nbad, nsample, size, dtype=numpy.int64, legacy=True):
    ngood, nbad, nsample = _int64(ngood), _int64(nbad), _int64(nsample)
    if not legacy:
        if any_true(ngood >= _HYPERGEOM_MAX) or any_true(nbad >= _HYPERGEOM_MAX):
            raise ValueError(f"both ngood and nbad must be less than {_HYPERGEOM_MAX}")
    check(ngood + nbad - nsample, lambda v: v < 0, "ngood + nbad < nsample")
    _nonneg(ngood, "ngood")
    _nonneg(nbad, "nbad")
    if legacy:
        check(nsample, lambda v: v < 1, f"nsample < 1 or nsample {_nan_word(nsample)}")
    else:
        _nonneg(nsample, "nsample")
    params = tuple(numpy.int64(v) if not isinstance(v, cupy.ndarray) else v
                   for v in (ngood, nbad, nsample))
    return _int_out("hypergeometric", bitgen, size, dtype, params)


def random_bytes(bitgen, length):
    """``length`` random bytes (a Python ``bytes``: the only result that lives on the host)."""
    if isinstance(length, (float, numpy.floating)):
        length = int(length)
    try:
        length = operator.index(length)
    except TypeError:
        raise TypeError("an integer is required") from None
    if length < 0:
        raise ValueError("length must be non-negative")
    if length == 0:
        return b""
    words = bitgen.random_raw((length + 7) // 8)
    return words.get().astype("<u8", copy=False).tobytes()[:length]


# --- choice and permutations ---------------------------------------------------------------
def choice(bitgen, a, size, replace, p):
    """NumPy's ``choice`` for a population ``a`` (an int or a 1-d array)."""
    if isinstance(a, cupy.ndarray) or numpy.ndim(a) > 0:
        pop = a if isinstance(a, cupy.ndarray) else cupy.asarray(numpy.asarray(a))
        if pop.ndim != 1:
            raise ValueError("a must be 1-dimensional")
        n = pop.shape[0]
    else:
        pop = None
        try:
            n = int(numpy.asarray(a).item()) if numpy.asarray(a).dtype.kind in "biu" else None
        except ValueError:
            n = None
        if n is None:
            raise ValueError("a must be 1-dimensional or an integer")
        if n < 0:
            raise ValueError("a must be greater than 0 unless no samples are taken")
    shape = _sampling.normalize_size(size)
    count = 1 if shape is None else int(numpy.prod(shape, dtype=numpy.int64))
    if n == 0 and count > 0:
        raise ValueError("a cannot be empty unless no samples are taken")
    if p is not None:
        p = p if isinstance(p, cupy.ndarray) else cupy.asarray(numpy.asarray(p, _F8))
        p = p.astype(_F8)
        if p.ndim != 1:
            raise ValueError("p must be 1-dimensional")
        if p.size != n:
            raise ValueError("a and p must have same size")
        if bool(cupy.isnan(p).any()) or bool((p < 0).any()):
            raise ValueError("probabilities are not non-negative")
        total = float(p.sum())
        if abs(total - 1.0) > math.sqrt(numpy.finfo(_F8).eps):
            raise ValueError("probabilities do not sum to 1")
    if replace:
        if count == 0:
            idx = cupy.empty(0, numpy.int64)
        elif p is None:
            idx = _sampling.integers(bitgen, 0, n, count, numpy.int64, False)
        else:
            cdf = cupy.cumsum(p)
            idx = draw(bitgen, "weighted_choice", count, numpy.int64,
                       raw_params=(cdf, numpy.int64(n)))
    else:
        if count > n:
            raise ValueError("Cannot take a larger sample than population when "
                             "replace is False")
        if p is None:
            idx = _permutation.permutation_indices(bitgen, n)[:count]
        else:
            if int((p > 0).sum()) < count:
                raise ValueError("Fewer non-zero entries in p than size")
            idx = _permutation.weighted_sample_indices(bitgen, p, count)
    out = idx if pop is None else _permutation.gather_rows(pop, idx)
    return out.reshape(() if shape is None else shape)


def permutation(bitgen, x):
    """A permuted range (``x`` an int) or a shuffled copy of ``x`` along axis 0."""
    if isinstance(x, cupy.ndarray) or numpy.ndim(x) > 0:
        arr = x if isinstance(x, cupy.ndarray) else cupy.asarray(numpy.asarray(x))
        if arr.ndim == 0:
            raise IndexError("x must be an integer or at least 1-dimensional")
        out = arr.copy()
        _permutation.shuffle_axis0(bitgen, out)
        return out
    n = numpy.asarray(x)
    if n.dtype.kind not in "iu":
        raise TypeError("x must be an integer or an array")
    if n < 0:
        raise ValueError("negative dimensions are not allowed")
    return _permutation.permutation_indices(bitgen, int(n)).copy()
