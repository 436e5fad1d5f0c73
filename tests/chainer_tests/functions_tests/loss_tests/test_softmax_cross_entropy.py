"""softmax_cross_entropy: options, gradients, double backprop, errors."""
import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa (~5e-4 relative rounding per value);
    # log-softmax and the sum over the batch compound it.
    if dtype == numpy.float16:
        return ({'atol': 5e-3, 'rtol': 5e-3},
                {'atol': 1e-2, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


def _sce_ref(x, t, normalize, class_weight, ignore_label, reduce):
    # Explicit loop over every (sample, position) pair in float64.
    x = x.astype(numpy.float64)
    x_c_last = numpy.rollaxis(x, 1, x.ndim).reshape(t.size, x.shape[1])
    losses = numpy.zeros(t.size)
    count = 0
    for i, (xi, ti) in enumerate(zip(x_c_last, t.ravel())):
        if ti == ignore_label:
            continue
        count += 1
        log_z = numpy.log(numpy.exp(xi - xi.max()).sum()) + xi.max()
        w = 1. if class_weight is None else float(class_weight[ti])
        losses[i] = -w * (xi[ti] - log_z)
    if reduce == 'no':
        return losses.reshape(t.shape)
    denom = count if normalize else len(x)
    return losses.sum() / max(denom, 1)


@testing.parameterize(*testing.product({
    'shape': [(4, 3), (4, 3, 2)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'normalize': [True, False],
    'reduce': ['mean', 'no'],
    'weight': [False, True],
    'ignore': [False, True],
    'enable_double_backprop': [False, True],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestSoftmaxCrossEntropy(object):

    ignore_label = -1

    def setup_method(self):
        self.x = numpy.random.uniform(-1, 1, self.shape).astype(self.dtype)
        t_shape = self.shape[:1] + self.shape[2:]
        self.t = numpy.random.randint(0, 3, t_shape).astype(numpy.int32)
        if self.ignore:
            self.t.ravel()[[0, 2]] = self.ignore_label
        self.class_weight = None
        if self.weight:
            self.class_weight = numpy.random.uniform(0.5, 2, 3).astype(
                self.dtype)
        gy_shape = () if self.reduce == 'mean' else t_shape
        self.gy = numpy.random.uniform(-1, 1, gy_shape).astype(self.dtype)
        self.ggx = numpy.random.uniform(-1, 1, self.shape).astype(
            self.dtype)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _loss(self, class_weight):
        def f(x, t):
            return F.softmax_cross_entropy(
                x, t, normalize=self.normalize, class_weight=class_weight,
                ignore_label=self.ignore_label, reduce=self.reduce,
                enable_double_backprop=self.enable_double_backprop)
        return f

    def test_forward(self, backend_config):
        x, t, w = backend_config.get_array(
            (self.x, self.t, self.class_weight))
        loss = self._loss(w)(chainer.Variable(x), t)
        assert loss.dtype == self.dtype
        expected = _sce_ref(self.x, self.t, self.normalize,
                            self.class_weight, self.ignore_label,
                            self.reduce)
        assert loss.shape == expected.shape
        testing.assert_allclose(loss.array, expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        x, t, gy, w = backend_config.get_array(
            (self.x, self.t, self.gy, self.class_weight))
        gradient_check.check_backward(self._loss(w), (x, t), gy,
                                      **self.grad_tol)

    def test_double_backward(self, backend_config):
        x, t, gy, ggx, w = backend_config.get_array(
            (self.x, self.t, self.gy, self.ggx, self.class_weight))
        f = self._loss(w)
        if self.enable_double_backprop:
            gradient_check.check_double_backward(
                f, (x, t), gy, ggx, **self.grad_tol)
        else:
            # The fast gradient is not differentiable: asking for a second
            # order gradient must fail loudly, not return zeros.
            with pytest.raises(RuntimeError):
                gradient_check.check_double_backward(
                    f, (x, t), gy, ggx, **self.grad_tol)


@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_cache_score_does_not_change_gradient(reduce):
    x = numpy.random.uniform(-1, 1, (5, 4))
    t = numpy.array([0, 3, -1, 2, 1], numpy.int32)
    grads = []
    for cache_score in (True, False):
        xv = chainer.Variable(x)
        loss = F.softmax_cross_entropy(xv, t, cache_score=cache_score,
                                       reduce=reduce)
        F.sum(loss).backward()
        grads.append(xv.grad)
    numpy.testing.assert_allclose(grads[0], grads[1], rtol=1e-12)
    # Rows of the gradient of a valid label sum to 0; ignored rows are 0.
    numpy.testing.assert_allclose(grads[0].sum(axis=1), 0, atol=1e-12)
    assert (grads[0][2] == 0).all()


def test_two_paths_agree():
    x = numpy.random.uniform(-1, 1, (6, 5))
    t = numpy.array([0, 4, -1, 2, 1, 1], numpy.int32)
    w = numpy.random.uniform(.5, 2, 5)
    grads = []
    for edb in (False, True):
        xv = chainer.Variable(x)
        F.softmax_cross_entropy(xv, t, class_weight=w,
                                enable_double_backprop=edb).backward()
        grads.append(xv.grad)
    numpy.testing.assert_allclose(grads[0], grads[1], rtol=1e-10)


def test_large_scores_are_stable():
    x = numpy.array([[1000., 0., -1000.]], numpy.float32)
    t = numpy.array([2], numpy.int32)
    with numpy.errstate(over='raise', invalid='raise'):
        loss = F.softmax_cross_entropy(x, t)
    testing.assert_allclose(loss.array, 2000., rtol=1e-6)


def test_all_ignored_gives_zero():
    x = chainer.Variable(numpy.random.uniform(-1, 1, (3, 4)))
    t = numpy.full(3, -1, numpy.int32)
    loss = F.softmax_cross_entropy(x, t)
    assert float(loss.array) == 0
    loss.backward()
    assert (x.grad == 0).all()


def test_custom_ignore_label():
    x = numpy.random.uniform(-1, 1, (3, 4))
    t = numpy.array([1, 5, 2], numpy.int32)
    loss = F.softmax_cross_entropy(x, t, ignore_label=5, reduce='no')
    assert loss.array[1] == 0
    expected = _sce_ref(x, t, True, None, 5, 'no')
    testing.assert_allclose(loss.array, expected)


def test_double_backprop_needs_flag():
    x = chainer.Variable(numpy.random.uniform(-1, 1, (3, 4)))
    t = numpy.array([1, 0, 2], numpy.int32)
    loss = F.softmax_cross_entropy(x, t)
    gx, = chainer.grad([loss], [x], enable_double_backprop=True)
    with pytest.raises(RuntimeError):
        F.sum(gx * gx).backward()


def test_out_of_range_label_in_debug_mode():
    x = numpy.zeros((2, 3), numpy.float32)
    t = numpy.array([0, 3], numpy.int32)
    with chainer.using_config('debug', True):
        for edb in (False, True):
            with pytest.raises(ValueError):
                F.softmax_cross_entropy(x, t, enable_double_backprop=edb)


@pytest.mark.parametrize('kwargs', [
    {'reduce': 'sum'},
    {'class_weight': numpy.ones((3, 1), numpy.float32)},
    {'class_weight': numpy.ones(3, numpy.int32)},
    {'class_weight': chainer.Variable(numpy.ones(3, numpy.float32))},
])
@pytest.mark.parametrize('edb', [False, True])
def test_invalid_options(kwargs, edb):
    x = numpy.zeros((2, 3), numpy.float32)
    t = numpy.zeros(2, numpy.int32)
    with pytest.raises(ValueError):
        F.softmax_cross_entropy(x, t, enable_double_backprop=edb, **kwargs)


@pytest.mark.parametrize('x,t', [
    (numpy.zeros((2, 3), numpy.int32), numpy.zeros(2, numpy.int32)),
    (numpy.zeros((2, 3), numpy.float32), numpy.zeros(2, numpy.float32)),
    (numpy.zeros((2, 3), numpy.float32), numpy.zeros(3, numpy.int32)),
    (numpy.zeros((2, 3), numpy.float32), numpy.zeros((2, 3), numpy.int32)),
    (numpy.zeros((2, 3, 4), numpy.float32), numpy.zeros((2, 5), numpy.int32)),
])
@pytest.mark.parametrize('edb', [False, True])
def test_invalid_types(x, t, edb):
    with pytest.raises(type_check.InvalidType):
        F.softmax_cross_entropy(x, t, enable_double_backprop=edb)


def _loss_and_grad(x, t, gy, **kwargs):
    x = chainer.Variable(x)
    loss = F.softmax_cross_entropy(x, t, **kwargs)
    loss.grad = gy
    loss.backward()
    return cuda.to_cpu(loss.array), cuda.to_cpu(x.grad)


@testing.attr.gpu
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('reduce', ['mean', 'no'])
@pytest.mark.parametrize('weight', [False, True])
@pytest.mark.parametrize('cache_score', [False, True])
def test_gpu_kernels_equal_numpy(dtype, reduce, weight, cache_score):
    # The kernels on cupy against the NumPy path; they differ only by the
    # rounding of log-softmax and the order of the sum over labels.
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-2, 2, (5, 4, 3)).astype(dtype)
    t = rng.randint(0, 4, (5, 3)).astype(numpy.int32)
    t[0, :2] = -1
    # A class of weight 0 contributes neither loss nor gradient.
    cw = numpy.array([0.5, 0., 2., 1.], dtype) if weight else None
    gy = rng.uniform(0.5, 1.5, () if reduce == 'mean' else t.shape).astype(
        dtype)
    kwargs = {'reduce': reduce, 'cache_score': cache_score}
    expected = _loss_and_grad(x, t, gy, class_weight=cw, **kwargs)
    actual = _loss_and_grad(cuda.to_gpu(x), cuda.to_gpu(t), cuda.to_gpu(gy),
                            class_weight=None if cw is None
                            else cuda.to_gpu(cw), **kwargs)
    tol = 2e-3 if dtype == numpy.float16 else 1e-5
    for a, e in zip(actual, expected):
        assert a.dtype == dtype
        numpy.testing.assert_allclose(a, e, rtol=tol, atol=tol)


@testing.attr.gpu
@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_gpu_out_of_range_label_gives_nan(reduce):
    # Checking the labels would read them back at every step; the loss of
    # an invalid label is NaN instead (debug mode raises).
    x = cuda.cupy.zeros((2, 3), numpy.float32)
    t = cuda.cupy.array([0, 3], numpy.int32)
    loss = cuda.to_cpu(F.softmax_cross_entropy(x, t, reduce=reduce).array)
    if reduce == 'mean':
        assert numpy.isnan(loss)
    else:
        assert loss[0] == pytest.approx(numpy.log(3))
        assert numpy.isnan(loss[1])
    with chainer.using_config('debug', True):
        with pytest.raises(ValueError):
            F.softmax_cross_entropy(x, t, reduce=reduce)
