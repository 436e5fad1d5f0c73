"""State transitions shared by all iterators.

Keeping the transition in one pure function makes every iterator produce
the same sequence of batches for the same dataset and order sampler.
"""

import collections

import numpy


IteratorState = collections.namedtuple(
    'IteratorState', ('current_position', 'epoch', 'is_new_epoch', 'order'))


def iterator_statemachine(state, batch_size, repeat, order_sampler,
                          dataset_len):
    """Computes the indices of the next batch and the state after it.

    Args:
        state (IteratorState): The current state.
        batch_size (int): Number of examples in a batch.
        repeat (bool): Whether the iteration goes on after the first epoch.
        order_sampler: Called as ``order_sampler(order, position)`` when an
            epoch ends and ``order`` is not ``None``.
        dataset_len (int): Length of the dataset.

    Returns:
        tuple: The new state and the indices of the batch as an array, or
        ``(state, None)`` when a non-repeating iteration is over.

    """
    i, epoch, is_new_epoch, order = state

    if not repeat and epoch > 0:
        return state, None

    n = dataset_len if order is None else len(order)
    if repeat and n == 0:
        raise ValueError(
            'Epoch size must be positive for an iterator that repeats.')

    indices_list = []
    is_new_epoch = False
    i_end = i + batch_size

    while True:
        stop = min(i_end, n)
        if order is None:
            indices_list.append(numpy.arange(i, stop, dtype=numpy.intp))
        else:
            indices_list.append(numpy.asarray(order[i:stop]))

        if i_end < n:
            i = i_end
            break

        # The epoch ends within this batch.
        epoch += 1
        is_new_epoch = True
        if not repeat:
            i = 0
            break
        if order is not None:
            new_order = order_sampler(order, i)
            if len(new_order) != len(order):
                raise ValueError('The size of order does not match '
                                 'the size of the previous order.')
            order = new_order
        # The rest of the batch comes from the next epoch.
        i_end -= n
        i = 0
        if i_end == 0:
            break

    indices = numpy.concatenate(indices_list)
    return IteratorState(i, epoch, is_new_epoch, order), indices
