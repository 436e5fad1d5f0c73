import numpy


class DatasetMixin(object):

    """Default implementation of dataset indexing.

    A subclass implements :meth:`__len__` and :meth:`get_example`; this mixin
    then gives ``dataset[i]`` for an integer, a slice, a list or an array of
    indices.

    .. admonition:: Example

       >>> class Squares(DatasetMixin):
       ...     def __len__(self):
       ...         return 5
       ...     def get_example(self, i):
       ...         return i * i
       >>> d = Squares()
       >>> d[2]
       4
       >>> d[1:4]
       [1, 4, 9]
       >>> d[[4, 0]]
       [16, 0]

    """

    def __getitem__(self, index):
        """Returns an example or a list of examples.

        Args:
            index (int, slice, list or numpy.ndarray): An index, or indices
                of examples.

        Returns:
            An example if ``index`` is an integer, otherwise a list of
            examples.

        """
        if isinstance(index, slice):
            current, stop, step = index.indices(len(self))
            return [self.get_example(i) for i in range(current, stop, step)]
        elif isinstance(index, (list, numpy.ndarray)):
            return [self.get_example(i) for i in index]
        else:
            return self.get_example(index)

    def __len__(self):
        """Returns the number of data points."""
        raise NotImplementedError

    def get_example(self, i):
        """Returns the ``i``-th example.

        Implementations should override it. It should raise
        :class:`IndexError` if the index is invalid.

        Args:
            i (int): The index of the example.

        Returns:
            The ``i``-th example.

        """
        raise NotImplementedError
