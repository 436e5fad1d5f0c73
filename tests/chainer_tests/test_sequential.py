import numpy
import pytest

import chainer
from chainer import initializers


class Scale(chainer.Link):
    def __init__(self, value):
        super(Scale, self).__init__()
        with self.init_scope():
            self.a = chainer.Parameter(initializers.Constant(value), (1,))

    def forward(self, x):
        return x * self.a.array


def double(x):
    return x * 2


def test_forward_applies_layers_in_order():
    seq = chainer.Sequential(Scale(3.), double, lambda x: x + 1)
    x = numpy.ones(1, numpy.float32)
    numpy.testing.assert_array_equal(seq(x), [7.])


def test_tuple_outputs_are_unpacked():
    seq = chainer.Sequential(lambda x: (x, x + 1), lambda a, b: a * b)
    assert seq(2) == 6


def test_empty_sequential_raises():
    with pytest.raises(RuntimeError):
        chainer.Sequential()(1)


def test_links_become_children():
    s0, s1 = Scale(1.), Scale(2.)
    seq = chainer.Sequential(s0, double, s1)
    assert len(seq) == 3
    assert list(seq.children()) == [s0, s1]
    assert [n for n, _ in seq.namedparams()] == ['/0/a', '/1/a']
    assert s1.name == '1'


def test_insert_and_delete_keep_child_order():
    s0, s1, s2 = Scale(1.), Scale(2.), Scale(3.)
    seq = chainer.Sequential(s0, double, s2)
    seq.insert(2, s1)
    assert list(seq.children()) == [s0, s1, s2]
    assert [l.name for l in seq.children()] == ['0', '1', '2']
    seq.insert(0, double)
    assert seq[0] is double and list(seq.children())[0] is s0
    del seq[1]  # s0
    assert list(seq.children()) == [s1, s2]
    assert s1.name == '0'
    with pytest.raises(IndexError):
        seq.insert(10, double)


def test_setitem_replaces_layer():
    s0, s1 = Scale(1.), Scale(2.)
    seq = chainer.Sequential(s0, double)
    seq[0] = s1
    assert seq[0] is s1 and list(seq.children()) == [s1]
    seq[-1] = s0
    assert list(seq.children()) == [s1, s0]
    with pytest.raises(ValueError):
        seq[0] = 3


def test_list_like_methods():
    s0 = Scale(1.)
    seq = chainer.Sequential(s0, double, double)
    assert seq.index(double) == 1
    assert seq.count(double) == 2
    assert s0 in seq
    assert seq.count_by_layer_type('double') == 2
    assert seq.count_by_layer_type('Scale') == 1
    assert seq.pop() is double
    assert len(seq) == 2
    seq.remove(double)
    assert list(seq) == [s0]
    seq.extend([double, double])
    seq.remove_by_layer_type('double')
    assert list(seq) == [s0]
    seq.clear()
    assert len(seq) == 0 and list(seq.children()) == []


def test_add_and_iadd():
    a = chainer.Sequential(double)
    b = chainer.Sequential(Scale(2.))
    c = a + b
    assert len(c) == 2 and len(a) == 1
    a += b
    assert len(a) == 2
    with pytest.raises(ValueError):
        a + [double]


def test_copy_and_flatten():
    inner = chainer.Sequential(Scale(2.), double)
    seq = chainer.Sequential(inner, Scale(3.))
    flat = seq.flatten()
    assert len(flat) == 3
    x = numpy.ones(1, numpy.float32)
    numpy.testing.assert_array_equal(flat(x), seq(x))
    c = seq.copy()
    assert c[1] is not seq[1] and c[1].a.array is seq[1].a.array
    d = seq.copy('copy')
    assert d[1].a.array is not seq[1].a.array


def test_sequential_with_optimizer_and_serializer(tmp_path):
    seq = chainer.Sequential(Scale(2.), double, Scale(5.))
    chainer.serializers.save_npz(str(tmp_path / 's.npz'), seq)
    other = chainer.Sequential(Scale(0.), double, Scale(0.))
    chainer.serializers.load_npz(str(tmp_path / 's.npz'), other)
    assert other[2].a.array[0] == 5.
    opt = chainer.optimizers.SGD().setup(seq)
    assert seq[0].a.update_rule is not None and opt.target is seq
