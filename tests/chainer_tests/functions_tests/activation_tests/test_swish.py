"""swish: beta shapes, gradients for x and beta, type errors."""
import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa (~5e-4 relative rounding per value);
    # the beta gradient also sums over the batch, compounding it.
    if dtype == numpy.float16:
        return ({'atol': 5e-3, 'rtol': 5e-3},
                {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


@testing.parameterize(*testing.product({
    'shapes': [((4, 3), (3,)), ((2, 3, 4), (3,)), ((2, 3, 4), (3, 4)),
               ((2, 3, 4), ()), ((3, 2), ())],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestSwish(object):

    def setup_method(self):
        x_shape, beta_shape = self.shapes
        self.x = numpy.random.uniform(-2, 2, x_shape).astype(self.dtype)
        self.beta = numpy.random.uniform(-1.5, 1.5, beta_shape).astype(
            self.dtype)
        self.gy = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        self.ggb = numpy.random.uniform(-1, 1, beta_shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def test_forward(self, backend_config):
        x, beta = backend_config.get_array((self.x, self.beta))
        y = F.swish(chainer.Variable(x), chainer.Variable(beta))
        assert y.dtype == self.dtype
        assert y.shape == self.x.shape
        x = self.x.astype(numpy.float64)
        b = self.beta.astype(numpy.float64)
        b = b.reshape((1,) + b.shape + (1,) * (x.ndim - b.ndim - 1))
        expected = x / (1 + numpy.exp(-b * x))
        testing.assert_allclose(y.array, expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        x, beta, gy = backend_config.get_array((self.x, self.beta, self.gy))
        gradient_check.check_backward(F.swish, (x, beta), gy,
                                      **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x, self.beta), self.gy, (self.ggx, self.ggb)))
        gradient_check.check_double_backward(
            F.swish, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_swish_beta_one_is_silu():
    x = numpy.linspace(-3, 3, 7).reshape(1, 7)
    y = F.swish(x, numpy.ones(7))
    testing.assert_allclose(y.array, x / (1 + numpy.exp(-x)))


@pytest.mark.parametrize('x_shape,beta_shape,beta_dtype', [
    ((2, 3), (2,), numpy.float32),      # beta must match axis 1 onwards
    ((2, 3), (3, 1), numpy.float32),    # beta cannot cover the batch axis
    ((2, 3), (3,), numpy.float64),      # dtypes must agree
])
def test_swish_bad_beta_rejected(x_shape, beta_shape, beta_dtype):
    x = numpy.zeros(x_shape, numpy.float32)
    with pytest.raises(type_check.InvalidType):
        F.swish(x, numpy.zeros(beta_shape, beta_dtype))


def test_swish_int_input_rejected():
    with pytest.raises(type_check.InvalidType):
        F.swish(numpy.zeros((2, 3), numpy.int32),
                numpy.zeros(3, numpy.int32))
