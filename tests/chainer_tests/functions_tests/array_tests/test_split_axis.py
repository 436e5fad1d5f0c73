import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _grad_tol(dtype):
    # float16 has an 11-bit mantissa: values are rounded to ~1e-3.
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


@testing.parameterize(*testing.product({
    'case': [
        ((2, 7, 3), [2, 6], 1),
        ((2, 7, 3), [2, 6], -2),
        ((2, 7, 3), numpy.array([2, 6]), 1),
        ((2, 7, 3), [], 1),
        ((2, 7, 3), [0, 7], 1),         # empty first and last pieces
        ((2, 7, 3), [3, 3], 1),         # empty middle piece
        ((6, 2), 3, 0),
        ((2, 6), 1, 1),
    ],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(
    ['test_forward', 'test_backward', 'test_backward_unused_outputs',
     'test_double_backward'],
    [{}, {'use_cuda': True}])
class TestSplitAxis(object):

    def setup_method(self):
        shape, self.ios, self.axis = self.case
        self.x = numpy.random.uniform(-1, 1, shape).astype(self.dtype)
        self.ys_expect = numpy.split(self.x, self.ios, self.axis)
        self.gys = tuple(numpy.random.uniform(-1, 1, y.shape).astype(
            self.dtype) for y in self.ys_expect)
        self.ggx = numpy.random.uniform(-1, 1, shape).astype(self.dtype)

    def _f(self, x):
        return F.split_axis(x, self.ios, self.axis)

    def test_forward(self, backend_config):
        ys = self._f(chainer.Variable(backend_config.get_array(self.x)))
        assert isinstance(ys, tuple)
        assert len(ys) == len(self.ys_expect)
        for y, e in zip(ys, self.ys_expect):
            assert y.dtype == self.dtype
            numpy.testing.assert_array_equal(cuda.to_cpu(y.array), e)

    def test_backward(self, backend_config):
        x, gys = backend_config.get_array((self.x, self.gys))
        gradient_check.check_backward(self._f, x, gys,
                                      **_grad_tol(self.dtype))

    def test_backward_unused_outputs(self, backend_config):
        x, gys = backend_config.get_array((self.x, self.gys))
        # Unused outputs get no gradient; zeros must fill their places.
        gys = (None,) * (len(gys) - 1) + gys[-1:]
        gradient_check.check_backward(self._f, x, gys,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gys, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def test_force_tuple_false():
    x = numpy.zeros((2, 3), numpy.float32)
    y = F.split_axis(x, 1, 0, force_tuple=False)
    assert isinstance(y, chainer.Variable)
    assert y.shape == (2, 3)
    ys = F.split_axis(x, 2, 0, force_tuple=False)
    assert isinstance(ys, tuple) and len(ys) == 2
    assert isinstance(F.split_axis(x, 1, 0), tuple)


@pytest.mark.parametrize('ios,axis', [
    (4, 1),         # 3 is not divisible by 4
    ([1, 4], 1),    # index beyond the axis length
    (1, 2),         # axis out of range
    (1, -3),
])
def test_split_axis_invalid(ios, axis):
    with pytest.raises(type_check.InvalidType):
        F.split_axis(numpy.zeros((2, 3), numpy.float32), ios, axis)


def test_split_axis_bad_argument():
    with pytest.raises(TypeError):
        F.split_axis(numpy.zeros(3), 1.5, 0)
    with pytest.raises(ValueError):
        F.split_axis(numpy.zeros(3), 0, 0)
