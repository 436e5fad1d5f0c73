import numpy
import pytest

from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


@testing.parameterize(*testing.product({
    'shape': [(3, 4), (5, 1), (2, 7)],
    'eps': [1e-5, 1e-1],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestLayerNormalization(object):

    def setup_method(self):
        self.x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        units = self.shape[1]
        self.gamma = numpy.random.uniform(.5, 1, units).astype(self.dtype)
        self.beta = numpy.random.uniform(-1, 1, units).astype(self.dtype)
        x = self.x.astype(numpy.float64)
        mean = x.mean(axis=1, keepdims=True)
        var = x.var(axis=1, keepdims=True)
        self.expected = self.gamma * (x - mean) / numpy.sqrt(
            var + self.eps) + self.beta
        self.gy = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        self.ggs = tuple(numpy.random.uniform(-1, 1, a.shape).astype(
            self.dtype) for a in (self.x, self.gamma, self.beta))
        if self.dtype == numpy.float16:
            # Outputs up to ~3 in magnitude rounded to an 11-bit mantissa;
            # gradients combine several such roundings.
            self.fwd_tol = {'atol': 1e-2, 'rtol': 1e-2}
            self.tol = {'atol': 2e-2, 'rtol': 5e-2, 'dtype': numpy.float64}
        else:
            self.fwd_tol = {'atol': 1e-5, 'rtol': 1e-4}
            self.tol = {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}

    def _f(self, x, gamma, beta):
        return F.layer_normalization(x, gamma, beta, eps=self.eps)

    def test_forward(self, backend_config):
        y = self._f(*backend_config.get_array((self.x, self.gamma, self.beta)))
        assert y.dtype == self.dtype
        testing.assert_allclose(y.array, self.expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        inputs, gy = backend_config.get_array(
            ((self.x, self.gamma, self.beta), self.gy))
        gradient_check.check_backward(self._f, inputs, gy, **self.tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x, self.gamma, self.beta), self.gy, self.ggs))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.tol)


class TestLayerNormalizationInvalid(object):

    def test_invalid(self):
        x = numpy.ones((2, 3), numpy.float32)
        g = numpy.ones(3, numpy.float32)
        with pytest.raises(type_check.InvalidType):
            F.layer_normalization(x[0], g, g)
        with pytest.raises(type_check.InvalidType):
            F.layer_normalization(x, g[:2], g[:2])
        with pytest.raises(type_check.InvalidType):
            F.layer_normalization(x, g.astype(numpy.float64), g)
        with pytest.raises(type_check.InvalidType):
            F.layer_normalization(x, g, g[:2])
