"""The new API: default_rng, Generator and the Philox bit generator."""
import numpy
import pytest
from scipy import stats

import cupy
from cupy import random as cr


def test_default_rng_forms():
    g = cr.default_rng(3)
    assert isinstance(g, cr.Generator)
    assert isinstance(g.bit_generator, cr.Philox)
    assert cr.default_rng(g) is g
    bg = cr.Philox(3)
    assert cr.default_rng(bg).bit_generator is bg
    numpy.testing.assert_array_equal(cr.default_rng(3).random(5).get(),
                                     cr.Generator(cr.Philox(3)).random(5).get())
    with pytest.raises(TypeError):
        cr.Generator(numpy.random.PCG64(0))


def test_generator_and_random_state_share_streams():
    # Both APIs run the same kernels on the same Philox streams.
    numpy.testing.assert_array_equal(cr.default_rng(8).standard_normal(7).get(),
                                     cr.RandomState(8).standard_normal(7).get())


def test_random_out_and_dtype():
    g = cr.default_rng(0)
    out = cupy.empty((3, 2), numpy.float32)
    r = g.random(dtype=numpy.float32, out=out)
    assert r is out
    assert bool(((out >= 0) & (out < 1)).all())
    with pytest.raises(TypeError):
        g.random(3, dtype=numpy.float16)
    with pytest.raises(TypeError):
        g.random(dtype=numpy.float64, out=out)


def test_integers():
    g = cr.default_rng(1)
    x = g.integers(10, size=1000)
    assert x.dtype == numpy.int64
    assert set(x.get().tolist()) == set(range(10))
    y = g.integers(1, 6, size=1000, endpoint=True, dtype=numpy.uint8)
    assert y.dtype == numpy.uint8 and set(y.get().tolist()) == set(range(1, 7))
    z = g.integers(0, 2**64 - 1, size=10, dtype=numpy.uint64, endpoint=True)
    assert z.dtype == numpy.uint64
    assert g.integers(5, 5, endpoint=True, size=3).get().tolist() == [5, 5, 5]
    with pytest.raises(ValueError):
        g.integers(5, 5)
    with pytest.raises(ValueError):
        g.integers(6, 5, endpoint=True)


@pytest.mark.parametrize("name,args,dist", [
    ("standard_normal", (), stats.norm()),
    ("normal", (2.0, 0.5), stats.norm(2.0, 0.5)),
    ("uniform", (1.0, 4.0), stats.uniform(1.0, 3.0)),
    ("exponential", (0.5,), stats.expon(scale=0.5)),
    ("standard_exponential", (), stats.expon()),
    ("gamma", (2.5, 2.0), stats.gamma(2.5, scale=2.0)),
    ("standard_gamma", (0.7,), stats.gamma(0.7)),
    ("beta", (3.0, 0.7), stats.beta(3.0, 0.7)),
    ("chisquare", (6.0,), stats.chi2(6.0)),
])
def test_generator_continuous(name, args, dist):
    x = getattr(cr.default_rng(21), name)(*args, size=50_000)
    assert stats.kstest(x.get(), dist.cdf).pvalue > 1e-4


def test_generator_discrete_means():
    g = cr.default_rng(22)
    n = 100_000
    assert abs(float(g.binomial(40, 0.25, n).mean()) - 10.0) < 5 * (7.5 / n) ** 0.5
    assert abs(float(g.poisson(12.0, n).mean()) - 12.0) < 5 * (12.0 / n) ** 0.5
    assert abs(float(g.geometric(0.25, n).mean()) - 4.0) < 5 * (12.0 / n) ** 0.5


def test_generator_standard_normal_out():
    g = cr.default_rng(2)
    out = cupy.zeros(10)
    assert g.standard_normal(out=out) is out
    assert bool((out != 0).all())


def test_choice_and_permutation():
    g = cr.default_rng(4)
    x = g.choice([1, 2, 3], size=(3, 4), p=[0.2, 0.8, 0.0])
    assert x.shape == (3, 4) and set(x.get().ravel().tolist()) <= {1, 2}
    with pytest.raises(NotImplementedError):
        g.choice(cupy.arange(4), axis=1)
    p = g.permutation(10)
    assert sorted(p.get().tolist()) == list(range(10))


def test_shuffle_and_permutation_along_an_axis():
    g = cr.default_rng(5)
    x = cupy.arange(30).reshape(3, 10)
    g.shuffle(x, axis=1)
    got = x.get()
    # Columns move as a whole: every row is permuted the same way.
    numpy.testing.assert_array_equal(got - got[0], numpy.arange(3)[:, None] * 10 + 0 * got)
    assert sorted(got[0].tolist()) == list(range(10))
    assert not numpy.array_equal(got[0], numpy.arange(10))
    a = cupy.arange(30).reshape(3, 10)
    b = g.permutation(a, axis=-1)
    numpy.testing.assert_array_equal(a.get(), numpy.arange(30).reshape(3, 10))
    assert sorted(b.get()[1].tolist()) == list(range(10, 20))
    with pytest.raises(numpy.exceptions.AxisError):
        g.shuffle(x, axis=2)
