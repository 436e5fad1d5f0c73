import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _grad_tol(dtype):
    # float16 has an 11-bit mantissa; gather modes also sum several
    # rounded copies in the gradient.
    if dtype == numpy.float16:
        return {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


def _compatible(p):
    # Per-axis constant values are given for exactly two axes.
    values = p['mode_kw'][1].get('constant_values')
    return numpy.ndim(values) != 2 or len(p['case'][0]) == 2


@testing.parameterize(*filter(_compatible, testing.product({
    'case': [((5,), 1), ((5,), (1, 2)), ((2, 3), ((1, 2), (0, 3))),
             ((2, 3, 4), ((1, 0), (2, 1), (0, 2))), ((2, 3), ((2, 1),)),
             ((2, 3), 0)],
    'mode_kw': [('constant', {}), ('constant', {'constant_values': 3}),
                ('constant', {'constant_values': ((1, 2), (3, 4))}),
                ('edge', {}), ('reflect', {}), ('symmetric', {}),
                ('wrap', {})],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
})))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestPad(object):

    def setup_method(self):
        shape, self.pad_width = self.case
        self.mode, self.kw = self.mode_kw
        self.x = numpy.random.uniform(-1, 1, shape).astype(self.dtype)
        y_shape = self._ref(self.x).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, shape).astype(self.dtype)

    def _ref(self, x):
        return numpy.pad(x, self.pad_width, mode=self.mode, **self.kw)

    def _f(self, x):
        return F.pad(x, self.pad_width, self.mode, **self.kw)

    def test_forward(self, backend_config):
        y = self._f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array),
                                         self._ref(self.x))

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def test_pad_wider_than_input():
    # Reflection wraps around several times when padding exceeds the size.
    x = numpy.random.uniform(-1, 1, (3,))
    gy = numpy.random.uniform(-1, 1, (3 + 7 + 5,))
    for mode in ('reflect', 'symmetric', 'wrap', 'edge'):
        def f(x):
            return F.pad(x, (7, 5), mode)
        numpy.testing.assert_array_equal(
            f(x).array, numpy.pad(x, (7, 5), mode))
        gradient_check.check_backward(f, x, gy, atol=1e-6, rtol=1e-5)


def test_pad_constant_gradient_is_central_slice():
    x = chainer.Variable(numpy.zeros((2, 2), numpy.float32))
    y = F.pad(x, ((1, 0), (0, 1)), 'constant', constant_values=5)
    y.grad = numpy.arange(9, dtype=numpy.float32).reshape(3, 3)
    y.backward()
    numpy.testing.assert_array_equal(x.grad, [[3, 4], [6, 7]])


def test_pad_forward_only_modes():
    x = chainer.Variable(numpy.array([1., 2., 4.]))
    y = F.pad(x, 2, 'mean')
    numpy.testing.assert_array_equal(y.array, numpy.pad(x.array, 2, 'mean'))
    with pytest.raises(NotImplementedError):
        F.sum(y).backward()
    z = F.pad(x, 2, 'reflect', reflect_type='odd')
    numpy.testing.assert_array_equal(
        z.array, numpy.pad(x.array, 2, 'reflect', reflect_type='odd'))
    with pytest.raises(NotImplementedError):
        F.sum(z).backward()


def test_pad_int_input_rejected():
    with pytest.raises(type_check.InvalidType):
        F.pad(numpy.zeros(3, numpy.int32), 1, 'constant')
