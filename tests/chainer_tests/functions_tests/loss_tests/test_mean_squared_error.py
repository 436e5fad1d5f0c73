"""mean_squared_error and mean_absolute_error."""
import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa (~5e-4 relative rounding per value);
    # the sum over all entries compounds it.
    if dtype == numpy.float16:
        return ({'atol': 5e-3, 'rtol': 5e-3},
                {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


_funcs = {
    'mean_squared_error': (F.mean_squared_error,
                           lambda d: numpy.mean(d * d)),
    'mean_absolute_error': (F.mean_absolute_error,
                            lambda d: numpy.mean(abs(d))),
}


@testing.parameterize(*testing.product({
    'name': sorted(_funcs),
    'shape': [(4, 3), (), (2, 3, 4)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestMeanError(object):

    def setup_method(self):
        self.func, self.ref = _funcs[self.name]
        self.x0 = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        d = numpy.asarray(numpy.random.uniform(-1, 1, self.shape))
        # |x0 - x1| is not differentiable where the inputs coincide.
        d[abs(d) < 0.1] = 0.5
        # 0-dim sums come back as scalars; keep an ndarray.
        self.x1 = numpy.asarray(self.x0 + d).astype(self.dtype)
        self.gy = numpy.random.uniform(-1, 1, ()).astype(self.dtype)
        self.ggx0 = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.ggx1 = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def test_forward(self, backend_config):
        x0, x1 = backend_config.get_array((self.x0, self.x1))
        loss = self.func(chainer.Variable(x0), chainer.Variable(x1))
        assert loss.dtype == self.dtype
        assert loss.shape == ()
        d = self.x0.astype(numpy.float64) - self.x1.astype(numpy.float64)
        testing.assert_allclose(loss.array, self.ref(d), **self.fwd_tol)

    def test_backward(self, backend_config):
        x0, x1, gy = backend_config.get_array((self.x0, self.x1, self.gy))
        gradient_check.check_backward(self.func, (x0, x1), gy,
                                      **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x0, self.x1), self.gy, (self.ggx0, self.ggx1)))
        gradient_check.check_double_backward(
            self.func, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_known_values():
    x0 = numpy.array([1., 2., 3.], numpy.float32)
    x1 = numpy.array([0., 2., 5.], numpy.float32)
    assert float(F.mean_squared_error(x0, x1).array) == pytest.approx(5 / 3)
    assert float(F.mean_absolute_error(x0, x1).array) == pytest.approx(1.)


@pytest.mark.parametrize('func', [F.mean_squared_error,
                                  F.mean_absolute_error])
@pytest.mark.parametrize('x0,x1', [
    (numpy.zeros(3, numpy.int32), numpy.zeros(3, numpy.int32)),
    (numpy.zeros(3, numpy.float32), numpy.zeros(3, numpy.float64)),
    (numpy.zeros(3, numpy.float32), numpy.zeros(4, numpy.float32)),
])
def test_invalid_types(func, x0, x1):
    with pytest.raises(type_check.InvalidType):
        func(x0, x1)
