"""softmax and log_softmax: axes, stability, gradients, type errors."""
import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa (~5e-4 relative rounding per value);
    # the exp / sum / divide chain accumulates a few of those.
    if dtype == numpy.float16:
        return ({'atol': 5e-3, 'rtol': 5e-3},
                {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


def _log_softmax_ref(x, axis):
    x = x.astype(numpy.float64)
    m = x.max(axis=axis, keepdims=True)
    return x - m - numpy.log(numpy.exp(x - m).sum(axis=axis, keepdims=True))


_funcs = {
    'softmax': (F.softmax, lambda x, axis: numpy.exp(
        _log_softmax_ref(x, axis))),
    'log_softmax': (F.log_softmax, _log_softmax_ref),
}


@testing.parameterize(*(
    testing.product({
        'name': sorted(_funcs),
        'shape_axis': [((2, 3), 1), ((2, 3), 0), ((2, 3, 4), 1),
                       ((2, 3, 4), 2), ((2, 3, 4), -1), ((5,), 0)],
        'dtype': [numpy.float16, numpy.float32, numpy.float64],
    })))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestSoftmaxFamily(object):

    def setup_method(self):
        self.func, self.ref = _funcs[self.name]
        self.shape, self.axis = self.shape_axis
        self.x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        self.gy = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def f(self, x):
        return self.func(x, axis=self.axis)

    def test_forward(self, backend_config):
        y = self.f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        assert y.shape == self.shape
        testing.assert_allclose(y.array, self.ref(self.x, self.axis),
                                **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self.f, x, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self.f, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_default_axis_is_one():
    x = numpy.random.uniform(-1, 1, (2, 3, 4)).astype(numpy.float32)
    numpy.testing.assert_allclose(F.softmax(x).array.sum(axis=1), 1,
                                  rtol=1e-6)
    testing.assert_allclose(F.log_softmax(x).array, _log_softmax_ref(x, 1))


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_large_inputs_are_stable(dtype):
    # exp(1000) overflows every float dtype unless the max is subtracted.
    # The values are exact in float16 too.
    x = numpy.array([[1000., 1001., 0.]]).astype(dtype)
    with numpy.errstate(over='raise', invalid='raise'):
        y = F.softmax(x).array
        log_y = F.log_softmax(x).array
    assert numpy.isfinite(y).all() and numpy.isfinite(log_y).all()
    e = numpy.e
    testing.assert_allclose(y[0, :2], [1 / (1 + e), e / (1 + e)],
                            atol=1e-3, rtol=0)
    assert y[0, 2] == 0
    # log_softmax stays finite where log(softmax) would give log(0).
    testing.assert_allclose(log_y[0, 2], -(1001 + numpy.log1p(1 / e)),
                            rtol=1e-3)


@pytest.mark.parametrize('func', [F.softmax, F.log_softmax])
def test_int_input_rejected(func):
    with pytest.raises(type_check.InvalidType):
        func(numpy.zeros((2, 3), numpy.int32))


@pytest.mark.parametrize('func', [F.softmax, F.log_softmax])
@pytest.mark.parametrize('axis', [2, -3])
def test_bad_axis_rejected(func, axis):
    with pytest.raises(type_check.InvalidType):
        func(numpy.zeros((2, 3), numpy.float32), axis=axis)
