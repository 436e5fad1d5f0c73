"""The legacy API: RandomState, the global state and the module-level functions."""
import numpy
import pytest

import cupy
from cupy import random as cr


def test_module_functions_use_the_global_state():
    cr.seed(123)
    a = cr.rand(4)
    cr.seed(123)
    b = cr.get_random_state().random_sample(4)
    numpy.testing.assert_array_equal(a.get(), b.get())
    rs = cr.RandomState(5)
    cr.set_random_state(rs)
    assert cr.get_random_state() is rs
    with pytest.raises(TypeError):
        cr.set_random_state(object())


def test_successive_calls_differ_and_replay_after_reseed():
    rs = cr.RandomState(1)
    a, b = rs.rand(10).get(), rs.rand(10).get()
    assert not numpy.array_equal(a, b)
    rs.seed(1)
    numpy.testing.assert_array_equal(rs.rand(10).get(), a)
    state = rs.get_state()
    c = rs.randn(5).get()
    rs.set_state(state)
    numpy.testing.assert_array_equal(rs.randn(5).get(), c)


@pytest.mark.parametrize("name", ["rand", "randn"])
def test_rand_randn_shapes_and_dtypes(name):
    rs = cr.RandomState(0)
    f = getattr(rs, name)
    assert f().shape == ()
    assert f(3).shape == (3,)
    assert f(2, 3).shape == (2, 3)
    assert f(2, dtype=numpy.float32).dtype == numpy.float32
    with pytest.raises(TypeError):
        f(2, dtype=numpy.int32)


@pytest.mark.parametrize("name", ["random_sample", "random", "ranf", "sample"])
def test_random_sample_aliases(name):
    x = getattr(cr.RandomState(3), name)((4, 5))
    assert x.shape == (4, 5) and x.dtype == numpy.float64
    numpy.testing.assert_array_equal(x.get(), cr.RandomState(3).random_sample((4, 5)).get())
    assert isinstance(getattr(cr, name)(2), cupy.ndarray)


def test_uniform_range_overflow():
    with pytest.raises(OverflowError):
        cr.RandomState(0).uniform(-1e308, 1e308)
    with pytest.raises(OverflowError):
        numpy.random.RandomState(0).uniform(-1e308, 1e308)


def test_scalar_size_none_gives_0d():
    x = cr.RandomState(0).normal()
    assert isinstance(x, cupy.ndarray) and x.shape == ()
    assert cr.RandomState(0).normal([1.0, 2.0]).shape == (2,)
    assert cr.RandomState(0).uniform(size=0).shape == (0,)


def test_size_must_match_broadcast_parameters():
    rs = cr.RandomState(0)
    assert rs.normal(cupy.zeros(3), 1.0, size=(4, 3)).shape == (4, 3)
    with pytest.raises(ValueError):
        rs.normal(cupy.zeros(3), 1.0, size=(3, 4))
    with pytest.raises(ValueError):
        rs.normal(numpy.zeros((2, 3)), 1.0, size=3)


@pytest.mark.parametrize("call", [
    lambda rs: rs.normal(0, -1),
    lambda rs: rs.normal(0, cupy.array([1.0, -1.0])),
    lambda rs: rs.exponential(-1.0),
    lambda rs: rs.gamma(-1.0),
    lambda rs: rs.gamma(1.0, -1.0),
    lambda rs: rs.beta(0.0, 1.0),
    lambda rs: rs.chisquare(0.0),
    lambda rs: rs.lognormal(0.0, -1.0),
    lambda rs: rs.laplace(0.0, -1.0),
    lambda rs: rs.pareto(0.0),
    lambda rs: rs.power(-1.0),
    lambda rs: rs.weibull(-1.0),
    lambda rs: rs.rayleigh(-1.0),
    lambda rs: rs.triangular(1.0, 0.0, 2.0),
    lambda rs: rs.triangular(0.0, 3.0, 2.0),
    lambda rs: rs.triangular(1.0, 1.0, 1.0),
    lambda rs: rs.binomial(-1, 0.5),
    lambda rs: rs.binomial(5, 1.5),
    lambda rs: rs.binomial(5, numpy.nan),
    lambda rs: rs.poisson(-1.0),
    lambda rs: rs.poisson(1e20),
    lambda rs: rs.geometric(0.0),
    lambda rs: rs.geometric(1.5),
])
def test_parameter_errors(call):
    with pytest.raises(ValueError):
        call(cr.RandomState(0))


def test_randint_bounds_and_dtypes():
    rs = cr.RandomState(0)
    x = rs.randint(5, size=100)
    assert x.dtype == numpy.int64 and int(x.min()) >= 0 and int(x.max()) < 5
    assert rs.randint(-3, -2, size=10).get().tolist() == [-3] * 10
    for dtype in (numpy.int8, numpy.uint8, numpy.int16, numpy.uint16, numpy.int32,
                  numpy.uint32, numpy.int64, numpy.uint64):
        info = numpy.iinfo(dtype)
        y = rs.randint(int(info.min), int(info.max) + 1, size=2000, dtype=dtype)
        assert y.dtype == dtype
        # Full ranges: both extremes of the type are reachable for the small types.
        if info.bits <= 8:
            assert int(y.min()) == info.min and int(y.max()) == info.max
    b = rs.randint(2, size=100, dtype=bool)
    assert b.dtype == numpy.bool_ and 0 < int(b.sum()) < 100


@pytest.mark.parametrize("args,kwargs,exc", [
    ((5, 5), {}, ValueError),
    ((5, 2), {}, ValueError),
    ((0,), {}, ValueError),
    ((-129, 0), {"dtype": numpy.int8}, ValueError),
    ((0, 129), {"dtype": numpy.int8}, ValueError),
    ((-1, 5), {"dtype": numpy.uint8}, ValueError),
    ((0, 2**64 + 1), {"dtype": numpy.uint64}, ValueError),
    ((0, 3), {"dtype": bool}, ValueError),
    ((0, 5), {"dtype": numpy.float64}, TypeError),
])
def test_randint_errors(args, kwargs, exc):
    with pytest.raises(exc):
        cr.RandomState(0).randint(*args, **kwargs)
    with pytest.raises(exc):
        numpy.random.RandomState(0).randint(*args, **kwargs)


def test_randint_array_bounds():
    low = cupy.array([0, 100, -50])
    x = cr.RandomState(1).randint(low, low + 3, size=(1000, 3)).get()
    for j, lo in enumerate(low.get()):
        assert set(x[:, j].tolist()) == {lo, lo + 1, lo + 2}
    with pytest.raises(ValueError):
        cr.RandomState(1).randint(low, cupy.array([1, 100, 0]))


def test_random_integers_and_tomaxint():
    x = cr.RandomState(2).random_integers(3, size=300).get()
    assert set(x.tolist()) == {1, 2, 3}
    t = cr.RandomState(2).tomaxint(10)
    assert t.dtype == numpy.int64 and bool((t >= 0).all())


def test_choice_forms_and_errors():
    rs = cr.RandomState(3)
    a = cupy.array([10.0, 20.0, 30.0])
    x = rs.choice(a, size=(2, 5))
    assert x.shape == (2, 5) and x.dtype == numpy.float64
    assert set(x.get().ravel().tolist()) <= {10.0, 20.0, 30.0}
    assert rs.choice(4).shape == ()
    assert set(rs.choice([7, 8], 30).get().tolist()) == {7, 8}
    assert rs.choice(0, 0).shape == (0,)
    y = rs.choice(a, 3, replace=False).get()
    assert sorted(y.tolist()) == [10.0, 20.0, 30.0]
    for bad in [dict(a=cupy.zeros((2, 2))), dict(a=3, size=4, replace=False),
                dict(a=3, p=[0.5, 0.5]), dict(a=3, p=[0.5, 0.6, -0.1]),
                dict(a=3, p=[0.2, 0.2, 0.2]), dict(a=3, p=[[0.5, 0.5, 0.0]]),
                dict(a=3, size=3, replace=False, p=[0.5, 0.5, 0.0]), dict(a=-1),
                dict(a=0, size=1)]:
        with pytest.raises(ValueError):
            rs.choice(**bad)


def test_permutation_of_array_copies():
    a = cupy.arange(20).reshape(10, 2)
    p = cr.RandomState(4).permutation(a)
    numpy.testing.assert_array_equal(a.get(), numpy.arange(20).reshape(10, 2))
    rows = sorted(map(tuple, p.get().tolist()))
    assert rows == [(2 * k, 2 * k + 1) for k in range(10)]
    assert not numpy.array_equal(p.get(), a.get())
    assert cr.RandomState(4).permutation(0).shape == (0,)
    with pytest.raises(ValueError):
        cr.RandomState(4).permutation(-1)


@pytest.mark.parametrize("make", [
    lambda: cupy.arange(24, dtype=numpy.float32).reshape(6, 4),
    lambda: cupy.arange(24).reshape(4, 6).T,          # not C-contiguous
    lambda: cupy.arange(40).reshape(10, 4)[::2, 1:3],  # a strided view
    lambda: cupy.arange(33, dtype=numpy.int16),
])
def test_shuffle_in_place_rows(make):
    x = make()
    before = sorted(map(lambda r: tuple(numpy.atleast_1d(r).tolist()), x.get()))
    base = x
    cr.RandomState(5).shuffle(x)
    assert x is base
    after = sorted(map(lambda r: tuple(numpy.atleast_1d(r).tolist()), x.get()))
    assert before == after
    assert not numpy.array_equal(x.get(), make().get())


def test_shuffle_writes_through_views():
    base = cupy.arange(40).reshape(10, 4)
    view = base[::2]
    cr.RandomState(6).shuffle(view)
    numpy.testing.assert_array_equal(base.get()[1::2], numpy.arange(40).reshape(10, 4)[1::2])
    assert sorted(base.get()[::2, 0].tolist()) == [0, 8, 16, 24, 32]


def test_shuffle_errors():
    with pytest.raises(TypeError):
        cr.RandomState(0).shuffle(numpy.arange(3))
    with pytest.raises(TypeError):
        cr.RandomState(0).shuffle(cupy.array(1))
