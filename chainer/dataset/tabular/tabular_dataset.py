import sys

import numpy

from chainer.dataset import dataset_mixin


class TabularDataset(dataset_mixin.DatasetMixin):

    """An abstract class that represents a tabular dataset.

    A tabular dataset is a table whose rows are examples and whose columns
    are named by :attr:`keys`. Views such as :attr:`slice`,
    :meth:`transform`, :meth:`concat` and :meth:`join` are lazy: they fetch
    data from the underlying datasets only when examples are requested.

    An implementation provides :meth:`__len__`, :attr:`keys`, :attr:`mode`
    and :meth:`get_examples`.

    :attr:`mode` decides the type of an example: :class:`tuple` gives
    ``(a, b, ...)``, :class:`dict` gives ``{'a': a, 'b': b, ...}``, and
    ``None`` (allowed only for one key) gives the value itself.

    .. admonition:: Example

       >>> import numpy as np
       >>> class MyDataset(TabularDataset):
       ...     def __len__(self):
       ...         return 4
       ...     @property
       ...     def keys(self):
       ...         return ('a', 'b')
       ...     @property
       ...     def mode(self):
       ...         return tuple
       ...     def get_examples(self, indices, key_indices):
       ...         a = np.arange(4)
       ...         b = a * a
       ...         if indices is not None:
       ...             a, b = a[indices], b[indices]
       ...         cols = (a, b)
       ...         if key_indices is None:
       ...             return cols
       ...         return tuple(cols[k] for k in key_indices)
       >>> d = MyDataset()
       >>> [int(v) for v in d[2]]
       [2, 4]
       >>> d.slice[1:3, 'b'].fetch()
       array([1, 4])
       >>> sorted(d.as_dict()[3])
       ['a', 'b']

    """

    def __len__(self):
        raise NotImplementedError

    @property
    def keys(self):
        """Names of the columns.

        A tuple of strings.

        """
        raise NotImplementedError

    @property
    def mode(self):
        """Mode of the representation of an example.

        :class:`tuple`, :class:`dict` or ``None`` (only for a dataset with
        one key).

        """
        raise NotImplementedError

    def get_examples(self, indices, key_indices):
        """Returns a part of the data.

        Args:
            indices (list of ints or slice): Indices of the requested rows.
                ``None`` means all rows.
            key_indices (tuple of ints): Indices of the requested columns.
                ``None`` means all columns.

        Returns:
            tuple of lists/arrays: One list or array per requested column,
            whatever :attr:`mode` is.

        """
        raise NotImplementedError

    @property
    def slice(self):
        """Gets a slice view of the dataset.

        ``dataset.slice[rows]`` or ``dataset.slice[rows, keys]``. ``rows`` is
        a slice, a list of ints or a list of booleans (a mask as long as the
        dataset). ``keys`` is an int or a str (the view then has mode
        ``None``), or a tuple of ints/strs.

        Returns:
            A helper object whose ``[]`` returns a
            :class:`~chainer.dataset.TabularDataset` view.

        .. admonition:: Example

           >>> from chainer.dataset import tabular
           >>> d = tabular.from_data((('a', [0, 1, 2]), ('b', [3, 4, 5])))
           >>> view = d.slice[[True, False, True], ('b',)]
           >>> view.keys
           ('b',)
           >>> list(view)
           [(3,), (5,)]

        """
        from chainer.dataset.tabular import _slice
        return _slice.SliceHelper(self)

    def fetch(self):
        """Fetches all data of the dataset (or view).

        The data are column-major: a tuple of columns for tuple mode, a
        dict of columns for dict mode, or the only column for mode ``None``.

        Returns:
            A tuple or a dict of lists/arrays, or a list/array.

        """
        examples = self.get_examples(None, None)
        if self.mode is tuple:
            return examples
        elif self.mode is dict:
            return dict(zip(self.keys, examples))
        elif self.mode is None:
            return examples[0]

    def convert(self, data):
        """Converts fetched data.

        This method is used by :meth:`fetch` users (and by converters) to
        turn columns into arrays. The default converts each list column to
        an array; :meth:`with_converter` replaces it.

        Args:
            data: The result of :meth:`fetch`.

        Returns:
            The data with each column converted to an array.

        """
        if isinstance(data, tuple):
            return tuple(_as_array(d) for d in data)
        elif isinstance(data, dict):
            return {k: _as_array(v) for k, v in data.items()}
        else:
            return _as_array(data)

    def as_tuple(self):
        """Returns a view with tuple mode.

        Returns:
            A view of this dataset whose examples are tuples.

        """
        from chainer.dataset.tabular import _asmode
        return _asmode._AsTuple(self)

    def as_dict(self):
        """Returns a view with dict mode.

        Returns:
            A view of this dataset whose examples are dicts.

        """
        from chainer.dataset.tabular import _asmode
        return _asmode._AsDict(self)

    def get_example(self, i):
        # Negative indices count from the end, as for sequences; views get
        # only non-negative row indices.
        len_ = len(self)
        if i < -len_ or len_ <= i:
            raise IndexError(
                'index {} is out of bounds for dataset with size {}'.format(
                    i, len_))
        if i < 0:
            i += len_
        example = self.get_examples([i], None)
        example = tuple(col[0] for col in example)
        if self.mode is tuple:
            return example
        elif self.mode is dict:
            return dict(zip(self.keys, example))
        elif self.mode is None:
            return example[0]

    def __iter__(self):
        return (self.get_example(i) for i in range(len(self)))

    def concat(self, *datasets):
        """Stacks datasets along rows.

        Args:
            datasets: Datasets with the same keys as this one.

        Returns:
            A view whose rows are the rows of this dataset followed by the
            rows of each of ``datasets``.

        .. admonition:: Example

           >>> from chainer.dataset import tabular
           >>> a = tabular.from_data(('x', [0, 1]))
           >>> b = tabular.from_data(('x', [2]))
           >>> list(a.concat(b))
           [0, 1, 2]

        """
        from chainer.dataset.tabular import _concat
        return _concat._Concat(self, *datasets)

    def join(self, *datasets):
        """Stacks datasets along columns.

        Args:
            datasets: Datasets with the same length as this one and keys
                disjoint from it and from each other.

        Returns:
            A view whose keys are the keys of all the datasets.

        .. admonition:: Example

           >>> from chainer.dataset import tabular
           >>> a = tabular.from_data(('x', [0, 1]))
           >>> b = tabular.from_data(('y', [2, 3]))
           >>> a.join(b)[1]
           (1, 3)

        """
        from chainer.dataset.tabular import _join
        return _join._Join(self, *datasets)

    def transform(self, keys, transform):
        """Applies a function to each example.

        ``transform`` is called with the values of an example as positional
        arguments (tuple mode or mode ``None``) or keyword arguments (dict
        mode), and returns a tuple, a dict, or a single value; this decides
        the mode of the new dataset.

        Args:
            keys (tuple of strs or str): Keys of the output.
            transform (callable): The function applied to each example.

        Returns:
            A view of the transformed dataset.

        .. admonition:: Example

           >>> from chainer.dataset import tabular
           >>> d = tabular.from_data((('a', [1, 2]), ('b', [3, 4])))
           >>> t = d.transform(('s', 'p'), lambda a, b: (a + b, a * b))
           >>> t[1]
           (6, 8)

        """
        from chainer.dataset.tabular import _transform
        return _transform._Transform(self, keys, transform)

    def transform_batch(self, keys, transform_batch):
        """Applies a function to a batch of examples at once.

        Like :meth:`transform`, but ``transform_batch`` receives whole
        columns (lists or arrays) and must return columns of the same
        length.

        Args:
            keys (tuple of strs or str): Keys of the output.
            transform_batch (callable): The function applied to columns.

        Returns:
            A view of the transformed dataset.

        .. admonition:: Example

           >>> import numpy as np
           >>> from chainer.dataset import tabular
           >>> d = tabular.from_data(('a', np.arange(3)))
           >>> d.transform_batch('b', lambda a: a * 10).fetch()
           array([ 0, 10, 20])

        """
        from chainer.dataset.tabular import _transform
        return _transform._TransformBatch(self, keys, transform_batch)

    def with_converter(self, converter):
        """Returns a view that uses ``converter`` in :meth:`convert`.

        The converter receives the columns as positional arguments (tuple
        mode), keyword arguments (dict mode) or a single argument (mode
        ``None``).

        Args:
            converter (callable): The new converter.

        Returns:
            A view with the converter replaced.

        .. admonition:: Example

           >>> from chainer.dataset import tabular
           >>> d = tabular.from_data((('a', [1, 2]), ('b', [3, 4])))
           >>> d = d.with_converter(lambda a, b: sum(a) + sum(b))
           >>> d.convert(d.fetch())
           10

        """
        from chainer.dataset.tabular import _with_converter
        return _with_converter._WithConverter(self, converter)


def _as_array(data):
    if isinstance(data, numpy.ndarray):
        return data
    if type(data).__module__.split('.')[0] == 'cupy':
        return data
    # A list of device arrays stays on their device.
    if len(data) > 0 and \
            type(data[0]).__module__.split('.')[0] == 'cupy':
        cupy = sys.modules['cupy']
        with data[0].device:
            return cupy.stack(data)
    return numpy.asarray(data)
