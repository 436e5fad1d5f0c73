import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
from chainer import initializers
import chainer.functions as F
import chainer.links as L
from chainer import testing


def test_shapes_and_default_init():
    numpy.random.seed(0)
    l = L.Linear(300, 200)
    assert l.W.shape == (200, 300) and l.b.shape == (200,)
    assert (l.b.array == 0).all()
    # LeCunNormal: std sqrt(1 / fan_in)
    assert abs(l.W.array.std() / numpy.sqrt(1. / 300) - 1) < 0.02
    assert l.W.dtype == numpy.float32


def test_initializers_and_nobias():
    l = L.Linear(2, 3, nobias=True, initialW=initializers.One())
    assert l.b is None and (l.W.array == 1).all()
    assert [n for n, _ in l.namedparams()] == ['/W']
    w = numpy.arange(6, dtype=numpy.float32).reshape(3, 2)
    l = L.Linear(2, 3, initialW=w, initial_bias=0.5)
    numpy.testing.assert_array_equal(l.W.array, w)
    assert (l.b.array == 0.5).all()


def test_forward_equals_function():
    l = L.Linear(4, 3)
    x = numpy.random.RandomState(0).randn(5, 4).astype(numpy.float32)
    y = l(x)
    numpy.testing.assert_allclose(
        y.array, x.dot(l.W.array.T) + l.b.array, rtol=1e-5)
    numpy.testing.assert_array_equal(
        y.array, F.linear(x, l.W, l.b).array)


def test_lazy_initialization():
    l = L.Linear(3)
    assert l.W.array is None and l.out_size == 3
    assert l.b.shape == (3,)
    x = numpy.ones((2, 2, 3), numpy.float32)  # flattened to 6 features
    y = l(x)
    assert l.W.shape == (3, 6) and y.shape == (2, 3)
    l2 = L.Linear(None, 4)
    l2(numpy.ones((1, 5), numpy.float32))
    assert l2.W.shape == (4, 5)


def test_backward_fills_param_grads():
    l = L.Linear(2, 1, initialW=1., initial_bias=0.)
    x = numpy.array([[1., 2.], [3., 4.]], numpy.float32)
    # Fresh parameters hold NaN gradients; clear them first.
    l.cleargrads()
    F.sum(l(x)).backward()
    numpy.testing.assert_allclose(l.W.grad, [[4., 6.]])
    numpy.testing.assert_allclose(l.b.grad, [2.])


def test_n_batch_axes():
    l = L.Linear(3, 2)
    x = numpy.ones((4, 5, 3), numpy.float32)
    y = l(x, n_batch_axes=2)
    assert y.shape == (4, 5, 2)


def test_float64_config():
    with chainer.using_config('dtype', numpy.float64):
        l = L.Linear(2, 2)
    assert l.W.dtype == numpy.float64 and l.b.dtype == numpy.float64


def test_bad_initializer():
    with pytest.raises(TypeError):
        L.Linear(2, 2, initialW=object())


@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
def test_linear_on_device(backend_config):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (5, 4)).astype(numpy.float32)
    gy = rng.uniform(-1, 1, (5, 3)).astype(numpy.float32)
    # Lazy: the weight is drawn by an initializer on the device.
    link = L.Linear(None, 3)
    link.to_device(backend_config.device)
    x_dev, gy_dev = backend_config.get_array((x, gy))
    y = link(x_dev)
    assert isinstance(link.W.array, backend_config.xp.ndarray)
    W, b = cuda.to_cpu((link.W.array, link.b.array))
    testing.assert_allclose(y.array, x.dot(W.T) + b, atol=1e-5, rtol=1e-4)
    gradient_check.check_backward(link, x_dev, gy_dev,
                                  params=(link.W, link.b),
                                  dtype=numpy.float64, atol=1e-4, rtol=1e-3)
