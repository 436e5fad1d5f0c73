from chainer.iterators import _base


class SerialIterator(_base._StatefulIterator):

    """Dataset iterator that serially reads the examples.

    The iterator walks the dataset in order, or in orders drawn by
    ``order_sampler`` (a new one each epoch). With ``repeat=True`` it never
    stops: a batch that reaches the end of an epoch is filled from the start
    of the next one. With ``repeat=False`` it raises :class:`StopIteration`
    after one epoch, whose last batch may be smaller.

    Args:
        dataset: Dataset to iterate.
        batch_size (int): Number of examples in each batch.
        repeat (bool): If ``True``, it loops over the dataset infinitely.
        shuffle (bool): If ``True``, the order is shuffled each epoch; if
            ``False``, examples come in dataset order. ``None`` (default)
            uses ``order_sampler`` if given, and shuffles otherwise.
        order_sampler (callable): Called as
            ``order_sampler(current_order, current_position)`` to get the
            order of each epoch. Only allowed with ``shuffle=None``.

    Attributes:
        epoch (int): Number of completed epochs.
        epoch_detail (float): Epoch count including the fraction of the
            current epoch.
        previous_epoch_detail (float): ``epoch_detail`` before the last
            batch, or ``None`` before the first one.
        is_new_epoch (bool): ``True`` if the last batch ended an epoch.

    .. admonition:: Example

       >>> it = SerialIterator([0, 1, 2, 3, 4], 2, shuffle=False)
       >>> next(it), next(it), next(it)
       ([0, 1], [2, 3], [4, 0])
       >>> it.epoch, it.epoch_detail, it.is_new_epoch
       (1, 1.2, True)
       >>> it = SerialIterator([0, 1, 2], 2, repeat=False, shuffle=False)
       >>> list(it)
       [[0, 1], [2]]

    """

    def __init__(self, dataset, batch_size,
                 repeat=True, shuffle=None, order_sampler=None):
        self._init_base(dataset, batch_size, repeat, shuffle, order_sampler)
        self.reset()

    def __next__(self):
        self._previous_epoch_detail = self.epoch_detail
        state, indices = self._advance()
        if indices is None:
            raise StopIteration
        self._state = state
        return [self.dataset[index] for index in indices]

    next = __next__

    def reset(self):
        """Resets the iterator to the beginning of the first epoch.

        A new order is drawn from the order sampler.

        """
        self._initial_state()
