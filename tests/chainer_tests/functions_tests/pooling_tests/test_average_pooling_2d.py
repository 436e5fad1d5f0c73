import numpy
import pytest

from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _ref_avg_pool(x, k, s, p):
    # Padded zeros count: every window sum is divided by kh * kw.
    x = x.astype(numpy.float64)
    n, c, h, w = x.shape
    xp = numpy.zeros((n, c, h + 2 * p[0], w + 2 * p[1]))
    xp[:, :, p[0]:p[0] + h, p[1]:p[1] + w] = x
    out_h = (h + 2 * p[0] - k[0]) // s[0] + 1
    out_w = (w + 2 * p[1] - k[1]) // s[1] + 1
    y = numpy.empty((n, c, out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            y[:, :, i, j] = xp[:, :, i * s[0]:i * s[0] + k[0],
                               j * s[1]:j * s[1] + k[1]].mean(axis=(2, 3))
    return y


@testing.parameterize(*testing.product({
    'conf': [
        ((2, 2), None, (0, 0)),
        ((3, 3), (2, 2), (1, 1)),
        ((3, 2), (1, 2), (1, 0)),
        ((2, 3), (3, 1), (0, 1)),
    ],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestAveragePooling2D(object):

    def setup_method(self):
        self.ksize, self.stride, self.pad = self.conf
        self.x = numpy.random.uniform(-1, 1, (2, 3, 6, 7)).astype(self.dtype)
        stride = self.ksize if self.stride is None else self.stride
        self.expected = _ref_avg_pool(self.x, self.ksize, stride, self.pad)
        self.gy = numpy.random.uniform(
            -1, 1, self.expected.shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.x.shape).astype(
            self.dtype)
        if self.dtype == numpy.float16:
            # Outputs are rounded to an 11-bit mantissa; gradients carry
            # a few such roundings.
            self.fwd_tol = {'atol': 2e-3, 'rtol': 2e-3}
            self.tol = {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64}
        else:
            self.fwd_tol = {'atol': 1e-6, 'rtol': 1e-5}
            self.tol = {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}

    def _f(self, x):
        return F.average_pooling_2d(x, self.ksize, self.stride, self.pad)

    def test_forward(self, backend_config):
        y = self._f(backend_config.get_array(self.x))
        assert y.dtype == self.dtype
        testing.assert_allclose(y.array, self.expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy, **self.tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.tol)


def test_padding_counts_as_zero():
    x = numpy.ones((1, 1, 2, 2), numpy.float32)
    y = F.average_pooling_2d(x, 2, stride=2, pad=1)
    numpy.testing.assert_array_equal(y.array, numpy.full((1, 1, 2, 2), .25))


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        F.average_pooling_2d(numpy.zeros((1, 3, 3), numpy.float32), 2)
    with pytest.raises(type_check.InvalidType):
        F.average_pooling_2d(numpy.zeros((1, 1, 3, 3), numpy.int32), 2)
