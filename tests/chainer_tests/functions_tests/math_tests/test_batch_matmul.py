import warnings

import numpy
import pytest

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


def _mat(x):
    return x.reshape(x.shape + (1,)) if x.ndim == 2 else x


def _swap(x, t):
    return x.swapaxes(-1, -2) if t else x


def _batch_matmul(a, b, transa=False, transb=False):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        return F.batch_matmul(a, b, transa, transb)


@testing.parameterize(*testing.product({
    # (a shape, b shape, transa, transb) with shapes as stored.
    'case': [((2, 3, 4), (2, 4, 5), False, False),
             ((2, 4, 3), (2, 4, 5), True, False),
             ((2, 3, 4), (2, 5, 4), False, True),
             ((2, 4, 3), (2, 5, 4), True, True),
             ((2, 3, 4), (2, 4), False, False),      # b: column vectors
             ((2, 4, 3), (2, 4), True, False),
             ((2, 4), (2, 1, 5), False, False),      # a: column vectors
             ((2, 4), (2, 4), True, False),          # inner products
             ((2, 4), (2, 3), False, True),          # outer products
             ((2, 3), (2, 5, 1), False, True)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestBatchMatMul(object):

    def setup_method(self):
        a_shape, b_shape, self.transa, self.transb = self.case
        a = numpy.random.uniform(-1, 1, a_shape)
        b = numpy.random.uniform(-1, 1, b_shape)
        a_eff = _swap(_mat(a), self.transa)
        b_eff = _swap(_mat(b), self.transb)
        self.a = a.astype(self.dtype)
        self.b = b.astype(self.dtype)
        y_shape = numpy.matmul(a_eff, b_eff).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.gga = numpy.random.uniform(-1, 1, a_shape).astype(self.dtype)
        self.ggb = numpy.random.uniform(-1, 1, b_shape).astype(self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _f(self, a, b):
        return _batch_matmul(a, b, self.transa, self.transb)

    def test_forward(self, backend_config):
        y = self._f(*backend_config.get_array((self.a, self.b)))
        assert y.dtype == self.dtype
        a = _swap(_mat(self.a.astype(numpy.float64)), self.transa)
        b = _swap(_mat(self.b.astype(numpy.float64)), self.transb)
        testing.assert_allclose(y.array, numpy.matmul(a, b), **self.fwd_tol)

    def test_backward(self, backend_config):
        a, b, gy = backend_config.get_array((self.a, self.b, self.gy))
        gradient_check.check_backward(self._f, (a, b), gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.a, self.b), self.gy, (self.gga, self.ggb)))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_batch_matmul_is_deprecated():
    a = numpy.ones((2, 3, 4), numpy.float32)
    with pytest.warns(DeprecationWarning):
        F.batch_matmul(a, a, transb=True)


@pytest.mark.parametrize('a_shape,b_shape,dtypes', [
    ((2, 3, 4), (2, 5, 6), ('f', 'f')),       # inner dimensions
    ((2, 3, 4), (3, 4, 5), ('f', 'f')),       # batch sizes
    ((3, 4), (3, 4, 5, 1), ('f', 'f')),       # ndim > 3
    ((3,), (3, 1), ('f', 'f')),               # ndim < 2
    ((2, 3, 4), (2, 4, 5), ('f', 'd')),       # dtypes
    ((2, 3, 4), (2, 4, 5), ('i', 'i')),
])
def test_batch_matmul_invalid(a_shape, b_shape, dtypes):
    a = numpy.zeros(a_shape, dtypes[0])
    b = numpy.zeros(b_shape, dtypes[1])
    with pytest.raises(type_check.InvalidType):
        _batch_matmul(a, b)
