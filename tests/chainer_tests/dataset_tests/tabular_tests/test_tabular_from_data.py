import numpy
import pytest

from chainer import dataset
from chainer.dataset import tabular


def test_array():
    a = numpy.arange(5) * 2
    d = tabular.from_data(a)
    assert isinstance(d, dataset.TabularDataset)
    assert len(d) == 5
    assert d.keys == ('_0',)
    assert d.mode is None
    assert d[3] == 6
    assert d.fetch() is a
    numpy.testing.assert_array_equal(d.slice[[4, 1]].fetch(), [8, 2])


def test_list():
    d = tabular.from_data(['x', 'y', 'z'])
    assert d.mode is None
    assert d[1] == 'y'
    assert d.slice[::-1].fetch() == ['z', 'y', 'x']
    assert d.slice[[2, 0]].fetch() == ['z', 'x']


def test_keyed_column():
    d = tabular.from_data(('a', [1, 2, 3]))
    assert d.keys == ('a',)
    assert d.mode is None
    assert list(d) == [1, 2, 3]


def test_keyed_callable():
    d = tabular.from_data(('sq', lambda i: i * i), size=10)
    assert len(d) == 10
    assert d.keys == ('sq',)
    assert d.mode is None
    assert d[5] == 25
    assert d.slice[7:].fetch() == [49, 64, 81]


def test_multi_key_callable():
    d = tabular.from_data((('x', 'y'), lambda i: (i, -i)), size=3)
    assert d.keys == ('x', 'y')
    assert d.mode is tuple
    assert d[2] == (2, -2)


def test_callable_requires_size():
    with pytest.raises(ValueError):
        tabular.from_data(('sq', lambda i: i))


def test_tuple_of_columns():
    d = tabular.from_data(([0, 1, 2], numpy.arange(3) * 10))
    assert d.keys == ('_0', '_1')
    assert d.mode is tuple
    assert d[2] == (2, 20)


def test_tuple_of_keyed_columns_and_callable():
    d = tabular.from_data((('a', [0, 1, 2]), ('b', numpy.array([3, 4, 5])),
                           ('c', lambda i: i + 100)))
    assert d.keys == ('a', 'b', 'c')
    assert d.mode is tuple
    assert d[1] == (1, 4, 101)
    assert d.slice[[2], ('c', 'a')].fetch() == ([102], [2])


def test_tuple_mixed_keyed_and_unkeyed():
    d = tabular.from_data(([1, 2], ('b', [3, 4]), [5, 6]))
    assert d.keys == ('_0', 'b', '_2')
    assert d[0] == (1, 3, 5)


def test_tuple_with_multi_key_callable():
    d = tabular.from_data(([7, 8], (('x', 'y'), lambda i: (i, i * 2))))
    assert d.keys == ('_0', 'x', 'y')
    assert d[1] == (8, 1, 2)


def test_dict():
    d = tabular.from_data({'a': [0, 1, 2], 'b': numpy.arange(3) + 3,
                           'c': lambda i: -i})
    assert d.keys == ('a', 'b', 'c')
    assert d.mode is dict
    assert d[1] == {'a': 1, 'b': 4, 'c': -1}


def test_dict_with_multi_key_callable():
    d = tabular.from_data({'a': [5, 6], ('x', 'y'): lambda i: (i, i + 1)})
    assert d.keys == ('a', 'x', 'y')
    assert d[1] == {'a': 6, 'x': 1, 'y': 2}


def test_length_mismatch():
    with pytest.raises(ValueError):
        tabular.from_data(([0, 1], [0, 1, 2]))
    with pytest.raises(ValueError):
        tabular.from_data(('a', [0, 1]), size=3)


def test_unsupported_type():
    with pytest.raises(ValueError):
        tabular.from_data(3)
