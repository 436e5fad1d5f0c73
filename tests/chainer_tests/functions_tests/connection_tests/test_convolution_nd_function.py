import itertools

import numpy
import pytest

from chainer.backends import cuda
from chainer.functions.connection import convolution_nd
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


def _ref_conv_nd(x, W, stride, pad, dilate, cover_all):
    # Loop over output positions; N-d, no groups, float64.
    x = x.astype(numpy.float64)
    W = W.astype(numpy.float64)
    dims = x.shape[2:]
    ksize = W.shape[2:]
    dk = [(k - 1) * d + 1 for k, d in zip(ksize, dilate)]
    outs = [(n + 2 * p - e + (s - 1 if cover_all else 0)) // s + 1
            for n, p, e, s in zip(dims, pad, dk, stride)]
    xp = numpy.zeros(x.shape[:2] + tuple(
        n + 2 * p + s for n, p, s in zip(dims, pad, stride)))
    xp[(slice(None), slice(None)) + tuple(
        slice(p, p + n) for p, n in zip(pad, dims))] = x
    y = numpy.zeros((x.shape[0], W.shape[0]) + tuple(outs))
    for pos in itertools.product(*[range(o) for o in outs]):
        sl = tuple(slice(i * s, i * s + e, d)
                   for i, s, e, d in zip(pos, stride, dk, dilate))
        patch = xp[(slice(None), slice(None)) + sl]
        y[(slice(None), slice(None)) + pos] = numpy.tensordot(
            patch, W, (tuple(range(1, x.ndim)), tuple(range(1, x.ndim))))
    return y


@testing.parameterize(*testing.product({
    'conf': [
        # input dims, ksize, stride, pad, dilate
        ((7,), (3,), (2,), (1,), (1,)),
        ((6,), (2,), (1,), (0,), (2,)),
        ((4, 5, 3), (2, 3, 2), (1, 2, 1), (1, 0, 1), (1, 1, 1)),
        ((5, 4, 4), (2, 2, 2), (2, 1, 2), (0, 1, 0), (2, 1, 1)),
    ],
    'cover_all': [False, True],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestConvolutionND(object):

    def setup_method(self):
        dims, ksize, self.stride, self.pad, self.dilate = self.conf
        in_c, out_c = 3, 2
        self.x = numpy.random.uniform(-1, 1, (2, in_c) + dims).astype(
            self.dtype)
        self.W = numpy.random.normal(
            0, numpy.sqrt(1. / (in_c * numpy.prod(ksize))),
            (out_c, in_c) + ksize).astype(self.dtype)
        self.b = numpy.random.uniform(-1, 1, out_c).astype(self.dtype)
        self.expected = _ref_conv_nd(
            self.x, self.W, self.stride, self.pad, self.dilate,
            self.cover_all) + self.b.reshape((1, -1) + (1,) * len(dims))
        self.gy = numpy.random.uniform(
            -1, 1, self.expected.shape).astype(self.dtype)
        self.ggs = tuple(numpy.random.uniform(-1, 1, a.shape).astype(
            self.dtype) for a in (self.x, self.W, self.b))
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _f(self, x, W, b):
        return F.convolution_nd(x, W, b, stride=self.stride, pad=self.pad,
                                cover_all=self.cover_all,
                                dilate=self.dilate)

    def test_forward(self, backend_config):
        y = self._f(*backend_config.get_array((self.x, self.W, self.b)))
        assert y.dtype == self.dtype
        testing.assert_allclose(y.array, self.expected, **self.fwd_tol)

    def test_forward_fixed_rank_alias(self):
        f = F.convolution_1d if self.x.ndim == 3 else F.convolution_3d
        y = f(self.x, self.W, self.b, self.stride, self.pad,
              self.cover_all, self.dilate)
        testing.assert_allclose(y.array, self.expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        inputs, gy = backend_config.get_array(
            ((self.x, self.W, self.b), self.gy))
        gradient_check.check_backward(self._f, inputs, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x, self.W, self.b), self.gy, self.ggs))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


@testing.parameterize(*testing.product({
    'conf': [
        ((3,), (3,), (2,), (1,), (1,)),
        ((3, 2, 2), (2, 3, 2), (2, 1, 2), (1, 0, 0), (1, 2, 1)),
    ],
    'groups': [1, 2],
    'dtype': [numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(
    ['test_adjoint_of_convolution', 'test_backward',
     'test_double_backward'],
    [{}, {'use_cuda': True}])
class TestDeconvolutionND(object):

    def setup_method(self):
        dims, ksize, self.stride, self.pad, self.dilate = self.conf
        in_c, out_c = 4, 2
        self.x = numpy.random.uniform(-1, 1, (2, in_c) + dims).astype(
            self.dtype)
        self.W = numpy.random.uniform(
            -1, 1, (in_c, out_c // self.groups) + ksize).astype(self.dtype)
        self.outsize = tuple(
            s * (d - 1) + (k - 1) * di + 1 - 2 * p for s, d, k, p, di in zip(
                self.stride, dims, ksize, self.pad, self.dilate))
        self.gy = numpy.random.uniform(
            -1, 1, (2, out_c) + self.outsize).astype(self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _f(self, x, W):
        return F.deconvolution_nd(x, W, stride=self.stride, pad=self.pad,
                                  dilate=self.dilate, groups=self.groups)

    def test_adjoint_of_convolution(self, backend_config):
        # <x, conv(g, W)> == <deconv(x, W), g>.
        x, W, gy = backend_config.get_array((self.x, self.W, self.gy))
        y = self._f(x, W)
        assert y.shape == self.gy.shape
        conv = F.convolution_nd(gy, W, stride=self.stride,
                                pad=self.pad, dilate=self.dilate,
                                groups=self.groups)
        testing.assert_allclose((x * conv.array).sum(),
                                (y.array * gy).sum(), **self.fwd_tol)

    def test_fixed_rank_alias(self):
        f = F.deconvolution_1d if self.x.ndim == 3 else F.deconvolution_3d
        numpy.testing.assert_array_equal(
            f(self.x, self.W, None, self.stride, self.pad, None,
              self.dilate, self.groups).array,
            self._f(self.x, self.W).array)

    def test_backward(self, backend_config):
        x, W, gy = backend_config.get_array((self.x, self.W, self.gy))
        gradient_check.check_backward(self._f, (x, W), gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        ggs = (numpy.random.uniform(-1, 1, self.x.shape).astype(self.dtype),
               numpy.random.uniform(-1, 1, self.W.shape).astype(self.dtype))
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x, self.W), self.gy, ggs))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


class TestConvolutionNDInvalid(object):

    def test_rank_mismatch(self):
        x = numpy.ones((1, 2, 4, 4, 4), numpy.float32)
        with pytest.raises(type_check.InvalidType):
            F.convolution_nd(x, numpy.ones((1, 2, 2, 2), numpy.float32))
        with pytest.raises(type_check.InvalidType):
            F.deconvolution_nd(x, numpy.ones((2, 1, 2, 2), numpy.float32))

    def test_fixed_rank_aliases_check_rank(self):
        x = numpy.ones((1, 2, 4, 4), numpy.float32)
        W = numpy.ones((1, 2, 2, 2), numpy.float32)
        for f in (F.convolution_1d, F.convolution_3d, F.deconvolution_1d,
                  F.deconvolution_3d):
            with pytest.raises(ValueError):
                f(x, W)


@testing.attr.gpu
@pytest.mark.parametrize('shape,ksize,stride,pad,dilate,groups', [
    ((2, 4, 7, 8), (3, 2), (2, 1), (1, 0), (1, 2), 2),
    ((3, 6, 5, 4, 6), (2, 2, 3), (1, 2, 1), (0, 1, 1), (1, 1, 1), 3),
    ((2, 2, 9), (3,), (1,), (1,), (2,), 1),
])
@pytest.mark.parametrize('cover_all', [False, True])
def test_col_matrix_gpu_equals_cpu(shape, ksize, stride, pad, dilate,
                                   groups, cover_all):
    # On cupy the patches are written straight into the matrix layout.
    x = numpy.random.RandomState(0).uniform(-1, 1, shape).astype(
        numpy.float32)
    args = (ksize, stride, pad, cover_all, dilate, groups)
    expected, outs = convolution_nd._col_matrix(x, *args)
    col, gpu_outs = convolution_nd._col_matrix(cuda.to_gpu(x), *args)
    assert isinstance(col, cuda.ndarray)
    assert tuple(gpu_outs) == tuple(outs)
    numpy.testing.assert_array_equal(cuda.to_cpu(col), expected)
