import pytest

from chainer import datasets


def test_concatenated_dataset():
    d = datasets.ConcatenatedDataset([0, 1], [], [2, 3, 4], [5])
    assert len(d) == 6
    assert [d[i] for i in range(6)] == [0, 1, 2, 3, 4, 5]
    assert d[1:5] == [1, 2, 3, 4]
    assert d[[5, 0]] == [5, 0]


def test_out_of_range():
    d = datasets.ConcatenatedDataset([0, 1], [2])
    with pytest.raises(IndexError):
        d[3]
    with pytest.raises(IndexError):
        d.get_example(-1)


def test_empty():
    d = datasets.ConcatenatedDataset()
    assert len(d) == 0
    with pytest.raises(IndexError):
        d[0]
