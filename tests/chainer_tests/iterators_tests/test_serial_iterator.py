import numpy
import pytest

from chainer import dataset
from chainer import iterators


class SquaresDataset(dataset.DatasetMixin):

    def __init__(self, n):
        self.n = n
        self.requested = []

    def __len__(self):
        return self.n

    def get_example(self, i):
        self.requested.append(int(i))
        return int(i) ** 2


def test_reads_examples_one_by_one():
    d = SquaresDataset(5)
    it = iterators.SerialIterator(d, 3, shuffle=False)
    assert it.next() == [0, 1, 4]
    assert next(it) == [9, 16, 0]
    assert d.requested == [0, 1, 2, 3, 4, 0]


def test_is_dataset_iterator():
    it = iterators.SerialIterator([1], 1)
    assert isinstance(it, dataset.Iterator)
    assert iter(it) is it
    assert it.dataset == [1]


def test_numpy_dataset_examples_are_rows():
    data = numpy.arange(12).reshape(6, 2)
    it = iterators.SerialIterator(data, 4, shuffle=False)
    batch = next(it)
    assert len(batch) == 4
    numpy.testing.assert_array_equal(numpy.stack(batch), data[:4])
    numpy.testing.assert_array_equal(dataset.concat_examples(next(it)),
                                     data[[4, 5, 0, 1]])


def test_context_manager():
    with iterators.SerialIterator([1, 2], 1, shuffle=False) as it:
        assert next(it) == [1]


def test_order_follows_sampler_each_epoch():
    orders = [numpy.array([2, 0, 1]), numpy.array([1, 2, 0]),
              numpy.array([0, 1, 2])]
    calls = []

    def sampler(order, position):
        calls.append((order.tolist(), position))
        return orders[len(calls) - 1]

    it = iterators.SerialIterator(['a', 'b', 'c'], 3, order_sampler=sampler)
    assert calls == [([0, 1, 2], 0)]
    assert next(it) == ['c', 'a', 'b']
    # The order of an epoch is sampled when the previous one ends.
    assert calls == [([0, 1, 2], 0), ([2, 0, 1], 0)]
    assert next(it) == ['b', 'c', 'a']
    assert calls[-1] == ([1, 2, 0], 0)
    assert len(calls) == 3


def test_zero_length_no_repeat():
    it = iterators.SerialIterator([], 2, repeat=False)
    assert next(it) == []
    assert it.epoch == 1
    with pytest.raises(StopIteration):
        next(it)
