import numpy
import pytest

from chainer import dataset
from chainer.dataset import tabular


@pytest.mark.parametrize('mode', [tuple, dict, None])
def test_basic_properties(make_dataset, mode):
    keys = ('a',) if mode is None else ('a', 'b', 'c')
    d = make_dataset(size=5, mode=mode, keys=keys)
    assert isinstance(d, dataset.TabularDataset)
    assert isinstance(d, dataset.DatasetMixin)
    assert tabular.TabularDataset is dataset.TabularDataset
    assert len(d) == 5
    assert d.keys == keys
    assert d.mode is mode


def test_get_example_modes(make_dataset):
    assert make_dataset(mode=tuple)[3] == (3, 30, 300)
    assert make_dataset(mode=dict)[3] == {'a': 3, 'b': 30, 'c': 300}
    assert make_dataset(mode=None, keys=('a',))[3] == 3
    assert make_dataset(mode=tuple)[-1] == (9, 90, 900)


def test_get_example_reads_one_row(make_dataset):
    d = make_dataset()
    d.get_example(4)
    assert d.calls == [([4], None)]


def test_getitem_slice_and_list(make_dataset):
    d = make_dataset(size=5)
    assert d[1:3] == [(1, 10, 100), (2, 20, 200)]
    assert d[[4, 0]] == [(4, 40, 400), (0, 0, 0)]
    assert d[numpy.array([2])] == [(2, 20, 200)]


def test_iter(make_dataset):
    d = make_dataset(size=3, mode=dict, keys=('x', 'y'))
    assert list(d) == [{'x': 0, 'y': 0}, {'x': 1, 'y': 10},
                       {'x': 2, 'y': 20}]


def test_fetch_tuple(make_dataset):
    d = make_dataset(size=4)
    a, b, c = d.fetch()
    numpy.testing.assert_array_equal(a, [0, 1, 2, 3])
    numpy.testing.assert_array_equal(c, [0, 100, 200, 300])
    assert d.calls == [(None, None)]


def test_fetch_dict(make_dataset):
    out = make_dataset(size=3, mode=dict).fetch()
    assert set(out) == {'a', 'b', 'c'}
    numpy.testing.assert_array_equal(out['b'], [0, 10, 20])


def test_fetch_unary(make_dataset):
    out = make_dataset(size=3, mode=None, keys=('a',)).fetch()
    numpy.testing.assert_array_equal(out, [0, 1, 2])


def test_convert_lists_to_arrays(make_dataset):
    d = make_dataset(size=3, return_array=False)
    data = d.fetch()
    assert isinstance(data[0], list)
    out = d.convert(data)
    assert isinstance(out, tuple)
    for col, expected in zip(out, ([0, 1, 2], [0, 10, 20], [0, 100, 200])):
        assert isinstance(col, numpy.ndarray)
        numpy.testing.assert_array_equal(col, expected)


def test_convert_keeps_arrays(make_dataset):
    d = make_dataset(size=3)
    data = d.fetch()
    out = d.convert(data)
    assert all(o is i for o, i in zip(out, data))


def test_convert_dict_and_unary(make_dataset):
    d = make_dataset(size=2, mode=dict, return_array=False)
    out = d.convert(d.fetch())
    assert isinstance(out['a'], numpy.ndarray)
    numpy.testing.assert_array_equal(out['c'], [0, 100])
    u = make_dataset(size=2, mode=None, keys=('a',), return_array=False)
    out = u.convert(u.fetch())
    assert isinstance(out, numpy.ndarray)
    numpy.testing.assert_array_equal(out, [0, 1])


def test_convert_list_of_arrays_stacks():
    d = tabular.from_data(('x', [numpy.zeros(2), numpy.ones(2)]))
    out = d.convert(d.fetch())
    assert out.shape == (2, 2)
    numpy.testing.assert_array_equal(out, [[0, 0], [1, 1]])


def test_abstract_members_raise():
    d = dataset.TabularDataset()
    with pytest.raises(NotImplementedError):
        len(d)
    with pytest.raises(NotImplementedError):
        d.keys
    with pytest.raises(NotImplementedError):
        d.mode
    with pytest.raises(NotImplementedError):
        d.get_examples(None, None)
