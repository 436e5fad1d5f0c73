import pytest

from chainer import datasets


def test_transform_dataset():
    calls = []

    def f(x):
        calls.append(x)
        return x * 10

    d = datasets.TransformDataset([1, 2, 3], f)
    assert len(d) == 3
    assert calls == []
    assert d[2] == 30
    assert d[:2] == [10, 20]
    assert d[[2, 0]] == [30, 10]
    assert calls == [3, 1, 2, 3, 1]


def test_transform_tuple_examples():
    base = datasets.TupleDataset([1, 2], [3, 4])
    d = datasets.TransformDataset(base, lambda e: (e[1], e[0]))
    assert d[0] == (3, 1)


def test_index_error_propagates():
    d = datasets.TransformDataset([1], lambda x: x)
    with pytest.raises(IndexError):
        d[1]
