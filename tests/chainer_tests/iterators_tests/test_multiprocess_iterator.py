import os
import pickle

import numpy
import pytest

from chainer import datasets
from chainer import iterators


class PidDataset(object):

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return int(i), os.getpid()


class SlowDataset(object):

    def __len__(self):
        return 2

    def __getitem__(self, i):
        import time
        time.sleep(5)
        return i


@pytest.fixture
def finalize_later():
    its = []
    yield its.append
    for it in its:
        it.finalize()


def test_examples_are_read_in_worker_processes(finalize_later):
    it = iterators.MultiprocessIterator(PidDataset(6), 6, n_processes=2,
                                        shuffle=False)
    finalize_later(it)
    batch = next(it)
    assert [b[0] for b in batch] == list(range(6))
    assert os.getpid() not in {b[1] for b in batch}


@pytest.mark.parametrize('n_prefetch', [1, 3, 10])
@pytest.mark.parametrize('repeat', [True, False])
def test_same_batches_as_serial(finalize_later, n_prefetch, repeat):
    data = datasets.TupleDataset(numpy.arange(11), numpy.arange(11) * 2.)

    def make_sampler():
        return iterators.ShuffleOrderSampler(numpy.random.RandomState(2))

    serial = iterators.SerialIterator(data, 3, repeat=repeat,
                                      order_sampler=make_sampler())
    it = iterators.MultiprocessIterator(
        data, 3, repeat=repeat, n_processes=2, n_prefetch=n_prefetch,
        shared_mem=1 << 20, order_sampler=make_sampler())
    finalize_later(it)
    n = 12 if repeat else 4
    for _ in range(n):
        expected = next(serial)
        actual = next(it)
        assert [(int(a), float(b)) for a, b in actual] == \
            [(int(a), float(b)) for a, b in expected]
        assert it.epoch_detail == serial.epoch_detail
        assert it.previous_epoch_detail == serial.previous_epoch_detail
    if not repeat:
        with pytest.raises(StopIteration):
            next(it)
        with pytest.raises(StopIteration):
            next(serial)


def test_dataset_timeout(finalize_later):
    it = iterators.MultiprocessIterator(SlowDataset(), 2, n_processes=1,
                                        dataset_timeout=0.2)
    finalize_later(it)
    with pytest.raises(TimeoutError):
        next(it)


def test_finalize_terminates_pool():
    it = iterators.MultiprocessIterator(list(range(4)), 2, n_processes=2,
                                        shuffle=False)
    assert next(it) == [0, 1]
    pool = it._pool
    workers = list(pool._pool)
    it.finalize()
    assert it._pool is None
    assert all(not w.is_alive() for w in workers)


def test_defaults():
    it = iterators.MultiprocessIterator([1, 2], 1)
    try:
        assert it.n_processes == (os.cpu_count() or 1)
        assert it.n_prefetch == 1
        assert it.dataset_timeout == 30.0
        assert it._pool is None  # started on the first batch
    finally:
        it.finalize()


def test_pickle_copies_state_not_pool(finalize_later):
    it = iterators.MultiprocessIterator(list(range(5)), 2, n_processes=1,
                                        shuffle=False)
    finalize_later(it)
    next(it)
    copy = pickle.loads(pickle.dumps(it))
    finalize_later(copy)
    assert copy._pool is None
    assert copy.epoch_detail == it.epoch_detail
    assert next(copy) == next(it) == [2, 3]
