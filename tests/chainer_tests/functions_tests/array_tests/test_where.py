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
    'shapes': [((3, 2, 4),) * 3,
               ((3, 1, 4), (3, 2, 4), (4,)),     # broadcasting
               ((2, 4), (3, 1, 1), (1, 4)),
               ((), (3, 2), (3, 2))],
    'cond_variable': [False, True],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestWhere(object):

    def setup_method(self):
        c_shape, x_shape, y_shape = self.shapes
        self.c = numpy.asarray(numpy.random.uniform(-1, 1, c_shape) > 0)
        self.x = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        self.y = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        out_shape = numpy.broadcast_shapes(c_shape, x_shape, y_shape)
        self.gz = numpy.random.uniform(-1, 1, out_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        self.ggy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)

    def _where(self, c):
        if self.cond_variable:
            c = chainer.Variable(c)
        return lambda x, y: F.where(c, x, y)

    def test_forward(self, backend_config):
        c, x, y = backend_config.get_array((self.c, self.x, self.y))
        z = self._where(c)(x, y)
        assert z.dtype == self.dtype
        numpy.testing.assert_array_equal(
            cuda.to_cpu(z.array), numpy.where(self.c, self.x, self.y))

    def test_backward(self, backend_config):
        c, x, y, gz = backend_config.get_array(
            (self.c, self.x, self.y, self.gz))
        gradient_check.check_backward(self._where(c), (x, y), gz,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        c, x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.c, (self.x, self.y), self.gz, (self.ggx, self.ggy)))
        gradient_check.check_double_backward(
            self._where(c), x_data, y_grad, x_grad_grad,
            **_grad_tol(self.dtype))


def test_where_gradient_masks():
    c = numpy.array([True, False, True])
    x = chainer.Variable(numpy.zeros(3, numpy.float32))
    y = chainer.Variable(numpy.zeros(3, numpy.float32))
    z = F.where(c, x, y)
    z.grad = numpy.array([1, 2, 3], numpy.float32)
    z.backward()
    numpy.testing.assert_array_equal(x.grad, [1, 0, 3])
    numpy.testing.assert_array_equal(y.grad, [0, 2, 0])


@pytest.mark.parametrize('c,x,y', [
    (numpy.ones(3, numpy.int32), numpy.zeros(3, numpy.float32),
     numpy.zeros(3, numpy.float32)),                         # non-bool
    (numpy.ones(3, bool), numpy.zeros(3, numpy.float32),
     numpy.zeros(3, numpy.float64)),                         # dtypes
    (numpy.ones(3, bool), numpy.zeros(3, numpy.float32),
     numpy.zeros(2, numpy.float32)),                         # shapes
    (numpy.ones(2, bool), numpy.zeros(3, numpy.float32),
     numpy.zeros(3, numpy.float32)),
])
def test_where_invalid(c, x, y):
    with pytest.raises(type_check.InvalidType):
        F.where(c, x, y)
