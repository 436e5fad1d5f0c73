import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa; exp/log/sum each round to ~1e-3.
    if dtype == numpy.float16:
        return ({'atol': 1e-2, 'rtol': 1e-2},
                {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


def _ref(x, axis):
    x = x.astype(numpy.float64)
    return numpy.log(numpy.exp(x).sum(axis=axis))


@testing.parameterize(*testing.product({
    'axis': [None, 0, 1, -1, (0, 2), (2, -3)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestLogSumExp(object):

    def setup_method(self):
        self.x = numpy.random.uniform(-1, 1, (3, 2, 4)).astype(self.dtype)
        y_shape = _ref(self.x, self.axis).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.x.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _f(self, x):
        return F.logsumexp(x, self.axis)

    def test_forward(self, backend_config):
        y = self._f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        testing.assert_allclose(y.array, _ref(self.x, self.axis),
                                **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_logsumexp_large_values_do_not_overflow():
    x = numpy.array([[1000., 1000.], [-1000., -1000.]], numpy.float32)
    y = F.logsumexp(x, axis=1)
    testing.assert_allclose(y.array, [1000 + numpy.log(2),
                                      -1000 + numpy.log(2)], rtol=1e-6)
    v = chainer.Variable(x)
    F.sum(F.logsumexp(v, axis=1)).backward()
    # exp(x - y) with y ~ 1000.69 in float32: the ulp of y is 6e-5, so
    # x - y (and the gradient) carries a relative error of that size.
    numpy.testing.assert_allclose(v.grad, numpy.full((2, 2), 0.5),
                                  rtol=1e-4)
    assert numpy.isfinite(v.grad).all()


def test_logsumexp_invalid():
    with pytest.raises(type_check.InvalidType):
        F.logsumexp(numpy.zeros((2, 3), numpy.float32), axis=2)
    with pytest.raises(type_check.InvalidType):
        F.logsumexp(numpy.zeros((2, 3), numpy.float32), axis=-3)
    with pytest.raises(type_check.InvalidType):
        F.logsumexp(numpy.zeros((2, 3), numpy.int32))
    with pytest.raises(ValueError):
        F.logsumexp(numpy.zeros((2, 3), numpy.float32), axis=(1, 1))
    with pytest.raises(TypeError):
        F.logsumexp(numpy.zeros((2, 3), numpy.float32), axis=[1])
