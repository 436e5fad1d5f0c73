import numpy
import pytest

from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa; products round to ~1e-3.
    if dtype == numpy.float16:
        return ({'atol': 1e-3, 'rtol': 1e-3},
                {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


@testing.parameterize(*testing.product({
    'shape': [(3, 4), ()],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestLinearInterpolate(object):

    def setup_method(self):
        def r(lo=-1, hi=1):
            return numpy.asarray(
                numpy.random.uniform(lo, hi, self.shape)).astype(self.dtype)
        self.inputs = (r(0, 1), r(), r())
        self.gz = r()
        self.ggs = (r(), r(), r())
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def test_forward(self, backend_config):
        z = F.linear_interpolate(*backend_config.get_array(self.inputs))
        assert z.dtype == self.dtype
        p, x, y = (a.astype(numpy.float64) for a in self.inputs)
        testing.assert_allclose(z.array, p * x + (1 - p) * y,
                                **self.fwd_tol)

    def test_backward(self, backend_config):
        inputs, gz = backend_config.get_array((self.inputs, self.gz))
        gradient_check.check_backward(F.linear_interpolate, inputs, gz,
                                      **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.inputs, self.gz, self.ggs))
        gradient_check.check_double_backward(
            F.linear_interpolate, x_data, y_grad, x_grad_grad, **self.grad_tol)


def test_linear_interpolate_invalid():
    a = numpy.zeros(3, numpy.float32)
    with pytest.raises(type_check.InvalidType):
        F.linear_interpolate(a, a, numpy.zeros(3, numpy.float64))
    with pytest.raises(type_check.InvalidType):
        F.linear_interpolate(a, a, numpy.zeros(2, numpy.float32))
    with pytest.raises(type_check.InvalidType):
        F.linear_interpolate(*(numpy.zeros(3, numpy.int32),) * 3)
