"""expand_dims, squeeze, flatten, swapaxes, rollaxis, moveaxis."""
import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _grad_tol(dtype):
    # float16 has an 11-bit mantissa: values are rounded to ~1e-3 even
    # though these functions only move them.
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


# name: (input shape, chainer function, numpy reference)
_cases = {
    'expand_dims0': ((3, 2), lambda x: F.expand_dims(x, 0),
                     lambda x: numpy.expand_dims(x, 0)),
    'expand_dims_end': ((3, 2), lambda x: F.expand_dims(x, 2),
                        lambda x: numpy.expand_dims(x, 2)),
    'expand_dims_neg': ((3, 2), lambda x: F.expand_dims(x, -1),
                        lambda x: numpy.expand_dims(x, -1)),
    'expand_dims_neg_first': ((3, 2), lambda x: F.expand_dims(x, -3),
                              lambda x: numpy.expand_dims(x, -3)),
    'expand_dims_0d': ((), lambda x: F.expand_dims(x, 0),
                       lambda x: numpy.expand_dims(x, 0)),
    'squeeze_all': ((1, 3, 1, 2), F.squeeze, numpy.squeeze),
    'squeeze_axis': ((1, 3, 1, 2), lambda x: F.squeeze(x, 2),
                     lambda x: numpy.squeeze(x, 2)),
    'squeeze_neg': ((1, 3, 1, 2), lambda x: F.squeeze(x, -4),
                    lambda x: numpy.squeeze(x, -4)),
    'squeeze_tuple': ((1, 3, 1, 2), lambda x: F.squeeze(x, (0, 2)),
                      lambda x: numpy.squeeze(x, (0, 2))),
    'squeeze_to_0d': ((1, 1), F.squeeze, numpy.squeeze),
    'flatten': ((2, 3, 4), F.flatten, numpy.ravel),
    'flatten_0d': ((), F.flatten, numpy.ravel),
    'swapaxes': ((2, 3, 4), lambda x: F.swapaxes(x, 0, 2),
                 lambda x: numpy.swapaxes(x, 0, 2)),
    'swapaxes_neg': ((2, 3, 4), lambda x: F.swapaxes(x, -1, 1),
                     lambda x: numpy.swapaxes(x, -1, 1)),
    'swapaxes_same': ((2, 3), lambda x: F.swapaxes(x, 1, 1),
                      lambda x: numpy.swapaxes(x, 1, 1)),
    'rollaxis_back': ((2, 3, 4, 5), lambda x: F.rollaxis(x, 3, 1),
                      lambda x: numpy.rollaxis(x, 3, 1)),
    'rollaxis_fwd': ((2, 3, 4, 5), lambda x: F.rollaxis(x, 1, 4),
                     lambda x: numpy.rollaxis(x, 1, 4)),
    'rollaxis_default': ((2, 3, 4), lambda x: F.rollaxis(x, 2),
                         lambda x: numpy.rollaxis(x, 2)),
    'rollaxis_neg': ((2, 3, 4, 5), lambda x: F.rollaxis(x, -3, -1),
                     lambda x: numpy.rollaxis(x, -3, -1)),
    'rollaxis_noop': ((2, 3, 4), lambda x: F.rollaxis(x, 1, 2),
                      lambda x: numpy.rollaxis(x, 1, 2)),
    'moveaxis': ((2, 3, 4, 5), lambda x: F.moveaxis(x, 0, -1),
                 lambda x: numpy.moveaxis(x, 0, -1)),
    'moveaxis_multi': ((2, 3, 4, 5), lambda x: F.moveaxis(x, (0, 1), (3, 1)),
                       lambda x: numpy.moveaxis(x, (0, 1), (3, 1))),
    'moveaxis_list': ((2, 3, 4), lambda x: F.moveaxis(x, [2, 0], [0, 1]),
                      lambda x: numpy.moveaxis(x, [2, 0], [0, 1])),
}


@testing.parameterize(*testing.product({
    'case': sorted(_cases),
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestAxisManipulation(object):

    def setup_method(self):
        shape, self.func, self.ref = _cases[self.case]
        self.x = numpy.random.uniform(-1, 1, shape).astype(self.dtype)
        self.gy = numpy.random.uniform(
            -1, 1, self.ref(self.x).shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, shape).astype(self.dtype)

    def test_forward(self, backend_config):
        y = self.func(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        assert isinstance(y.array, backend_config.xp.ndarray)
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array),
                                         self.ref(self.x))

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self.func, x, gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self.func, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def _x(*shape):
    return numpy.zeros(shape, numpy.float32)


@pytest.mark.parametrize('call', [
    lambda: F.expand_dims(_x(2, 3), 3),
    lambda: F.expand_dims(_x(2, 3), -4),
    lambda: F.squeeze(_x(1, 3), 1),       # length is not 1
    lambda: F.squeeze(_x(1, 3), 2),
    lambda: F.squeeze(_x(1, 3), -3),
    lambda: F.swapaxes(_x(2, 3), 0, 2),
    lambda: F.swapaxes(_x(2, 3), -3, 0),
    lambda: F.rollaxis(_x(2, 3), 2),
    lambda: F.rollaxis(_x(2, 3), -3),
    lambda: F.rollaxis(_x(2, 3), 0, 3),
    lambda: F.rollaxis(_x(2, 3), 0, -3),
    lambda: F.moveaxis(_x(2, 3), 2, 0),
    lambda: F.moveaxis(_x(2, 3), 0, -3),
])
def test_axis_out_of_range(call):
    with pytest.raises(type_check.InvalidType):
        call()


def test_bad_axis_arguments():
    with pytest.raises(TypeError):
        F.squeeze(_x(1, 3), [0])
    with pytest.raises(TypeError):
        F.moveaxis(_x(1, 3), 0.5, 0)
    with pytest.raises(ValueError):
        F.moveaxis(_x(1, 3), (0, 1), (0,))
    with pytest.raises(ValueError):
        F.moveaxis(_x(1, 3), (0, -2), (0, 1))
