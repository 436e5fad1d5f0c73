import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def _ref_lstm(c_prev, x):
    # Straightforward float64 reference with Chainer's gate layout:
    # x[:, 4k + g] is gate g in (a, i, f, o) of unit k.
    c_prev = c_prev.astype(numpy.float64)
    x = x.astype(numpy.float64)
    batch = len(x)
    r = x.reshape((batch, x.shape[1] // 4, 4) + x.shape[2:])
    a, i, f, o = (r[:, :, g] for g in range(4))
    c = c_prev.copy()
    c[:batch] = numpy.tanh(a) * _sigmoid(i) + _sigmoid(f) * c_prev[:batch]
    h = _sigmoid(o) * numpy.tanh(c[:batch])
    return c, h


def _tols(dtype):
    # float16 has an 11-bit mantissa; the cell chains several products
    # and transcendental functions, each rounding to ~1e-3.
    if dtype == numpy.float16:
        return ({'atol': 5e-3, 'rtol': 5e-3},
                {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


@testing.parameterize(*testing.product({
    'shapes': [((3, 2), (3, 8)),          # (c_prev, x)
               ((4, 2), (3, 8)),          # shrinking batch
               ((3, 2, 2), (3, 8, 2))],   # extra trailing axis
    'grads': ['both', 'c_only', 'h_only'],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestLSTM(object):

    def setup_method(self):
        c_shape, x_shape = self.shapes
        h_shape = (x_shape[0],) + c_shape[1:]

        def r(shape):
            return numpy.random.uniform(-1, 1, shape).astype(self.dtype)
        self.c_prev = r(c_shape)
        self.x = r(x_shape)
        gc, gh = r(c_shape), r(h_shape)
        if self.grads == 'c_only':
            gh = None
        elif self.grads == 'h_only':
            gc = None
        self.gys = (gc, gh)
        self.ggs = (r(c_shape), r(x_shape))
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def test_forward(self, backend_config):
        c_prev, x = backend_config.get_array((self.c_prev, self.x))
        c, h = F.lstm(chainer.Variable(c_prev), chainer.Variable(x))
        assert c.dtype == self.dtype and h.dtype == self.dtype
        c_ref, h_ref = _ref_lstm(self.c_prev, self.x)
        assert c.shape == c_ref.shape and h.shape == h_ref.shape
        testing.assert_allclose(c.array, c_ref, **self.fwd_tol)
        testing.assert_allclose(h.array, h_ref, **self.fwd_tol)

    def test_backward(self, backend_config):
        inputs, gys = backend_config.get_array(
            ((self.c_prev, self.x), self.gys))
        gradient_check.check_backward(F.lstm, inputs, gys, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.c_prev, self.x), self.gys, self.ggs))
        gradient_check.check_double_backward(
            F.lstm, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_lstm_gate_order():
    # One unit: a = 1 (tanh), i, f, o saturated open/closed by +-20.
    big = 20.
    c_prev = numpy.array([[0.5]])
    # i open, f closed, o open: c = tanh(1), h = tanh(tanh(1)).
    x = numpy.array([[1., big, -big, big]])
    c, h = F.lstm(c_prev, x)
    testing.assert_allclose(c.array, [[numpy.tanh(1.)]], atol=1e-6)
    testing.assert_allclose(h.array, [[numpy.tanh(numpy.tanh(1.))]],
                            atol=1e-6)
    # i closed, f open, o closed: c = c_prev, h = 0.
    x = numpy.array([[1., -big, big, -big]])
    c, h = F.lstm(c_prev, x)
    testing.assert_allclose(c.array, [[0.5]], atol=1e-6)
    testing.assert_allclose(h.array, [[0.]], atol=1e-6)


def test_lstm_units_are_interleaved():
    # Unit k reads x[:, 4k:4k+4]; changing unit 1's gates leaves unit 0.
    c_prev = numpy.zeros((1, 2))
    x = numpy.zeros((1, 8))
    c0, _ = F.lstm(c_prev, x)
    x[0, 4:8] = 3.
    c1, _ = F.lstm(c_prev, x)
    assert c0.array[0, 0] == c1.array[0, 0]
    assert c0.array[0, 1] != c1.array[0, 1]


def test_lstm_extra_rows_pass_through():
    c_prev = numpy.random.uniform(-1, 1, (4, 3)).astype(numpy.float32)
    x = numpy.random.uniform(-1, 1, (2, 12)).astype(numpy.float32)
    c, h = F.lstm(c_prev, x)
    numpy.testing.assert_array_equal(c.array[2:], c_prev[2:])
    assert h.shape == (2, 3)


@pytest.mark.parametrize('c_shape,x_shape,c_dtype,x_dtype', [
    ((3, 2), (3, 7), 'f', 'f'),        # x.shape[1] != 4 * units
    ((2, 2), (3, 8), 'f', 'f'),        # x has more rows than c_prev
    ((3, 2), (3, 8), 'f', 'd'),        # dtypes differ
    ((3, 2), (3, 8), 'i', 'i'),        # not float
    ((3, 2, 1), (3, 8), 'f', 'f'),     # ndim differs
    ((3, 2, 2), (3, 8, 3), 'f', 'f'),  # trailing axes differ
    ((2,), (8,), 'f', 'f'),            # ndim < 2
])
def test_lstm_invalid(c_shape, x_shape, c_dtype, x_dtype):
    with pytest.raises(type_check.InvalidType):
        F.lstm(numpy.zeros(c_shape, c_dtype), numpy.zeros(x_shape, x_dtype))
