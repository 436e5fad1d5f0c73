import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer.functions.connection.convolution_2d import Convolution2DFunction
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 outputs are rounded to an 11-bit mantissa (~5e-4 relative)
    # and float16 gradients of sums of ~20 products carry a few such
    # roundings; float32/64 only see summation-order differences.
    if dtype == numpy.float16:
        return ({'atol': 2e-3, 'rtol': 2e-3},
                {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-5, 'rtol': 1e-4},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


def _ref_conv2d(x, W, b, stride, pad, dilate, cover_all, groups):
    # Loop over output pixels and channels; float64 throughout.
    x = x.astype(numpy.float64)
    W = W.astype(numpy.float64)
    n, c, h, w = x.shape
    out_c, cg, kh, kw = W.shape
    sy, sx = stride
    ph, pw = pad
    dy, dx = dilate
    dkh, dkw = (kh - 1) * dy + 1, (kw - 1) * dx + 1
    out_h = (h + 2 * ph - dkh + (sy - 1 if cover_all else 0)) // sy + 1
    out_w = (w + 2 * pw - dkw + (sx - 1 if cover_all else 0)) // sx + 1
    xp = numpy.zeros((n, c, h + 2 * ph + sy, w + 2 * pw + sx))
    xp[:, :, ph:ph + h, pw:pw + w] = x
    og = out_c // groups
    y = numpy.zeros((n, out_c, out_h, out_w))
    for oc in range(out_c):
        g = oc // og
        for i in range(out_h):
            for j in range(out_w):
                patch = xp[:, g * cg:(g + 1) * cg,
                           i * sy:i * sy + dkh:dy, j * sx:j * sx + dkw:dx]
                y[:, oc, i, j] = (patch * W[oc]).sum(axis=(1, 2, 3))
        if b is not None:
            y[:, oc] += b[oc]
    return y


@testing.parameterize(*testing.product({
    'conf': [
        # stride, pad, dilate
        ((1, 1), (0, 0), (1, 1)),
        ((2, 1), (1, 2), (1, 1)),
        ((2, 3), (1, 1), (1, 1)),
        ((1, 2), (2, 1), (2, 1)),
        ((3, 3), (0, 1), (2, 2)),
    ],
    'cover_all': [False, True],
    'groups': [1, 2],
    'nobias': [False, True],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestConvolution2D(object):

    def setup_method(self):
        self.stride, self.pad, self.dilate = self.conf
        in_c, out_c, kh, kw = 4, 6, 3, 2
        self.x = numpy.random.uniform(
            -1, 1, (2, in_c, 7, 6)).astype(self.dtype)
        self.W = numpy.random.normal(
            0, numpy.sqrt(1. / (in_c * kh * kw)),
            (out_c, in_c // self.groups, kh, kw)).astype(self.dtype)
        self.b = None if self.nobias else \
            numpy.random.uniform(-1, 1, out_c).astype(self.dtype)
        self.expected = _ref_conv2d(
            self.x, self.W, self.b, self.stride, self.pad, self.dilate,
            self.cover_all, self.groups)
        self.gy = numpy.random.uniform(
            -1, 1, self.expected.shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.x.shape).astype(
            self.dtype)
        self.ggW = numpy.random.uniform(-1, 1, self.W.shape).astype(
            self.dtype)
        self.ggb = None if self.nobias else numpy.random.uniform(
            -1, 1, self.b.shape).astype(self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _inputs(self):
        return (self.x, self.W) if self.nobias else (self.x, self.W, self.b)

    def _f(self, *args):
        return F.convolution_2d(
            *args, stride=self.stride, pad=self.pad,
            cover_all=self.cover_all, dilate=self.dilate, groups=self.groups)

    def test_forward(self, backend_config):
        y = self._f(*backend_config.get_array(self._inputs()))
        assert y.dtype == self.dtype
        assert y.shape == self.expected.shape
        testing.assert_allclose(y.array, self.expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        inputs, gy = backend_config.get_array((self._inputs(), self.gy))
        gradient_check.check_backward(self._f, inputs, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        ggs = (self.ggx, self.ggW) if self.nobias else \
            (self.ggx, self.ggW, self.ggb)
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self._inputs(), self.gy, ggs))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


class TestConvolution2DMisc(object):

    def test_int_args_equal_pairs(self):
        x = numpy.random.uniform(-1, 1, (1, 2, 6, 6)).astype(numpy.float32)
        W = numpy.random.uniform(-1, 1, (3, 2, 3, 3)).astype(numpy.float32)
        y1 = F.convolution_2d(x, W, stride=2, pad=1, dilate=1)
        y2 = F.convolution_2d(x, W, stride=(2, 2), pad=(1, 1),
                              dilate=(1, 1))
        numpy.testing.assert_array_equal(y1.array, y2.array)

    def test_mixed_dtype_follows_x(self):
        x = numpy.random.uniform(-1, 1, (1, 2, 5, 5)).astype(numpy.float32)
        W = numpy.random.uniform(-1, 1, (3, 2, 2, 2)).astype(numpy.float16)
        y = F.convolution_2d(x, W)
        assert y.dtype == numpy.float32
        testing.assert_allclose(
            y.array, _ref_conv2d(x, W, None, (1, 1), (0, 0), (1, 1), False,
                                 1), atol=1e-5, rtol=1e-4)
        xv, Wv = chainer.Variable(x), chainer.Variable(W)
        F.sum(F.convolution_2d(xv, Wv)).backward()
        assert xv.grad.dtype == numpy.float32
        assert Wv.grad.dtype == numpy.float16

    def test_node_attributes(self):
        f = Convolution2DFunction(stride=(2, 3), pad=1, dilate=(1, 2))
        assert (f.sy, f.sx, f.ph, f.pw, f.dy, f.dx) == (2, 3, 1, 1, 1, 2)

    def test_backward_graph_uses_deconvolution(self):
        x = chainer.Variable(numpy.ones((1, 1, 4, 4), numpy.float32))
        W = chainer.Variable(numpy.ones((1, 1, 2, 2), numpy.float32))
        y = F.convolution_2d(x, W)
        y.grad = numpy.ones_like(y.array)
        y.backward(enable_double_backprop=True)
        assert x.grad_var.creator.label == 'Deconvolution2DFunction'
        assert W.grad_var.creator.label == 'Convolution2DGradW'


class TestConvolution2DInvalid(object):

    def setup_method(self):
        self.x = numpy.ones((1, 4, 5, 5), numpy.float32)
        self.W = numpy.ones((6, 4, 3, 3), numpy.float32)

    def test_channel_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            F.convolution_2d(self.x, self.W[:, :3])

    def test_group_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            F.convolution_2d(self.x, self.W, groups=2)
        with pytest.raises(type_check.InvalidType):
            # 6 output channels cannot be split in 4 groups.
            F.convolution_2d(self.x, self.W[:, :1], groups=4)

    def test_bad_ndim(self):
        with pytest.raises(type_check.InvalidType):
            F.convolution_2d(self.x[0], self.W)
        with pytest.raises(type_check.InvalidType):
            F.convolution_2d(self.x, self.W[0])

    def test_bad_bias(self):
        with pytest.raises(type_check.InvalidType):
            F.convolution_2d(self.x, self.W, numpy.ones(5, numpy.float32))
        with pytest.raises(type_check.InvalidType):
            F.convolution_2d(self.x, self.W, numpy.ones(6, numpy.float64))

    def test_int_input(self):
        with pytest.raises(type_check.InvalidType):
            F.convolution_2d(self.x.astype(numpy.int32), self.W)

    def test_empty_output(self):
        with pytest.raises(AssertionError):
            F.convolution_2d(self.x, numpy.ones((6, 4, 7, 7), numpy.float32))
