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
    'bounds': [(-0.5, 0.5), (None, 0.3), (-0.3, None),
               (numpy.float64(-0.2), numpy.float64(0.4))],
    'shape': [(3, 2), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestClip(object):

    def setup_method(self):
        self.x_min, self.x_max = self.bounds
        x = numpy.random.uniform(-1, 1, self.shape)
        # Keep away from the kinks at the bounds, where the finite
        # difference would straddle two linear pieces.
        for b in self.bounds:
            if b is not None:
                near = abs(x - b) < 0.05
                x = numpy.where(near, x + 0.1, x)
        self.x = numpy.asarray(x).astype(self.dtype)
        self.gy = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)

    def _f(self, x):
        return F.clip(x, self.x_min, self.x_max)

    def test_forward(self, backend_config):
        y = self._f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        numpy.testing.assert_array_equal(
            cuda.to_cpu(y.array),
            numpy.clip(self.x, self.x_min, self.x_max).astype(self.dtype))

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def test_clip_gradient_mask():
    x = chainer.Variable(numpy.array([-2., -1., 0., 1., 2.]))
    y = F.clip(x, -1., 1.)
    F.sum(y).backward()
    # The bounds themselves still pass the gradient.
    numpy.testing.assert_array_equal(x.grad, [0., 1., 1., 1., 0.])


def test_clip_invalid():
    with pytest.raises(type_check.InvalidType):
        F.clip(numpy.zeros(3, numpy.int32), 0, 1)
    with pytest.raises(ValueError):
        F.clip(numpy.zeros(3, numpy.float32), 1., 0.)
    with pytest.raises(ValueError):
        F.clip(numpy.zeros(3, numpy.float32), None, None)
