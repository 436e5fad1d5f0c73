import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa and products accumulate rounding.
    if dtype == numpy.float16:
        return ({'atol': 1e-2, 'rtol': 5e-2},
                {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-5, 'rtol': 1e-4},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


def _swap(x, t):
    return x.swapaxes(-1, -2) if t and x.ndim >= 2 else x


@testing.parameterize(*testing.product({
    'shapes': [((3, 4), (4, 2)), ((2, 3, 4), (2, 4, 5)),
               ((2, 3, 4), (4, 5)), ((1, 3, 4), (2, 4, 5)),
               ((4,), (4, 2)), ((3, 4), (4,)), ((4,), (4,)),
               ((2, 3, 4), (4,))],
    'transa': [False, True],
    'transb': [False, True],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestMatMul(object):

    def setup_method(self):
        a_shape, b_shape = self.shapes
        # Inputs are stored transposed when trans flags are set so that the
        # effective product has the shapes listed above.
        a = numpy.random.uniform(-1, 1, a_shape)
        b = numpy.random.uniform(-1, 1, b_shape)
        self.a = numpy.ascontiguousarray(_swap(a, self.transa)).astype(
            self.dtype)
        self.b = numpy.ascontiguousarray(_swap(b, self.transb)).astype(
            self.dtype)
        y_shape = numpy.matmul(a, b).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.gga = numpy.random.uniform(-1, 1, self.a.shape).astype(
            self.dtype)
        self.ggb = numpy.random.uniform(-1, 1, self.b.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _f(self, a, b):
        return F.matmul(a, b, transa=self.transa, transb=self.transb)

    def test_forward(self, backend_config):
        y = self._f(*backend_config.get_array((self.a, self.b)))
        assert y.dtype == self.dtype
        expected = numpy.matmul(
            _swap(self.a.astype(numpy.float64), self.transa),
            _swap(self.b.astype(numpy.float64), self.transb))
        testing.assert_allclose(y.array, expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        a, b, gy = backend_config.get_array((self.a, self.b, self.gy))
        gradient_check.check_backward(self._f, (a, b), gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.a, self.b), self.gy, (self.gga, self.ggb)))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


class TestMatMulErrors(object):

    def test_inner_dim_mismatch(self):
        with pytest.raises(type_check.InvalidType) as e:
            F.matmul(numpy.zeros((2, 3), numpy.float32),
                     numpy.zeros((2, 3), numpy.float32))
        assert 'Expect: a.shape[-1] == b.shape[-2]' in str(e.value)

    def test_batch_not_broadcastable(self):
        with pytest.raises(type_check.InvalidType):
            F.matmul(numpy.zeros((2, 2, 3), numpy.float32),
                     numpy.zeros((3, 3, 2), numpy.float32))

    def test_int_rejected(self):
        with pytest.raises(type_check.InvalidType):
            F.matmul(numpy.zeros((2, 3), numpy.int32),
                     numpy.zeros((3, 2), numpy.int32))

    def test_variable_operator(self):
        a = chainer.Variable(numpy.ones((2, 3), numpy.float32))
        with pytest.raises(type_check.InvalidType):
            a @ a
