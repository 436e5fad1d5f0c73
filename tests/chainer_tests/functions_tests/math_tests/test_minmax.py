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


def _distinct(shape, dtype):
    # Distinct values spaced 2/size apart, so no ties (and no kinks)
    # within a finite-difference step, even in float16.
    size = int(numpy.prod(shape))
    x = numpy.random.permutation(size) * (2. / size) - 1
    return x.reshape(shape).astype(dtype)


@testing.parameterize(*testing.product({
    'func': ['max', 'min'],
    'axis': [None, 0, 1, -1, (0, 2), (-1, 0)],
    'keepdims': [False, True],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestMaxMin(object):

    def setup_method(self):
        self.x = _distinct((3, 2, 4), self.dtype)
        self.ref = getattr(numpy, 'a' + self.func)
        y_shape = self.ref(self.x, self.axis, keepdims=self.keepdims).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.x.shape).astype(
            self.dtype)

    def _f(self, x):
        return getattr(F, self.func)(x, self.axis, self.keepdims)

    def test_forward(self, backend_config):
        y = self._f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        assert isinstance(y.array, backend_config.xp.ndarray)
        numpy.testing.assert_array_equal(
            cuda.to_cpu(y.array),
            self.ref(self.x, self.axis, keepdims=self.keepdims))

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def test_max_ties_all_receive_gradient():
    x = chainer.Variable(numpy.array([[1., 3., 3.], [2., 0., 1.]]))
    F.sum(F.max(x, axis=1)).backward()
    numpy.testing.assert_array_equal(x.grad, [[0, 1, 1], [1, 0, 0]])


@testing.parameterize(*testing.product({
    'func': ['argmax', 'argmin'],
    'axis': [None, 0, 1, -1],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward'], [{}, {'use_cuda': True}])
class TestArgMaxMin(object):

    def test_forward(self, backend_config):
        x = _distinct((3, 2, 4), self.dtype)
        y = getattr(F, self.func)(
            chainer.Variable(backend_config.get_array(x)), self.axis)
        assert y.dtype == numpy.int32
        numpy.testing.assert_array_equal(
            cuda.to_cpu(y.array), getattr(numpy, self.func)(x, self.axis))

    def test_no_gradient(self):
        x = chainer.Variable(_distinct((3, 4), self.dtype))
        y = getattr(F, self.func)(x, self.axis)
        y.grad = numpy.ones(y.shape, numpy.int32)
        y.backward()
        assert x.grad is None


@pytest.mark.parametrize('func', [F.max, F.min, F.argmax, F.argmin])
def test_invalid(func):
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        func(x, 2)
    with pytest.raises(type_check.InvalidType):
        func(x, -3)
    with pytest.raises(type_check.InvalidType):
        func(numpy.zeros((2, 3), numpy.int32))
    with pytest.raises(TypeError):
        func(x, [0])


def test_max_duplicate_axis():
    with pytest.raises(ValueError):
        F.max(numpy.zeros((2, 3), numpy.float32), (1, 1))
