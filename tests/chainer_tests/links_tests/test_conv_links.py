import numpy
import pytest

from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
import chainer.links as L
from chainer import testing


def _x(shape, seed=0):
    return numpy.random.RandomState(seed).randn(*shape).astype(numpy.float32)


def test_convolution_2d_shapes_and_init():
    numpy.random.seed(0)
    c = L.Convolution2D(16, 32, ksize=3, stride=2, pad=1)
    assert c.W.shape == (32, 16, 3, 3) and c.b.shape == (32,)
    assert c.stride == (2, 2) and c.pad == (1, 1)
    # LeCunNormal with fan_in = 16 * 9
    assert abs(c.W.array.std() / numpy.sqrt(1. / 144) - 1) < 0.05
    c = L.Convolution2D(3, 4, (2, 3), nobias=True)
    assert c.W.shape == (4, 3, 2, 3) and c.b is None


def test_convolution_2d_lazy_and_two_arg_form():
    c = L.Convolution2D(8, 3)
    assert c.W.array is None and c.out_channels == 8 and c.ksize == 3
    y = c(_x((2, 5, 7, 7)))
    assert c.W.shape == (8, 5, 3, 3) and y.shape == (2, 8, 5, 5)
    c2 = L.Convolution2D(None, 4, 1)
    c2(_x((1, 2, 3, 3)))
    assert c2.W.shape == (4, 2, 1, 1)


def test_convolution_2d_forward_equals_function():
    c = L.Convolution2D(3, 4, 3, stride=1, pad=1)
    x = _x((2, 3, 5, 5))
    numpy.testing.assert_array_equal(
        c(x).array, F.convolution_2d(x, c.W, c.b, 1, 1).array)


def test_convolution_2d_groups_and_errors():
    c = L.Convolution2D(4, 6, 3, groups=2)
    assert c.W.shape == (6, 2, 3, 3)
    with pytest.raises(ValueError):
        L.Convolution2D(3, 6, 3, groups=2)
    with pytest.raises(ValueError):
        L.Convolution2D(4, 6, 3, deterministic=True)
    with pytest.raises(TypeError):
        L.Convolution2D(4, 6, 3, unknown=1)


def test_convolution_2d_dilate_forward():
    c = L.Convolution2D(2, 3, 3, dilate=2)
    assert c.dilate == (2, 2)
    y = c(_x((1, 2, 9, 9)))
    assert y.shape == (1, 3, 5, 5)


def test_deconvolution_2d_shapes_and_forward():
    d = L.Deconvolution2D(4, 3, ksize=3, stride=2, pad=1)
    assert d.W.shape == (4, 3, 3, 3) and d.b.shape == (3,)
    x = _x((2, 4, 5, 5))
    y = d(x)
    assert y.shape == (2, 3, 9, 9)
    numpy.testing.assert_array_equal(
        y.array, F.deconvolution_2d(x, d.W, d.b, 2, 1).array)


def test_deconvolution_2d_lazy_outsize_nobias():
    d = L.Deconvolution2D(3, 2, stride=2, outsize=(8, 8), nobias=True)
    assert d.W.array is None and d.b is None
    y = d(_x((1, 5, 4, 4)))
    assert d.W.shape == (5, 3, 2, 2) and y.shape == (1, 3, 8, 8)


@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
def test_convolution_2d_on_device(backend_config):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 3, 5, 5)).astype(numpy.float32)
    gy = rng.uniform(-1, 1, (2, 4, 3, 3)).astype(numpy.float32)
    c = L.Convolution2D(None, 4, 3, stride=2, pad=1)
    c.to_device(backend_config.device)
    x_dev, gy_dev = backend_config.get_array((x, gy))
    y = c(x_dev)
    assert isinstance(c.W.array, backend_config.xp.ndarray)
    W, b = cuda.to_cpu((c.W.array, c.b.array))
    testing.assert_allclose(y.array, F.convolution_2d(x, W, b, 2, 1).array,
                            atol=1e-5, rtol=1e-4)
    gradient_check.check_backward(c, x_dev, gy_dev, params=(c.W, c.b),
                                  dtype=numpy.float64, atol=1e-4, rtol=1e-3)


@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
def test_deconvolution_2d_on_device(backend_config):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 4, 3, 3)).astype(numpy.float32)
    gy = rng.uniform(-1, 1, (2, 3, 5, 5)).astype(numpy.float32)
    d = L.Deconvolution2D(None, 3, 3, stride=2, pad=1)
    d.to_device(backend_config.device)
    x_dev, gy_dev = backend_config.get_array((x, gy))
    y = d(x_dev)
    W, b = cuda.to_cpu((d.W.array, d.b.array))
    testing.assert_allclose(y.array, F.deconvolution_2d(x, W, b, 2, 1).array,
                            atol=1e-5, rtol=1e-4)
    gradient_check.check_backward(d, x_dev, gy_dev, params=(d.W, d.b),
                                  dtype=numpy.float64, atol=1e-4, rtol=1e-3)
