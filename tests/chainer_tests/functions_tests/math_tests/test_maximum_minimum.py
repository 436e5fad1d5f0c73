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
    'func': ['maximum', 'minimum'],
    'shapes': [((3, 2), (3, 2)), ((3, 1), (2,)), ((), (2, 3)),
               ((2, 1, 3), (4, 1))],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestMaximumMinimum(object):

    def setup_method(self):
        s1, s2 = self.shapes
        x1 = numpy.random.uniform(-1, 1, s1)
        x2 = numpy.random.uniform(-1, 1, s2)
        # Move x1 away from x2 where they are close: the function has a
        # kink at x1 == x2.
        x1b, x2b = numpy.broadcast_arrays(x1, x2)
        while (abs(x1b - x2b) < 0.05).any():
            x1 = numpy.random.uniform(-1, 1, s1)
            x1b, x2b = numpy.broadcast_arrays(x1, x2)
        self.x1 = numpy.asarray(x1).astype(self.dtype)
        self.x2 = numpy.asarray(x2).astype(self.dtype)
        out_shape = numpy.broadcast_shapes(s1, s2)
        self.gy = numpy.random.uniform(-1, 1, out_shape).astype(self.dtype)
        self.ggx1 = numpy.random.uniform(-1, 1, s1).astype(self.dtype)
        self.ggx2 = numpy.random.uniform(-1, 1, s2).astype(self.dtype)
        self.f = getattr(F, self.func)
        self.ref = getattr(numpy, self.func)

    def test_forward(self, backend_config):
        y = self.f(*backend_config.get_array((self.x1, self.x2)))
        assert y.dtype == self.dtype
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array),
                                         self.ref(self.x1, self.x2))

    def test_backward(self, backend_config):
        x1, x2, gy = backend_config.get_array((self.x1, self.x2, self.gy))
        gradient_check.check_backward(self.f, (x1, x2), gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x1, self.x2), self.gy, (self.ggx1, self.ggx2)))
        gradient_check.check_double_backward(
            self.f, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


@pytest.mark.parametrize('func', [F.maximum, F.minimum])
def test_tie_gradient_goes_to_first(func):
    x1 = chainer.Variable(numpy.array([1., 2.]))
    x2 = chainer.Variable(numpy.array([1., 0.]))
    F.sum(func(x1, x2)).backward()
    if func is F.maximum:
        numpy.testing.assert_array_equal(x1.grad, [1., 1.])
        numpy.testing.assert_array_equal(x2.grad, [0., 0.])
    else:
        numpy.testing.assert_array_equal(x1.grad, [1., 0.])
        numpy.testing.assert_array_equal(x2.grad, [0., 1.])


@pytest.mark.parametrize('func', [F.maximum, F.minimum])
@pytest.mark.parametrize('x1,x2', [
    (numpy.zeros(3, numpy.int32), numpy.zeros(3, numpy.int32)),
    (numpy.zeros(3, numpy.float32), numpy.zeros(3, numpy.float64)),
    (numpy.zeros(3, numpy.float32), numpy.zeros(2, numpy.float32)),
])
def test_invalid(func, x1, x2):
    with pytest.raises(type_check.InvalidType):
        func(x1, x2)
