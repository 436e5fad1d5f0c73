"""Epoch bookkeeping shared by the iterators."""

import numpy

from chainer.dataset import iterator
from chainer.iterators import _statemachine
from chainer.iterators.order_samplers import ShuffleOrderSampler


def _resolve_order_sampler(shuffle, order_sampler):
    # shuffle=None defers to order_sampler (shuffling when there is none);
    # shuffle=True/False is an explicit choice that excludes a custom one.
    if shuffle is not None:
        if order_sampler is not None:
            raise ValueError('`shuffle` is not `None` and a custom '
                             '`order_sampler` is set. Please set '
                             '`shuffle` to `None` to use the custom '
                             'order sampler.')
        if shuffle:
            return ShuffleOrderSampler()
        return None
    if order_sampler is None:
        return ShuffleOrderSampler()
    return order_sampler


def _terminate(worker_pool):
    if worker_pool is not None:
        worker_pool.terminate()
        worker_pool.join()


class _StatefulIterator(iterator.Iterator):

    def __del__(self):
        # Worker pools are released even if finalize() was never called.
        try:
            self.finalize()
        except Exception:
            pass

    def _init_base(self, dataset, batch_size, repeat, shuffle,
                   order_sampler):
        self.dataset = dataset
        self.batch_size = batch_size
        self._repeat = repeat
        self._shuffle = shuffle
        self.order_sampler = _resolve_order_sampler(shuffle, order_sampler)

    def _initial_state(self):
        if self.order_sampler:
            order = self.order_sampler(numpy.arange(len(self.dataset)), 0)
        else:
            order = None
        self._state = _statemachine.IteratorState(0, 0, False, order)
        # -1 stands for "no batch yet"; the property exposes it as None.
        self._previous_epoch_detail = -1.

    def _advance(self, state=None):
        # The batch after ``state`` (the current state by default).
        if state is None:
            state = self._state
        return _statemachine.iterator_statemachine(
            state, self.batch_size, self.repeat, self.order_sampler,
            len(self.dataset))

    @property
    def current_position(self):
        return self._state.current_position

    @property
    def epoch(self):
        return self._state.epoch

    @property
    def is_new_epoch(self):
        return self._state.is_new_epoch

    @property
    def epoch_detail(self):
        size = self._epoch_size
        if size == 0:
            # An empty dataset has no fraction of an epoch to report.
            return float(self.epoch)
        return self.epoch + self.current_position / size

    @property
    def previous_epoch_detail(self):
        if self._previous_epoch_detail < 0:
            return None
        return self._previous_epoch_detail

    @property
    def repeat(self):
        return self._repeat

    @property
    def _epoch_size(self):
        order = self._state.order
        if order is None:
            return len(self.dataset)
        return len(order)

    def serialize(self, serializer):
        current_position = serializer('current_position',
                                      self.current_position)
        epoch = serializer('epoch', self.epoch)
        is_new_epoch = serializer('is_new_epoch', self.is_new_epoch)
        order = self._state.order
        if order is not None:
            # A deserializer copies the saved order into ``order`` in place.
            try:
                serializer('order', order)
            except KeyError:
                serializer('_order', order)
        self._state = _statemachine.IteratorState(
            current_position, epoch, is_new_epoch, order)
        try:
            self._previous_epoch_detail = serializer(
                'previous_epoch_detail', self._previous_epoch_detail)
        except KeyError:
            # Snapshots without this entry: estimate it from the position.
            self._previous_epoch_detail = self.epoch + \
                (self.current_position - self.batch_size) / self._epoch_size
            if self.epoch_detail > 0:
                self._previous_epoch_detail = max(
                    self._previous_epoch_detail, 0.)
            else:
                self._previous_epoch_detail = -1.
