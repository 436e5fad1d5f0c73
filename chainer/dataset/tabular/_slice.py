import numbers
import operator

import numpy

from chainer.dataset.tabular import tabular_dataset


class _Slice(tabular_dataset.TabularDataset):

    def __init__(self, dataset, indices, keys):
        # A single key makes a unary view (mode None); a tuple of keys keeps
        # the examples as tuples or dicts.
        if keys is None:
            self._unary = None
        elif isinstance(keys, tuple):
            self._unary = False
        else:
            self._unary = True
            keys = keys,

        self._dataset = dataset
        self._indices = _as_indices(indices, len(dataset))
        self._key_indices = _as_key_indices(keys, dataset.keys)

    def __len__(self):
        if isinstance(self._indices, slice):
            return len(range(len(self._dataset))[self._indices])
        else:
            return len(self._indices)

    @property
    def keys(self):
        if self._key_indices is None:
            return self._dataset.keys
        else:
            return tuple(self._dataset.keys[key_index]
                         for key_index in self._key_indices)

    @property
    def mode(self):
        if self._unary is None:
            return self._dataset.mode
        elif self._unary:
            return None
        else:
            return self._dataset.mode or tuple

    def get_examples(self, indices, key_indices):
        indices = _merge_indices(
            self._indices, indices, len(self._dataset), len(self))
        key_indices = _merge_key_indices(self._key_indices, key_indices)
        return self._dataset.get_examples(indices, key_indices)


class SliceHelper(object):

    """Helper that makes ``dataset.slice[rows, keys]`` views."""

    def __init__(self, dataset):
        self._dataset = dataset

    def __getitem__(self, args):
        if isinstance(args, tuple):
            indices, keys = args
        else:
            indices = args
            keys = None

        return _Slice(self._dataset, indices, keys)


def _as_indices(indices, len_):
    if isinstance(indices, slice) or len(indices) == 0:
        return indices

    if all(isinstance(index, (bool, numpy.bool_)) for index in indices):
        if not len(indices) == len_:
            raise ValueError('The number of booleans is '
                             'different from the length of dataset')
        return [i for i, index in enumerate(indices) if index]
    else:
        checked_indices = []
        for index in indices:
            index = operator.index(index)
            if index < -len_ or len_ <= index:
                raise IndexError(
                    'index {} is out of bounds for dataset with size {}'
                    .format(index, len_))
            if index < 0:
                index += len_
            checked_indices.append(index)
        return checked_indices


def _as_key_indices(keys, key_names):
    if keys is None:
        return keys

    key_indices = []
    for key in keys:
        if isinstance(key, numbers.Integral):
            key_index = key
            if key_index < 0:
                key_index += len(key_names)
            if key_index not in range(0, len(key_names)):
                raise IndexError(
                    'index {} is out of bounds for keys with size {}'.format(
                        key, len(key_names)))
        else:
            try:
                key_index = key_names.index(key)
            except ValueError:
                raise KeyError('{} does not exists'.format(key))
        key_indices.append(key_index)
    return tuple(key_indices)


def _range_to_slice(r):
    # A negative stop would wrap around, so "up to the beginning" is None.
    if len(r) == 0:
        return slice(0, 0, 1)
    stop = r.stop
    if stop < 0:
        stop = None
    return slice(r.start, stop, r.step)


def _merge_indices(a, b, len_a, len_b):
    # ``b`` indexes the view defined by ``a`` (which indexes the base).
    if a is None:
        return b
    elif b is None:
        return a
    elif isinstance(a, slice) and isinstance(b, slice):
        return _range_to_slice(range(len_a)[a][b])
    elif isinstance(a, slice):
        r = range(len_a)[a]
        return [r[index] for index in b]
    elif isinstance(b, slice):
        return a[b]
    else:
        return [a[index] for index in b]


def _merge_key_indices(a, b):
    if a is None:
        return b
    elif b is None:
        return a
    return tuple(a[index] for index in b)
