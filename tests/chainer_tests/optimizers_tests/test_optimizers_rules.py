"""Each optimizer against a NumPy re-implementation of its update."""
import math

import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import optimizers
from chainer import testing

N_STEPS = 4


def _grads(shape):
    rng = numpy.random.RandomState(0)
    return [rng.uniform(-1, 1, shape).astype(numpy.float64)
            for _ in range(N_STEPS)]


class Expected(object):
    """Reference implementations: ``step(p, g, state, t) -> p``."""

    @staticmethod
    def sgd(lr=0.01):
        def step(p, g, s, t):
            return p - lr * g
        return step

    @staticmethod
    def momentum_sgd(lr=0.01, momentum=0.9):
        def step(p, g, s, t):
            s['v'] = momentum * s.get('v', 0) - lr * g
            return p + s['v']
        return step

    @staticmethod
    def nesterov_ag(lr=0.01, momentum=0.9):
        def step(p, g, s, t):
            s['v'] = momentum * s.get('v', 0) - lr * g
            return p + momentum ** 2 * s['v'] - (1 + momentum) * lr * g
        return step

    @staticmethod
    def ada_grad(lr=0.001, eps=1e-8):
        def step(p, g, s, t):
            s['h'] = s.get('h', 0) + g * g
            return p - lr * g / (numpy.sqrt(s['h']) + eps)
        return step

    @staticmethod
    def rmsprop(lr=0.01, alpha=0.99, eps=1e-8, eps_inside_sqrt=False):
        def step(p, g, s, t):
            s['ms'] = alpha * s.get('ms', 0) + (1 - alpha) * g * g
            if eps_inside_sqrt:
                return p - lr * g / numpy.sqrt(s['ms'] + eps)
            return p - lr * g / (numpy.sqrt(s['ms']) + eps)
        return step

    @staticmethod
    def adam(alpha=0.001, beta1=0.9, beta2=0.999, eps=1e-8, eta=1.0,
             weight_decay_rate=0., amsgrad=False):
        def step(p, g, s, t):
            s['m'] = beta1 * s.get('m', 0) + (1 - beta1) * g
            s['v'] = beta2 * s.get('v', 0) + (1 - beta2) * g * g
            vhat = s['v']
            if amsgrad:
                s['vhat'] = numpy.maximum(s.get('vhat', 0), s['v'])
                vhat = s['vhat']
            # Chainer folds both bias corrections into the step size and
            # adds eps to the uncorrected sqrt(v).
            alpha_t = alpha * math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
            upd = alpha_t * s['m'] / (numpy.sqrt(vhat) + eps)
            return p - eta * (upd + weight_decay_rate * p)
        return step


CASES = [
    (optimizers.SGD, {}, Expected.sgd),
    (optimizers.SGD, {'lr': 0.5}, Expected.sgd),
    (optimizers.MomentumSGD, {'lr': 0.1, 'momentum': 0.5},
     Expected.momentum_sgd),
    (optimizers.MomentumSGD, {}, Expected.momentum_sgd),
    (optimizers.NesterovAG, {'lr': 0.1, 'momentum': 0.7},
     Expected.nesterov_ag),
    (optimizers.AdaGrad, {'lr': 0.1}, Expected.ada_grad),
    (optimizers.AdaGrad, {'lr': 0.1, 'eps': 0.5}, Expected.ada_grad),
    (optimizers.RMSprop, {'lr': 0.1, 'alpha': 0.9}, Expected.rmsprop),
    (optimizers.RMSprop, {'lr': 0.1, 'eps': 1e-2, 'eps_inside_sqrt': True},
     Expected.rmsprop),
    (optimizers.Adam, {}, Expected.adam),
    (optimizers.Adam, {'alpha': 0.1, 'beta1': 0.5, 'beta2': 0.8,
                       'eps': 1e-3}, Expected.adam),
    (optimizers.Adam, {'alpha': 0.1, 'eta': 0.5, 'weight_decay_rate': 0.1},
     Expected.adam),
    (optimizers.Adam, {'alpha': 0.1, 'amsgrad': True}, Expected.adam),
]


def _param_link(p0):
    link = chainer.Link()
    with link.init_scope():
        link.w = chainer.Parameter(p0.copy())
    return link


@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
@pytest.mark.parametrize('cls,kwargs,expected', CASES)
def test_update_matches_reference(backend_config, cls, kwargs, expected):
    p0 = numpy.random.RandomState(1).uniform(-1, 1, (3, 4))
    link = _param_link(p0)
    link.to_device(backend_config.device)
    opt = cls(**kwargs).setup(link)
    step = expected(**kwargs)
    p, state = p0.copy(), {}
    for t, g in enumerate(_grads(p0.shape), 1):
        link.w.grad = backend_config.get_array(g.copy())
        opt.update()
        p = step(p, g, state, t)
        assert isinstance(link.w.array, backend_config.xp.ndarray)
        numpy.testing.assert_allclose(cuda.to_cpu(link.w.array), p,
                                      rtol=1e-12, atol=1e-14)
    assert opt.t == N_STEPS
    assert link.w.update_rule.t == N_STEPS


@pytest.mark.parametrize('cls,kwargs,keys', [
    (optimizers.SGD, {}, set()),
    (optimizers.MomentumSGD, {}, {'v'}),
    (optimizers.NesterovAG, {}, {'v'}),
    (optimizers.AdaGrad, {}, {'h'}),
    (optimizers.RMSprop, {}, {'ms'}),
    (optimizers.Adam, {}, {'m', 'v'}),
    (optimizers.Adam, {'amsgrad': True}, {'m', 'v', 'vhat'}),
])
def test_state_keys(cls, kwargs, keys):
    link = _param_link(numpy.zeros(2, numpy.float32))
    cls(**kwargs).setup(link)
    assert link.w.update_rule.state is None
    link.w.grad = numpy.ones(2, numpy.float32)
    link.w.update()
    assert set(link.w.update_rule.state) == keys


def test_float32_params_stay_float32():
    for cls in (optimizers.SGD, optimizers.MomentumSGD, optimizers.AdaGrad,
                optimizers.RMSprop, optimizers.Adam, optimizers.NesterovAG):
        link = _param_link(numpy.ones(3, numpy.float32))
        opt = cls().setup(link)
        link.w.grad = numpy.ones(3, numpy.float32)
        opt.update()
        assert link.w.dtype == numpy.float32


def test_adam_alpha_t_and_lr():
    opt = optimizers.Adam(alpha=0.01, beta1=0.8, beta2=0.9)
    with pytest.raises(RuntimeError):
        opt.alpha_t
    opt.t = 3
    expected = 0.01 * math.sqrt(1 - 0.9 ** 3) / (1 - 0.8 ** 3)
    assert opt.alpha_t == pytest.approx(expected, rel=1e-15)
    assert opt.lr == opt.alpha_t
    rule = opt.create_update_rule()
    rule.t = 3
    assert rule.alpha_t == pytest.approx(expected, rel=1e-15)
    assert rule.lr == rule.alpha_t


def test_adam_variants_set_flags():
    assert optimizers.AMSGrad().amsgrad
    assert optimizers.AdaBound().adabound
    b = optimizers.AMSBound()
    assert b.amsgrad and b.adabound


def test_adabound_clips_step():
    # With final_lr tiny the bounds force the step to about final_lr.
    link = _param_link(numpy.zeros(2))
    opt = optimizers.Adam(alpha=0.1, adabound=True, final_lr=1e-3,
                          gamma=1.).setup(link)
    link.w.grad = numpy.array([1., -1.])
    opt.update()
    lower = 1e-3 * (1 - 1. / 2)
    upper = 1e-3 * (1 + 1.)
    m = 0.1 * link.w.grad
    step = numpy.clip(opt.alpha_t / (numpy.sqrt(0.001) + 1e-8), lower, upper)
    numpy.testing.assert_allclose(link.w.array, -step * m)


def test_rmsprop_eps_too_small_for_float16():
    link = _param_link(numpy.ones(2, numpy.float16))
    opt = optimizers.RMSprop(eps=1e-10).setup(link)
    link.w.grad = numpy.ones(2, numpy.float16)
    with pytest.raises(ValueError):
        opt.update()


def test_hyperparameter_proxies():
    opt = optimizers.MomentumSGD(lr=0.2, momentum=0.3)
    assert (opt.lr, opt.momentum) == (0.2, 0.3)
    opt.momentum = 0.4
    assert opt.hyperparam.momentum == 0.4
    opt = optimizers.Adam(weight_decay_rate=0.1, eta=0.5)
    assert opt.weight_decay_rate == 0.1 and opt.eta == 0.5


def test_defaults_match_chainer():
    assert optimizers.SGD().lr == 0.01
    assert optimizers.AdaGrad().lr == 0.001
    r = optimizers.RMSprop()
    assert (r.lr, r.alpha, r.eps) == (0.01, 0.99, 1e-8)
    a = optimizers.Adam()
    assert (a.alpha, a.beta1, a.beta2, a.eps, a.eta) == \
        (0.001, 0.9, 0.999, 1e-8, 1.0)
    assert a.weight_decay_rate == 0 and not a.amsgrad


@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
@pytest.mark.parametrize('cls,kwargs', [
    (optimizers.SGD, {'lr': 0.1}),
    (optimizers.MomentumSGD, {'lr': 0.05}),
    (optimizers.NesterovAG, {'lr': 0.05}),
    (optimizers.AdaGrad, {'lr': 0.5}),
    (optimizers.RMSprop, {'lr': 0.01}),
    (optimizers.Adam, {'alpha': 0.05}),
])
def test_linear_regression_converges(backend_config, cls, kwargs):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (64, 3)).astype(numpy.float32)
    true_w = numpy.array([[1.5, -2., 0.5]], numpy.float32)
    t = x.dot(true_w.T) + 0.3
    model = chainer.links.Linear(3, 1, initialW=chainer.initializers.Zero())
    model.to_device(backend_config.device)
    x, t = backend_config.get_array((x, t))
    opt = cls(**kwargs).setup(model)

    def lossfun():
        return chainer.functions.mean_squared_error(model(x), t)

    first = float(lossfun().array)
    for _ in range(500):
        opt.update(lossfun)
    last = float(lossfun().array)
    assert last < 1e-3 * first
    testing.assert_allclose(model.W.array, true_w, atol=0.05, rtol=0)
    testing.assert_allclose(model.b.array, [0.3], atol=0.05, rtol=0)


# Every rule's fused ``update_core_gpu`` against its NumPy
# ``update_core_cpu``, parameter and state, over several steps.
GPU_CASES = [
    (optimizers.SGD, {'lr': 0.1}),
    (optimizers.MomentumSGD, {'lr': 0.1, 'momentum': 0.7}),
    (optimizers.NesterovAG, {'lr': 0.1, 'momentum': 0.7}),
    (optimizers.AdaGrad, {'lr': 0.1, 'eps': 1e-4}),
    (optimizers.RMSprop, {'lr': 0.1, 'alpha': 0.9, 'eps': 1e-4}),
    (optimizers.RMSprop, {'lr': 0.1, 'eps': 1e-2, 'eps_inside_sqrt': True}),
    (optimizers.Adam, {'alpha': 0.1, 'eps': 1e-4}),
    (optimizers.Adam, {'alpha': 0.1, 'eps': 1e-4, 'eta': 0.5,
                       'weight_decay_rate': 0.1}),
    (optimizers.Adam, {'alpha': 0.1, 'eps': 1e-4, 'amsgrad': True}),
    (optimizers.Adam, {'alpha': 0.1, 'eps': 1e-4, 'adabound': True,
                       'final_lr': 0.05}),
    (optimizers.Adam, {'alpha': 0.1, 'eps': 1e-4, 'amsgrad': True,
                       'adabound': True, 'final_lr': 0.05}),
]

# float16 exercises the per-operation rounding of the kernels; float64 is
# covered by test_update_matches_reference on @cupy:0.
_GPU_TOL = {numpy.float16: 1e-3, numpy.float32: 1e-6}


def _fail_cpu_update(param):
    raise AssertionError('update_core_cpu called for a cupy parameter')


@testing.attr.gpu
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32])
@pytest.mark.parametrize('cls,kwargs', GPU_CASES)
def test_gpu_update_equals_numpy_update(cls, kwargs, dtype):
    rng = numpy.random.RandomState(2)
    p0 = rng.uniform(-1, 1, (5, 7)).astype(dtype)
    cpu_link = _param_link(p0)
    gpu_link = _param_link(p0)
    gpu_link.to_device('@cupy:0')
    cpu_opt = cls(**kwargs).setup(cpu_link)
    gpu_opt = cls(**kwargs).setup(gpu_link)
    gpu_link.w.update_rule.update_core_cpu = _fail_cpu_update
    tol = _GPU_TOL[dtype]
    for _ in range(N_STEPS):
        g = rng.uniform(-1, 1, p0.shape).astype(dtype)
        cpu_link.w.grad = g.copy()
        gpu_link.w.grad = cuda.to_gpu(g)
        cpu_opt.update()
        gpu_opt.update()
        assert gpu_link.w.dtype == dtype
        numpy.testing.assert_allclose(
            cuda.to_cpu(gpu_link.w.array), cpu_link.w.array,
            rtol=tol, atol=tol)
        cpu_state = cpu_link.w.update_rule.state
        gpu_state = gpu_link.w.update_rule.state
        assert set(gpu_state) == set(cpu_state)
        for key in cpu_state:
            numpy.testing.assert_allclose(
                cuda.to_cpu(gpu_state[key]), cpu_state[key],
                rtol=tol, atol=tol, err_msg=key)
