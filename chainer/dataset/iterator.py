class Iterator(object):

    """Base class of all dataset iterators.

    An iterator returns a mini-batch (usually a list of examples) on each
    ``next()`` call. Epoch bookkeeping is exposed by the attributes
    ``epoch``, ``epoch_detail``, ``previous_epoch_detail`` and
    ``is_new_epoch`` in concrete iterators.

    An iterator is also a context manager that calls :meth:`finalize` on
    exit, so worker threads or processes are released deterministically.

    .. admonition:: Example

       >>> from chainer.iterators import SerialIterator
       >>> with SerialIterator([1, 2, 3], 2, shuffle=False) as it:
       ...     next(it)
       [1, 2]

    """

    def __iter__(self):
        """Returns self."""
        return self

    def __next__(self):
        """Returns the next batch.

        Raises :class:`StopIteration` when the iteration is over.

        """
        raise NotImplementedError

    def next(self):
        """Python 2 style alias of :meth:`__next__`."""
        return self.__next__()

    def finalize(self):
        """Finalizes the iterator and frees its resources.

        The default implementation does nothing.

        """
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.finalize()

    def serialize(self, serializer):
        """Serializes the internal state of the iterator.

        The default implementation does nothing.

        Args:
            serializer: A serializer or deserializer object following
                Chainer's ``serializer(key, value)`` protocol.

        """
        pass
