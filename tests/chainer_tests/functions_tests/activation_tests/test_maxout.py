"""maxout: pooling along different axes, gradients, invalid shapes."""
import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa (~5e-4 relative rounding per value).
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


def _maxout_ref(x, pool_size, axis):
    axis = axis % x.ndim
    shape = (x.shape[:axis] + (x.shape[axis] // pool_size, pool_size) +
             x.shape[axis + 1:])
    return x.reshape(shape).max(axis=axis + 1)


@testing.parameterize(*testing.product({
    'case': [((2, 6), 3, 1), ((2, 6), 2, 1), ((2, 6, 3), 3, 1),
             ((2, 3, 4), 2, 2), ((4, 3), 2, 0), ((2, 4, 3), 3, -1),
             ((3, 5), 1, 1)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestMaxout(object):

    def setup_method(self):
        self.shape, self.pool_size, self.axis = self.case
        # Distinct values with gaps of 0.1: no ties, and a finite
        # difference of eps = 1e-3 cannot change which entry is the max.
        size = int(numpy.prod(self.shape))
        x = numpy.random.permutation(size).reshape(self.shape) * 0.1 - 1
        self.x = x.astype(self.dtype)
        y_shape = _maxout_ref(self.x, self.pool_size, self.axis).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.tol = _tols(self.dtype)

    def f(self, x):
        return F.maxout(x, self.pool_size, self.axis)

    def test_forward(self, backend_config):
        y = self.f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        numpy.testing.assert_array_equal(
            cuda.to_cpu(y.array),
            _maxout_ref(self.x, self.pool_size, self.axis))

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self.f, x, gy, **self.tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self.f, x_data, y_grad, x_grad_grad, **self.tol)


def test_maxout_gradient_goes_to_max():
    x = chainer.Variable(numpy.array([[1., 5., 3., 2.]], numpy.float32))
    F.sum(F.maxout(x, 2)).backward()
    numpy.testing.assert_array_equal(x.grad, [[0, 1, 1, 0]])


def test_maxout_ties_send_gradient_once():
    x = chainer.Variable(numpy.array([[2., 2.]], numpy.float32))
    F.sum(F.maxout(x, 2)).backward()
    assert x.grad.sum() == 1


def test_maxout_indivisible_rejected():
    with pytest.raises(type_check.InvalidType):
        F.maxout(numpy.zeros((2, 3, 4), numpy.float32), 5)


@pytest.mark.parametrize('pool_size', [0, -1])
def test_maxout_bad_pool_size(pool_size):
    with pytest.raises(ValueError):
        F.maxout(numpy.zeros((2, 3), numpy.float32), pool_size)


def test_maxout_bad_axis_rejected():
    with pytest.raises(type_check.InvalidType):
        F.maxout(numpy.zeros((2, 4), numpy.float32), 2, axis=2)


def test_maxout_int_input_rejected():
    with pytest.raises(type_check.InvalidType):
        F.maxout(numpy.zeros((2, 4), numpy.int32), 2)
