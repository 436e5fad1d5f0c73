import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa; sums and the division each round.
    if dtype == numpy.float16:
        return ({'atol': 1e-2, 'rtol': 1e-2},
                {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


# Weights are only allowed with a single axis (or None).
@testing.parameterize(*[p for p in testing.product({
    'axis': [None, 0, 1, -1, (0, 2), (-1, 0)],
    'use_weights': [False, True],
    'keepdims': [False, True],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}) if not (p['use_weights'] and isinstance(p['axis'], tuple))])
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestAverage(object):

    def setup_method(self):
        shape = (3, 2, 4)
        self.x = numpy.random.uniform(-1, 1, shape).astype(self.dtype)
        if self.use_weights:
            w_shape = shape if self.axis is None else (shape[self.axis],)
            # Positive weights keep sum(w) away from zero.
            self.w = numpy.random.uniform(0.5, 1, w_shape).astype(self.dtype)
        else:
            self.w = None
        y_shape = self._ref(self.x, self.w).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _ref(self, x, w):
        x = x.astype(numpy.float64)
        axis = self.axis
        if w is not None:
            w = w.astype(numpy.float64)
            if axis is not None:
                w_shape = [1] * x.ndim
                w_shape[axis] = -1
                w = w.reshape(w_shape)
            y = (x * w).sum(axis=axis, keepdims=self.keepdims) / w.sum()
        else:
            y = x.mean(axis=axis, keepdims=self.keepdims)
        return numpy.asarray(y)

    def _inputs(self):
        return (self.x,) if self.w is None else (self.x, self.w)

    def _f(self, x, w=None):
        return F.average(x, self.axis, w, self.keepdims)

    def test_forward(self, backend_config):
        y = self._f(*backend_config.get_array(self._inputs()))
        assert y.dtype == self.dtype
        testing.assert_allclose(y.array, self._ref(self.x, self.w),
                                **self.fwd_tol)

    def test_backward(self, backend_config):
        inputs, gy = backend_config.get_array((self._inputs(), self.gy))
        gradient_check.check_backward(self._f, inputs, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        ggxs = tuple(numpy.random.uniform(-1, 1, a.shape).astype(self.dtype)
                     for a in self._inputs())
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self._inputs(), self.gy, ggxs))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


@testing.parameterize(*testing.product({
    'axis': [None, 1, (0, 2)],
    'keepdims': [False, True],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward'],
                              [{}, {'use_cuda': True}])
class TestMean(object):

    def setup_method(self):
        self.x = numpy.random.uniform(-1, 1, (3, 2, 4)).astype(self.dtype)
        y_shape = numpy.mean(self.x, self.axis, keepdims=self.keepdims).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _f(self, x):
        return F.mean(x, self.axis, self.keepdims)

    def test_forward(self, backend_config):
        y = self._f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        testing.assert_allclose(
            y.array, self.x.astype(numpy.float64).mean(
                self.axis, keepdims=self.keepdims), **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy, **self.grad_tol)


def _x():
    return numpy.zeros((2, 3), numpy.float32)


def test_average_invalid():
    with pytest.raises(type_check.InvalidType):
        F.average(_x(), axis=2)
    with pytest.raises(type_check.InvalidType):
        F.average(_x(), axis=-3)
    with pytest.raises(ValueError):
        F.average(_x(), axis=(1, -1))
    with pytest.raises(TypeError):
        F.average(_x(), axis=[0])
    w = numpy.ones(3, numpy.float32)
    with pytest.raises(ValueError):
        F.average(_x(), axis=(0, 1), weights=numpy.ones((2, 3), numpy.float32))
    with pytest.raises(ValueError):
        F.average(_x(), axis=0, weights=w)     # length must be x.shape[0]
    with pytest.raises(type_check.InvalidType):
        F.average(_x(), axis=1, weights=w.astype(numpy.float64))
