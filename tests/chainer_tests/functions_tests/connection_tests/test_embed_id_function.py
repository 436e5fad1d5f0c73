import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


@testing.parameterize(*testing.product({
    'x_data': [[0, 1, 0], [[0, 1, 0], [1, 0, 1]]],
    'ignore_label': [None, 1],
    'x_dtype': [numpy.int32, numpy.int64],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(
    ['test_forward', 'test_gradient_values', 'test_backward',
     'test_double_backward'],
    [{}, {'use_cuda': True}])
class TestEmbedID(object):

    def setup_method(self):
        self.x = numpy.array(self.x_data, dtype=self.x_dtype)
        self.W = numpy.random.uniform(-1, 1, (3, 2)).astype(self.dtype)
        self.gy = numpy.random.uniform(
            -1, 1, self.x.shape + (2,)).astype(self.dtype)
        self.ggW = numpy.random.uniform(-1, 1, self.W.shape).astype(
            self.dtype)
        # The lookup is exact; only float16 gradient sums round.
        if self.dtype == numpy.float16:
            self.grad_tol = {'atol': 1e-2, 'rtol': 5e-2,
                             'dtype': numpy.float64}
        else:
            self.grad_tol = {'atol': 1e-4, 'rtol': 1e-3,
                             'dtype': numpy.float64}

    def _f(self, x, W):
        return F.embed_id(x, W, ignore_label=self.ignore_label)

    def test_forward(self, backend_config):
        y = self._f(*backend_config.get_array((self.x, self.W)))
        assert y.dtype == self.dtype
        expected = numpy.empty(self.x.shape + (2,), self.dtype)
        for i in numpy.ndindex(self.x.shape):
            if self.x[i] == self.ignore_label:
                expected[i] = 0
            else:
                expected[i] = self.W[int(self.x[i])]
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array), expected)

    def test_gradient_values(self, backend_config):
        x, W, gy = backend_config.get_array((self.x, self.W, self.gy))
        W = chainer.Variable(W)
        y = self._f(x, W)
        y.grad = gy
        y.backward()
        expected = numpy.zeros(self.W.shape)
        for i in numpy.ndindex(self.x.shape):
            if self.x[i] != self.ignore_label:
                expected[int(self.x[i])] += self.gy[i]
        testing.assert_allclose(W.grad, expected, atol=1e-3, rtol=1e-3)

    def test_backward(self, backend_config):
        x, W, gy = backend_config.get_array((self.x, self.W, self.gy))
        gradient_check.check_backward(self._f, (x, W), gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x, self.W), self.gy, self.ggW))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


class TestEmbedIDMisc(object):

    def test_out_of_range_ignore_label(self):
        # -1 is not a valid row; it must still yield zeros.
        W = numpy.arange(6, dtype=numpy.float32).reshape(3, 2)
        y = F.embed_id(numpy.array([2, -1], numpy.int32), W,
                       ignore_label=-1)
        numpy.testing.assert_array_equal(y.array, [[4, 5], [0, 0]])

    def test_debug_mode_rejects_out_of_range(self):
        W = numpy.ones((3, 2), numpy.float32)
        with chainer.using_config('debug', True):
            with pytest.raises(ValueError):
                F.embed_id(numpy.array([3], numpy.int32), W)

    def test_float_ids_rejected(self):
        with pytest.raises(type_check.InvalidType):
            F.embed_id(numpy.array([0.], numpy.float32),
                       numpy.ones((3, 2), numpy.float32))

    def test_bad_w_ndim(self):
        with pytest.raises(type_check.InvalidType):
            F.embed_id(numpy.array([0], numpy.int32),
                       numpy.ones((3, 2, 1), numpy.float32))
