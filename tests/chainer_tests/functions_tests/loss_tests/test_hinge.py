"""hinge: L1/L2 norms, reduce, gradients away from the margin kink."""
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


def _ref(x, t, norm, reduce):
    x = x.astype(numpy.float64)
    loss = numpy.empty_like(x)
    for i in range(x.shape[0]):
        for k in range(x.shape[1]):
            s = -1 if t[i] == k else 1
            loss[i, k] = max(0, 1 + s * x[i, k])
    if norm == 'L2':
        loss = loss ** 2
    return loss.sum() / len(x) if reduce == 'mean' else loss


@testing.parameterize(*testing.product({
    'shape': [(10, 5), (1, 3)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'norm': ['L1', 'L2'],
    'reduce': ['mean', 'no'],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestHinge(object):

    def setup_method(self):
        x = numpy.random.uniform(-2, 2, self.shape)
        # The margin max(0, 1 +- x) has a kink at x == -+1.
        x[abs(abs(x) - 1) < 0.1] = 0.
        self.x = x.astype(self.dtype)
        self.t = numpy.random.randint(0, self.shape[1], self.shape[0]).astype(
            numpy.int32)
        gy_shape = () if self.reduce == 'mean' else self.shape
        self.gy = numpy.random.uniform(-1, 1, gy_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def f(self, x, t):
        return F.hinge(x, t, norm=self.norm, reduce=self.reduce)

    def test_forward(self, backend_config):
        x, t = backend_config.get_array((self.x, self.t))
        loss = self.f(chainer.Variable(x), t)
        assert loss.dtype == self.dtype
        expected = _ref(self.x, self.t, self.norm, self.reduce)
        assert loss.shape == expected.shape
        testing.assert_allclose(loss.array, expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        x, t, gy = backend_config.get_array((self.x, self.t, self.gy))
        gradient_check.check_backward(self.f, (x, t), gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x, self.t), self.gy, self.ggx))
        gradient_check.check_double_backward(
            self.f, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_known_value():
    x = numpy.array([[-2., 3., .5], [5., 2., -.5]], numpy.float32)
    t = numpy.array([1, 0], numpy.int32)
    assert float(F.hinge(x, t).array) == pytest.approx(2.5)
    assert float(F.hinge(x, t, norm='L2').array) == pytest.approx(5.75)


def test_invalid_norm():
    with pytest.raises(NotImplementedError):
        F.hinge(numpy.zeros((2, 3), numpy.float32),
                numpy.zeros(2, numpy.int32), norm='L3')


def test_invalid_reduce():
    with pytest.raises(ValueError):
        F.hinge(numpy.zeros((2, 3), numpy.float32),
                numpy.zeros(2, numpy.int32), reduce='sum')


@pytest.mark.parametrize('x,t', [
    (numpy.zeros((2, 3), numpy.int32), numpy.zeros(2, numpy.int32)),
    (numpy.zeros((2, 3), numpy.float32), numpy.zeros(2, numpy.float32)),
    (numpy.zeros(3, numpy.float32), numpy.zeros(3, numpy.int32)),
    (numpy.zeros((2, 3), numpy.float32), numpy.zeros((2, 1), numpy.int32)),
    (numpy.zeros((2, 3), numpy.float32), numpy.zeros(3, numpy.int32)),
])
def test_invalid_types(x, t):
    with pytest.raises(type_check.InvalidType):
        F.hinge(x, t)
