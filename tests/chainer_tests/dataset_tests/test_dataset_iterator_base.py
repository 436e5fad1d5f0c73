import pytest

from chainer import dataset


class CountingIterator(dataset.Iterator):

    def __init__(self, n):
        self.n = n
        self.i = 0
        self.finalized = 0

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return [self.i]

    def finalize(self):
        self.finalized += 1


def test_iter_returns_self_and_next_alias():
    it = CountingIterator(2)
    assert iter(it) is it
    assert it.next() == [1]
    assert next(it) == [2]
    with pytest.raises(StopIteration):
        it.next()


def test_for_loop():
    assert list(CountingIterator(3)) == [[1], [2], [3]]


def test_context_manager_finalizes():
    with CountingIterator(1) as it:
        assert it.finalized == 0
    assert it.finalized == 1


def test_context_manager_finalizes_on_error():
    it = CountingIterator(1)
    with pytest.raises(RuntimeError):
        with it:
            raise RuntimeError
    assert it.finalized == 1


def test_base_defaults():
    it = dataset.Iterator()
    with pytest.raises(NotImplementedError):
        next(it)
    assert it.finalize() is None
    assert it.serialize(None) is None
