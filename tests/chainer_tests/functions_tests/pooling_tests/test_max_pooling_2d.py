import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _ref_max_pool(x, k, s, p, cover_all):
    n, c, h, w = x.shape
    out_h = (h + 2 * p[0] - k[0] + (s[0] - 1 if cover_all else 0)) \
        // s[0] + 1
    out_w = (w + 2 * p[1] - k[1] + (s[1] - 1 if cover_all else 0)) \
        // s[1] + 1
    y = numpy.empty((n, c, out_h, out_w), x.dtype)
    for i in range(out_h):
        for j in range(out_w):
            r0, c0 = max(i * s[0] - p[0], 0), max(j * s[1] - p[1], 0)
            r1 = min(i * s[0] - p[0] + k[0], h)
            c1 = min(j * s[1] - p[1] + k[1], w)
            y[:, :, i, j] = x[:, :, r0:r1, c0:c1].max(axis=(2, 3))
    return y


@testing.parameterize(*testing.product({
    'conf': [
        # ksize, stride, pad
        ((2, 2), None, (0, 0)),
        ((3, 3), (2, 2), (1, 1)),
        ((3, 2), (1, 2), (1, 0)),
        ((2, 3), (2, 3), (0, 1)),
    ],
    'cover_all': [True, False],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(
    ['test_forward', 'test_return_indices', 'test_backward',
     'test_double_backward'],
    [{}, {'use_cuda': True}])
class TestMaxPooling2D(object):

    def setup_method(self):
        self.ksize, self.stride, self.pad = self.conf
        shape = (2, 3, 6, 7)
        # Distinct values 0.01 apart keep every window's maximum unique
        # under the finite-difference perturbation (max is not
        # differentiable at ties).
        self.x = (numpy.random.permutation(numpy.prod(shape)).reshape(shape)
                  * 0.01 - 1).astype(self.dtype)
        stride = self.ksize if self.stride is None else self.stride
        self.expected = _ref_max_pool(self.x, self.ksize, stride, self.pad,
                                      self.cover_all)
        self.gy = numpy.random.uniform(
            -1, 1, self.expected.shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, shape).astype(self.dtype)
        if self.dtype == numpy.float16:
            # Gradients are copied, not computed; float16 only rounds
            # the directional sums of the check.
            self.tol = {'atol': 1e-2, 'rtol': 1e-2, 'dtype': numpy.float64}
        else:
            self.tol = {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}

    def _f(self, x):
        return F.max_pooling_2d(x, self.ksize, self.stride, self.pad,
                                self.cover_all)

    def test_forward(self, backend_config):
        y = self._f(backend_config.get_array(self.x))
        assert y.dtype == self.dtype
        # Max pooling selects elements: the result is exact.
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array), self.expected)

    def test_return_indices(self, backend_config):
        y, idx = F.max_pooling_2d(backend_config.get_array(self.x),
                                  self.ksize, self.stride, self.pad,
                                  self.cover_all, return_indices=True)
        assert idx.shape == y.shape
        assert isinstance(idx, backend_config.xp.ndarray)
        y, idx = cuda.to_cpu((y.array, idx))
        kh, kw = self.ksize
        sy, sx = self.ksize if self.stride is None else self.stride
        ph, pw = self.pad
        for pos in numpy.ndindex(y.shape):
            n, c, i, j = pos
            r = i * sy - ph + int(idx[pos]) // kw
            q = j * sx - pw + int(idx[pos]) % kw
            assert self.x[n, c, r, q] == y[pos]

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy, **self.tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.tol)


class TestMaxPooling2DMisc(object):

    def test_gradient_goes_to_argmax(self):
        x = chainer.Variable(numpy.array(
            [[[[1, 5], [3, 2]]]], numpy.float32))
        y = F.max_pooling_2d(x, 2)
        y.grad = numpy.array([[[[7]]]], numpy.float32)
        y.backward()
        numpy.testing.assert_array_equal(x.grad, [[[[0, 7], [0, 0]]]])

    def test_padding_never_wins(self):
        x = -numpy.ones((1, 1, 3, 3), numpy.float32)
        y = F.max_pooling_2d(x, 2, stride=2, pad=1, cover_all=False)
        numpy.testing.assert_array_equal(y.array, -numpy.ones((1, 1, 2, 2)))

    def test_cover_all_shape(self):
        x = numpy.zeros((1, 1, 5, 5), numpy.float32)
        assert F.max_pooling_2d(x, 2).shape == (1, 1, 3, 3)
        assert F.max_pooling_2d(x, 2, cover_all=False).shape == (1, 1, 2, 2)

    def test_invalid(self):
        with pytest.raises(type_check.InvalidType):
            F.max_pooling_2d(numpy.zeros((1, 3, 3), numpy.float32), 2)
        with pytest.raises(type_check.InvalidType):
            F.max_pooling_2d(numpy.zeros((1, 1, 3, 3), numpy.int32), 2)
