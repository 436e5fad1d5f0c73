import io

import numpy
import pytest

import chainer
import chainer.links as L
from chainer import serializers


class Model(chainer.Chain):
    def __init__(self):
        super(Model, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(3, 4)
            self.bn = L.BatchNormalization(4)
            self.l2 = L.Linear(4, 2)

    def forward(self, x):
        return self.l2(chainer.functions.relu(self.bn(self.l1(x))))


def _train(model, opt, steps=3):
    rng = numpy.random.RandomState(0)
    x = rng.randn(5, 3).astype(numpy.float32)
    t = rng.randn(5, 2).astype(numpy.float32)
    for _ in range(steps):
        opt.update(lambda: chainer.functions.mean_squared_error(model(x), t))
    return x, t


def _roundtrip(obj, target, **load_kwargs):
    buf = io.BytesIO()
    serializers.save_npz(buf, obj)
    buf.seek(0)
    serializers.load_npz(buf, target, **load_kwargs)


def test_dictionary_serializer_keys():
    s = serializers.DictionarySerializer()
    s.save(Model())
    assert sorted(s.target) == [
        'bn/N', 'bn/avg_mean', 'bn/avg_var', 'bn/beta', 'bn/gamma',
        'l1/W', 'l1/b', 'l2/W', 'l2/b']
    assert all(isinstance(v, numpy.ndarray) for v in s.target.values())


def test_model_and_adam_state_roundtrip(tmp_path):
    model = Model()
    opt = chainer.optimizers.Adam(alpha=0.01).setup(model)
    x, t = _train(model, opt)
    path = str(tmp_path / 'model.npz')
    serializers.save_npz(path, model)
    opt_path = str(tmp_path / 'opt.npz')
    serializers.save_npz(opt_path, opt, compression=False)

    model2 = Model()
    opt2 = chainer.optimizers.Adam(alpha=0.01).setup(model2)
    serializers.load_npz(path, model2)
    serializers.load_npz(opt_path, opt2)

    for (n1, p1), (n2, p2) in zip(model.namedparams(), model2.namedparams()):
        assert n1 == n2
        numpy.testing.assert_array_equal(p1.array, p2.array)
    numpy.testing.assert_array_equal(model.bn.avg_mean, model2.bn.avg_mean)
    numpy.testing.assert_array_equal(model.bn.avg_var, model2.bn.avg_var)
    assert opt2.t == 3 and opt2.epoch == opt.epoch
    rule, rule2 = model.l1.W.update_rule, model2.l1.W.update_rule
    assert rule2.t == 3
    numpy.testing.assert_array_equal(rule.state['m'], rule2.state['m'])
    numpy.testing.assert_array_equal(rule.state['v'], rule2.state['v'])

    # Training continues identically from the restored state.
    _train(model, opt, steps=2)
    _train(model2, opt2, steps=2)
    for p1, p2 in zip(model.params(), model2.params()):
        numpy.testing.assert_array_equal(p1.array, p2.array)


def test_optimizer_keys():
    model = Model()
    opt = chainer.optimizers.MomentumSGD().setup(model)
    _train(model, opt, steps=1)
    s = serializers.DictionarySerializer()
    s.save(opt)
    assert 't' in s.target and 'epoch' in s.target
    assert 'l1/W/t' in s.target and 'l1/W/v' in s.target


def test_load_into_uninitialized_params():
    src = L.Linear(3, 2)
    dst = L.Linear(2)
    _roundtrip(src, dst)
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)


def test_fresh_optimizer_without_state_in_file():
    # A file saved before any update has no state arrays.
    model = Model()
    opt = chainer.optimizers.Adam().setup(model)
    opt2 = chainer.optimizers.Adam().setup(Model())
    with pytest.raises(KeyError):
        _roundtrip(opt, opt2)
    opt2 = chainer.optimizers.Adam().setup(Model())
    _roundtrip(opt, opt2, strict=False)
    rule = opt2.target.l1.W.update_rule
    assert rule.state is None
    # The first update then creates the state as usual.
    _train(opt2.target, opt2, steps=1)
    assert set(rule.state) == {'m', 'v'}


def test_persistent_scalars_keep_types():
    model = Model()
    model.bn.N = 7
    model2 = Model()
    _roundtrip(model, model2)
    assert model2.bn.N == 7 and isinstance(model2.bn.N, int)


def test_strict_and_ignore_names():
    small = chainer.Chain()
    with small.init_scope():
        small.l1 = L.Linear(3, 4)
    big = Model()
    w_before = big.l2.W.array.copy()
    with pytest.raises(KeyError):
        _roundtrip(small, Model())
    _roundtrip(small, big, strict=False)
    numpy.testing.assert_array_equal(big.l1.W.array, small.l1.W.array)
    numpy.testing.assert_array_equal(big.l2.W.array, w_before)

    src, dst = Model(), Model()
    keep = dst.l1.W.array.copy()
    keep_b = dst.l1.b.array.copy()
    _roundtrip(src, dst, ignore_names=['l1/W', lambda k: k == 'l1/b'])
    numpy.testing.assert_array_equal(dst.l1.W.array, keep)
    numpy.testing.assert_array_equal(dst.l1.b.array, keep_b)
    numpy.testing.assert_array_equal(dst.l2.W.array, src.l2.W.array)
    with pytest.raises(ValueError):
        _roundtrip(src, dst, ignore_names=[3])


def test_path_prefix():
    model = Model()
    target = {}
    serializers.DictionarySerializer(target, 'updater/model:main/').save(
        model)
    buf = io.BytesIO()
    numpy.savez(buf, **target)
    buf.seek(0)
    model2 = Model()
    serializers.load_npz(buf, model2, path='updater/model:main/')
    numpy.testing.assert_array_equal(model2.l2.W.array, model.l2.W.array)


def test_none_values_roundtrip():
    lazy = chainer.Chain()
    with lazy.init_scope():
        lazy.l = L.Linear(2)
    other = chainer.Chain()
    with other.init_scope():
        other.l = L.Linear(2)
    _roundtrip(lazy, other)
    assert other.l.W.array is None


def test_shape_mismatch_raises():
    with pytest.raises(ValueError):
        _roundtrip(L.Linear(3, 2), L.Linear(4, 2))
