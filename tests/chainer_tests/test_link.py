import copy
import warnings

import numpy
import pytest

import chainer
from chainer import initializers


class Affine(chainer.Link):
    def __init__(self, n=2):
        super(Affine, self).__init__()
        with self.init_scope():
            self.W = chainer.Parameter(initializers.Constant(2.), (n,))
            self.b = chainer.Parameter(initializers.Zero())
            self.c = chainer.Parameter(initializers.Zero(), (n,))
        self.add_persistent('count', 0)
        self.add_persistent('stat', numpy.ones(n, numpy.float32))

    def forward(self, x):
        self.count += 1
        return x * self.W + self.c


class Net(chainer.Chain):
    def __init__(self):
        super(Net, self).__init__()
        with self.init_scope():
            self.l1 = Affine()
            self.l2 = Affine()
            self.p = chainer.Parameter(1., (1,))


def test_init_scope_registers_params():
    link = Affine()
    assert link._params == {'W', 'b', 'c'}
    assert link.W.name == 'W'
    link.not_registered = chainer.Parameter(0., (1,))
    assert 'not_registered' not in link._params
    assert not link.within_init_scope
    with link.init_scope():
        assert link.within_init_scope
    assert not link.within_init_scope


def test_init_scope_restored_on_error():
    link = chainer.Link()
    with pytest.raises(RuntimeError):
        with link.init_scope():
            raise RuntimeError()
    assert not link.within_init_scope


def test_add_param_and_persistent():
    link = chainer.Link()
    link.add_param('w', (2, 3))
    assert link.w.shape == (2, 3) and numpy.isnan(link.w.array).all()
    link.add_param('v', (2,), dtype=numpy.float64)
    assert link.v.dtype == numpy.float64
    link.add_param('c', (2,), initializer=3.)
    assert (link.c.array == 3).all()
    link.add_param('u')
    assert link.u.array is None
    with pytest.raises(AttributeError):
        link.add_param('w', (1,))
    link.add_persistent('n', 5)
    assert link.n == 5 and 'n' in link._persistent
    with pytest.raises(AttributeError):
        link.add_persistent('n', 1)
    link.other = 1
    link.register_persistent('other')
    assert 'other' in link._persistent
    with pytest.raises(AttributeError):
        link.register_persistent('missing')


def test_deprecated_kwargs_register_params():
    link = chainer.Link(x=(2, 3), y=((2,), numpy.float64))
    assert link.x.shape == (2, 3)
    assert link.y.dtype == numpy.float64


def test_delattr_unregisters():
    link = Affine()
    del link.W
    del link.count
    assert link._params == {'b', 'c'}
    assert 'count' not in link._persistent


def test_params_and_namedparams():
    net = Net()
    names = [n for n, _ in net.namedparams()]
    assert names == ['/p', '/l1/W', '/l1/b', '/l1/c', '/l2/W', '/l2/b',
                     '/l2/c']
    assert [n for n, _ in net.namedparams(include_uninit=False)] == \
        ['/p', '/l1/W', '/l1/c', '/l2/W', '/l2/c']
    assert len(list(net.params())) == 7
    assert list(net.params())[1] is net.l1.W


def test_links_and_children():
    net = Net()
    assert list(net.links()) == [net, net.l1, net.l2]
    assert list(net.links(skipself=True)) == [net.l1, net.l2]
    assert [n for n, _ in net.namedlinks()] == ['/', '/l1', '/l2']
    assert [n for n, _ in net.namedlinks(skipself=True)] == ['/l1', '/l2']
    assert list(net.children()) == [net.l1, net.l2]
    assert list(net.l1.children()) == []
    assert net['l1'] is net.l1
    assert net.l1.name == 'l1'


def test_nested_namedlinks():
    outer = chainer.Chain()
    with outer.init_scope():
        outer.net = Net()
    assert [n for n, _ in outer.namedlinks()] == \
        ['/', '/net', '/net/l1', '/net/l2']
    assert '/net/l1/W' in dict(outer.namedparams())


def test_chain_registration_errors():
    net = Net()
    with pytest.raises(AttributeError):
        with net.init_scope():
            net.l1 = Affine()
    with pytest.raises(AttributeError):
        net.add_link('l2', Affine())
    with pytest.raises(TypeError):
        net.add_link('x', object())
    net.add_link('l3', Affine())
    assert 'l3' in net._children
    del net.l3
    assert 'l3' not in net._children


def test_call_dispatches_to_forward():
    link = Affine()
    y = link(numpy.ones(2, numpy.float32) * 3)
    numpy.testing.assert_array_equal(y.array, [6., 6.])
    assert link.count == 1
    with pytest.raises(NotImplementedError):
        chainer.Link()()


def test_link_hooks():
    calls = []

    class Hook(object):
        name = 'rec'

        def forward_preprocess(self, args):
            calls.append(('pre', args.link, args.args))

        def forward_postprocess(self, args):
            calls.append(('post', args.out))

    link = Affine()
    link.add_hook(Hook())
    x = numpy.ones(2, numpy.float32)
    link(x)
    assert calls[0][0] == 'pre' and calls[0][1] is link
    assert calls[1][0] == 'post'
    with pytest.raises(KeyError):
        link.add_hook(Hook())
    link.delete_hook('rec')
    link(x)
    assert len(calls) == 2


def test_cleargrads_and_zerograds():
    net = Net()
    for p in net.params(include_uninit=False):
        p.grad = numpy.ones_like(p.array)
    net.cleargrads()
    assert all(p.grad is None for p in net.params())
    with warnings.catch_warnings(record=True):
        warnings.simplefilter('always')
        net.zerograds()
    assert (net.l1.W.grad == 0).all()
    # An uninitialised param gets a zero gradient once initialised.
    net.l1.b.initialize((2,))
    assert (net.l1.b.grad == 0).all()


def test_addgrads():
    a, b = Net(), Net()
    for p in a.params(False):
        p.grad = numpy.ones_like(p.array)
    for p in b.params(False):
        p.grad = numpy.full_like(p.array, 2.)
    a.addgrads(b)
    assert (a.l2.W.grad == 3).all() and (a.p.grad == 3).all()


def test_copyparams():
    a, b = Net(), Net()
    b.l1.W.array[...] = 7
    b.l1.stat[...] = 4
    b.l1.count = 9
    b.l2.b.initialize((2,))
    b.l2.b.array[...] = 5
    stat_before = a.l1.stat
    a.copyparams(b)
    assert (a.l1.W.array == 7).all()
    assert a.l1.stat is stat_before and (a.l1.stat == 4).all()
    assert a.l1.count == 9
    assert (a.l2.b.array == 5).all()
    c = Net()
    c.copyparams(b, copy_persistent=False)
    assert c.l1.count == 0 and (c.l1.stat == 1).all()


def test_copy_share():
    net = Net()
    net.l1.W.grad = numpy.ones(2, numpy.float32)
    c = net.copy()
    assert c is not net and c.l1 is not net.l1
    assert c.l1.W is not net.l1.W
    assert c.l1.W.array is net.l1.W.array
    assert c.l1.W.grad is None and net.l1.W.grad is not None
    assert c.name is None and c.l1.name == 'l1'
    c.l1.W.array[...] = 10
    assert (net.l1.W.array == 10).all()
    with c.init_scope():
        c.l3 = Affine()
    assert 'l3' not in net._children


def test_copy_copy_and_init():
    net = Net()
    net.l1.W.array[...] = 5
    c = net.copy(mode='copy')
    assert c.l1.W.array is not net.l1.W.array
    assert (c.l1.W.array == 5).all()
    i = net.copy(mode='init')
    # Re-initialised by Constant(2.)
    assert (i.l1.W.array == 2).all() and (net.l1.W.array == 5).all()
    assert i.l1.b.array is None
    with pytest.raises(ValueError):
        net.copy(mode='bad')


def test_deepcopy_keeps_registration():
    net = Net()
    c = copy.deepcopy(net)
    assert [n for n, _ in c.namedparams()] == \
        [n for n, _ in net.namedparams()]


def test_count_params_warns_on_uninitialized():
    net = Net()
    with pytest.warns(UserWarning):
        assert net.count_params() == 1 + 4 + 4


def test_update_enabled():
    net = Net()
    assert not net.update_enabled
    chainer.optimizers.SGD().setup(net)
    assert net.update_enabled
    net.l1.disable_update()
    assert net.update_enabled
    assert not net.l1.update_enabled
    assert net.l1.W.update_rule.enabled is False
    net.disable_update()
    assert not net.update_enabled
    net.enable_update()
    assert net.l2.b.update_rule.enabled


def test_device_and_to_cpu():
    net = Net()
    assert net.device == chainer.get_device('@numpy')
    assert net.xp is numpy
    assert net.to_cpu() is net
    assert net.to_device('@numpy') is net
    assert isinstance(net.l1.stat, numpy.ndarray)


def test_repeat():
    link = Affine()
    seq = link.repeat(3)
    assert len(seq) == 3 and isinstance(seq, chainer.Sequential)
    assert seq[0] is not link and seq[0].W is not seq[1].W
    shared = link.repeat(2, mode='share')
    assert shared[0].W.array is link.W.array
    assert len(link.repeat(0)) == 0
    with pytest.raises(ValueError):
        link.repeat(2, mode='bad')


class TestChainList(object):

    def setup_method(self):
        self.l0 = Affine()
        self.l1 = Affine()
        self.cl = chainer.ChainList(self.l0)
        self.cl.append(self.l1)

    def test_container_protocol(self):
        assert len(self.cl) == 2
        assert self.cl[1] is self.l1
        assert list(self.cl) == [self.l0, self.l1]
        assert self.l1.name == '1'

    def test_namedparams(self):
        assert [n for n, _ in self.cl.namedparams()] == \
            ['/0/W', '/0/b', '/0/c', '/1/W', '/1/b', '/1/c']
        assert [n for n, _ in self.cl.namedlinks()] == ['/', '/0', '/1']
        assert list(self.cl.children()) == [self.l0, self.l1]

    def test_link_in_init_scope_rejected(self):
        with pytest.raises(TypeError):
            with self.cl.init_scope():
                self.cl.x = Affine()

    def test_copy_share(self):
        c = self.cl.copy()
        assert c[0] is not self.l0 and c[0].W.array is self.l0.W.array
        c.append(Affine())
        assert len(self.cl) == 2

    def test_copyparams_and_addgrads(self):
        other = chainer.ChainList(Affine(), Affine())
        other[1].W.array[...] = 8
        self.cl.copyparams(other)
        assert (self.l1.W.array == 8).all()
        other[0].W.grad = numpy.ones(2, numpy.float32)
        # Fresh parameters carry NaN gradients until cleared.
        assert numpy.isnan(self.l0.W.grad).all()
        self.cl.cleargrads()
        self.cl.addgrads(other)
        assert (self.l0.W.grad == 1).all()
