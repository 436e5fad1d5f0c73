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


@testing.parameterize(*testing.product({
    'x_shape_axes': [((4, 3), 1), ((4, 3, 2), 1), ((4, 3, 2), 2),
                     ((2, 3, 2, 2), 3)],
    'nobias': [False, True],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestLinear(object):

    def setup_method(self):
        x_shape, self.n_batch_axes = self.x_shape_axes
        batch = x_shape[:self.n_batch_axes]
        in_size = int(numpy.prod(x_shape[self.n_batch_axes:]))
        out_size = 5
        self.x = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        self.W = numpy.random.uniform(
            -1, 1, (out_size, in_size)).astype(self.dtype)
        self.b = None if self.nobias else \
            numpy.random.uniform(-1, 1, out_size).astype(self.dtype)
        x2 = self.x.astype(numpy.float64).reshape(-1, in_size)
        y = numpy.einsum('ij,kj->ik', x2, self.W.astype(numpy.float64))
        if self.b is not None:
            y += self.b
        self.expected = y.reshape(batch + (out_size,))
        self.gy = numpy.random.uniform(
            -1, 1, self.expected.shape).astype(self.dtype)
        self.ggs = tuple(numpy.random.uniform(-1, 1, a.shape).astype(
            self.dtype) for a in self._inputs())
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _inputs(self):
        return (self.x, self.W) if self.nobias else (self.x, self.W, self.b)

    def _f(self, *args):
        x, W = args[:2]
        b = args[2] if len(args) == 3 else None
        return F.linear(x, W, b, n_batch_axes=self.n_batch_axes)

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
            (self._inputs(), self.gy, self.ggs))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


class TestLinearMisc(object):

    def test_mixed_dtype(self):
        x = chainer.Variable(numpy.random.uniform(-1, 1, (3, 4)).astype(
            numpy.float16))
        W = chainer.Variable(numpy.random.uniform(-1, 1, (2, 4)).astype(
            numpy.float32))
        y = F.linear(x, W)
        assert y.dtype == numpy.float16
        F.sum(y).backward()
        assert x.grad.dtype == numpy.float16
        assert W.grad.dtype == numpy.float32
        testing.assert_allclose(
            W.grad, numpy.broadcast_to(
                x.array.astype(numpy.float64).sum(axis=0), (2, 4)),
            atol=1e-3, rtol=1e-3)

    def test_bad_n_batch_axes(self):
        with pytest.raises(ValueError):
            F.linear(numpy.ones((2, 3), numpy.float32),
                     numpy.ones((4, 3), numpy.float32), n_batch_axes=0)


class TestLinearInvalid(object):

    def test_size_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            F.linear(numpy.ones((2, 3), numpy.float32),
                     numpy.ones((4, 2), numpy.float32))

    def test_bad_bias(self):
        x = numpy.ones((2, 3), numpy.float32)
        W = numpy.ones((4, 3), numpy.float32)
        with pytest.raises(type_check.InvalidType):
            F.linear(x, W, numpy.ones(3, numpy.float32))
        with pytest.raises(type_check.InvalidType):
            F.linear(x, W, numpy.ones(4, numpy.float64))
        with pytest.raises(type_check.InvalidType):
            F.linear(x, W, numpy.ones((1, 4), numpy.float32))

    def test_int_input(self):
        with pytest.raises(type_check.InvalidType):
            F.linear(numpy.ones((2, 3), numpy.int32),
                     numpy.ones((4, 3), numpy.float32))
