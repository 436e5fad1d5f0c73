import numpy
import pytest

from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _ref_unpool(x, k, s, p, outsize):
    # Every input pixel is added over its window in the output.
    x = x.astype(numpy.float64)
    n, c, h, w = x.shape
    y = numpy.zeros((n, c, outsize[0] + 2 * p[0] + k[0] + s[0],
                     outsize[1] + 2 * p[1] + k[1] + s[1]))
    for i in range(h):
        for j in range(w):
            y[:, :, i * s[0]:i * s[0] + k[0], j * s[1]:j * s[1] + k[1]] += \
                x[:, :, i, j][:, :, None, None]
    return y[:, :, p[0]:p[0] + outsize[0], p[1]:p[1] + outsize[1]]


@testing.parameterize(*testing.product({
    'conf': [
        # ksize, stride, pad, cover_all, outsize
        ((2, 2), None, (0, 0), True, None),
        ((2, 2), None, (0, 0), False, None),
        ((3, 3), (2, 2), (1, 1), False, (7, 9)),
        ((3, 2), (2, 1), (1, 0), True, None),
        ((3, 2), (2, 1), (1, 0), True, (6, 6)),
        ((2, 3), (1, 2), (0, 1), False, None),
    ],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestUnpooling2D(object):

    def setup_method(self):
        self.ksize, self.stride, self.pad, self.cover_all, self.outsize = \
            self.conf
        h, w = 4, 5
        self.x = numpy.random.uniform(-1, 1, (2, 3, h, w)).astype(self.dtype)
        k, p = self.ksize, self.pad
        s = self.ksize if self.stride is None else self.stride
        if self.outsize is None:
            c = 1 if self.cover_all else 0
            size = tuple(si * (d - 1) + ki - c * (si - 1) - 2 * pi
                         for si, d, ki, pi in zip(s, (h, w), k, p))
        else:
            size = self.outsize
        self.expected = _ref_unpool(self.x, k, s, p, size)
        self.gy = numpy.random.uniform(
            -1, 1, self.expected.shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.x.shape).astype(
            self.dtype)
        if self.dtype == numpy.float16:
            # Sums of up to kh * kw float16 terms round at 11 bits.
            self.fwd_tol = {'atol': 2e-3, 'rtol': 2e-3}
            self.tol = {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64}
        else:
            self.fwd_tol = {'atol': 1e-6, 'rtol': 1e-5}
            self.tol = {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}

    def _f(self, x):
        return F.unpooling_2d(x, self.ksize, self.stride, self.pad,
                              self.outsize, self.cover_all)

    def test_forward(self, backend_config):
        y = self._f(backend_config.get_array(self.x))
        assert y.dtype == self.dtype
        assert y.shape == self.expected.shape
        testing.assert_allclose(y.array, self.expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy, **self.tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.tol)


def test_inverse_of_pooling_shape():
    x = numpy.zeros((1, 1, 7, 7), numpy.float32)
    p = F.max_pooling_2d(x, 3, stride=2, pad=1)
    assert F.unpooling_2d(p, 3, stride=2, pad=1, outsize=(7, 7)).shape == \
        x.shape


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        F.unpooling_2d(numpy.zeros((1, 3, 3), numpy.float32), 2)
    with pytest.raises(type_check.InvalidType):
        # 2x2 windows with stride 2 map 9 pixels to 5 (cover_all), not 3.
        F.unpooling_2d(numpy.zeros((1, 1, 3, 3), numpy.float32), 2,
                       outsize=(9, 9))
