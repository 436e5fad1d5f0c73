import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 outputs are rounded to an 11-bit mantissa; normalised values
    # reach ~3, so absolute errors of a few 1e-3 are expected, and the
    # gradients combine several such roundings.
    if dtype == numpy.float16:
        return ({'atol': 1e-2, 'rtol': 1e-2},
                {'atol': 2e-2, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-5, 'rtol': 1e-4},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


@testing.parameterize(*testing.product({
    'shape_axis': [
        # x shape, gamma shape, axis
        ((5, 3), (3,), None),
        ((4, 3, 2, 2), (3,), None),
        ((4, 3, 2, 2), (3,), (0, 2, 3)),
        ((3, 4, 2), (4, 2), None),
        ((4, 2, 3), (3,), (0, 1)),
        ((2, 3, 4), (3,), (0, -1)),
    ],
    'eps': [2e-5, 1e-1],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(
    ['test_forward', 'test_running_statistics', 'test_backward',
     'test_double_backward'],
    [{}, {'use_cuda': True}])
class TestBatchNormalization(object):

    def setup_method(self):
        x_shape, g_shape, self.axis = self.shape_axis
        self.x = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        self.gamma = numpy.random.uniform(.5, 1, g_shape).astype(self.dtype)
        self.beta = numpy.random.uniform(-1, 1, g_shape).astype(self.dtype)
        ndim = len(x_shape)
        if self.axis is None:
            red = (0,) + tuple(range(1 + len(g_shape), ndim))
        else:
            red = tuple(a % ndim for a in self.axis)
        self.red = red
        keep = [i for i in range(ndim) if i not in red]
        self.pshape = tuple(x_shape[i] if i in keep else 1
                            for i in range(ndim))
        x = self.x.astype(numpy.float64)
        self.mean = x.mean(axis=red)
        self.var = x.var(axis=red)
        self.expected = (
            self.gamma.reshape(self.pshape) * (
                x - self.mean.reshape(self.pshape))
            / numpy.sqrt(self.var.reshape(self.pshape) + self.eps)
            + self.beta.reshape(self.pshape))
        self.gy = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        self.ggs = tuple(numpy.random.uniform(-1, 1, a.shape).astype(
            self.dtype) for a in (self.x, self.gamma, self.beta))
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _f(self, x, gamma, beta):
        return F.batch_normalization(x, gamma, beta, eps=self.eps,
                                     axis=self.axis)

    def test_forward(self, backend_config):
        y = self._f(*backend_config.get_array((self.x, self.gamma, self.beta)))
        assert y.dtype == self.dtype
        testing.assert_allclose(y.array, self.expected, **self.fwd_tol)

    def test_running_statistics(self, backend_config):
        rm0 = numpy.random.uniform(-1, 1, self.gamma.shape).astype(self.dtype)
        rv0 = numpy.random.uniform(.5, 1, self.gamma.shape).astype(self.dtype)
        x, gamma, beta, rm, rv = backend_config.get_array(
            (self.x, self.gamma, self.beta, rm0.copy(), rv0.copy()))
        decay = 0.7
        F.batch_normalization(x, gamma, beta, eps=self.eps,
                              running_mean=rm, running_var=rv, decay=decay,
                              axis=self.axis)
        m = self.x.size // self.gamma.size
        testing.assert_allclose(
            rm, decay * rm0 + (1 - decay) * self.mean, **self.fwd_tol)
        # The running variance is the unbiased estimate.
        testing.assert_allclose(
            rv, decay * rv0 + (1 - decay) * self.var * m / (m - 1),
            **self.fwd_tol)

    def test_backward(self, backend_config):
        inputs, gy = backend_config.get_array(
            ((self.x, self.gamma, self.beta), self.gy))
        gradient_check.check_backward(self._f, inputs, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x, self.gamma, self.beta), self.gy, self.ggs))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


@testing.parameterize(*testing.product({
    'shape': [((5, 3), (3,)), ((4, 3, 2, 2), (3,)), ((3, 4, 2), (4, 2))],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestFixedBatchNormalization(object):

    def setup_method(self):
        x_shape, g_shape = self.shape
        self.eps = 2e-5
        self.x = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        self.params = tuple(
            numpy.random.uniform(lo, hi, g_shape).astype(self.dtype)
            for lo, hi in ((.5, 1), (-1, 1), (-.5, .5), (.5, 1)))
        gamma, beta, mean, var = (p.astype(numpy.float64)
                                  for p in self.params)
        pshape = (1,) + g_shape + (1,) * (len(x_shape) - 1 - len(g_shape))
        r = [p.reshape(pshape) for p in (gamma, beta, mean, var)]
        self.expected = r[0] * (self.x - r[2]) / numpy.sqrt(
            r[3] + self.eps) + r[1]
        self.gy = numpy.random.uniform(-1, 1, x_shape).astype(self.dtype)
        self.ggs = tuple(numpy.random.uniform(-1, 1, a.shape).astype(
            self.dtype) for a in (self.x,) + self.params)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _f(self, *args):
        return F.fixed_batch_normalization(*args, eps=self.eps)

    def test_forward(self, backend_config):
        y = self._f(*backend_config.get_array((self.x,) + self.params))
        assert y.dtype == self.dtype
        testing.assert_allclose(y.array, self.expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        inputs, gy = backend_config.get_array(
            ((self.x,) + self.params, self.gy))
        gradient_check.check_backward(self._f, inputs, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x,) + self.params, self.gy, self.ggs))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.grad_tol)


class TestBatchNormalizationMisc(object):

    def test_mixed_dtype(self):
        # float16 activations with float32 parameters, as in mixed
        # precision training.
        x = chainer.Variable(numpy.random.uniform(
            -1, 1, (6, 3)).astype(numpy.float16))
        gamma = chainer.Variable(numpy.ones(3, numpy.float32))
        beta = chainer.Variable(numpy.zeros(3, numpy.float32))
        rm = numpy.zeros(3, numpy.float32)
        y = F.batch_normalization(x, gamma, beta, running_mean=rm)
        assert y.dtype == numpy.float16
        F.sum(y * y).backward()
        assert x.grad.dtype == numpy.float16
        assert gamma.grad.dtype == numpy.float32
        testing.assert_allclose(
            rm, .1 * x.array.astype(numpy.float64).mean(axis=0),
            atol=1e-3, rtol=1e-3)

    def test_normalized_statistics(self):
        x = numpy.random.uniform(-3, 5, (50, 4))
        y = F.batch_normalization(x, numpy.ones(4), numpy.zeros(4),
                                  eps=0).array
        testing.assert_allclose(y.mean(axis=0), numpy.zeros(4), atol=1e-12)
        testing.assert_allclose(y.std(axis=0), numpy.ones(4))


class TestBatchNormalizationInvalid(object):

    def setup_method(self):
        self.x = numpy.ones((4, 3, 2), numpy.float32)
        self.g = numpy.ones(3, numpy.float32)

    def test_shape_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            F.batch_normalization(self.x, self.g[:2], self.g[:2])
        with pytest.raises(type_check.InvalidType):
            F.batch_normalization(self.x, self.g, self.g[:2])

    def test_dtype_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            F.batch_normalization(self.x, self.g,
                                  self.g.astype(numpy.float64))
        with pytest.raises(type_check.InvalidType):
            F.batch_normalization(self.x.astype(numpy.int32), self.g,
                                  self.g)

    def test_bad_axis(self):
        with pytest.raises(type_check.InvalidType):
            F.batch_normalization(self.x, self.g, self.g, axis=(0, 1))
        with pytest.raises(type_check.InvalidType):
            F.batch_normalization(self.x, self.g, self.g, axis=5)

    def test_fixed_param_mismatch(self):
        with pytest.raises(type_check.InvalidType):
            F.fixed_batch_normalization(self.x, self.g, self.g, self.g,
                                        self.g[:2])


@testing.attr.gpu
@pytest.mark.parametrize('dtype,param_dtype', [
    (numpy.float16, numpy.float16), (numpy.float32, numpy.float32),
    (numpy.float64, numpy.float64), (numpy.float16, numpy.float32),
    (numpy.float32, numpy.float64)])
def test_gpu_forward_kernels_equal_numpy(dtype, param_dtype):
    # The fused normalisation and running-average kernels against the
    # NumPy path: they differ only by the sums of the batch statistics.
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (5, 3, 4)).astype(dtype)
    gamma = rng.uniform(0.5, 1.5, 3).astype(param_dtype)
    beta = rng.uniform(-1, 1, 3).astype(param_dtype)
    stats = [rng.uniform(0, 1, 3).astype(param_dtype) for _ in range(2)]
    gpu_stats = [cuda.to_gpu(s) for s in stats]
    y = F.batch_normalization(x, gamma, beta, running_mean=stats[0],
                              running_var=stats[1], decay=0.7)
    gy = F.batch_normalization(
        cuda.to_gpu(x), cuda.to_gpu(gamma), cuda.to_gpu(beta),
        running_mean=gpu_stats[0], running_var=gpu_stats[1], decay=0.7)
    assert gy.dtype == dtype
    tol = 5e-3 if dtype == numpy.float16 else 1e-5
    numpy.testing.assert_allclose(cuda.to_cpu(gy.array), y.array, rtol=tol,
                                  atol=tol)
    for g, e in zip(gpu_stats, stats):
        assert g.dtype == param_dtype
        numpy.testing.assert_allclose(cuda.to_cpu(g), e, rtol=1e-5,
                                      atol=1e-6)
