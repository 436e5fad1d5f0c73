"""sigmoid_cross_entropy: normalize, reduce, ignored labels, gradients."""
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


def _ref(x, t, normalize, reduce):
    x = x.astype(numpy.float64)
    p = 1 / (1 + numpy.exp(-x))
    loss = -(t * numpy.log(p) + (1 - t) * numpy.log(1 - p))
    loss[t == -1] = 0
    if reduce == 'no':
        return loss
    count = (t != -1).sum() if normalize else len(x)
    return loss.sum() / max(count, 1)


@testing.parameterize(*testing.product({
    'shape': [(8, 3), (4, 3, 2), (5,)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'normalize': [True, False],
    'reduce': ['mean', 'no'],
    'ignore_all': [False, True],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestSigmoidCrossEntropy(object):

    def setup_method(self):
        self.x = numpy.random.uniform(-3, 3, self.shape).astype(self.dtype)
        self.t = numpy.random.randint(-1, 2, self.shape).astype(numpy.int32)
        if self.ignore_all:
            self.t[...] = -1
        gy_shape = () if self.reduce == 'mean' else self.shape
        self.gy = numpy.random.uniform(-1, 1, gy_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def f(self, x, t):
        return F.sigmoid_cross_entropy(x, t, normalize=self.normalize,
                                       reduce=self.reduce)

    def test_forward(self, backend_config):
        x, t = backend_config.get_array((self.x, self.t))
        loss = self.f(chainer.Variable(x), t)
        assert loss.dtype == self.dtype
        expected = _ref(self.x, self.t, self.normalize, self.reduce)
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


def test_extreme_logits_are_finite():
    x = numpy.array([-1000., 1000., -1000., 1000.], numpy.float32)
    t = numpy.array([0, 1, 1, 0], numpy.int32)
    with numpy.errstate(over='raise', invalid='raise'):
        loss = F.sigmoid_cross_entropy(x, t, reduce='no')
    numpy.testing.assert_allclose(loss.array, [0, 0, 1000, 1000])


def test_ignored_entries_get_no_gradient():
    x = chainer.Variable(numpy.random.uniform(-1, 1, (2, 3)))
    t = numpy.array([[0, -1, 1], [-1, 1, 0]], numpy.int32)
    F.sigmoid_cross_entropy(x, t).backward()
    assert x.grad[0, 1] == 0 and x.grad[1, 0] == 0
    assert (x.grad[t != -1] != 0).all()


def test_invalid_reduce():
    with pytest.raises(ValueError):
        F.sigmoid_cross_entropy(numpy.zeros(3, numpy.float32),
                                numpy.zeros(3, numpy.int32), reduce='sum')


@pytest.mark.parametrize('x,t', [
    (numpy.zeros((2, 3), numpy.int32), numpy.zeros((2, 3), numpy.int32)),
    (numpy.zeros((2, 3), numpy.float32), numpy.zeros((2, 3), numpy.float32)),
    (numpy.zeros((2, 3), numpy.float32), numpy.zeros((2, 4), numpy.int32)),
    (numpy.zeros((2, 3), numpy.float32), numpy.zeros(2, numpy.int32)),
])
def test_invalid_types(x, t):
    with pytest.raises(type_check.InvalidType):
        F.sigmoid_cross_entropy(x, t)
