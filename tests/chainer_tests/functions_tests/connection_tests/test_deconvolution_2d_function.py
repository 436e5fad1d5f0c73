import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 outputs are rounded to an 11-bit mantissa (~5e-4 relative)
    # and float16 gradients carry several such roundings.
    if dtype == numpy.float16:
        return ({'atol': 2e-3, 'rtol': 2e-3},
                {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-5, 'rtol': 1e-4},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


def _ref_deconv2d(x, W, b, stride, pad, dilate, outsize, groups):
    # Scatter a scaled copy of the filter for every input pixel.
    x = x.astype(numpy.float64)
    W = W.astype(numpy.float64)
    n, c, h, w = x.shape
    _, og, kh, kw = W.shape
    sy, sx = stride
    ph, pw = pad
    dy, dx = dilate
    dkh, dkw = (kh - 1) * dy + 1, (kw - 1) * dx + 1
    out_h, out_w = outsize
    y = numpy.zeros((n, og * groups, out_h + 2 * ph + dkh + sy,
                     out_w + 2 * pw + dkw + sx))
    cg = c // groups
    for ci in range(c):
        g = ci // cg
        for i in range(h):
            for j in range(w):
                y[:, g * og:(g + 1) * og, i * sy:i * sy + dkh:dy,
                  j * sx:j * sx + dkw:dx] += \
                    x[:, ci, i, j][:, None, None, None] * W[ci][None]
    y = y[:, :, ph:ph + out_h, pw:pw + out_w]
    if b is not None:
        y = y + b.reshape(1, -1, 1, 1)
    return y


@testing.parameterize(*testing.product({
    'conf': [
        # stride, pad, dilate, extra output size (0 or 1, via cover_all)
        ((1, 1), (0, 0), (1, 1), None),
        ((2, 1), (1, 0), (1, 1), None),
        ((2, 3), (1, 1), (1, 1), (1, 1)),
        ((3, 2), (0, 1), (2, 1), (0, 1)),
        ((1, 2), (1, 1), (2, 2), (0, 1)),
    ],
    'groups': [1, 2],
    'nobias': [False, True],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestDeconvolution2D(object):

    def setup_method(self):
        self.stride, self.pad, self.dilate, extra = self.conf
        in_c, out_c, kh, kw = 4, 6, 3, 2
        h, w = 4, 3
        self.x = numpy.random.uniform(-1, 1, (2, in_c, h, w)).astype(
            self.dtype)
        self.W = numpy.random.normal(
            0, numpy.sqrt(1. / (in_c * kh * kw)),
            (in_c, out_c // self.groups, kh, kw)).astype(self.dtype)
        self.b = None if self.nobias else \
            numpy.random.uniform(-1, 1, out_c).astype(self.dtype)
        default = tuple(
            s * (d - 1) + (k - 1) * di + 1 - 2 * p for s, d, k, p, di in zip(
                self.stride, (h, w), (kh, kw), self.pad, self.dilate))
        if extra is None:
            self.outsize = None
            size = default
        else:
            size = tuple(d + e for d, e in zip(default, extra))
            self.outsize = size
        self.expected = _ref_deconv2d(self.x, self.W, self.b, self.stride,
                                      self.pad, self.dilate, size,
                                      self.groups)
        self.gy = numpy.random.uniform(
            -1, 1, self.expected.shape).astype(self.dtype)
        self.ggs = [numpy.random.uniform(-1, 1, a.shape).astype(self.dtype)
                    for a in self._inputs()]
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _inputs(self):
        return (self.x, self.W) if self.nobias else (self.x, self.W, self.b)

    def _f(self, *args):
        return F.deconvolution_2d(
            *args, stride=self.stride, pad=self.pad, outsize=self.outsize,
            dilate=self.dilate, groups=self.groups)

    def test_forward(self, backend_config):
        y = self._f(*backend_config.get_array(self._inputs()))
        assert y.dtype == self.dtype
        assert y.shape == self.expected.shape
        testing.assert_allclose(y.array, self.expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        inputs, gy = backend_config.get_array((self._inputs(), self.gy))
        gradient_check.check_backward(self._f, inputs, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self._inputs(), self.gy, tuple(self.ggs)))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


class TestDeconvolution2DAdjoint(object):

    def test_adjoint_of_convolution(self):
        # <conv(x, W), y> == <x, deconv(y, W)>: deconvolution is the
        # transpose of convolution for the same filter.
        x = numpy.random.uniform(-1, 1, (2, 4, 7, 6))
        W = numpy.random.uniform(-1, 1, (6, 2, 3, 2))
        kw = dict(stride=(2, 1), pad=(1, 1), dilate=(1, 2), groups=2)
        y = numpy.random.uniform(
            -1, 1, F.convolution_2d(x, W, **kw).shape)
        lhs = (F.convolution_2d(x, W, **kw).array * y).sum()
        rhs = (x * F.deconvolution_2d(y, W, outsize=(7, 6),
                                      **kw).array).sum()
        testing.assert_allclose(lhs, rhs, atol=1e-10, rtol=1e-10)

    def test_backward_graph_uses_convolution(self):
        x = chainer.Variable(numpy.ones((1, 1, 2, 2), numpy.float32))
        W = chainer.Variable(numpy.ones((1, 1, 2, 2), numpy.float32))
        y = F.deconvolution_2d(x, W)
        y.grad = numpy.ones_like(y.array)
        y.backward(enable_double_backprop=True)
        assert x.grad_var.creator.label == 'Convolution2DFunction'
        assert W.grad_var.creator.label == 'Convolution2DGradW'


class TestDeconvolution2DInvalid(object):

    def setup_method(self):
        self.x = numpy.ones((1, 4, 3, 3), numpy.float32)
        self.W = numpy.ones((4, 2, 3, 3), numpy.float32)

    def test_channel_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            F.deconvolution_2d(self.x, self.W[:3])

    def test_outsize_inconsistent(self):
        # A 3-tap, stride-2 convolution maps 7 pixels to 3, and 6 or 8
        # pixels to 3 only with cover_all; 5 and 9 never map to 3.
        for size in (6, 7, 8):
            y = F.deconvolution_2d(self.x, self.W, stride=2,
                                   outsize=(size, 7))
            assert y.shape == (1, 2, size, 7)
        with pytest.raises(type_check.InvalidType):
            F.deconvolution_2d(self.x, self.W, stride=2, outsize=(9, 7))
        with pytest.raises(type_check.InvalidType):
            F.deconvolution_2d(self.x, self.W, stride=2, outsize=(5, 7))

    def test_bad_bias(self):
        with pytest.raises(type_check.InvalidType):
            F.deconvolution_2d(self.x, self.W, numpy.ones(3, numpy.float32))
        # With groups the bias covers all output channels.
        F.deconvolution_2d(self.x, self.W, numpy.ones(4, numpy.float32),
                           groups=2)
        with pytest.raises(type_check.InvalidType):
            F.deconvolution_2d(self.x, self.W, numpy.ones(2, numpy.float32),
                               groups=2)

    def test_bad_ndim(self):
        with pytest.raises(type_check.InvalidType):
            F.deconvolution_2d(self.x[0], self.W)
