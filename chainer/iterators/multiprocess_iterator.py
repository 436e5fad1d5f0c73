import collections
import multiprocessing
import os

from chainer.iterators import _base


# The dataset held by each worker process, set by the pool initializer so it
# is transferred once per worker instead of once per task.
_worker_dataset = None


def _worker_init(dataset):
    global _worker_dataset
    _worker_dataset = dataset


def _worker_fetch(index):
    return _worker_dataset[index]


class MultiprocessIterator(_base._StatefulIterator):

    """Dataset iterator that loads examples in parallel processes.

    It gives the same batches as :class:`SerialIterator` with the same
    arguments and order sampler: the order is decided in the main process,
    and worker processes only read ``dataset[i]``. Up to ``n_prefetch``
    batches are requested ahead of time.

    The dataset is sent to each worker once, when the pool starts (by fork
    where that is the start method, by pickling otherwise), so later changes
    to the dataset object are not seen by the workers. Examples come back
    pickled through pipes.

    Args:
        dataset: Dataset to iterate.
        batch_size (int): Number of examples in each batch.
        repeat (bool): If ``True``, it loops over the dataset infinitely.
        shuffle (bool): See :class:`SerialIterator`.
        n_processes (int): Number of worker processes. ``None`` uses the
            number of CPUs.
        n_prefetch (int): Number of batches requested ahead.
        shared_mem (int): Accepted for compatibility; examples are always
            sent through pipes.
        order_sampler (callable): See :class:`SerialIterator`.
        dataset_timeout (float): Seconds to wait for a batch before
            raising :class:`TimeoutError`. ``None`` waits forever.
        maxtasksperchild (int): Number of tasks a worker runs before it is
            replaced. ``None`` keeps workers for the pool's lifetime.

    .. admonition:: Example

       Worker processes need an importable dataset, so this is not run::

           it = MultiprocessIterator(dataset, 32, n_processes=4)
           batch = next(it)
           it.finalize()

    """

    def __init__(self, dataset, batch_size, repeat=True, shuffle=None,
                 n_processes=None, n_prefetch=1, shared_mem=None,
                 order_sampler=None, dataset_timeout=30.0,
                 maxtasksperchild=None):
        self._init_base(dataset, batch_size, repeat, shuffle, order_sampler)
        self.n_processes = n_processes or os.cpu_count() or 1
        self.n_prefetch = max(n_prefetch, 1)
        self.shared_mem = shared_mem
        self.dataset_timeout = dataset_timeout
        self.maxtasksperchild = maxtasksperchild
        self._pool = None
        self._queue = collections.deque()
        self.reset()

    def reset(self):
        """Resets the iterator to the beginning of the first epoch."""
        self._initial_state()
        self._drop_prefetched()

    def _drop_prefetched(self):
        self._queue.clear()
        # The state from which the next prefetch is computed.
        self._prefetch_state = self._state

    def finalize(self):
        """Terminates the worker processes."""
        worker_pool = self._pool
        self._pool = None
        self._queue.clear()
        _base._terminate(worker_pool)

    def __getstate__(self):
        # Pools cannot be pickled; a copy starts its own.
        state = self.__dict__.copy()
        state['_pool'] = None
        state['_queue'] = collections.deque()
        state['_prefetch_state'] = state['_state']
        return state

    def _ensure_pool(self):
        if self._pool is None:
            self._pool = multiprocessing.Pool(
                self.n_processes, initializer=_worker_init,
                initargs=(self.dataset,),
                maxtasksperchild=self.maxtasksperchild)
        return self._pool

    def _fill_queue(self):
        while len(self._queue) < self.n_prefetch:
            if self._queue and self._queue[-1][1] is None:
                break  # the iteration is over; nothing more to request
            state, indices = self._advance(self._prefetch_state)
            if indices is None:
                self._queue.append((state, None))
                break
            result = self._ensure_pool().map_async(
                _worker_fetch, [int(i) for i in indices])
            self._queue.append((state, result))
            self._prefetch_state = state

    def __next__(self):
        self._previous_epoch_detail = self.epoch_detail
        self._fill_queue()
        state, result = self._queue[0]
        if result is None:
            # Kept in the queue so later calls raise too, until reset().
            raise StopIteration
        self._queue.popleft()
        try:
            batch = result.get(self.dataset_timeout)
        except multiprocessing.TimeoutError:
            raise TimeoutError(
                'no batch from the worker processes in {} seconds'.format(
                    self.dataset_timeout))
        self._state = state
        self._fill_queue()
        return batch

    next = __next__

    def serialize(self, serializer):
        super().serialize(serializer)
        # Prefetched batches belong to the state before loading.
        self._drop_prefetched()
