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
    'shape_axis': [((2, 3, 4), 0), ((2, 3, 4), 1), ((2, 3, 4), 2),
                   ((2, 3, 4), -1), ((3,), 0), ((1, 2), 0)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(
    ['test_forward', 'test_backward', 'test_backward_unused_output',
     'test_double_backward'],
    [{}, {'use_cuda': True}])
class TestSeparate(object):

    def setup_method(self):
        shape, self.axis = self.shape_axis
        self.x = numpy.random.uniform(-1, 1, shape).astype(self.dtype)
        n = shape[self.axis]
        y_shape = numpy.take(self.x, 0, axis=self.axis).shape
        self.gys = tuple(numpy.random.uniform(-1, 1, y_shape).astype(
            self.dtype) for _ in range(n))
        self.ggx = numpy.random.uniform(-1, 1, shape).astype(self.dtype)

    def _f(self, x):
        return F.separate(x, self.axis)

    def test_forward(self, backend_config):
        ys = self._f(chainer.Variable(backend_config.get_array(self.x)))
        assert isinstance(ys, tuple)
        assert len(ys) == self.x.shape[self.axis]
        for i, y in enumerate(ys):
            assert y.dtype == self.dtype
            numpy.testing.assert_array_equal(
                cuda.to_cpu(y.array), numpy.take(self.x, i, axis=self.axis))

    def test_backward(self, backend_config):
        x, gys = backend_config.get_array((self.x, self.gys))
        gradient_check.check_backward(self._f, x, gys,
                                      **_grad_tol(self.dtype))

    def test_backward_unused_output(self, backend_config):
        x, gys = backend_config.get_array((self.x, self.gys))
        gradient_check.check_backward(self._f, x, (None,) + gys[1:],
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gys, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def test_stack_separate_round_trip():
    x = numpy.random.uniform(-1, 1, (2, 3, 4)).astype(numpy.float32)
    y = F.stack(F.separate(x, 1), 1)
    numpy.testing.assert_array_equal(y.array, x)


@pytest.mark.parametrize('axis', [3, -4])
def test_separate_invalid_axis(axis):
    with pytest.raises(type_check.InvalidType):
        F.separate(numpy.zeros((2, 3, 4), numpy.float32), axis)
