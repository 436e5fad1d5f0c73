import numpy
import pytest

import chainer
from chainer import optimizer


def _model():
    m = chainer.Chain()
    with m.init_scope():
        m.l = chainer.links.Linear(2, 3)
    return m


def test_hyperparameter_parent_chain():
    root = optimizer.Hyperparameter()
    root.lr = 0.1
    root.momentum = 0.9
    mid = optimizer.Hyperparameter(root)
    mid.momentum = 0.5
    leaf = optimizer.Hyperparameter(mid)
    assert leaf.lr == 0.1 and leaf.momentum == 0.5
    assert leaf.parent is mid
    assert leaf.get_dict() == {'lr': 0.1, 'momentum': 0.5}
    assert repr(leaf) == 'Hyperparameter(lr=0.1, momentum=0.5)'
    with pytest.raises(AttributeError):
        leaf.missing
    leaf.set_parent(None)
    with pytest.raises(AttributeError):
        leaf.lr


def test_update_rule_hooks_order_and_removal():
    calls = []
    rule = optimizer.UpdateRule()
    rule.update_core = lambda param: calls.append('core')

    def pre1(r, p):
        calls.append('pre1')

    def pre2(r, p):
        calls.append('pre2')

    class Post(object):
        name = 'post'
        timing = 'post'

        def __call__(self, r, p):
            calls.append('post')

    rule.add_hook(pre2)
    rule.add_hook(pre1)
    rule.add_hook(Post())
    param = chainer.Parameter(numpy.zeros(2, numpy.float32))
    rule.update(param)
    assert calls == ['pre2', 'pre1', 'core', 'post']
    assert rule.t == 1
    with pytest.raises(ValueError):
        rule.add_hook(pre1)
    with pytest.raises(ValueError):
        rule.add_hook(pre1, name='x', timing='bad')
    with pytest.raises(TypeError):
        rule.add_hook(1)
    rule.remove_hook('pre1')
    rule.remove_hook('post')
    with pytest.raises(KeyError):
        rule.remove_hook('post')
    calls.clear()
    rule.enabled = False
    rule.update(param)
    assert calls == [] and rule.t == 1


def test_setup_assigns_rules():
    m = _model()
    opt = chainer.optimizers.SGD(lr=0.3)
    assert opt.setup(m) is opt
    assert opt.target is m and opt.t == 0 and opt.epoch == 0
    rules = [p.update_rule for p in m.params()]
    assert all(isinstance(r, optimizer.UpdateRule) for r in rules)
    assert len(set(map(id, rules))) == len(rules)
    assert rules[0].hyperparam.lr == 0.3
    opt.lr = 0.7
    assert rules[0].hyperparam.lr == 0.7
    rules[0].hyperparam.lr = 0.1
    assert rules[1].hyperparam.lr == 0.7
    with pytest.raises(TypeError):
        opt.setup(object())


def test_update_with_lossfun_clears_grads_and_counts():
    m = _model()
    opt = chainer.optimizers.SGD(lr=0.1).setup(m)
    m.l.W.grad = numpy.full((3, 2), 100., numpy.float32)
    w0 = m.l.W.array.copy()
    x = numpy.ones((1, 2), numpy.float32)
    opt.update(lambda: chainer.functions.sum(m.l(x)))
    # d sum(Wx + b) / dW = 1 for all elements; the stale 100 is cleared.
    numpy.testing.assert_allclose(m.l.W.array, w0 - 0.1)
    assert opt.t == 1
    assert m.l.W.update_rule.t == 1


def test_update_without_lossfun_fills_missing_grads():
    m = _model()
    opt = chainer.optimizers.SGD(lr=1.).setup(m)
    m.cleargrads()
    m.l.W.grad = numpy.ones((3, 2), numpy.float32)
    b0 = m.l.b.array.copy()
    opt.update()
    numpy.testing.assert_array_equal(m.l.b.array, b0)
    assert (m.l.b.grad == 0).all()


def test_optimizer_hooks_order_and_timing():
    calls = []
    m = _model()
    opt = chainer.optimizers.SGD().setup(m)

    class Hook(object):
        def __init__(self, name, timing):
            self.name = name
            self.timing = timing

        def __call__(self, o):
            assert o is opt
            calls.append((self.name, float(m.l.b.array[0]) == 0.))

    m.l.b.array[...] = 0
    m.cleargrads()
    m.l.b.grad = numpy.ones(3, numpy.float32)
    opt.add_hook(Hook('b', 'pre'))
    opt.add_hook(Hook('a', 'pre'))
    opt.add_hook(Hook('c', 'post'))
    opt.update()
    assert calls == [('b', True), ('a', True), ('c', False)]
    with pytest.raises(KeyError):
        opt.add_hook(Hook('a', 'post'))
    opt.remove_hook('a')
    opt.remove_hook('c')
    calls.clear()
    opt.update()
    assert [c[0] for c in calls] == ['b']


def test_per_param_hook_and_timing_override():
    seen = []
    m = _model()
    opt = chainer.optimizers.SGD().setup(m)

    class PerParam(object):
        name = 'per'
        call_for_each_param = True
        timing = 'pre'

        def __call__(self, rule, param):
            seen.append((rule is param.update_rule, param.name))

    opt.add_hook(PerParam(), timing='post')
    assert 'per' in opt._post_update_hooks
    m.cleargrads()
    opt.update()
    assert seen == [(True, 'W'), (True, 'b')]


def test_add_hook_errors():
    opt = chainer.optimizers.SGD()
    with pytest.raises(RuntimeError):
        opt.add_hook(lambda o: None, name='x')
    opt.setup(_model())
    with pytest.raises(TypeError):
        opt.add_hook(3)
    with pytest.raises(ValueError):
        opt.add_hook(lambda o: None, name='x', timing='later')
    with pytest.warns(FutureWarning):
        opt.add_hook(lambda o: None, name='x')
    assert 'x' in opt._pre_update_hooks


def test_new_epoch():
    opt = chainer.optimizers.SGD().setup(_model())
    opt.new_epoch()
    assert opt.epoch == 1
    with pytest.raises(RuntimeError):
        opt.new_epoch(auto=True)
    opt.use_auto_new_epoch = True
    opt.new_epoch(auto=True)
    assert opt.epoch == 2
    with pytest.raises(RuntimeError):
        opt.new_epoch()


def test_disabled_param_is_not_updated():
    m = _model()
    opt = chainer.optimizers.SGD(lr=1.).setup(m)
    m.l.W.grad = numpy.ones((3, 2), numpy.float32)
    m.l.b.grad = numpy.ones(3, numpy.float32)
    m.l.W.update_rule.enabled = False
    w0 = m.l.W.array.copy()
    b0 = m.l.b.array.copy()
    opt.update()
    numpy.testing.assert_array_equal(m.l.W.array, w0)
    numpy.testing.assert_array_equal(m.l.b.array, b0 - 1)


def test_uninitialized_params_cannot_be_updated():
    lazy = chainer.links.Linear(3)
    opt = chainer.optimizers.MomentumSGD().setup(lazy)
    lazy.cleargrads()
    with pytest.raises(RuntimeError):
        opt.update()
    assert lazy.W.array is None and lazy.W.update_rule.t == 0


def test_gradient_method_abstract():
    with pytest.raises(NotImplementedError):
        optimizer.GradientMethod().setup(_model())
    with pytest.raises(NotImplementedError):
        optimizer.Optimizer().update()
