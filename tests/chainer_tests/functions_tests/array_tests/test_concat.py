import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _grad_tol(dtype):
    # float16 has an 11-bit mantissa: inputs and gradients are rounded to
    # ~1e-3 relative precision even though concat only moves values.
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


@testing.parameterize(*testing.product({
    'case': [
        ([(2, 7, 3), (2, 2, 3), (2, 5, 3)], 1),
        ([(2, 7, 3), (2, 2, 3), (2, 5, 3)], -2),
        ([(2, 3), (4, 3)], 0),
        ([(2, 3, 4)], 2),
        ([(3,), (0,), (2,)], 0),
    ],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestConcat(object):

    def setup_method(self):
        shapes, self.axis = self.case
        self.xs = [numpy.random.uniform(-1, 1, s).astype(self.dtype)
                   for s in shapes]
        y_shape = numpy.concatenate(self.xs, self.axis).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.ggxs = [numpy.random.uniform(-1, 1, s).astype(self.dtype)
                     for s in shapes]

    def _f(self, *xs):
        return F.concat(xs, self.axis)

    def test_forward(self, backend_config):
        xs = backend_config.get_array(self.xs)
        y = F.concat([chainer.Variable(x) for x in xs], self.axis)
        assert y.dtype == self.dtype
        numpy.testing.assert_array_equal(
            cuda.to_cpu(y.array), numpy.concatenate(self.xs, self.axis))

    def test_backward(self, backend_config):
        xs, gy = backend_config.get_array((tuple(self.xs), self.gy))
        gradient_check.check_backward(self._f, xs, gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (tuple(self.xs), self.gy, tuple(self.ggxs)))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def test_concat_default_axis_is_1():
    xs = [numpy.zeros((2, 3)), numpy.zeros((2, 4))]
    assert F.concat(xs).shape == (2, 7)


def test_concat_backward_splits_gradient_exactly():
    x1 = chainer.Variable(numpy.zeros((2, 1), numpy.float32))
    x2 = chainer.Variable(numpy.zeros((2, 2), numpy.float32))
    y = F.concat((x1, x2), axis=1)
    y.grad = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    y.backward()
    numpy.testing.assert_array_equal(x1.grad, [[0], [3]])
    numpy.testing.assert_array_equal(x2.grad, [[1, 2], [4, 5]])


@pytest.mark.parametrize('xs,axis', [
    ([numpy.zeros((2, 3), numpy.float32),
      numpy.zeros((3, 3), numpy.float32)], 1),          # mismatched shape
    ([numpy.zeros((2, 3), numpy.float32),
      numpy.zeros((2, 3), numpy.float64)], 0),          # mismatched dtype
    ([numpy.zeros((2, 3), numpy.float32),
      numpy.zeros((2, 3, 1), numpy.float32)], 0),       # mismatched ndim
    ([numpy.zeros((2, 3), numpy.float32)], 2),          # axis too large
    ([numpy.zeros((2, 3), numpy.float32)], -3),         # axis too small
    ([], 0),                                            # no inputs
])
def test_concat_invalid(xs, axis):
    with pytest.raises(type_check.InvalidType):
        F.concat(xs, axis)


def test_concat_axis_type():
    with pytest.raises(TypeError):
        F.concat([numpy.zeros(2)], axis=0.5)
