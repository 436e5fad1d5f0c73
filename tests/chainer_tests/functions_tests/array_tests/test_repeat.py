import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _grad_tol(dtype):
    # float16 has an 11-bit mantissa; the gradient also sums several
    # copies, each rounded.
    if dtype == numpy.float16:
        return {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


@testing.parameterize(*testing.product({
    'case': [((2,), 2, None), ((2, 3), 2, None), ((2, 3), 2, 0),
             ((2, 3), 3, 1), ((2, 3), 2, -1), ((2, 3), 0, 1),
             ((2, 3), (1, 2), 0), ((2, 3), (3, 0, 2), 1),
             ((2, 3), [2, 1, 1], -1), ((2, 2), (1, 0, 2, 3), None),
             ((), 3, None)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestRepeat(object):

    def setup_method(self):
        shape, self.repeats, self.axis = self.case
        self.x = numpy.random.uniform(-1, 1, shape).astype(self.dtype)
        y_shape = numpy.repeat(self.x, self.repeats, self.axis).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, shape).astype(self.dtype)

    def _f(self, x):
        return F.repeat(x, self.repeats, self.axis)

    def test_forward(self, backend_config):
        y = self._f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        numpy.testing.assert_array_equal(
            cuda.to_cpu(y.array),
            numpy.repeat(self.x, self.repeats, self.axis))

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def test_repeat_gradient_sums_copies():
    x = chainer.Variable(numpy.zeros(3, numpy.float64))
    y = F.repeat(x, (2, 0, 1))
    y.grad = numpy.array([1., 2., 4.])
    y.backward()
    numpy.testing.assert_array_equal(x.grad, [3., 0., 4.])


@pytest.mark.parametrize('repeats,axis', [
    (2, 2), (2, -3),          # axis out of range
    ((1, 2), 1),              # wrong number of repeats for the axis
    ((1, 2), None),           # wrong number for the flattened input
])
def test_repeat_invalid_type(repeats, axis):
    with pytest.raises(type_check.InvalidType):
        F.repeat(numpy.zeros((2, 3), numpy.float32), repeats, axis)


def test_repeat_invalid_arguments():
    x = numpy.zeros(2, numpy.float32)
    with pytest.raises(ValueError):
        F.repeat(x, -1)
    with pytest.raises(TypeError):
        F.repeat(x, 1.5)
    with pytest.raises(TypeError):
        F.repeat(x, 2, axis=0.5)
