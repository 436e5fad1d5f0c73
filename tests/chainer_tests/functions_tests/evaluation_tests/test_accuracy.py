"""accuracy: shapes, ignore_label, dtypes, no gradient, type errors."""
import numpy
import pytest

import chainer
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _accuracy_ref(x, t, ignore_label):
    # Plain loop over the flattened samples, independent of the
    # implementation's vectorized argmax.
    pred = x.argmax(axis=1).reshape(t.shape)
    count = total = 0
    for p, label in zip(pred.ravel(), t.ravel()):
        if ignore_label is not None and label == ignore_label:
            continue
        total += 1
        count += int(p == label)
    return 0. if total == 0 else count / total


@testing.parameterize(*testing.product({
    'shapes': [((10, 3), (10,)), ((10, 3, 1), (10,)),
               ((10, 3, 1, 1), (10,)), ((10, 3, 5), (10, 5)),
               ((10, 3, 5, 4), (10, 5, 4))],
    # 0 is also a real class: ignored samples must not count as hits.
    'ignore_label': [None, -1, 0],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward'], [{}, {'use_cuda': True}])
class TestAccuracy(object):

    def setup_method(self):
        x_shape, t_shape = self.shapes
        self.x = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        self.t = numpy.random.randint(0, 3, t_shape).astype(numpy.int32)
        if self.ignore_label is not None:
            self.t[numpy.random.rand(*t_shape) < 0.3] = self.ignore_label

    def test_forward(self, backend_config):
        x, t = backend_config.get_array((self.x, self.t))
        acc = F.accuracy(chainer.Variable(x), t, self.ignore_label)
        assert acc.dtype == self.dtype
        assert acc.shape == ()
        # float16 stores the ratio with an 11-bit mantissa.
        tol = 1e-3 if self.dtype == numpy.float16 else 1e-6
        testing.assert_allclose(
            acc.array, _accuracy_ref(self.x, self.t, self.ignore_label),
            atol=tol, rtol=tol)


def test_accuracy_known_value():
    x = numpy.array([[.1, .7, .2], [8., 1., 2.], [-8., 1., 2.],
                     [0., 0., 1.]], numpy.float32)
    t = numpy.array([1, 0, 0, 2], numpy.int32)
    assert float(F.accuracy(x, t).array) == 0.75
    t_ignored = numpy.array([1, 0, -1, 2], numpy.int32)
    assert float(F.accuracy(x, t_ignored, ignore_label=-1).array) == 1.0


def test_accuracy_all_ignored_is_zero():
    x = numpy.random.uniform(-1, 1, (4, 3)).astype(numpy.float32)
    t = numpy.full(4, -1, numpy.int32)
    assert float(F.accuracy(x, t, ignore_label=-1).array) == 0.0


def test_accuracy_has_no_gradient():
    x = chainer.Variable(numpy.random.uniform(-1, 1, (4, 3)))
    acc = F.accuracy(x, numpy.array([0, 1, 2, 0], numpy.int32))
    acc.backward()
    assert x.grad is None


@pytest.mark.parametrize('x,t', [
    (numpy.zeros((4, 3), numpy.int32), numpy.zeros(4, numpy.int32)),
    (numpy.zeros((4, 3), numpy.float32), numpy.zeros(4, numpy.float32)),
    (numpy.zeros((4, 3), numpy.float32), numpy.zeros(5, numpy.int32)),
    (numpy.zeros((4, 3, 2), numpy.float32), numpy.zeros((4, 3), numpy.int32)),
    (numpy.zeros((4, 3, 2), numpy.float32), numpy.zeros(4, numpy.int32)),
])
def test_accuracy_invalid_types(x, t):
    with pytest.raises(type_check.InvalidType):
        F.accuracy(x, t)
