"""Statistical checks of the samplers: Kolmogorov-Smirnov for continuous distributions,
chi-square for discrete ones, with fixed seeds. A correct sampler fails a test with
probability about 1e-4 over seeds; the seeds are fixed, so the tests are deterministic."""
import numpy
import pytest
from scipy import stats

import cupy

N = 100_000
ALPHA = 1e-4


def _case_id(v):
    if isinstance(v, str):
        return v
    return "-".join(map(str, v)) if isinstance(v, tuple) else ""


def _ks(sample, dist):
    assert sample.shape == (N,)
    p = stats.kstest(cupy.asnumpy(sample).astype(numpy.float64), dist.cdf).pvalue
    assert p > ALPHA, p


CONTINUOUS = [
    ("random_sample", (), stats.uniform()),
    ("uniform", (-2.0, 3.0), stats.uniform(-2.0, 5.0)),
    ("standard_normal", (), stats.norm()),
    ("normal", (1.5, 2.5), stats.norm(1.5, 2.5)),
    ("lognormal", (0.3, 0.7), stats.lognorm(0.7, scale=numpy.exp(0.3))),
    ("standard_exponential", (), stats.expon()),
    ("exponential", (3.0,), stats.expon(scale=3.0)),
    ("standard_gamma", (0.3,), stats.gamma(0.3)),
    ("gamma", (1.0, 2.0), stats.gamma(1.0, scale=2.0)),
    ("gamma", (7.5, 0.5), stats.gamma(7.5, scale=0.5)),
    ("beta", (0.5, 0.5), stats.beta(0.5, 0.5)),
    ("beta", (0.2, 0.9), stats.beta(0.2, 0.9)),
    ("beta", (2.0, 5.0), stats.beta(2.0, 5.0)),
    ("chisquare", (3.0,), stats.chi2(3.0)),
    ("laplace", (1.0, 2.0), stats.laplace(1.0, 2.0)),
    ("logistic", (-1.0, 0.5), stats.logistic(-1.0, 0.5)),
    ("gumbel", (0.5, 2.0), stats.gumbel_r(0.5, 2.0)),
    ("rayleigh", (2.0,), stats.rayleigh(scale=2.0)),
    ("weibull", (1.7,), stats.weibull_min(1.7)),
    ("pareto", (3.0,), stats.lomax(3.0)),
    ("power", (2.5,), stats.powerlaw(2.5)),
    ("triangular", (-1.0, 0.5, 2.0), stats.triang(0.5, loc=-1.0, scale=3.0)),
]


@pytest.mark.parametrize("name,args,dist", CONTINUOUS, ids=_case_id)
def test_continuous_ks(name, args, dist):
    rs = cupy.random.RandomState(1)
    _ks(getattr(rs, name)(*args, size=N), dist)


@pytest.mark.parametrize("name,dist", [("random_sample", stats.uniform()),
                                       ("standard_normal", stats.norm()),
                                       ("standard_exponential", stats.expon())])
def test_float32_ks(name, dist):
    x = getattr(cupy.random.RandomState(2), name)(size=N, dtype=numpy.float32)
    assert x.dtype == numpy.float32
    _ks(x, dist)


def test_ks_rejects_a_wrong_distribution():
    # The statistic has power: normal samples are not accepted as logistic ones.
    x = cupy.random.RandomState(3).standard_normal(N).get()
    assert stats.kstest(x, stats.logistic().cdf).pvalue < ALPHA


def _chisquare(sample, pmf, support):
    """Chi-square goodness of fit over ``support``; the tails beyond it form one bin."""
    x = cupy.asnumpy(sample).ravel()
    lo, hi = support
    counts = numpy.array([numpy.count_nonzero(x == k) for k in range(lo, hi + 1)], float)
    probs = pmf(numpy.arange(lo, hi + 1))
    rest_count = x.size - counts.sum()
    rest_prob = 1.0 - probs.sum()
    counts = numpy.append(counts, rest_count)
    expected = numpy.append(probs, max(rest_prob, 0.0)) * x.size
    keep = expected >= 5
    assert counts[~keep].sum() <= max(20, 3 * expected[~keep].sum()), "mass in rare bins"
    c, e = counts[keep], expected[keep]
    e *= c.sum() / e.sum()
    p = stats.chisquare(c, e).pvalue
    assert p > ALPHA, p


def _support(dist):
    return int(dist.ppf(1e-6)), int(dist.ppf(1 - 1e-6))


DISCRETE = [
    ("binomial", (10, 0.3), stats.binom(10, 0.3)),        # inversion
    ("binomial", (1, 0.9), stats.binom(1, 0.9)),
    ("binomial", (50, 0.4), stats.binom(50, 0.4)),        # BTRS
    ("binomial", (2000, 0.75), stats.binom(2000, 0.75)),  # BTRS with p > 1/2
    ("poisson", (0.5,), stats.poisson(0.5)),              # multiplication
    ("poisson", (9.5,), stats.poisson(9.5)),
    ("poisson", (25.0,), stats.poisson(25.0)),            # PTRS
    ("poisson", (1000.0,), stats.poisson(1000.0)),
    ("geometric", (0.2,), stats.geom(0.2)),
    ("geometric", (0.9,), stats.geom(0.9)),
]


@pytest.mark.parametrize("name,args,dist", DISCRETE, ids=_case_id)
def test_discrete_chisquare(name, args, dist):
    x = getattr(cupy.random.RandomState(4), name)(*args, size=N)
    assert x.dtype == numpy.int64
    _chisquare(x, dist.pmf, _support(dist))


def test_chisquare_rejects_a_wrong_distribution():
    x = cupy.random.RandomState(4).poisson(25.0, size=N)
    dist = stats.poisson(25.5)
    with pytest.raises(AssertionError):
        _chisquare(x, dist.pmf, _support(dist))


@pytest.mark.parametrize("low,high,dtype", [(0, 7, numpy.int64), (-3, 4, numpy.int8),
                                            (0, 256, numpy.uint8), (10, 1010, numpy.int32)])
def test_randint_uniform(low, high, dtype):
    x = cupy.random.RandomState(5).randint(low, high, size=N, dtype=dtype)
    assert x.dtype == dtype
    k = high - low
    _chisquare(x.astype(numpy.int64) - low, lambda v: numpy.full(v.shape, 1.0 / k), (0, k - 1))


def test_randint_wide_range_moments():
    # A range beyond 32 bits uses 64-bit words: check both halves of the values.
    x = cupy.random.RandomState(6).randint(0, 3 * 2**40, size=N).get()
    assert x.min() >= 0 and x.max() < 3 * 2**40
    u = x / (3 * 2**40)
    assert abs(u.mean() - 0.5) < 5 * numpy.sqrt(1 / 12 / N)
    low_bits = x & 0xFFFF
    assert abs(low_bits.mean() - 32767.5) < 5 * 65536 * numpy.sqrt(1 / 12 / N)


def test_weighted_choice_with_replacement():
    p = numpy.array([0.1, 0.0, 0.25, 0.4, 0.25])
    x = cupy.random.RandomState(7).choice(5, size=N, p=p)
    assert x.dtype == numpy.int64
    assert not bool((x == 1).any())
    _chisquare(x, lambda v: p[v], (0, 4))


def test_choice_without_replacement_each_draw_uniform():
    # 3 of 6 without replacement: every position is uniform over the population and the
    # three are distinct.
    rs = cupy.random.RandomState(8)
    rows = numpy.array([rs.choice(6, 3, replace=False).get() for _ in range(3000)])
    assert all(len(set(r)) == 3 for r in rows)
    for col in range(3):
        _chisquare(rows[:, col], lambda v: numpy.full(v.shape, 1 / 6), (0, 5))


def test_weighted_choice_without_replacement_first_and_second_draw():
    p = numpy.array([0.5, 0.3, 0.2])
    rs = cupy.random.RandomState(9)
    rows = numpy.array([rs.choice(3, 2, replace=False, p=p).get() for _ in range(3000)])
    _chisquare(rows[:, 0], lambda v: p[v], (0, 2))
    # Second draw: P(j) = sum over i != j of p_i * p_j / (1 - p_i).
    second = numpy.array([sum(p[i] * p[j] / (1 - p[i]) for i in range(3) if i != j)
                          for j in range(3)])
    _chisquare(rows[:, 1], lambda v: second[v], (0, 2))


def test_permutation_uniform_over_all_orders():
    rs = cupy.random.RandomState(10)
    perms = [tuple(rs.permutation(3).get()) for _ in range(3000)]
    orders = sorted(set(perms))
    assert len(orders) == 6
    codes = numpy.array([orders.index(q) for q in perms])
    _chisquare(codes, lambda v: numpy.full(v.shape, 1 / 6), (0, 5))


def test_large_permutation_is_a_permutation_and_unbiased():
    # 5000 is not a power of two: padding must never leak into the result.
    rs = cupy.random.RandomState(11)
    perm = rs.permutation(5000).get()
    numpy.testing.assert_array_equal(numpy.sort(perm), numpy.arange(5000))
    fixed = [int((rs.permutation(5000).get() == numpy.arange(5000)).sum()) for _ in range(20)]
    assert sum(fixed) < 60  # about 1 fixed point per permutation


@pytest.mark.parametrize("name,args,mean,var", [
    ("binomial", (30, 0.5), 15.0, 7.5),
    ("poisson", (4.0,), 4.0, 4.0),
    ("gamma", (0.05, 1.0), 0.05, 0.05),
    ("uniform", (5.0, 5.5), 5.25, 0.25 / 12),
])
def test_moments(name, args, mean, var):
    x = getattr(cupy.random.RandomState(12), name)(*args, size=N).get().astype(float)
    assert abs(x.mean() - mean) < 5 * numpy.sqrt(var / N)
    assert abs(x.var() / var - 1) < 0.05


def test_broadcast_parameters_give_per_element_distributions():
    loc = cupy.array([0.0, 100.0, -50.0])
    scale = cupy.array([[1.0], [10.0]])
    x = cupy.random.RandomState(13).normal(loc, scale, size=(20000, 2, 3)).get()
    numpy.testing.assert_allclose(x.mean(axis=0), numpy.broadcast_to(loc.get(), (2, 3)),
                                  atol=0.4)
    numpy.testing.assert_allclose(x.std(axis=0), numpy.broadcast_to(scale.get(), (2, 3)),
                                  rtol=0.05)
    lam = numpy.array([1.0, 20.0, 500.0])
    y = cupy.random.RandomState(13).poisson(lam, size=(20000, 3)).get()
    numpy.testing.assert_allclose(y.mean(axis=0), lam, rtol=0.03)


def test_degenerate_parameters():
    rs = cupy.random.RandomState(14)
    assert (rs.binomial(0, 0.5, 10).get() == 0).all()
    assert (rs.binomial(7, 1.0, 10).get() == 7).all()
    assert (rs.binomial(7, 0.0, 10).get() == 0).all()
    assert (rs.poisson(0.0, 10).get() == 0).all()
    assert (rs.geometric(1.0, 10).get() == 1).all()
    assert (rs.standard_gamma(0.0, 10).get() == 0).all()
    assert (rs.normal(3.0, 0.0, 10).get() == 3.0).all()
    assert (rs.weibull(0.0, 10).get() == 0).all()
