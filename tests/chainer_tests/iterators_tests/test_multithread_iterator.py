import threading
import time

import numpy

from chainer import iterators


class ThreadIdDataset(object):

    def __init__(self, n, delay=0.):
        self.n = n
        self.delay = delay

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        time.sleep(self.delay)
        return int(i), threading.get_ident()


def test_examples_are_read_in_worker_threads():
    it = iterators.MultithreadIterator(ThreadIdDataset(8), 8, n_threads=3,
                                       shuffle=False)
    try:
        batch = next(it)
    finally:
        it.finalize()
    assert [b[0] for b in batch] == list(range(8))
    assert threading.get_ident() not in {b[1] for b in batch}


def test_threads_run_concurrently():
    d = ThreadIdDataset(8, delay=0.2)
    it = iterators.MultithreadIterator(d, 8, n_threads=8, shuffle=False,
                                       repeat=False)
    start = time.time()
    try:
        batch = next(it)
    finally:
        it.finalize()
    # Serial reads would take 1.6 s.
    assert time.time() - start < 1.2
    assert len({b[1] for b in batch}) > 1


def test_finalize_releases_pool_and_iterator_restarts():
    it = iterators.MultithreadIterator(list(range(4)), 2, shuffle=False)
    assert next(it) == [0, 1]
    it.finalize()
    assert it._pool is None
    # A finalized iterator starts a new pool on demand.
    assert next(it) == [2, 3]
    it.finalize()


def test_numpy_dataset():
    data = numpy.arange(6) * 5
    with iterators.MultithreadIterator(data, 4, shuffle=False,
                                       n_threads=2) as it:
        assert [int(x) for x in next(it)] == [0, 5, 10, 15]
        assert [int(x) for x in next(it)] == [20, 25, 0, 5]
