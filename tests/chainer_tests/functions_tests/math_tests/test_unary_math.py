"""exp, log, log2, log10, sqrt, rsqrt, square, identity."""
import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa: ~1e-3 relative rounding per value.
    if dtype == numpy.float16:
        return ({'atol': 1e-3, 'rtol': 1e-2},
                {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


_funcs = {
    'exp': (F.exp, numpy.exp),
    'log': (F.log, numpy.log),
    'log2': (F.log2, numpy.log2),
    'log10': (F.log10, numpy.log10),
    'sqrt': (F.sqrt, numpy.sqrt),
    'rsqrt': (F.rsqrt, lambda x: 1 / numpy.sqrt(x)),
    'square': (F.square, numpy.square),
    'identity': (F.identity, lambda x: x),
}


@testing.parameterize(*testing.product({
    'name': sorted(_funcs),
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'shape': [(3, 2), ()],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestUnaryMath(object):

    def setup_method(self):
        self.func, self.ref = _funcs[self.name]
        # Positive inputs keep log/sqrt defined and well conditioned.
        self.x = numpy.random.uniform(.5, 2, self.shape).astype(self.dtype)
        self.gy = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def test_forward(self, backend_config):
        y = self.func(chainer.Variable(backend_config.get_array(self.x)))
        assert isinstance(y, chainer.Variable)
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


@pytest.mark.parametrize('func', [F.exp, F.log, F.log2, F.log10, F.sqrt,
                                  F.square])
def test_int_input_rejected(func):
    with pytest.raises(type_check.InvalidType) as e:
        func(numpy.arange(3))
    assert 'Expect: x.dtype.kind == f' in str(e.value)


def test_identity_multiple_inputs():
    a = chainer.Variable(numpy.ones(2))
    b = chainer.Variable(numpy.zeros(3))
    ya, yb = F.identity(a, b)
    assert ya.array is a.array and yb.array is b.array
    assert ya.creator is yb.creator
    F.sum(ya * 2).backward()
    numpy.testing.assert_array_equal(a.grad, [2, 2])
    assert b.grad is None
