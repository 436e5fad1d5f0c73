import numpy
import pytest

from chainer import initializers

SHAPE = (200, 300)  # fan_in 300, fan_out 200


def _fill(init, shape=SHAPE, dtype=numpy.float64):
    a = numpy.empty(shape, dtype)
    init(a)
    return a


@pytest.mark.parametrize('cls,kwargs,std', [
    (initializers.Normal, {}, 0.05),
    (initializers.Normal, {'scale': 0.3}, 0.3),
    (initializers.LeCunNormal, {}, numpy.sqrt(1. / 300)),
    (initializers.LeCunNormal, {'scale': 2.}, 2 * numpy.sqrt(1. / 300)),
    (initializers.GlorotNormal, {}, numpy.sqrt(2. / 500)),
    (initializers.HeNormal, {}, numpy.sqrt(2. / 300)),
    (initializers.HeNormal, {'fan_option': 'fan_out'}, numpy.sqrt(2. / 200)),
])
def test_normal_statistics(cls, kwargs, std):
    a = _fill(cls(rng=numpy.random.RandomState(1), **kwargs))
    # 60000 samples: the sample std is within 1% and mean near 0.
    assert abs(a.std() / std - 1) < 0.01
    assert abs(a.mean()) < 4 * std / numpy.sqrt(a.size)


@pytest.mark.parametrize('cls,kwargs,bound', [
    (initializers.Uniform, {}, 0.05),
    (initializers.Uniform, {'scale': 2.}, 2.),
    (initializers.LeCunUniform, {}, numpy.sqrt(3. / 300)),
    (initializers.GlorotUniform, {}, numpy.sqrt(6. / 500)),
    (initializers.GlorotUniform, {'scale': .5}, .5 * numpy.sqrt(6. / 500)),
    (initializers.HeUniform, {}, numpy.sqrt(6. / 300)),
])
def test_uniform_statistics(cls, kwargs, bound):
    a = _fill(cls(rng=numpy.random.RandomState(2), **kwargs))
    assert abs(a).max() <= bound
    assert abs(a).max() > 0.99 * bound
    # The std of U(-b, b) is b / sqrt(3).
    assert abs(a.std() / (bound / numpy.sqrt(3)) - 1) < 0.01


def test_rng_makes_results_reproducible():
    a = _fill(initializers.HeNormal(rng=numpy.random.RandomState(5)))
    b = _fill(initializers.HeNormal(rng=numpy.random.RandomState(5)))
    c = _fill(initializers.HeNormal(rng=numpy.random.RandomState(6)))
    numpy.testing.assert_array_equal(a, b)
    assert not (a == c).all()


def test_global_random_state_used_without_rng():
    numpy.random.seed(3)
    a = _fill(initializers.Uniform(), (10,))
    numpy.random.seed(3)
    b = _fill(initializers.Uniform(), (10,))
    numpy.testing.assert_array_equal(a, b)


def test_random_initializers_need_two_dims():
    with pytest.raises(ValueError):
        _fill(initializers.LeCunNormal(), (5,))


def test_he_normal_bad_fan_option():
    with pytest.raises(ValueError):
        _fill(initializers.HeNormal(fan_option='fan_avg'))


def test_float16_fill():
    a = _fill(initializers.GlorotUniform(dtype=numpy.float16), (4, 4),
              numpy.float16)
    assert a.dtype == numpy.float16 and numpy.isfinite(a).all()


@pytest.mark.parametrize('shape', [(4, 4), (3, 7), (7, 3), (6, 2, 2, 2)])
def test_orthogonal(shape):
    a = _fill(initializers.Orthogonal(scale=1.5,
                                      rng=numpy.random.RandomState(0)),
              shape)
    m = a.reshape(shape[0], -1)
    if m.shape[0] <= m.shape[1]:
        gram = m.dot(m.T)
    else:
        gram = m.T.dot(m)
    numpy.testing.assert_allclose(gram, 2.25 * numpy.eye(len(gram)),
                                  atol=1e-10)


def test_orthogonal_modes():
    with pytest.raises(ValueError):
        initializers.Orthogonal(mode='nope')
    with pytest.raises(ValueError):  # in_dim 4 > out_dim 2
        _fill(initializers.Orthogonal(mode='projection'), (2, 4))
    with pytest.raises(ValueError):  # in_dim 2 < out_dim 4
        _fill(initializers.Orthogonal(mode='embedding'), (4, 2))
    with pytest.raises(ValueError):
        _fill(initializers.Orthogonal(mode='basis'), (4, 2))
    _fill(initializers.Orthogonal(mode='basis'), (3, 3))
    with pytest.raises(ValueError):
        _fill(initializers.Orthogonal(), (0, 3))


def test_orthogonal_scalar():
    a = _fill(initializers.Orthogonal(scale=2.), ())
    assert abs(float(a)) == 2.
