import numpy
import pytest

from chainer import dataset


class SimpleDataset(dataset.DatasetMixin):

    def __init__(self, values):
        self.values = values

    def __len__(self):
        return len(self.values)

    def get_example(self, i):
        return self.values[i]


@pytest.fixture
def ds():
    return SimpleDataset([10, 11, 12, 13, 14])


def test_getitem_int(ds):
    assert ds[0] == 10
    assert ds[3] == 13
    assert ds[-1] == 14


def test_getitem_slice(ds):
    assert ds[1:4] == [11, 12, 13]
    assert ds[::2] == [10, 12, 14]
    assert ds[::-1] == [14, 13, 12, 11, 10]
    assert ds[3:100] == [13, 14]
    assert ds[4:1] == []


def test_getitem_list_and_array(ds):
    assert ds[[4, 0, 2]] == [14, 10, 12]
    assert ds[numpy.array([1, 1, 3])] == [11, 11, 13]
    assert ds[[]] == []


def test_out_of_range_propagates(ds):
    with pytest.raises(IndexError):
        ds[5]


def test_abstract_methods_raise():
    base = dataset.DatasetMixin()
    with pytest.raises(NotImplementedError):
        len(base)
    with pytest.raises(NotImplementedError):
        base.get_example(0)
