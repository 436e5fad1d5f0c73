"""sigmoid, tanh and softplus: smooth elementwise activations."""
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


def _softplus_ref(x, beta):
    return numpy.logaddexp(0, beta * x) / beta


_funcs = {
    'sigmoid': (F.sigmoid, lambda x: 1 / (1 + numpy.exp(-x))),
    'tanh': (F.tanh, numpy.tanh),
    'softplus': (F.softplus, lambda x: _softplus_ref(x, 1.0)),
    'softplus_beta2': (lambda x: F.softplus(x, beta=2.0),
                       lambda x: _softplus_ref(x, 2.0)),
    'softplus_beta_half': (lambda x: F.softplus(x, beta=0.5),
                           lambda x: _softplus_ref(x, 0.5)),
}


@testing.parameterize(*testing.product({
    'name': sorted(_funcs),
    'shape': [(3, 2), (), (2, 3, 4)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestSmoothActivation(object):

    def setup_method(self):
        self.func, self.ref = _funcs[self.name]
        self.x = numpy.random.uniform(-3, 3, self.shape).astype(self.dtype)
        self.gy = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def test_forward(self, backend_config):
        y = self.func(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        assert y.shape == self.shape
        testing.assert_allclose(
            y.array, self.ref(self.x.astype(numpy.float64)), **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self.func, x, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self.func, x_data, y_grad, x_grad_grad, **self.grad_tol)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_extreme_inputs_stay_finite(dtype):
    # Naive 1 / (1 + exp(-x)) and log(1 + exp(x)) overflow here.
    x = numpy.array([-1e4, -60., 0., 60., 1e4]).astype(dtype)
    with numpy.errstate(over='raise', invalid='raise'):
        s = F.sigmoid(x).array
        sp = F.softplus(x).array
    numpy.testing.assert_allclose(s, [0, 0, .5, 1, 1], atol=1e-6)
    assert numpy.isfinite(sp).all()
    # softplus(x) == x for large x, 0 for very negative x.
    numpy.testing.assert_allclose(sp[[0, 4]], [0, x[4]])


def test_sigmoid_gradient_value():
    x = chainer.Variable(numpy.array(0., numpy.float64))
    F.sigmoid(x).backward()
    numpy.testing.assert_allclose(x.grad, 0.25)


@pytest.mark.parametrize('func', [F.sigmoid, F.tanh, F.softplus])
def test_int_input_rejected(func):
    with pytest.raises(type_check.InvalidType):
        func(numpy.arange(3, dtype=numpy.int32))
