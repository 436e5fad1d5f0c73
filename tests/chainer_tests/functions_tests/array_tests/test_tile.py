import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _grad_tol(dtype):
    # float16 has an 11-bit mantissa; the gradient also sums several
    # copies, each rounded.
    if dtype == numpy.float16:
        return {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


@testing.parameterize(*testing.product({
    'case': [((), 2), ((2,), 3), ((2,), (2, 3)), ((2, 3), 2),
             ((2, 3), (2, 1)), ((2, 1, 3), (1, 3, 2)), ((2, 3), (2, 1, 2)),
             ((2, 3), (0, 2)), ((2, 3), ())],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestTile(object):

    def setup_method(self):
        shape, self.reps = self.case
        self.x = numpy.random.uniform(-1, 1, shape).astype(self.dtype)
        y_shape = numpy.tile(self.x, self.reps).shape
        self.gy = numpy.random.uniform(-1, 1, y_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, shape).astype(self.dtype)

    def _f(self, x):
        return F.tile(x, self.reps)

    def test_forward(self, backend_config):
        y = self._f(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array),
                                         numpy.tile(self.x, self.reps))

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def test_tile_gradient_counts_copies():
    x = chainer.Variable(numpy.zeros((2,), numpy.float64))
    y = F.tile(x, (3, 2))
    y.grad = numpy.ones(y.shape)
    y.backward()
    numpy.testing.assert_array_equal(x.grad, [6., 6.])


def test_tile_invalid_reps():
    x = numpy.zeros(2, numpy.float32)
    with pytest.raises(TypeError):
        F.tile(x, 1.5)
    with pytest.raises(TypeError):
        F.tile(x, [2])
    with pytest.raises(ValueError):
        F.tile(x, -1)


def test_tile_wrong_number_of_inputs():
    from chainer.functions.array.tile import Tile
    x = numpy.zeros(2, numpy.float32)
    with pytest.raises(type_check.InvalidType):
        Tile(2).apply((x, x))
