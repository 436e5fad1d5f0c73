import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing


def _grad_tol(dtype):
    # float16 has an 11-bit mantissa; scatter-add of repeated indices
    # rounds in float16.
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


_slices = {
    'int': 1,
    'neg_int': -1,
    'slice': slice(1, None),
    'step': slice(None, None, 2),
    'tuple': (1, slice(0, 2)),
    'ellipsis': (Ellipsis, 1),
    'newaxis': (None, slice(None), 0),
    'int_list': [0, 2, 0],
    'int_array': numpy.array([[0, 1], [2, 2]]),
    'adv_tuple': ([0, 2], [1, 3]),
    'mixed': (slice(None), [3, 0, 3]),
    'bool_mask': numpy.array([True, False, True]),
    'empty': slice(3, 1),
}


@testing.parameterize(*testing.product({
    'index': sorted(_slices),
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestGetItem(object):

    def setup_method(self):
        self.slices = _slices[self.index]
        self.x = numpy.random.uniform(-1, 1, (3, 4, 2)).astype(self.dtype)
        y_shape = self._numpy_index(self.x).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.x.shape).astype(
            self.dtype)

    def _numpy_index(self, x):
        s = self.slices
        if isinstance(s, list):
            s = numpy.array(s)
        return x[s]

    def _f(self, x):
        return F.get_item(x, self.slices)

    def test_forward(self, backend_config):
        x = backend_config.get_array(self.x)
        y = self._f(chainer.Variable(x))
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array),
                                         self._numpy_index(self.x))
        y2 = chainer.Variable(x)[self.slices]
        numpy.testing.assert_array_equal(cuda.to_cpu(y2.array),
                                         cuda.to_cpu(y.array))

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def test_repeated_indices_accumulate():
    x = chainer.Variable(numpy.zeros(3, numpy.float32))
    y = x[[0, 0, 2, 0]]
    y.grad = numpy.ones(4, numpy.float32)
    y.backward()
    numpy.testing.assert_array_equal(x.grad, [3, 0, 1])


def test_variable_index():
    x = chainer.Variable(numpy.arange(4.))
    idx = chainer.Variable(numpy.array([3, 1]))
    numpy.testing.assert_array_equal(x[idx].array, [3., 1.])


def test_out_of_range():
    with pytest.raises(IndexError):
        F.get_item(numpy.zeros(3, numpy.float32), 5)
