"""The samplers beyond the common ones: Cauchy, t, F, noncentral chi-square and F, von Mises,
Wald, Zipf, logarithmic series, negative binomial, hypergeometric, Dirichlet, multinomial,
multivariate normal, and bytes. Parameter errors and output shapes are compared with NumPy's
(legacy RandomState and Generator); the distributions are checked with Kolmogorov-Smirnov
(continuous) and chi-square (discrete) tests at fixed seeds."""
import warnings

import numpy
import pytest
from scipy import stats

import cupy
from cupy import random as cr

N = 100_000
ALPHA = 1e-4
NAN, INF = numpy.nan, numpy.inf


def _api(kind, seed=0):
    """(ours, NumPy's) generators of the legacy (``rs``) or the new (``gen``) API."""
    if kind == "rs":
        return cr.RandomState(seed), numpy.random.RandomState(seed)
    return cr.default_rng(seed), numpy.random.default_rng(seed)


def _case_id(v):
    if isinstance(v, str):
        return v
    if isinstance(v, tuple):
        return "-".join(str(a) for a in v)[:40]
    return ""


# --- parameter checks ------------------------------------------------------------------------
# (method, args, kwargs): each one is refused by NumPy; ours must raise the same exception
# with the same message.
BAD = [
    ("standard_t", (0.0,), {}),
    ("standard_t", ([1.0, -1.0],), {}),
    ("standard_t", (1.0,), {"size": -1}),
    ("f", (0.0, 1.0), {}),
    ("f", (1.0, [1.0, 0.0]), {}),
    ("noncentral_chisquare", (0.0, 1.0), {}),
    ("noncentral_chisquare", (1.0, -1.0), {}),
    ("noncentral_chisquare", ([1.0, NAN], [-1.0, 1.0]), {}),
    ("noncentral_f", (0.0, 1.0, 1.0), {}),
    ("noncentral_f", (1.0, 0.0, 1.0), {}),
    ("noncentral_f", (1.0, 1.0, -1.0), {}),
    ("vonmises", (0.0, -1.0), {}),
    ("vonmises", (0.0, [1.0, -0.5]), {}),
    ("wald", (0.0, 1.0), {}),
    ("wald", (1.0, 0.0), {}),
    ("wald", ([1.0, -1.0], 1.0), {}),
    ("zipf", (1.0,), {}),
    ("zipf", (NAN,), {}),
    ("zipf", ([2.0, 1.0],), {}),
    ("zipf", ([2.0, NAN],), {}),
    ("logseries", (1.0,), {}),
    ("logseries", (-0.1,), {}),
    ("logseries", (NAN,), {}),
    ("logseries", ([0.5, 1.0],), {}),
    ("logseries", ([0.5, NAN],), {}),
    ("negative_binomial", (0.0, 0.5), {}),
    ("negative_binomial", (-1.0, 0.5), {}),
    ("negative_binomial", (1.0, 1.5), {}),
    ("negative_binomial", (1.0, NAN), {}),
    ("negative_binomial", (1.0, [0.5, NAN]), {}),
    ("negative_binomial", ([1.0, -1.0], 0.5), {}),
    ("hypergeometric", (-1, 1, 1), {}),
    ("hypergeometric", (-1, 5, 1), {}),
    ("hypergeometric", (5, -1, 1), {}),
    ("hypergeometric", (1, 1, 3), {}),
    ("hypergeometric", (1, 1, -1), {}),
    ("hypergeometric", (5.0, 5, NAN), {}),
    ("hypergeometric", ([1, 2], [1, -1], 1), {}),
    ("hypergeometric", ([1, 2], [1, 1], [3, 1]), {}),
    ("dirichlet", ([-1.0, 1.0],), {}),
    ("dirichlet", (5.0,), {}),
    ("dirichlet", (numpy.ones((2, 2)),), {}),
    ("dirichlet", ([1.0, 2.0],), {"size": -1}),
    ("multinomial", (-1, [0.5, 0.5]), {}),
    ("multinomial", (5, [0.7, 0.7, 0.1]), {}),
    ("multinomial", (5, [0.6 + 1e-11, 0.4, 0.0]), {}),
    ("multinomial", (5, [-0.1, 1.1]), {}),
    ("multinomial", (5, [NAN, 1.0]), {}),
    ("multinomial", (5, [0.5, 0.5]), {"size": -1}),
    ("multivariate_normal", ([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), {}),
    ("multivariate_normal", ([[0.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]]), {}),
    ("multivariate_normal", ([0.0], [[1.0, 0.0], [0.0, 1.0]]), {}),
    ("bytes", ("a",), {}),
]

# Checks in which NumPy's two APIs differ.
BAD_RS = [
    ("negative_binomial", (1.0, -0.5), {}),
    ("hypergeometric", (1, 1, 0), {}),
    ("hypergeometric", ([1, 2], [1, 1], [0, 1]), {}),
    ("dirichlet", ([0.0, 1.0],), {}),
    ("multinomial", (5, 0.5), {}),
    ("multinomial", ([1, 2], [0.5, 0.5]), {}),
]
BAD_GEN = [
    ("negative_binomial", (1.0, 0.0), {}),
    ("negative_binomial", (NAN, 0.5), {}),
    ("negative_binomial", ([1.0, NAN], 0.5), {}),
    ("negative_binomial", (1e300, 0.5), {}),
    ("negative_binomial", (1.0, [0.5, 1e-300]), {}),
    ("hypergeometric", (10**9, 1, 1), {}),
    ("hypergeometric", (-1, 2**31, 1), {}),
    ("hypergeometric", ([1, 2], [1, 10**9], 1), {}),
    ("dirichlet", ([0.0, -1.0],), {}),
    ("multinomial", (5, 0.5), {}),
    ("multinomial", (5, []), {}),
    ("multinomial", ([5, -1], [0.5, 0.5]), {}),
    ("multinomial", ([1, 2], [0.5, 0.5]), {"size": 3}),
    ("multinomial", (5, [[0.2, 0.3, 0.5], [0.7, 0.7, 0.0]]), {}),
    ("multinomial", ([1, 2], [[0.5, 0.5]] * 4), {"size": (3, 1)}),
    ("multinomial", ([1, 2], [0.5, 0.5]), {"size": (4, 1)}),
    ("multinomial", (3, [[0.5, 0.5]] * 2), {"size": 3}),
    ("multinomial", ([5], [0.5, 0.5]), {"size": -1}),
    ("multivariate_normal", ([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]]), {"method": "foo"}),
    ("multivariate_normal", ([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]]), {"check_valid": "raise"}),
    ("multivariate_normal", ([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]]), {"check_valid": "foo"}),
    ("multivariate_normal", ([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]]),
     {"check_valid": "raise", "method": "eigh"}),
    ("multivariate_normal", ([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]]), {"method": "cholesky"}),
]


def _raises_as_numpy(kind, name, args, kwargs):
    ours, theirs = _api(kind)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(Exception) as expected:
            getattr(theirs, name)(*args, **kwargs)
        with pytest.raises(expected.type) as got:
            getattr(ours, name)(*args, **kwargs)
    assert str(got.value) == str(expected.value)


@pytest.mark.parametrize("name,args,kwargs", BAD + BAD_RS, ids=_case_id)
def test_legacy_errors_as_numpy(name, args, kwargs):
    _raises_as_numpy("rs", name, args, kwargs)


@pytest.mark.parametrize("name,args,kwargs", BAD + BAD_GEN, ids=_case_id)
def test_generator_errors_as_numpy(name, args, kwargs):
    _raises_as_numpy("gen", name, args, kwargs)


@pytest.mark.parametrize("check_valid", ["raise", "foo"])
def test_legacy_multivariate_normal_check_valid_as_numpy(check_valid):
    # NumPy's legacy method is svd; ours defaults to CuPy's cholesky, which is asked for svd.
    cov = [[1.0, 2.0], [2.0, 1.0]]
    with pytest.raises(ValueError) as expected:
        numpy.random.RandomState(0).multivariate_normal([0.0, 0.0], cov,
                                                        check_valid=check_valid)
    with pytest.raises(ValueError) as got:
        cr.RandomState(0).multivariate_normal([0.0, 0.0], cov, check_valid=check_valid,
                                              method="svd")
    assert str(got.value) == str(expected.value)


def test_device_array_parameters_are_checked():
    rs = cr.RandomState(0)
    with pytest.raises(ValueError, match="df <= 0"):
        rs.standard_t(cupy.array([1.0, 0.0]))
    with pytest.raises(ValueError, match="ngood < 0"):
        rs.hypergeometric(cupy.array([-1, 3]), 5, 1)
    with pytest.raises(ValueError, match="alpha <= 0"):
        rs.dirichlet(cupy.array([1.0, 0.0]))
    with pytest.raises(ValueError, match=r"sum\(pvals\[:-1\]\) > 1.0"):
        cr.default_rng(0).multinomial(cupy.array([3, 4]), cupy.array([0.7, 0.7, 0.0]))


def test_multivariate_normal_warns_as_numpy():
    cov = [[1.0, 2.0], [2.0, 1.0]]
    with pytest.warns(RuntimeWarning, match="not symmetric positive-semidefinite"):
        cr.default_rng(0).multivariate_normal([0.0, 0.0], cov)
    with pytest.warns(RuntimeWarning, match="not symmetric positive-semidefinite"):
        cr.RandomState(0).multivariate_normal([0.0, 0.0], cov, check_valid="warn",
                                              method="eigh")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cr.default_rng(0).multivariate_normal([0.0, 0.0], cov, check_valid="ignore")
    with pytest.raises(numpy.linalg.LinAlgError):
        cr.RandomState(0).multivariate_normal([0.0, 0.0], cov)   # cholesky by default


# --- shapes and dtypes ------------------------------------------------------------------------
VALID = [
    ("standard_cauchy", ()),
    ("standard_t", (3.0,)),
    ("standard_t", ([1.0, 2.0, 30.0],)),
    ("f", (3.0, [[5.0], [7.0]])),
    ("noncentral_chisquare", (3.0, [0.0, 2.0, 5.0])),
    ("noncentral_f", ([3.0, 4.0, 5.0], 5.0, 1.0)),
    ("vonmises", ([0.0, 1.0, -1.0], 4.0)),
    ("wald", (1.0, [[2.0], [3.0]])),
    ("zipf", ([2.0, 3.0, 4.0],)),
    ("logseries", (0.6,)),
    ("negative_binomial", ([1.0, 2.5, 7.0], 0.4)),
    ("hypergeometric", ([5, 10, 20], 10, 4)),
    ("dirichlet", ([1.0, 2.0, 3.0],)),
    ("multinomial", (20, [0.2, 0.3, 0.5])),
    ("multivariate_normal", ([0.0, 1.0, 2.0], numpy.eye(3))),
]


@pytest.mark.parametrize("kind", ["rs", "gen"])
@pytest.mark.parametrize("size", [None, 3, (2, 3)], ids=str)
@pytest.mark.parametrize("name,args", VALID, ids=_case_id)
def test_shapes_and_dtypes_as_numpy(kind, size, name, args):
    ours, theirs = _api(kind)
    try:
        expected = numpy.asarray(getattr(theirs, name)(*args, size=size))
    except ValueError:
        # A size the parameters do not broadcast to: both refuse it.
        with pytest.raises(ValueError):
            getattr(ours, name)(*args, size=size)
        return
    got = getattr(ours, name)(*args, size=size)
    assert isinstance(got, cupy.ndarray)
    assert got.shape == expected.shape
    assert got.dtype == expected.dtype


@pytest.mark.parametrize("name,args", [
    ("standard_cauchy", ()), ("standard_t", (3.0,)), ("f", (3.0, 5.0)),
    ("noncentral_chisquare", (3.0, 1.0)), ("noncentral_f", (3.0, 5.0, 1.0)),
    ("vonmises", (0.0, 1.0)), ("wald", (1.0, 1.0)), ("dirichlet", ([1.0, 2.0],)),
    ("multivariate_normal", ([0.0, 0.0], numpy.eye(2))),
], ids=_case_id)
def test_legacy_float32(name, args):
    x = getattr(cr.RandomState(0), name)(*args, size=4, dtype=numpy.float32)
    assert x.dtype == numpy.float32
    assert bool(cupy.isfinite(x).all())


@pytest.mark.parametrize("name,args", [
    ("zipf", (2.0,)), ("logseries", (0.5,)), ("negative_binomial", (2.0, 0.5)),
    ("hypergeometric", (5, 5, 5)),
], ids=_case_id)
def test_legacy_integer_dtype(name, args):
    x = getattr(cr.RandomState(0), name)(*args, size=4, dtype=numpy.int32)
    assert x.dtype == numpy.int32


def test_generator_multinomial_broadcasts_n_and_pvals():
    g = cr.default_rng(3)
    n = numpy.array([[10], [200]])
    pvals = numpy.array([[0.5, 0.5], [0.1, 0.9], [1.0, 0.0]])
    x = g.multinomial(n, pvals)
    assert x.shape == numpy.random.default_rng(0).multinomial(n, pvals).shape == (2, 3, 2)
    numpy.testing.assert_array_equal(x.sum(axis=-1).get(), numpy.broadcast_to(n, (2, 3)))
    assert (x[:, 2, 1].get() == 0).all()
    y = g.multinomial(cupy.array([1, 2]), [0.5, 0.5], size=(4, 2))
    assert y.shape == (4, 2, 2)
    numpy.testing.assert_array_equal(y.sum(axis=-1).get(), numpy.tile([1, 2], (4, 1)))


# --- reproducibility ----------------------------------------------------------------------
CALLS = [
    ("standard_cauchy", ()), ("standard_t", (2.0,)), ("f", (2.0, 3.0)),
    ("noncentral_chisquare", (0.5, 1.0)), ("noncentral_f", (2.0, 3.0, 1.0)),
    ("vonmises", (1.0, 2.0)), ("wald", (1.0, 3.0)), ("zipf", (1.5,)), ("logseries", (0.9,)),
    ("negative_binomial", (3.0, 0.2)), ("hypergeometric", (30, 40, 25)),
    ("dirichlet", ([0.5, 0.5, 2.0],)), ("multinomial", (50, [0.1, 0.2, 0.7])),
    ("multivariate_normal", ([1.0, -1.0], [[2.0, 0.3], [0.3, 1.0]])),
]


@pytest.mark.parametrize("name,args", CALLS, ids=_case_id)
def test_seed_reproduces_and_calls_differ(name, args):
    a, b = cr.RandomState(42), cr.RandomState(42)
    x1 = getattr(a, name)(*args, size=50).get()
    x2 = getattr(a, name)(*args, size=50).get()
    numpy.testing.assert_array_equal(getattr(b, name)(*args, size=50).get(), x1)
    assert not numpy.array_equal(x1, x2)
    # Both APIs read the same streams (multivariate_normal: with the same factorization;
    # RandomState defaults to CuPy's cholesky, Generator to NumPy's svd).
    kwargs = {"method": "cholesky"} if name == "multivariate_normal" else {}
    numpy.testing.assert_array_equal(
        getattr(cr.default_rng(42), name)(*args, size=50, **kwargs).get(), x1)


def test_module_functions_use_the_global_state():
    cr.seed(7)
    a = cr.standard_t(3.0, size=5)
    cr.seed(7)
    numpy.testing.assert_array_equal(cr.get_random_state().standard_t(3.0, size=5).get(),
                                     a.get())
    for name in ("standard_cauchy", "standard_t", "f", "noncentral_chisquare", "noncentral_f",
                 "vonmises", "wald", "zipf", "logseries", "negative_binomial",
                 "hypergeometric", "dirichlet", "multinomial", "multivariate_normal",
                 "bytes", "get_state", "set_state"):
        assert callable(getattr(cr, name)), name


def test_module_get_state_set_state():
    cr.seed(11)
    state = cr.get_state()
    assert state == cr.get_random_state().get_state()
    assert state["bit_generator"] == "Philox"
    a = cr.rand(4).get()
    cr.set_state(state)
    numpy.testing.assert_array_equal(cr.rand(4).get(), a)
    assert cr.get_random_state().get_state(legacy=False) == cr.get_state()
    with pytest.raises(ValueError):
        cr.set_state(numpy.random.RandomState(0).get_state())


def test_bytes():
    rs = cr.RandomState(5)
    b = rs.bytes(13)
    assert isinstance(b, bytes) and len(b) == 13
    assert cr.RandomState(5).bytes(13) == b
    assert rs.bytes(13) != b
    assert rs.bytes(0) == b""
    assert len(cr.default_rng(0).bytes(3)) == 3
    assert len(cr.bytes(5)) == 5
    values = numpy.frombuffer(cr.RandomState(6).bytes(256 * 200), numpy.uint8)
    _chisquare(values, lambda v: numpy.full(v.shape, 1 / 256), (0, 255))


# --- distributions ------------------------------------------------------------------------
def _ks(sample, dist):
    p = stats.kstest(cupy.asnumpy(sample).astype(numpy.float64).ravel(), dist.cdf).pvalue
    assert p > ALPHA, p


def _chisquare(sample, pmf, support):
    """Chi-square goodness of fit over ``support``; the tails beyond it form one bin."""
    x = cupy.asnumpy(sample).ravel().astype(numpy.int64)
    lo, hi = support
    counts = numpy.bincount(x[(x >= lo) & (x <= hi)] - lo, minlength=hi - lo + 1)
    counts = counts.astype(float)
    probs = pmf(numpy.arange(lo, hi + 1))
    counts = numpy.append(counts, x.size - counts.sum())
    expected = numpy.append(probs, max(1.0 - probs.sum(), 0.0)) * x.size
    keep = expected >= 5
    assert counts[~keep].sum() <= max(20, 3 * expected[~keep].sum()), "mass in rare bins"
    c, e = counts[keep], expected[keep]
    e *= c.sum() / e.sum()
    p = stats.chisquare(c, e).pvalue
    assert p > ALPHA, p


CONTINUOUS = [
    ("standard_cauchy", (), stats.cauchy()),
    ("standard_t", (1.5,), stats.t(1.5)),
    ("standard_t", (12.0,), stats.t(12.0)),
    ("f", (3.0, 7.0), stats.f(3.0, 7.0)),
    ("f", (0.7, 2.5), stats.f(0.7, 2.5)),
    ("noncentral_chisquare", (3.0, 2.5), stats.ncx2(3.0, 2.5)),      # df > 1
    ("noncentral_chisquare", (0.6, 4.0), stats.ncx2(0.6, 4.0)),      # Poisson mixture
    ("noncentral_chisquare", (2.0, 0.0), stats.chi2(2.0)),
    ("noncentral_f", (3.0, 8.0, 2.0), stats.ncf(3.0, 8.0, 2.0)),
    ("vonmises", (0.5, 3.0), stats.vonmises(3.0)),
    ("vonmises", (-2.5, 0.4), stats.vonmises(0.4)),                  # wraps around -pi
    ("vonmises", (3.0, 50.0), stats.vonmises(50.0)),                 # wraps around pi
    ("vonmises", (1.0, 5e-6), stats.uniform(-numpy.pi, 2 * numpy.pi)),
    ("vonmises", (0.0, 4e6), stats.norm(0.0, 1 / numpy.sqrt(4e6))),  # wrapped normal
    ("wald", (1.0, 3.0), stats.invgauss(1.0 / 3.0, scale=3.0)),
    ("wald", (2.0, 0.05), stats.invgauss(2.0 / 0.05, scale=0.05)),
    ("wald", (0.5, 500.0), stats.invgauss(0.5 / 500.0, scale=500.0)),
]


def _centred(name, args, x):
    """von Mises draws lie in [-pi, pi] around ``mu``; scipy's ``loc`` would shift the support
    instead of wrapping it, so the draws are compared as ``x - mu`` wrapped to [-pi, pi)
    with the distribution centred at 0."""
    if name != "vonmises":
        return x
    x = cupy.asnumpy(x).astype(numpy.float64)
    return numpy.mod(x - args[0] + numpy.pi, 2 * numpy.pi) - numpy.pi


@pytest.mark.parametrize("name,args,dist", CONTINUOUS, ids=_case_id)
def test_continuous_ks(name, args, dist):
    _ks(_centred(name, args, getattr(cr.RandomState(21), name)(*args, size=N)), dist)


def test_vonmises_ks_rejects_a_wrong_centre():
    x = cr.RandomState(21).vonmises(0.5, 3.0, size=N)
    with pytest.raises(AssertionError):
        _ks(_centred("vonmises", (0.45,), x), stats.vonmises(3.0))


@pytest.mark.parametrize("name,args,dist", [
    ("standard_cauchy", (), stats.cauchy()),
    ("vonmises", (2.0, 1.0), stats.vonmises(1.0)),
    ("wald", (1.5, 1.0), stats.invgauss(1.5, scale=1.0)),
], ids=_case_id)
def test_continuous_float32_ks(name, args, dist):
    x = getattr(cr.RandomState(22), name)(*args, size=N, dtype=numpy.float32)
    assert x.dtype == numpy.float32
    _ks(_centred(name, args, x), dist)


def test_cauchy_tails_are_finite_and_symmetric():
    x = cr.RandomState(23).standard_cauchy(N).get()
    assert numpy.isfinite(x).all()
    big = numpy.abs(x) > 100   # P = 2 * atan(1/100) / pi, about 0.0064
    assert abs(big.mean() - 2 * numpy.arctan(0.01) / numpy.pi) < 5 * numpy.sqrt(0.0064 / N)
    assert abs((x[big] > 0).mean() - 0.5) < 0.1


def _support(dist):
    return max(int(dist.ppf(1e-6)), int(dist.support()[0])), int(dist.ppf(1 - 1e-6))


DISCRETE = [
    ("zipf", (2.5,), stats.zipf(2.5)),
    ("zipf", (1.2,), stats.zipf(1.2)),
    ("logseries", (0.3,), stats.logser(0.3)),
    ("logseries", (0.97,), stats.logser(0.97)),
    ("negative_binomial", (3.0, 0.4), stats.nbinom(3.0, 0.4)),
    ("negative_binomial", (0.7, 0.05), stats.nbinom(0.7, 0.05)),
    ("negative_binomial", (50.0, 0.9), stats.nbinom(50.0, 0.9)),
    ("hypergeometric", (7, 12, 5), stats.hypergeom(19, 7, 5)),          # draw by draw
    ("hypergeometric", (12, 7, 16), stats.hypergeom(19, 12, 16)),       # complement
    ("hypergeometric", (60, 90, 40), stats.hypergeom(150, 60, 40)),     # HRUA
    ("hypergeometric", (900, 300, 700), stats.hypergeom(1200, 900, 700)),
]


@pytest.mark.parametrize("name,args,dist", DISCRETE, ids=_case_id)
def test_discrete_chisquare(name, args, dist):
    x = getattr(cr.RandomState(24), name)(*args, size=N)
    assert x.dtype == numpy.int64
    if name == "zipf" and args[0] < 2:
        # A tail too heavy for 1e-6 quantiles (about 1e30 for a = 1.2, which scipy cannot
        # search for): bins up to 2000, the rest is one bin.
        lo, hi = 1, 2000
    else:
        lo, hi = _support(dist)
    _chisquare(x, dist.pmf, (lo, hi))


def _quantile_chisquare(sample, dist, bins=20):
    """Chi-square test of a continuous sample over bins of equal probability whose edges are
    resolved in float64.

    A KS test cannot judge Beta variates with parameters below 1: a few percent of them lie
    within an ulp of 0 or 1 and round onto it (NumPy's own draws fail it too). Bins whose
    edges are exact doubles away from 0 and 1 take those values into the end bins, where they
    belong."""
    x = cupy.asnumpy(sample).astype(numpy.float64).ravel()
    edges = dist.ppf(numpy.linspace(0.0, 1.0, bins + 1)[1:-1])
    lo, hi = dist.support()
    edges = numpy.unique(edges[(edges > lo + 1e-300) & (edges < hi - 1e-9)])
    counts = numpy.bincount(numpy.searchsorted(edges, x, side="right"),
                            minlength=edges.size + 1)
    expected = numpy.diff(numpy.concatenate(([0.0], dist.cdf(edges), [1.0]))) * x.size
    assert edges.size >= 4 and (expected >= 5).all()
    p = stats.chisquare(counts, expected).pvalue
    assert p > ALPHA, p


def test_quantile_chisquare_rejects_a_wrong_distribution():
    x = cr.RandomState(28).beta(0.05, 0.1, size=N)
    with pytest.raises(AssertionError):
        _quantile_chisquare(x, stats.beta(0.05, 0.11))


def test_chisquare_rejects_a_wrong_distribution():
    x = cr.RandomState(24).hypergeometric(60, 90, 40, size=N)
    dist = stats.hypergeom(150, 61, 40)
    with pytest.raises(AssertionError):
        _chisquare(x, dist.pmf, _support(dist))


def test_generator_discrete_and_continuous():
    g = cr.default_rng(25)
    assert (g.hypergeometric(20, 30, 0, size=1000).get() == 0).all()
    _chisquare(g.negative_binomial(4.0, 0.5, size=N), stats.nbinom(4.0, 0.5).pmf, (0, 40))
    _ks(g.noncentral_f(2.0, 6.0, 3.0, size=N), stats.ncf(2.0, 6.0, 3.0))


def test_degenerate_parameters():
    rs = cr.RandomState(26)
    assert (rs.hypergeometric(5, 0, 3, 10).get() == 3).all()
    assert (rs.hypergeometric(0, 5, 3, 10).get() == 0).all()
    assert (rs.hypergeometric(5, 5, 10, 10).get() == 5).all()
    assert (rs.negative_binomial(2.0, 1.0, 10).get() == 0).all()
    assert (rs.logseries(0.0, 10).get() == 1).all()
    assert (rs.zipf(2000.0, 10).get() == 1).all()
    assert (rs.vonmises(0.25, numpy.inf, 10).get() == 0.25).all()
    numpy.testing.assert_allclose(rs.wald(2.0, numpy.inf, 10).get(), 2.0)
    assert numpy.isnan(rs.standard_t(NAN, 3).get()).all()
    assert numpy.isnan(rs.noncentral_chisquare(1.0, NAN, 3).get()).all()


def test_parameters_broadcast_per_element():
    rs = cr.RandomState(27)
    df = cupy.array([1.0, 5.0, 50.0])
    x = rs.noncentral_chisquare(df, cupy.array([[0.5], [8.0]]), size=(20000, 2, 3)).get()
    expected = df.get()[None, :] + numpy.array([[0.5], [8.0]])   # mean df + nonc
    numpy.testing.assert_allclose(x.mean(axis=0), expected, rtol=0.05)
    good = numpy.array([10, 200, 3000])
    y = rs.hypergeometric(good, 500, 100, size=(20000, 3)).get()
    numpy.testing.assert_allclose(y.mean(axis=0), 100 * good / (good + 500), rtol=0.02)


# --- multivariate ----------------------------------------------------------------------------
@pytest.mark.parametrize("alpha", [[0.5, 1.5, 3.0], [0.05, 0.02, 0.08], [7.0]], ids=str)
def test_dirichlet_rows_and_marginals(alpha):
    x = cr.RandomState(28).dirichlet(alpha, size=N // 2)
    assert x.shape == (N // 2, len(alpha))
    assert bool((x >= 0).all())
    numpy.testing.assert_allclose(x.sum(axis=1).get(), 1.0, rtol=1e-12)
    a = numpy.asarray(alpha)
    if a.size > 1:
        # Each component is Beta(alpha_j, sum(alpha) - alpha_j); the small alphas take the
        # stick-breaking path, the others normalized gammas.
        for j in range(a.size):
            _quantile_chisquare(x[:, j], stats.beta(a[j], a.sum() - a[j]))


def test_dirichlet_generator_zero_alphas_and_float32():
    g = cr.default_rng(29)
    x = g.dirichlet([0.0, 2.0, 0.0, 1.0], size=1000).get()
    assert (x[:, [0, 2]] == 0).all()
    numpy.testing.assert_allclose(x.sum(axis=1), 1.0, rtol=1e-12)
    numpy.testing.assert_array_equal(g.dirichlet([0.0, 0.0], size=2).get(), numpy.zeros((2, 2)))
    tiny = g.dirichlet([0.01, 0.0, 0.03], size=1000).get()
    assert (tiny[:, 1] == 0).all() and numpy.isfinite(tiny).all()
    numpy.testing.assert_allclose(tiny.sum(axis=1), 1.0, rtol=1e-12)
    y = cr.RandomState(29).dirichlet([1.0, 2.0], size=100, dtype=numpy.float32)
    assert y.dtype == numpy.float32
    numpy.testing.assert_allclose(y.sum(axis=1).get(), 1.0, rtol=1e-5)


@pytest.mark.parametrize("n,pvals", [
    (20, [0.2, 0.3, 0.5]),
    (1000, [0.05, 0.6, 0.1, 0.25]),   # BTRS for the large counts
    (7, [0.0, 1.0]),
    (30, [0.3, 0.3]),                 # the last outcome takes the remaining 0.4
], ids=_case_id)
def test_multinomial_rows_and_marginals(n, pvals):
    x = cr.RandomState(30).multinomial(n, pvals, size=N // 2)
    assert x.dtype == numpy.int64 and x.shape == (N // 2, len(pvals))
    assert (x.sum(axis=1).get() == n).all()
    p = numpy.asarray(pvals, float)
    p[-1] = 1.0 - p[:-1].sum()
    for j in range(len(p)):
        dist = stats.binom(n, p[j])
        if p[j] in (0.0, 1.0):
            assert (x[:, j].get() == n * p[j]).all()
        else:
            _chisquare(x[:, j], dist.pmf, _support(dist))


@pytest.mark.parametrize("kind", ["rs", "gen"])
@pytest.mark.parametrize("method", ["svd", "eigh", "cholesky"])
def test_multivariate_normal_mean_and_cov(kind, method):
    mean = numpy.array([1.0, -2.0, 0.5])
    cov = numpy.array([[2.0, 0.6, -0.3], [0.6, 1.0, 0.2], [-0.3, 0.2, 0.5]])
    ours, _ = _api(kind, 31)
    x = ours.multivariate_normal(mean, cov, size=(N // 2,), method=method)
    assert x.shape == (N // 2, 3) and x.dtype == numpy.float64
    h = x.get()
    numpy.testing.assert_allclose(h.mean(axis=0), mean, atol=5 * numpy.sqrt(2.0 / h.shape[0]))
    numpy.testing.assert_allclose(numpy.cov(h.T), cov, atol=0.03)
    # A linear projection of a multivariate normal is normal.
    w = numpy.array([0.3, -1.0, 2.0])
    _ks(h @ w, stats.norm(w @ mean, numpy.sqrt(w @ cov @ w)))


def test_multivariate_normal_singular_covariance():
    # Positive semi-definite but singular: svd and eigh draw on the subspace.
    cov = numpy.array([[1.0, 1.0], [1.0, 1.0]])
    g = cr.default_rng(32)
    for method in ("svd", "eigh"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            x = g.multivariate_normal([0.0, 3.0], cov, size=1000, method=method).get()
        numpy.testing.assert_allclose(x[:, 1] - x[:, 0], 3.0, atol=1e-9)
    with pytest.raises(numpy.linalg.LinAlgError):
        g.multivariate_normal([0.0, 0.0], cov, method="cholesky")


# --- moments ---------------------------------------------------------------------------------
# Sample mean and variance against the distribution's, each within 5 standard errors (a
# two-sided level of about 6e-7 under the normal approximation). The variance's standard
# error is var * sqrt((excess kurtosis + 2) / N), so only distributions with a finite fourth
# moment are listed.
MOMENTS = [
    ("standard_t", (12.0,), stats.t(12.0)),
    ("f", (5.0, 20.0), stats.f(5.0, 20.0)),
    ("noncentral_chisquare", (3.0, 2.0), stats.ncx2(3.0, 2.0)),
    ("noncentral_chisquare", (0.6, 4.0), stats.ncx2(0.6, 4.0)),
    ("noncentral_f", (4.0, 30.0, 2.0), stats.ncf(4.0, 30.0, 2.0)),
    ("vonmises", (0.0, 2.0), stats.vonmises(2.0)),
    ("wald", (1.5, 4.0), stats.invgauss(1.5 / 4.0, scale=4.0)),
    ("zipf", (7.0,), stats.zipf(7.0)),
    ("logseries", (0.7,), stats.logser(0.7)),
    ("negative_binomial", (3.5, 0.3), stats.nbinom(3.5, 0.3)),
    ("hypergeometric", (60, 90, 40), stats.hypergeom(150, 60, 40)),
    ("hypergeometric", (7, 12, 5), stats.hypergeom(19, 7, 5)),
]


@pytest.mark.parametrize("name,args,dist", MOMENTS, ids=_case_id)
def test_mean_and_variance(name, args, dist):
    x = cupy.asnumpy(getattr(cr.default_rng(33), name)(*args, size=N)).astype(numpy.float64)
    mean, var, kurt = (float(v) for v in dist.stats(moments="mvk"))
    assert abs(x.mean() - mean) < 5 * numpy.sqrt(var / N)
    assert abs(x.var() - var) < 5 * var * numpy.sqrt((kurt + 2) / N)


def _assert_covariance(x, expected):
    """Sample covariance of the columns of ``x`` within 5 standard errors of ``expected``
    (each entry's standard error estimated from the products of the centred columns)."""
    d = x - x.mean(axis=0)
    prod = d[:, :, None] * d[:, None, :]
    se = prod.std(axis=0) / numpy.sqrt(x.shape[0])
    assert (numpy.abs(prod.mean(axis=0) - expected) <= 5 * se + 1e-12).all(), (
        prod.mean(axis=0), expected)


def test_multinomial_counts_are_negatively_correlated():
    # The marginals are binomial either way; the covariance -n p_i p_j checks the joint law.
    n, p = 40, numpy.array([0.1, 0.25, 0.3, 0.35])
    x = cr.default_rng(34).multinomial(n, p, size=N).get().astype(numpy.float64)
    _assert_covariance(x, n * (numpy.diag(p) - numpy.outer(p, p)))
    numpy.testing.assert_allclose(x.mean(axis=0), n * p,
                                  atol=5 * numpy.sqrt(n * p * (1 - p) / N).max())


@pytest.mark.parametrize("alpha", [[0.5, 1.5, 3.0], [0.05, 0.02, 0.08]], ids=str)
def test_dirichlet_covariance(alpha):
    a = numpy.asarray(alpha)
    a0 = a.sum()
    x = cr.default_rng(35).dirichlet(a, size=N).get()
    m = a / a0
    _assert_covariance(x, (numpy.diag(m) - numpy.outer(m, m)) / (a0 + 1))


def test_covariance_check_rejects_independent_columns():
    x = cr.default_rng(34).binomial(40, 0.25, size=(N, 2)).get().astype(numpy.float64)
    with pytest.raises(AssertionError):
        _assert_covariance(x, 40 * numpy.array([[0.1875, -0.0625], [-0.0625, 0.1875]]))


# --- Generator only: multivariate_hypergeometric, permuted, standard_gamma(out=) -------------
@pytest.mark.parametrize("args,kwargs", [
    (([3, 4, 5], 13), {}),
    (([3, -4, 5], 6), {}),
    (([3, 4, 5], -1), {}),
    (([3, 4, 5], 6), {"method": "x"}),
    (([[3, 4]], 1), {}),
    ((3, 1), {}),
    (([3.5, 4], 1), {}),
    (([10**9, 1], 1), {}),
    (([2**62, 2**62], 1), {}),
    (([3, 4], 2.5), {}),
    (([3, 4], 2), {"size": -1}),
], ids=_case_id)
def test_multivariate_hypergeometric_errors_as_numpy(args, kwargs):
    _raises_as_numpy("gen", "multivariate_hypergeometric", args, kwargs)


@pytest.mark.parametrize("method", ["marginals", "count"])
@pytest.mark.parametrize("size", [None, 4, (2, 3)], ids=str)
def test_multivariate_hypergeometric_shapes(method, size):
    ours, theirs = _api("gen")
    expected = theirs.multivariate_hypergeometric([3, 4, 5], 6, size=size, method=method)
    got = ours.multivariate_hypergeometric(cupy.array([3, 4, 5]), 6, size=size, method=method)
    assert got.shape == expected.shape and got.dtype == expected.dtype
    assert (got.sum(axis=-1).get() == 6).all()
    assert ours.multivariate_hypergeometric([], 0, size=size).shape == \
        theirs.multivariate_hypergeometric([], 0, size=size).shape
    # A sample of everything, and of nothing.
    numpy.testing.assert_array_equal(ours.multivariate_hypergeometric([2, 0, 5], 7).get(),
                                     [2, 0, 5])
    assert (ours.multivariate_hypergeometric([2, 0, 5], 0, size=3).get() == 0).all()


def test_multivariate_hypergeometric_marginals_and_covariance():
    colors = numpy.array([30, 5, 50, 15])
    total, nsample = colors.sum(), 40
    x = cr.default_rng(36).multivariate_hypergeometric(colors, nsample, size=N).get()
    assert (x <= colors).all() and (x.sum(axis=1) == nsample).all()
    for j in range(colors.size):
        dist = stats.hypergeom(total, colors[j], nsample)
        _chisquare(x[:, j], dist.pmf, _support(dist))
    p = colors / total
    fpc = (total - nsample) / (total - 1)
    _assert_covariance(x.astype(numpy.float64),
                       nsample * fpc * (numpy.diag(p) - numpy.outer(p, p)))


def test_permuted_rows_are_independent_uniform_permutations():
    x = cupy.tile(cupy.arange(4), (N // 4, 1))
    y = cr.default_rng(37).permuted(x, axis=1).get()
    numpy.testing.assert_array_equal(numpy.sort(y, axis=1), x.get())
    # Each row is one of the 24 orders with probability 1/24; so is the pair (row, next row)
    # one of 576 with probability 1/576 if the rows are independent.
    code = ((y * numpy.array([64, 16, 4, 1])).sum(axis=1))
    _, order = numpy.unique(code, return_inverse=True)
    _chisquare(order, lambda v: numpy.full(v.shape, 1 / 24), (0, 23))
    pairs = order[0::2] * 24 + order[1::2]
    _chisquare(pairs, lambda v: numpy.full(v.shape, 1 / 576), (0, 575))


def test_permuted_axis_none_and_out():
    g = cr.default_rng(38)
    x = cupy.arange(24).reshape(2, 3, 4)
    y = g.permuted(x)
    assert y.shape == x.shape and not numpy.array_equal(y.get(), x.get())
    numpy.testing.assert_array_equal(numpy.sort(y.get(), axis=None), numpy.arange(24))
    z = g.permuted(x, axis=0, out=x)
    assert z is x
    numpy.testing.assert_array_equal(numpy.sort(x.get(), axis=0),
                                     numpy.arange(24).reshape(2, 3, 4))
    assert isinstance(g.permuted([1, 2, 3]), cupy.ndarray)
    with pytest.raises(ValueError, match="out must have the same shape as x"):
        g.permuted(cupy.arange(4), out=cupy.empty(3))
    with pytest.raises(TypeError):
        g.permuted(cupy.arange(4), out=cupy.empty(4, dtype=numpy.int32))
    with pytest.raises(numpy.exceptions.AxisError):
        g.permuted(cupy.arange(4), axis=1)
    with pytest.raises(TypeError):
        g.permuted(5)


def test_standard_gamma_out():
    g = cr.default_rng(39)
    out = cupy.empty((N // 2, 3), numpy.float32)
    assert g.standard_gamma([0.5, 2.0, 9.0], dtype=numpy.float32, out=out) is out
    for j, shape in enumerate([0.5, 2.0, 9.0]):
        _ks(out[:, j], stats.gamma(shape))
    with pytest.raises(TypeError):
        g.standard_gamma(1.0, out=cupy.empty(3, numpy.float32))   # dtype float64 expected
