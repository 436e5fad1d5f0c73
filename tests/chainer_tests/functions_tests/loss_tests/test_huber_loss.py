"""huber_loss: delta, reduce, gradients away from |x - t| == delta."""
import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa (~5e-4 relative rounding per value).
    if dtype == numpy.float16:
        return ({'atol': 5e-3, 'rtol': 5e-3},
                {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


def _ref(d, delta, reduce):
    a = abs(d)
    y = numpy.where(a <= delta, 0.5 * d ** 2, delta * (a - 0.5 * delta))
    return y.sum(axis=1) if reduce == 'sum_along_second_axis' else y


@testing.parameterize(*testing.product({
    'shape': [(4, 3), (2, 3, 4)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'delta': [1.0, 0.5, 2.0],
    'reduce': ['sum_along_second_axis', 'no'],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestHuberLoss(object):

    def setup_method(self):
        self.x = numpy.random.uniform(-3, 3, self.shape).astype(self.dtype)
        d = numpy.random.uniform(-3, 3, self.shape)
        # The second derivative jumps where |x - t| == delta.
        d[abs(abs(d) - self.delta) < 0.1] = self.delta / 2
        self.t = (self.x + d).astype(self.dtype)
        gy_shape = _ref(d, self.delta, self.reduce).shape
        self.gy = numpy.random.uniform(-1, 1, gy_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.ggt = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def f(self, x, t):
        return F.huber_loss(x, t, self.delta, reduce=self.reduce)

    def test_forward(self, backend_config):
        x, t = backend_config.get_array((self.x, self.t))
        loss = self.f(chainer.Variable(x), chainer.Variable(t))
        assert loss.dtype == self.dtype
        d = self.x.astype(numpy.float64) - self.t.astype(numpy.float64)
        expected = _ref(d, self.delta, self.reduce)
        assert loss.shape == expected.shape
        testing.assert_allclose(loss.array, expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        x, t, gy = backend_config.get_array((self.x, self.t, self.gy))
        gradient_check.check_backward(self.f, (x, t), gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x, self.t), self.gy, (self.ggx, self.ggt)))
        gradient_check.check_double_backward(
            self.f, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_known_values():
    x = numpy.array([[-2., 3., .5], [5., 2., -.5]], numpy.float32)
    loss = F.huber_loss(x, numpy.zeros_like(x), delta=1)
    numpy.testing.assert_allclose(loss.array, [4.125, 6.125])


def test_invalid_reduce():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(ValueError):
        F.huber_loss(x, x, 1., reduce='mean')


@pytest.mark.parametrize('x,t,reduce', [
    (numpy.zeros((2, 3), numpy.int32), numpy.zeros((2, 3), numpy.int32),
     'no'),
    (numpy.zeros((2, 3), numpy.float32), numpy.zeros((2, 3), numpy.float64),
     'no'),
    (numpy.zeros((2, 3), numpy.float32), numpy.zeros((3, 2), numpy.float32),
     'no'),
    (numpy.zeros(3, numpy.float32), numpy.zeros(3, numpy.float32),
     'sum_along_second_axis'),
])
def test_invalid_types(x, t, reduce):
    with pytest.raises(type_check.InvalidType):
        F.huber_loss(x, t, 1., reduce=reduce)
