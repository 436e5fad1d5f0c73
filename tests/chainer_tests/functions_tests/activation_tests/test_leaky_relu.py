"""leaky_relu: forward, gradients, negative slopes, type errors."""
import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa (~5e-4 relative rounding per value),
    # so float16 results and analytic gradients get wider margins.
    if dtype == numpy.float16:
        return ({'atol': 1e-3, 'rtol': 1e-3},
                {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


@testing.parameterize(*testing.product({
    'shape': [(3, 2), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'slope': [0.2, 0.0, -0.3, 1.5],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestLeakyReLU(object):

    def setup_method(self):
        x = numpy.asarray(numpy.random.uniform(-1, 1, self.shape))
        # The numerical gradient is wrong across the kink at 0.
        x[(-0.1 < x) & (x < 0.1)] = 0.5
        self.x = x.astype(self.dtype)
        self.gy = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def f(self, x):
        return F.leaky_relu(x, slope=self.slope)

    def test_forward(self, backend_config):
        y = self.f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        x = self.x.astype(numpy.float64)
        expected = numpy.where(x >= 0, x, x * self.slope)
        testing.assert_allclose(y.array, expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self.f, x, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self.f, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_leaky_relu_default_slope():
    y = F.leaky_relu(numpy.array([-1., 2.], numpy.float32))
    numpy.testing.assert_allclose(y.array, [-0.2, 2.])


def test_leaky_relu_int_input_rejected():
    with pytest.raises(type_check.InvalidType):
        F.leaky_relu(numpy.arange(3, dtype=numpy.int32))
