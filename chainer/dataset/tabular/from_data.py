import numpy

from chainer.dataset.tabular import tabular_dataset


def from_data(data, *, size=None):
    """Creates a TabularDataset from lists, arrays or callables.

    Args:
        data: Data in one of the following forms.

            - ``list/array``: a unary dataset (mode ``None``).
            - ``(str, list/array/callable)``: a unary dataset with that key.
            - ``((str, ...), callable)``: a dataset whose keys are the strs
              and whose examples are computed by ``callable(index)``, which
              returns a tuple (or a dict keyed by those strs).
            - a tuple of any of the above forms: a dataset with tuple mode
              joining them.
            - ``{str: list/array/callable, (str, ...): callable, ...}``:
              a dataset with dict mode joining them.

            A column without a key gets the key ``'_{i}'`` where ``i`` is
            its position among all columns.
        size (int): The length of the dataset. Required when ``data`` has
            no list or array to take the length from.

    Returns:
        A :class:`~chainer.dataset.TabularDataset`. Its mode is
        :class:`tuple` if ``data`` is a tuple of columns, :class:`dict` if
        ``data`` is a dict, and ``None`` otherwise.

    .. admonition:: Example

       >>> import numpy as np
       >>> from chainer.dataset import tabular
       >>> tabular.from_data([0, 1, 2])[1]
       1
       >>> d = tabular.from_data(([0, 1, 2], np.arange(3) * 10))
       >>> d.keys
       ('_0', '_1')
       >>> d[2]
       (2, np.int64(20))
       >>> d = tabular.from_data((('a', [0, 1, 2]), ('b', [3, 4, 5])))
       >>> d.keys, d[0]
       (('a', 'b'), (0, 3))
       >>> d = tabular.from_data({'a': [0, 1, 2], 'b': [3, 4, 5]})
       >>> sorted(d[1].items())
       [('a', 1), ('b', 4)]
       >>> d = tabular.from_data(('sq', lambda i: i * i), size=10)
       >>> d[5]
       25

    """
    if _is_keyed(data):
        key, value = data
        return _make_dataset(key, value, size)

    if isinstance(data, tuple):
        datasets = []
        key_position = 0
        for d in data:
            if _is_keyed(d):
                key, value = d
            else:
                key, value = '_{}'.format(key_position), d
            dataset = _make_dataset(key, value, size)
            size = len(dataset)
            key_position += len(dataset.keys)
            datasets.append(dataset)
        return datasets[0].join(*datasets[1:]).as_tuple()

    if isinstance(data, dict):
        datasets = []
        for key, value in data.items():
            dataset = _make_dataset(key, value, size)
            size = len(dataset)
            datasets.append(dataset)
        return datasets[0].join(*datasets[1:]).as_dict()

    return _make_dataset('_0', data, size)


def _is_keyed(data):
    # ``(key, column)`` or ``((key, ...), callable)``.
    if not (isinstance(data, tuple) and len(data) == 2):
        return False
    key, value = data
    if isinstance(key, str):
        return True
    return (isinstance(key, tuple) and len(key) > 0
            and all(isinstance(k, str) for k in key) and callable(value))


def _is_array(data):
    return isinstance(data, numpy.ndarray) or \
        type(data).__module__.split('.')[0] == 'cupy'


def _make_dataset(key, data, size):
    if _is_array(data) or isinstance(data, list):
        if size is not None and len(data) != size:
            raise ValueError(
                'the length of data ({}) does not match size ({})'.format(
                    len(data), size))
        if isinstance(key, tuple):
            raise ValueError('a list or an array takes exactly one key')
        if _is_array(data):
            return _Array(key, data)
        return _List(key, data)
    elif callable(data):
        if size is None:
            raise ValueError('size must be specified for a callable')
        index = _Index(size)
        return index.transform(key, data)
    else:
        raise ValueError(
            'unsupported type of data: {}'.format(type(data)))


class _Column(tabular_dataset.TabularDataset):

    # A unary dataset over one list or array.

    def __init__(self, key, data):
        self._key = key
        self._data = data

    def __len__(self):
        return len(self._data)

    @property
    def keys(self):
        return self._key,

    @property
    def mode(self):
        return None

    def get_examples(self, indices, key_indices):
        if key_indices is None:
            key_indices = 0,

        if indices is None or isinstance(indices, slice):
            data = self._data if indices is None else self._data[indices]
        else:
            data = self._take(indices)
        return (data,) * len(key_indices)


class _Array(_Column):

    def _take(self, indices):
        return self._data[numpy.asarray(indices, dtype=numpy.intp)]


class _List(_Column):

    def _take(self, indices):
        return [self._data[index] for index in indices]


class _Index(tabular_dataset.TabularDataset):

    def __init__(self, size):
        self._len = size

    def __len__(self):
        return self._len

    @property
    def keys(self):
        return 'index',

    @property
    def mode(self):
        return None

    def get_examples(self, indices, key_indices):
        if indices is None:
            indices = slice(None)
        if isinstance(indices, slice):
            start, stop, step = indices.indices(self._len)
            indices = list(range(start, stop, step))

        if key_indices is None:
            key_indices = 0,

        return (indices,) * len(key_indices)
