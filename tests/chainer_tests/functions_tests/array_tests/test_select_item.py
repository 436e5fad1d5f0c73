import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _grad_tol(dtype):
    # float16 has an 11-bit mantissa: values are rounded to ~1e-3.
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


@testing.parameterize(*testing.product({
    # 40 columns: more than numpy.choose accepts.
    'shape': [(3, 2), (5, 40), (1, 1)],
    't_dtype': [numpy.int32, numpy.int64],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestSelectItem(object):

    def setup_method(self):
        n, k = self.shape
        self.x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        self.t = numpy.random.randint(0, k, n).astype(self.t_dtype)
        self.gy = numpy.random.uniform(-1, 1, n).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)

    def test_forward(self, backend_config):
        x, t = backend_config.get_array((self.x, self.t))
        y = F.select_item(chainer.Variable(x), t)
        assert y.dtype == self.dtype
        assert isinstance(y.array, backend_config.xp.ndarray)
        expected = numpy.array([row[i] for row, i in zip(self.x, self.t)],
                               self.dtype)
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array), expected)

    def test_backward(self, backend_config):
        x, t, gy = backend_config.get_array((self.x, self.t, self.gy))
        gradient_check.check_backward(F.select_item, (x, t), gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x, self.t), self.gy, self.ggx))
        gradient_check.check_double_backward(
            F.select_item, x_data, y_grad, x_grad_grad,
            **_grad_tol(self.dtype))


def test_select_item_gradient_is_one_hot():
    x = chainer.Variable(numpy.zeros((3, 4), numpy.float32))
    t = numpy.array([3, 0, 3], numpy.int32)
    y = F.select_item(x, t)
    y.grad = numpy.array([1., 2., 3.], numpy.float32)
    y.backward()
    numpy.testing.assert_array_equal(
        x.grad, [[0, 0, 0, 1], [2, 0, 0, 0], [0, 0, 0, 3]])


def test_select_item_matches_choose():
    x = numpy.random.uniform(-1, 1, (6, 5)).astype(numpy.float32)
    t = numpy.random.randint(0, 5, 6).astype(numpy.int32)
    numpy.testing.assert_array_equal(F.select_item(x, t).array,
                                     t.choose(x.T))


def test_select_item_debug_checks_range():
    x = numpy.zeros((2, 3), numpy.float32)
    with chainer.using_config('debug', True):
        for t in ([0, 3], [-1, 0]):
            with pytest.raises(ValueError):
                F.select_item(x, numpy.array(t, numpy.int32))


@pytest.mark.parametrize('x_shape,t_shape,t_dtype', [
    ((2, 3), (2,), numpy.float32),      # labels must be integers
    ((2, 3, 1), (2,), numpy.int32),     # x must be 2-d
    ((2, 3), (2, 1), numpy.int32),      # t must be 1-d
    ((2, 3), (3,), numpy.int32),        # one label per row
])
def test_select_item_invalid(x_shape, t_shape, t_dtype):
    with pytest.raises(type_check.InvalidType):
        F.select_item(numpy.zeros(x_shape, numpy.float32),
                      numpy.zeros(t_shape, t_dtype))
