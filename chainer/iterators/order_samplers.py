import numpy


class OrderSampler(object):

    """Base class of all order samplers.

    An iterator calls its order sampler at the start of the iteration and at
    the end of each epoch, as ``sampler(current_order, current_position)``,
    to get the order of the examples of the next epoch. The returned order
    must have the same length as ``current_order``.

    .. admonition:: Example

       >>> class Reverse(OrderSampler):
       ...     def __call__(self, current_order, current_position):
       ...         return numpy.arange(len(current_order))[::-1]
       >>> from chainer.iterators import SerialIterator
       >>> it = SerialIterator([0, 1, 2], 3, order_sampler=Reverse())
       >>> next(it)
       [2, 1, 0]

    """

    def __call__(self, current_order, current_position):
        """Samples the next order.

        Args:
            current_order (numpy.ndarray): The order of the current epoch.
            current_position (int): The position in the current order where
                the batch that finished the epoch started.

        Returns:
            numpy.ndarray: The order of the next epoch.

        """
        raise NotImplementedError


class ShuffleOrderSampler(OrderSampler):

    """Sampler that returns a random permutation each time.

    Args:
        random_state (numpy.random.RandomState): Random state used for the
            permutations. ``None`` uses NumPy's global random state.

    .. admonition:: Example

       >>> s = ShuffleOrderSampler(numpy.random.RandomState(0))
       >>> sorted(s(numpy.arange(5), 0).tolist())
       [0, 1, 2, 3, 4]

    """

    def __init__(self, random_state=None):
        if random_state is None:
            # The RandomState behind numpy.random's module functions, so
            # numpy.random.seed() makes the order reproducible.
            random_state = numpy.random.random.__self__
        self._random = random_state

    def __call__(self, current_order, current_position):
        return self._random.permutation(len(current_order))
