"""dropout: train/test modes, mask handling, gradients, argument errors."""
import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _grad_tol(dtype):
    # float16 has an 11-bit mantissa (~5e-4 relative rounding per value).
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


def _make_mask(shape, ratio, dtype):
    flag = numpy.random.random_sample(shape) >= ratio
    return (flag / (1 - ratio)).astype(dtype)


@testing.parameterize(*testing.product({
    'shape': [(3, 4), (), (2, 3, 5)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'ratio': [0.0, 0.3, 0.5],
}))
@testing.inject_backend_tests(
    ['test_forward_values', 'test_forward_given_mask',
     'test_test_mode_is_identity', 'test_backward',
     'test_double_backward'],
    [{}, {'use_cuda': True}])
class TestDropout(object):

    def setup_method(self):
        self.x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        self.gy = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.mask = _make_mask(self.shape, self.ratio, self.dtype)

    def _with_mask(self, mask):
        # A fixed mask makes the function deterministic for the
        # numerical gradient.
        return lambda x: F.dropout(x, self.ratio, mask=mask)

    def test_forward_values(self, backend_config):
        x = backend_config.get_array(self.x)
        y, mask = F.dropout(chainer.Variable(x), self.ratio,
                            return_mask=True)
        assert isinstance(mask, backend_config.xp.ndarray)
        assert y.dtype == self.dtype
        assert mask.dtype == self.dtype
        assert mask.shape == self.shape
        mask = cuda.to_cpu(mask)
        scale = self.dtype(1 / (1 - self.ratio))
        assert numpy.isin(mask, [0, scale]).all()
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array),
                                         self.x * mask)

    def test_forward_given_mask(self, backend_config):
        x, given = backend_config.get_array((self.x, self.mask))
        y, mask = F.dropout(x, self.ratio, mask=given, return_mask=True)
        assert mask is given
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array),
                                         self.x * self.mask)

    def test_test_mode_is_identity(self, backend_config):
        x = backend_config.get_array(self.x)
        with chainer.using_config('train', False):
            y, mask = F.dropout(x, self.ratio, return_mask=True)
        assert isinstance(y, chainer.Variable)
        assert y.array is x
        assert mask is None

    def test_backward(self, backend_config):
        x, gy, mask = backend_config.get_array((self.x, self.gy, self.mask))
        gradient_check.check_backward(self._with_mask(mask), x, gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad, mask = backend_config.get_array(
            (self.x, self.gy, self.ggx, self.mask))
        gradient_check.check_double_backward(
            self._with_mask(mask), x_data, y_grad, x_grad_grad,
            **_grad_tol(self.dtype))


def test_dropout_gradient_uses_forward_mask():
    x = chainer.Variable(numpy.ones((50, 40), numpy.float32))
    y, mask = F.dropout(x, 0.4, return_mask=True)
    F.sum(y).backward()
    numpy.testing.assert_array_equal(x.grad, mask)


def test_dropout_rate_and_mean():
    x = numpy.ones((200, 100), numpy.float32)
    y = F.dropout(x, 0.3).array
    # 20000 Bernoulli(0.3) draws: std of the rate is ~0.003.
    assert abs((y == 0).mean() - 0.3) < 0.03
    # The 1 / (1 - ratio) scale keeps the expectation unchanged.
    assert abs(y.mean() - 1) < 0.05


@testing.attr.gpu
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32])
def test_dropout_gpu_kernel_rate_and_mask(dtype):
    # Mask and output come from one kernel on cupy arrays.
    x = cuda.cupy.full((200, 100), 3, dtype)
    y, mask = F.dropout(x, 0.3, return_mask=True)
    y, mask = cuda.to_cpu((y.array, mask))
    assert y.dtype == mask.dtype == dtype
    scale = dtype(1 / 0.7)
    assert numpy.isin(mask, [0, scale]).all()
    numpy.testing.assert_array_equal(y, dtype(3) * mask)
    assert abs((mask == 0).mean() - 0.3) < 0.03


def test_dropout_returns_variable_without_mask_flag():
    y = F.dropout(numpy.ones(3, numpy.float32))
    assert isinstance(y, chainer.Variable)


@pytest.mark.parametrize('ratio', [1.0, -0.1, 1.5])
def test_dropout_bad_ratio(ratio):
    with pytest.raises(ValueError):
        F.dropout(numpy.ones(3, numpy.float32), ratio)


def test_dropout_train_argument_rejected():
    with pytest.raises(ValueError):
        F.dropout(numpy.ones(3, numpy.float32), train=True)


def test_dropout_unknown_argument_rejected():
    with pytest.raises(TypeError):
        F.dropout(numpy.ones(3, numpy.float32), foo=1)


def test_dropout_mask_shape_mismatch():
    with pytest.raises(ValueError):
        F.dropout(numpy.ones(3, numpy.float32),
                  mask=numpy.ones(4, numpy.float32))


def test_dropout_int_input_rejected():
    with pytest.raises(type_check.InvalidType):
        F.dropout(numpy.ones(3, numpy.int32))
