from multiprocessing import pool

from chainer.iterators import _base


class MultithreadIterator(_base._StatefulIterator):

    """Dataset iterator that loads examples in parallel threads.

    It gives the same batches as :class:`SerialIterator` with the same
    arguments and order sampler, but reads the examples of a batch with a
    thread pool and prefetches the next batch while the current one is in
    use. It helps when ``dataset[i]`` releases the GIL (file reading,
    decoding, NumPy work).

    Args:
        dataset: Dataset to iterate.
        batch_size (int): Number of examples in each batch.
        repeat (bool): If ``True``, it loops over the dataset infinitely.
        shuffle (bool): See :class:`SerialIterator`.
        n_threads (int): Number of worker threads.
        order_sampler (callable): See :class:`SerialIterator`.

    .. admonition:: Example

       >>> with MultithreadIterator(list(range(5)), 2, repeat=False,
       ...                          shuffle=False, n_threads=2) as it:
       ...     list(it)
       [[0, 1], [2, 3], [4]]

    """

    def __init__(self, dataset, batch_size, repeat=True, shuffle=None,
                 n_threads=1, order_sampler=None):
        self._init_base(dataset, batch_size, repeat, shuffle, order_sampler)
        self.n_threads = n_threads
        self._pool = None
        self._next = None
        self.reset()

    def reset(self):
        """Resets the iterator to the beginning of the first epoch."""
        self._initial_state()
        # A batch prefetched under the old state is dropped.
        self._next = None

    def finalize(self):
        """Stops the worker threads."""
        worker_pool = self._pool
        self._next = None
        self._pool = None
        _base._terminate(worker_pool)

    def __next__(self):
        if self._next is None:
            # Nothing prefetched yet: load the first batch now.
            self._invoke_prefetch()

        batch = self._get()
        self._invoke_prefetch()  # prefetch for the next iteration
        return batch

    next = __next__

    def _invoke_prefetch(self):
        assert self._next is None
        self._next_state, indices = self._advance()
        if indices is None:
            self._next = _Finished
        else:
            if self._pool is None:
                self._pool = pool.ThreadPool(self.n_threads)
            dataset = self.dataset
            self._next = self._pool.map_async(
                lambda i: dataset[i], indices)

    def _get(self):
        self._previous_epoch_detail = self.epoch_detail
        result = self._next
        if result is _Finished:
            # Stays finished until reset().
            raise StopIteration
        self._state = self._next_state
        self._next = None
        return list(result.get())

    def serialize(self, serializer):
        super().serialize(serializer)
        # The prefetched batch belongs to the state before loading.
        self._next = None


# Marks a prefetch that found the iteration over.
_Finished = object()
