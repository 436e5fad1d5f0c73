import numpy

from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
import chainer.links as L
from chainer import testing


def test_shape_and_default_normal_init():
    numpy.random.seed(0)
    e = L.EmbedID(500, 100)
    assert e.W.shape == (500, 100)
    assert abs(e.W.array.std() - 1.) < 0.02


def test_forward_picks_rows_and_ignore_label():
    w = numpy.arange(6, dtype=numpy.float32).reshape(3, 2)
    e = L.EmbedID(3, 2, initialW=w, ignore_label=-1)
    x = numpy.array([2, -1, 0], numpy.int32)
    y = e(x)
    numpy.testing.assert_array_equal(y.array, [[4, 5], [0, 0], [0, 1]])
    numpy.testing.assert_array_equal(
        y.array, F.embed_id(x, e.W, ignore_label=-1).array)


def test_gradient_accumulates_on_rows():
    e = L.EmbedID(3, 2)
    # Fresh parameters hold NaN gradients; clear them first.
    e.cleargrads()
    F.sum(e(numpy.array([1, 1, 2], numpy.int32))).backward()
    numpy.testing.assert_array_equal(e.W.grad, [[0, 0], [2, 2], [1, 1]])


@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
def test_embed_id_on_device(backend_config):
    rng = numpy.random.RandomState(0)
    x = numpy.array([[2, -1], [0, 2]], numpy.int32)
    gy = rng.uniform(-1, 1, (2, 2, 4)).astype(numpy.float32)
    e = L.EmbedID(3, 4, ignore_label=-1)
    W = e.W.array.copy()
    e.to_device(backend_config.device)
    x_dev, gy_dev = backend_config.get_array((x, gy))
    y = e(x_dev)
    expected = numpy.where((x == -1)[..., None], 0, W[x])
    numpy.testing.assert_array_equal(cuda.to_cpu(y.array), expected)
    gradient_check.check_backward(e, x_dev, gy_dev, params=(e.W,),
                                  dtype=numpy.float64, atol=1e-4, rtol=1e-3)
