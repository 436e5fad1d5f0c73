"""elu and selu: forward, gradients, type errors."""
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


def _elu_ref(x, alpha):
    x = x.astype(numpy.float64)
    return numpy.where(x > 0, x, alpha * numpy.expm1(numpy.minimum(x, 0)))


def _make_inputs(shape, dtype):
    x = numpy.asarray(numpy.random.uniform(-1, 1, shape))
    # The second derivative jumps at 0 (and the first one does too for
    # alpha != 1), so numerical checks stay away from it.
    x[(-0.1 < x) & (x < 0.1)] = 0.5
    gy = numpy.random.uniform(-1, 1, shape)
    ggx = numpy.random.uniform(-1, 1, shape)
    return x.astype(dtype), gy.astype(dtype), ggx.astype(dtype)


@testing.parameterize(*testing.product({
    'shape': [(3, 2), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'alpha': [1.0, 0.5, -0.5, 0.0],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestELU(object):

    def setup_method(self):
        self.x, self.gy, self.ggx = _make_inputs(self.shape, self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def f(self, x):
        return F.elu(x, alpha=self.alpha)

    def test_forward(self, backend_config):
        y = self.f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        assert y.shape == self.shape
        testing.assert_allclose(y.array, _elu_ref(self.x, self.alpha),
                                **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self.f, x, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self.f, x_data, y_grad, x_grad_grad, **self.grad_tol)


@testing.parameterize(*testing.product({
    'shape': [(3, 2), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'alpha_scale': [None, (1.0, 2.0)],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestSELU(object):

    def setup_method(self):
        self.x, self.gy, self.ggx = _make_inputs(self.shape, self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)
        if self.alpha_scale is None:
            self.kwargs = {}
            self.alpha, self.scale = 1.6732632423543772, 1.0507009873554805
        else:
            self.alpha, self.scale = self.alpha_scale
            self.kwargs = {'alpha': self.alpha, 'scale': self.scale}

    def f(self, x):
        return F.selu(x, **self.kwargs)

    def test_forward(self, backend_config):
        y = self.f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        testing.assert_allclose(
            y.array, self.scale * _elu_ref(self.x, self.alpha),
            **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self.f, x, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self.f, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_elu_large_input_finite():
    # expm1 must not be evaluated on the large positive values.
    x = numpy.array([-1e4, 1e4], numpy.float32)
    with numpy.errstate(over='raise'):
        y = F.elu(x)
    numpy.testing.assert_allclose(y.array, [-1., 1e4])


@pytest.mark.parametrize('func', [F.elu, F.selu])
def test_int_input_rejected(func):
    with pytest.raises(type_check.InvalidType):
        func(numpy.arange(3, dtype=numpy.int32))
