import numpy
import pytest

from chainer import datasets


@pytest.fixture
def ds():
    return datasets.DictDataset(x=numpy.arange(4), y=['a', 'b', 'c', 'd'])


def test_len_and_int_index(ds):
    assert len(ds) == 4
    assert ds[2] == {'x': 2, 'y': 'c'}


def test_slice(ds):
    assert ds[1:3] == [{'x': 1, 'y': 'b'}, {'x': 2, 'y': 'c'}]
    assert ds[::-3] == [{'x': 3, 'y': 'd'}, {'x': 0, 'y': 'a'}]


def test_list_index(ds):
    assert ds[[3, 0]] == [{'x': 3, 'y': 'd'}, {'x': 0, 'y': 'a'}]


def test_errors():
    with pytest.raises(ValueError):
        datasets.DictDataset()
    with pytest.raises(ValueError):
        datasets.DictDataset(a=[1, 2], b=[1])
