import numpy

import chainer.functions as F
import chainer.links as L


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
