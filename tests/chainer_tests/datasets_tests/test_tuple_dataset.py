import numpy
import pytest

from chainer import datasets


@pytest.fixture
def ds():
    return datasets.TupleDataset(numpy.arange(5) * 2,
                                 ['a', 'b', 'c', 'd', 'e'])


def test_len_and_int_index(ds):
    assert len(ds) == 5
    assert ds[1] == (2, 'b')
    assert ds[-1] == (8, 'e')
    assert isinstance(ds[0], tuple)


def test_slice(ds):
    assert ds[1:4:2] == [(2, 'b'), (6, 'd')]
    assert ds[::-2] == [(8, 'e'), (4, 'c'), (0, 'a')]
    assert ds[10:] == []


def test_list_and_array_index(ds):
    assert ds[[4, 0]] == [(8, 'e'), (0, 'a')]
    assert ds[numpy.array([2, 2])] == [(4, 'c'), (4, 'c')]


def test_single_dataset():
    d = datasets.TupleDataset([1, 2])
    assert d[1] == (2,)


def test_errors():
    with pytest.raises(ValueError):
        datasets.TupleDataset()
    with pytest.raises(ValueError):
        datasets.TupleDataset([1, 2], [1])
    d = datasets.TupleDataset([1, 2])
    with pytest.raises(IndexError):
        d[2]
