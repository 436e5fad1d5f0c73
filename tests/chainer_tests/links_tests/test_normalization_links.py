import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
import chainer.links as L
from chainer import testing


def _x(shape, seed=0):
    rng = numpy.random.RandomState(seed)
    return (rng.randn(*shape) * 2 + 3).astype(numpy.float32)


def test_batch_normalization_params_and_persistents():
    bn = L.BatchNormalization(3)
    assert bn.gamma.shape == (3,) and (bn.gamma.array == 1).all()
    assert (bn.beta.array == 0).all()
    assert (bn.avg_mean == 0).all() and (bn.avg_var == 1).all()
    assert bn.N == 0 and bn.decay == 0.9 and bn.eps == 2e-5
    assert sorted(bn._persistent) == ['N', 'avg_mean', 'avg_var']
    assert sorted(n for n, _ in bn.namedparams()) == ['/beta', '/gamma']
    bn2 = L.BatchNormalization(3, use_gamma=False, use_beta=False)
    assert bn2.gamma is None and bn2.beta is None
    assert list(bn2.params()) == []
    with pytest.raises(RuntimeError):
        L.BatchNormalization()


def test_batch_normalization_train_updates_running_stats():
    bn = L.BatchNormalization(3, decay=0.8)
    x = _x((10, 3))
    y = bn(x)
    mean = x.mean(axis=0)
    var = x.var(axis=0)
    numpy.testing.assert_allclose(
        y.array, (x - mean) / numpy.sqrt(var + 2e-5), rtol=1e-4, atol=1e-4)
    # Running variance uses the unbiased estimate.
    numpy.testing.assert_allclose(bn.avg_mean, 0.2 * mean, rtol=1e-5)
    numpy.testing.assert_allclose(
        bn.avg_var, 0.8 + 0.2 * var * 10 / 9, rtol=1e-5)


def test_batch_normalization_test_mode_uses_fixed_stats():
    bn = L.BatchNormalization(3, initial_gamma=2., initial_beta=1.)
    bn.avg_mean[...] = [1., 2., 3.]
    bn.avg_var[...] = [4., 1., 0.25]
    x = _x((5, 3))
    with chainer.using_config('train', False):
        y = bn(x)
    expected = 2. * (x - bn.avg_mean) / numpy.sqrt(bn.avg_var + 2e-5) + 1.
    numpy.testing.assert_allclose(y.array, expected, rtol=1e-5, atol=1e-5)
    numpy.testing.assert_array_equal(bn.avg_mean, [1., 2., 3.])


def test_batch_normalization_finetune_averages_exactly():
    bn = L.BatchNormalization(2)
    xs = [_x((4, 2), seed) for seed in range(3)]
    for x in xs:
        bn(x, finetune=True)
    assert bn.N == 3
    numpy.testing.assert_allclose(
        bn.avg_mean, numpy.mean([x.mean(0) for x in xs], axis=0), rtol=1e-5)
    bn.start_finetuning()
    assert bn.N == 0
    with pytest.raises(ValueError):
        bn(xs[0], test=True)


def test_batch_normalization_conv_input_and_lazy_axis():
    bn = L.BatchNormalization(4)
    y = bn(_x((2, 4, 3, 3)))
    assert y.shape == (2, 4, 3, 3)
    lazy = L.BatchNormalization(axis=0)
    assert lazy.avg_mean is None and lazy.gamma.array is None
    lazy(_x((6, 5)))
    assert lazy.avg_mean.shape == (5,) and lazy.gamma.shape == (5,)


def test_batch_normalization_dtype():
    bn = L.BatchNormalization(3, dtype=numpy.float64)
    assert bn.avg_mean.dtype == numpy.float64
    assert bn.gamma.dtype == numpy.float64


def test_layer_normalization():
    ln = L.LayerNormalization(4)
    assert (ln.gamma.array == 1).all() and (ln.beta.array == 0).all()
    x = _x((3, 4))
    y = ln(x)
    mu = x.mean(1, keepdims=True)
    sd = numpy.sqrt(x.var(1, keepdims=True) + 1e-6)
    numpy.testing.assert_allclose(y.array, (x - mu) / sd, rtol=1e-4,
                                  atol=1e-5)
    numpy.testing.assert_array_equal(
        y.array, F.layer_normalization(x, ln.gamma, ln.beta, 1e-6).array)


def test_layer_normalization_lazy():
    ln = L.LayerNormalization(initial_gamma=2.)
    assert ln.gamma.array is None
    ln(_x((2, 6)))
    assert ln.gamma.shape == (6,) and (ln.gamma.array == 2).all()


@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
def test_batch_normalization_on_device(backend_config):
    x = _x((6, 3, 2))
    gy = numpy.random.RandomState(1).uniform(-1, 1, x.shape).astype(
        numpy.float32)
    bn = L.BatchNormalization(3, decay=0.8, initial_gamma=1.5,
                              initial_beta=-.5)
    bn.to_device(backend_config.device)
    x_dev, gy_dev = backend_config.get_array((x, gy))

    def normalize(mean, var):
        return 1.5 * (x - mean[:, None]) / numpy.sqrt(
            var[:, None] + 2e-5) - .5

    mean, var = x.mean(axis=(0, 2)), x.var(axis=(0, 2))
    testing.assert_allclose(bn(x_dev).array, normalize(mean, var),
                            atol=1e-4, rtol=1e-4)
    assert isinstance(bn.avg_mean, backend_config.xp.ndarray)
    avg_mean, avg_var = cuda.to_cpu((bn.avg_mean, bn.avg_var))
    testing.assert_allclose(avg_mean, 0.2 * mean, rtol=1e-5)
    testing.assert_allclose(avg_var, 0.8 + 0.2 * var * 12 / 11, rtol=1e-5)
    with chainer.using_config('train', False):
        y = bn(x_dev)
    testing.assert_allclose(y.array, normalize(avg_mean, avg_var),
                            atol=1e-4, rtol=1e-4)
    gradient_check.check_backward(bn, x_dev, gy_dev,
                                  params=(bn.gamma, bn.beta),
                                  dtype=numpy.float64, atol=1e-4, rtol=1e-3)


@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
def test_layer_normalization_on_device(backend_config):
    x = _x((3, 4))
    gy = numpy.random.RandomState(1).uniform(-1, 1, x.shape).astype(
        numpy.float32)
    ln = L.LayerNormalization(initial_gamma=2.)
    ln.to_device(backend_config.device)
    x_dev, gy_dev = backend_config.get_array((x, gy))
    y = ln(x_dev)
    assert isinstance(ln.gamma.array, backend_config.xp.ndarray)
    mu = x.mean(1, keepdims=True)
    sd = numpy.sqrt(x.var(1, keepdims=True) + 1e-6)
    testing.assert_allclose(y.array, 2 * (x - mu) / sd, rtol=1e-4, atol=1e-5)
    gradient_check.check_backward(ln, x_dev, gy_dev,
                                  params=(ln.gamma, ln.beta),
                                  dtype=numpy.float64, atol=1e-4, rtol=1e-3)
