import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa; sums of a few terms lose ~1e-3.
    if dtype == numpy.float16:
        return ({'atol': 1e-2, 'rtol': 1e-2},
                {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


@testing.parameterize(*testing.product({
    'axis': [None, 0, 1, -1, (0, 2), (-3, 1)],
    'keepdims': [True, False],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestSum(object):

    def setup_method(self):
        self.x = numpy.random.uniform(-1, 1, (3, 2, 4)).astype(self.dtype)
        y_shape = numpy.sum(self.x, axis=self.axis,
                            keepdims=self.keepdims).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.x.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _f(self, x):
        return F.sum(x, axis=self.axis, keepdims=self.keepdims)

    def test_forward(self, backend_config):
        y = self._f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        assert isinstance(y.array, backend_config.xp.ndarray)
        expected = self.x.astype(numpy.float64).sum(
            axis=self.axis, keepdims=self.keepdims)
        testing.assert_allclose(y.array, expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


class TestSumErrors(object):

    def test_axis_out_of_range(self):
        with pytest.raises(type_check.InvalidType):
            F.sum(numpy.zeros((2, 3), numpy.float32), axis=2)
        with pytest.raises(type_check.InvalidType):
            F.sum(numpy.zeros((2, 3), numpy.float32), axis=-3)

    def test_duplicate_axis(self):
        with pytest.raises(ValueError, match='duplicate'):
            F.sum(numpy.zeros((2, 3), numpy.float32), axis=(0, 0))

    def test_bad_axis_type(self):
        with pytest.raises(TypeError):
            F.sum(numpy.zeros((2, 3), numpy.float32), axis=[0])

    def test_int_rejected(self):
        with pytest.raises(type_check.InvalidType):
            F.sum(numpy.zeros((2, 3), numpy.int32))


@testing.parameterize(*testing.product({
    'shapes': [((3, 2), (1, 2)), ((3, 2), (2,)), ((4, 3, 2), (3, 1)),
               ((3, 2), ()), ((3, 2), (3, 2))],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestSumTo(object):

    def setup_method(self):
        in_shape, self.out_shape = self.shapes
        self.x = numpy.random.uniform(-1, 1, in_shape).astype(self.dtype)
        self.gy = numpy.random.uniform(-1, 1, self.out_shape).astype(
            self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, in_shape).astype(self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _f(self, x):
        return F.sum_to(x, self.out_shape)

    def test_forward(self, backend_config):
        y = self._f(backend_config.get_array(self.x))
        assert y.shape == self.out_shape
        # Adjoint of broadcasting: <bcast(v), x> == <v, sum_to(x)>.
        v = numpy.random.rand(*self.out_shape)
        testing.assert_allclose(
            (numpy.broadcast_to(v, self.x.shape) * self.x).sum(),
            (v * cuda.to_cpu(y.array)).sum(), **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_sum_to_invalid():
    with pytest.raises(type_check.InvalidType):
        F.sum_to(numpy.zeros((3, 2), numpy.float32), (3,))
