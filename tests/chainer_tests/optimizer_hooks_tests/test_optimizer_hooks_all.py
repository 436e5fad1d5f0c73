import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import optimizer_hooks
from chainer import optimizers
from chainer import testing


def _setup(p0, g, lr=1., backend_config=None):
    link = chainer.Link()
    with link.init_scope():
        link.w = chainer.Parameter(numpy.array(p0, numpy.float64))
    g = numpy.array(g, numpy.float64)
    if backend_config is not None:
        link.to_device(backend_config.device)
        g = backend_config.get_array(g)
    opt = optimizers.SGD(lr=lr).setup(link)
    link.w.grad = g
    return link, opt


# One device test per hook: each hook is a few array expressions.
_on_each_backend = testing.inject_backend_tests(None,
                                                [{}, {'use_cuda': True}])


@_on_each_backend
def test_weight_decay(backend_config):
    link, opt = _setup([1., -2.], [0.5, 0.5],
                       backend_config=backend_config)
    opt.add_hook(optimizer_hooks.WeightDecay(0.1))
    opt.update()
    # g + rate * p
    numpy.testing.assert_allclose(cuda.to_cpu(link.w.array),
                                  [1 - 0.6, -2 - 0.3])


@_on_each_backend
def test_lasso(backend_config):
    link, opt = _setup([1., -2., 0.], [0., 0., 0.],
                       backend_config=backend_config)
    opt.add_hook(optimizer_hooks.Lasso(0.1))
    opt.update()
    numpy.testing.assert_allclose(cuda.to_cpu(link.w.array), [0.9, -1.9, 0.])


@_on_each_backend
def test_gradient_clipping_scales_global_norm(backend_config):
    link, opt = _setup([0., 0.], [3., 4.],
                       backend_config=backend_config)
    opt.add_hook(optimizer_hooks.GradientClipping(1.))
    opt.update()
    numpy.testing.assert_allclose(cuda.to_cpu(link.w.array), [-0.6, -0.8])


def test_gradient_clipping_keeps_small_gradients():
    link, opt = _setup([0., 0.], [0.3, 0.4])
    opt.add_hook(optimizer_hooks.GradientClipping(1.))
    opt.update()
    numpy.testing.assert_allclose(cuda.to_cpu(link.w.array), [-0.3, -0.4])


def test_gradient_clipping_norm_over_all_params():
    model = chainer.ChainList(chainer.links.Linear(1, 1, nobias=True),
                              chainer.links.Linear(1, 1, nobias=True))
    opt = optimizers.SGD(lr=1.).setup(model)
    opt.add_hook(optimizer_hooks.GradientClipping(2.5))
    w0 = [float(p.array[0, 0]) for p in model.params()]
    model[0].W.grad = numpy.array([[3.]], numpy.float32)
    model[1].W.grad = numpy.array([[4.]], numpy.float32)
    opt.update()
    w1 = [float(p.array[0, 0]) for p in model.params()]
    numpy.testing.assert_allclose(numpy.subtract(w0, w1), [1.5, 2.],
                                  rtol=1e-6)


@_on_each_backend
def test_gradient_hard_clipping(backend_config):
    link, opt = _setup([0., 0., 0.], [-5., 0.2, 5.],
                       backend_config=backend_config)
    opt.add_hook(optimizer_hooks.GradientHardClipping(-1., 0.5))
    opt.update()
    numpy.testing.assert_allclose(cuda.to_cpu(link.w.array), [1., -0.2, -0.5])


@_on_each_backend
def test_gradient_noise_uses_noise_func(backend_config):
    calls = []

    def noise(xp, shape, dtype, hook, rule):
        calls.append(rule.t)
        return xp.full(shape, 0.25, dtype)

    link, opt = _setup([0., 0.], [1., 1.],
                       backend_config=backend_config)
    opt.add_hook(optimizer_hooks.GradientNoise(0.1, noise_func=noise))
    opt.update()
    numpy.testing.assert_allclose(cuda.to_cpu(link.w.array), [-1.25, -1.25])
    # Optimizer-level hooks run before the rule advances its counter.
    assert calls == [0]


def test_exponential_decay_noise_std():
    class Rule(object):
        t = 3

    hook = optimizer_hooks.GradientNoise(0.5)
    numpy.random.seed(0)
    n = optimizer_hooks.exponential_decay_noise(
        numpy, (20000,), numpy.float32, hook, Rule())
    assert n.dtype == numpy.float32
    expected = numpy.sqrt(0.5 / 4 ** 0.55)
    assert abs(n.std() / expected - 1) < 0.02


def test_hooks_run_in_registration_order():
    # Clipping then decay differs from decay then clipping.
    link, opt = _setup([10., 0.], [0., 0.])
    opt.add_hook(optimizer_hooks.GradientHardClipping(-0.5, 0.5))
    opt.add_hook(optimizer_hooks.WeightDecay(0.1))
    opt.update()
    numpy.testing.assert_allclose(link.w.array, [9., 0.])
    link2, opt2 = _setup([10., 0.], [0., 0.])
    opt2.add_hook(optimizer_hooks.WeightDecay(0.1))
    opt2.add_hook(optimizer_hooks.GradientHardClipping(-0.5, 0.5))
    opt2.update()
    numpy.testing.assert_allclose(link2.w.array, [9.5, 0.])


def test_hook_names_and_timing():
    for hook in (optimizer_hooks.WeightDecay(1), optimizer_hooks.Lasso(1),
                 optimizer_hooks.GradientClipping(1),
                 optimizer_hooks.GradientHardClipping(-1, 1),
                 optimizer_hooks.GradientNoise(1)):
        assert hook.timing == 'pre'
        assert hook.name == type(hook).__name__


def test_update_rule_level_hook():
    link, opt = _setup([1., 1.], [0., 0.])
    link.w.update_rule.add_hook(optimizer_hooks.WeightDecay(0.5))
    opt.update()
    numpy.testing.assert_allclose(link.w.array, [0.5, 0.5])
    with pytest.raises(ValueError):
        link.w.update_rule.add_hook(optimizer_hooks.WeightDecay(0.5))


@testing.attr.gpu
@pytest.mark.parametrize('hook', [optimizer_hooks.WeightDecay(0.3),
                                  optimizer_hooks.Lasso(0.3)])
def test_fused_hook_equals_numpy(hook):
    # Zeros and a NaN check that the fused Lasso kernel keeps NumPy's sign.
    rng = numpy.random.RandomState(0)
    p = rng.uniform(-1, 1, (4, 5)).astype(numpy.float32)
    p[0, :3] = [0., -0., numpy.nan]
    g = rng.uniform(-1, 1, p.shape).astype(numpy.float32)
    expected = chainer.Parameter(p.copy())
    expected.grad = g.copy()
    hook(None, expected)
    param = chainer.Parameter(cuda.to_gpu(p))
    param.grad = cuda.to_gpu(g)
    hook(None, param)
    assert isinstance(param.grad, cuda.ndarray)
    numpy.testing.assert_allclose(cuda.to_cpu(param.grad), expected.grad,
                                  rtol=1e-6, atol=1e-7)
