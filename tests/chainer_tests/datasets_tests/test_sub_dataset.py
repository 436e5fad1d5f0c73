import warnings

import numpy
import pytest

from chainer import datasets


BASE = list(range(10, 20))


def test_sub_dataset_range():
    d = datasets.SubDataset(BASE, 2, 6)
    assert len(d) == 4
    assert d[0] == 12
    assert d[3] == 15
    assert d[-1] == 15
    assert d[-4] == 12
    assert d[:] == [12, 13, 14, 15]
    with pytest.raises(IndexError):
        d[4]
    with pytest.raises(IndexError):
        d[-5]


def test_sub_dataset_order():
    order = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
    d = datasets.SubDataset(BASE, 1, 4, order)
    assert d[:] == [18, 17, 16]
    assert d[-1] == 16


def test_sub_dataset_errors():
    with pytest.raises(ValueError):
        datasets.SubDataset(BASE, -1, 3)
    with pytest.raises(ValueError):
        datasets.SubDataset(BASE, 0, 11)
    with pytest.raises(ValueError):
        datasets.SubDataset(BASE, 0, 3, order=[0, 1])


def test_split_dataset():
    a, b = datasets.split_dataset(BASE, 3)
    assert a[:] == [10, 11, 12]
    assert b[:] == list(range(13, 20))
    a, b = datasets.split_dataset(BASE, numpy.int64(0))
    assert len(a) == 0 and len(b) == 10
    a, b = datasets.split_dataset(BASE, 10)
    assert len(a) == 10 and len(b) == 0


def test_split_dataset_with_order():
    order = numpy.array([3, 1, 4, 0, 2, 9, 8, 7, 6, 5])
    a, b = datasets.split_dataset(BASE, 2, order)
    assert a[:] == [13, 11]
    assert b[:] == [14, 10, 12, 19, 18, 17, 16, 15]


def test_split_dataset_errors():
    with pytest.raises(TypeError):
        datasets.split_dataset(BASE, 2.0)
    with pytest.raises(ValueError):
        datasets.split_dataset(BASE, -1)
    with pytest.raises(ValueError):
        datasets.split_dataset(BASE, 11)


def test_split_dataset_random_is_seeded_permutation():
    a, b = datasets.split_dataset_random(BASE, 4, seed=3)
    order = numpy.random.RandomState(3).permutation(10)
    assert a[:] == [BASE[i] for i in order[:4]]
    assert b[:] == [BASE[i] for i in order[4:]]
    assert sorted(a[:] + b[:]) == BASE
    a2, _ = datasets.split_dataset_random(BASE, 4, seed=3)
    assert a2[:] == a[:]


def test_split_dataset_n():
    parts = datasets.split_dataset_n(list(range(7)), 3)
    assert [p[:] for p in parts] == [[0, 1], [2, 3], [4, 5]]


def test_split_dataset_n_random():
    parts = datasets.split_dataset_n_random(list(range(9)), 3, seed=0)
    order = numpy.random.RandomState(0).permutation(9)
    assert [p[:] for p in parts] == [
        order[0:3].tolist(), order[3:6].tolist(), order[6:9].tolist()]


def test_cross_validation_even():
    splits = datasets.get_cross_validation_datasets(list(range(6)), 3)
    assert [(train[:], test[:]) for train, test in splits] == [
        ([0, 1, 2, 3], [4, 5]),
        ([4, 5, 0, 1], [2, 3]),
        ([2, 3, 4, 5], [0, 1]),
    ]


def test_cross_validation_uneven():
    splits = datasets.get_cross_validation_datasets(list(range(7)), 3)
    assert [(train[:], test[:]) for train, test in splits] == [
        ([0, 1, 2, 3], [4, 5, 6]),
        ([4, 5, 6, 0, 1], [2, 3]),
        ([2, 3, 4, 5, 6], [0, 1]),
    ]


def test_cross_validation_with_order_does_not_modify_it():
    order = [5, 4, 3, 2, 1, 0]
    splits = datasets.get_cross_validation_datasets(
        list(range(6)), 2, order=order)
    assert [(train[:], test[:]) for train, test in splits] == [
        ([5, 4, 3], [2, 1, 0]),
        ([2, 1, 0], [5, 4, 3]),
    ]
    assert order == [5, 4, 3, 2, 1, 0]


def test_cross_validation_n_fold_deprecated():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        splits = datasets.get_cross_validation_datasets(
            list(range(4)), n_fold=2)
    assert len(splits) == 2
    assert any(issubclass(x.category, DeprecationWarning) for x in w)
    with pytest.raises(ValueError):
        datasets.get_cross_validation_datasets(
            list(range(4)), 2, n_fold=2)


def test_cross_validation_random():
    data = list(range(8))
    splits = datasets.get_cross_validation_datasets_random(data, 4, seed=1)
    order = list(range(8))
    numpy.random.RandomState(1).shuffle(order)
    expected = datasets.get_cross_validation_datasets(data, 4, order=order)
    assert [(a[:], b[:]) for a, b in splits] == \
        [(a[:], b[:]) for a, b in expected]
    tests = sorted(x for _, test in splits for x in test[:])
    assert tests == data
    for train, test in splits:
        assert sorted(train[:] + test[:]) == data
