"""hard_sigmoid: forward, gradients away from the kinks, type errors."""
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
    'shape': [(3, 4), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestHardSigmoid(object):

    def setup_method(self):
        x = numpy.asarray(numpy.random.uniform(-4, 4, self.shape))
        # The kinks at +-2.5 make the numerical gradient meaningless.
        near_kink = abs(abs(x) - 2.5) < 0.1
        x[near_kink] = 0.5
        self.x = x.astype(self.dtype)
        self.gy = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def test_forward(self, backend_config):
        y = F.hard_sigmoid(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        expected = numpy.clip(0.2 * self.x.astype(numpy.float64) + 0.5, 0, 1)
        testing.assert_allclose(y.array, expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(F.hard_sigmoid, x, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            F.hard_sigmoid, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_hard_sigmoid_gradient_values():
    x = chainer.Variable(numpy.array([-3., 0., 1., 3.], numpy.float32))
    F.sum(F.hard_sigmoid(x)).backward()
    numpy.testing.assert_allclose(x.grad, [0., .2, .2, 0.])


def test_hard_sigmoid_int_input_rejected():
    with pytest.raises(type_check.InvalidType):
        F.hard_sigmoid(numpy.arange(3, dtype=numpy.int32))
