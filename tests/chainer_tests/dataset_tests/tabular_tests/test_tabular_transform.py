import numpy
import pytest

from chainer.dataset import tabular


def test_transform_tuple_output(make_dataset):
    d = make_dataset(size=4)
    t = d.transform(('s', 'p'), lambda a, b, c: (a + b, a * c))
    assert t.keys == ('s', 'p')
    assert len(t) == 4
    assert t.mode is tuple
    assert t[2] == (22, 400)
    s, p = t.fetch()
    assert s == [0, 11, 22, 33]
    assert p == [0, 100, 400, 900]


def test_transform_dict_output(make_dataset):
    d = make_dataset(size=3)
    t = d.transform(('x', 'y'), lambda a, b, c: {'y': a, 'x': b})
    assert t.mode is dict
    assert t[1] == {'x': 10, 'y': 1}
    assert t.fetch() == {'x': [0, 10, 20], 'y': [0, 1, 2]}


def test_transform_single_output(make_dataset):
    d = make_dataset(size=3)
    t = d.transform('sum', lambda a, b, c: a + b + c)
    assert t.keys == ('sum',)
    assert t.mode is None
    assert t[2] == 222
    assert t.fetch() == [0, 111, 222]


def test_transform_receives_kwargs_from_dict_mode(make_dataset):
    d = make_dataset(size=3, mode=dict)
    t = d.transform('d', lambda c, a, b: c - a)
    assert t.fetch() == [0, 99, 198]


def test_transform_receives_single_value_from_unary(make_dataset):
    d = make_dataset(size=3, mode=None, keys=('a',))
    t = d.transform('neg', lambda a: -a)
    assert t.fetch() == [0, -1, -2]


def test_transform_is_lazy_and_reads_requested_rows(make_dataset):
    d = make_dataset(size=10)
    calls = []

    def f(a, b, c):
        calls.append(a)
        return a, b

    t = d.transform(('x', 'y'), f)
    assert calls == []
    assert list(t.slice[[7, 2], 'y'].fetch()) == [70, 20]
    assert calls == [7, 2]
    assert d.calls == [([7, 2], None)]


def test_transform_key_subset_order(make_dataset):
    d = make_dataset(size=3)
    t = d.transform(('x', 'y', 'z'), lambda a, b, c: (a, b, c))
    v = t.slice[1:, ('z', 'x')]
    assert v.keys == ('z', 'x')
    assert v.fetch() == ([100, 200], [1, 2])


def test_transform_dict_output_key_subset(make_dataset):
    d = make_dataset(size=3)
    t = d.transform(('x', 'y'), lambda a, b, c: {'x': a, 'y': b})
    assert t.slice[:, 'y'].fetch() == [0, 10, 20]


def test_transform_changing_type_raises(make_dataset):
    d = make_dataset(size=3)
    t = d.transform('x', lambda a, b, c: (a,) if a == 0 else a)
    with pytest.raises(ValueError):
        t.fetch()


def test_transform_mode_probe_on_empty_dataset(make_dataset):
    t = make_dataset(size=0).transform('x', lambda a, b, c: a)
    with pytest.raises(IndexError):
        t.mode


def test_transform_batch_tuple(make_dataset):
    d = make_dataset(size=4)
    t = d.transform_batch(('s', 'p'), lambda a, b, c: (a + b, a * c))
    assert t.mode is tuple
    s, p = t.fetch()
    numpy.testing.assert_array_equal(s, [0, 11, 22, 33])
    numpy.testing.assert_array_equal(p, [0, 100, 400, 900])
    assert t[3] == (33, 900)


def test_transform_batch_gets_whole_columns(make_dataset):
    d = make_dataset(size=6)
    seen = []

    def f(a, b, c):
        seen.append(list(a))
        return a * 2

    t = d.transform_batch('x', f)
    assert t.mode is None
    numpy.testing.assert_array_equal(t.slice[1:6:2].fetch(), [2, 6, 10])
    assert seen[-1] == [1, 3, 5]
    assert d.calls[-1] == (slice(1, 6, 2), None)


def test_transform_batch_dict_mode_input_and_output(make_dataset):
    d = make_dataset(size=3, mode=dict)
    t = d.transform_batch(('u', 'v'),
                          lambda a, b, c: {'u': b - a, 'v': c})
    assert t.mode is dict
    out = t.fetch()
    numpy.testing.assert_array_equal(out['u'], [0, 9, 18])
    numpy.testing.assert_array_equal(out['v'], [0, 100, 200])
    assert t.slice[[2], 'v'].fetch()[0] == 200


def test_transform_batch_changing_length_raises(make_dataset):
    d = make_dataset(size=4)
    t = d.transform_batch('x', lambda a, b, c: a[:-1])
    with pytest.raises(ValueError):
        t.fetch()
    with pytest.raises(ValueError):
        t.slice[[0, 1]].fetch()


def test_transform_of_from_data():
    d = tabular.from_data((('a', [1, 2]), ('b', [3, 4])))
    t = d.transform(('s', 'p'), lambda a, b: (a + b, a * b))
    assert list(t) == [(4, 3), (6, 8)]
