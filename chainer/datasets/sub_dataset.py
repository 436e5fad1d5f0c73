import numbers
import warnings

import numpy

from chainer.dataset import dataset_mixin


class SubDataset(dataset_mixin.DatasetMixin):

    """Subset of a base dataset.

    The subset is the range ``[start, finish)`` of the base dataset, seen
    through an optional permutation ``order``: the ``i``-th example is
    ``dataset[order[start + i]]``.

    Args:
        dataset: The base dataset.
        start (int): The first index in the subset.
        finish (int): The index next to the last one in the subset.
        order (sequence of ints): A permutation of the indices of the base
            dataset, or ``None`` for the identity.

    .. admonition:: Example

       >>> d = SubDataset(['a', 'b', 'c', 'd'], 1, 3)
       >>> len(d), d[0], d[-1]
       (2, 'b', 'c')
       >>> SubDataset(['a', 'b', 'c', 'd'], 0, 2, order=[3, 2, 1, 0])[:]
       ['d', 'c']

    """

    def __init__(self, dataset, start, finish, order=None):
        if start < 0 or finish > len(dataset):
            raise ValueError('subset overruns the base dataset.')
        self._dataset = dataset
        self._start = start
        self._finish = finish
        self._size = finish - start
        if order is not None and len(order) != len(dataset):
            msg = ('order option must have the same length as the base '
                   'dataset: len(order) = {} while len(dataset) = {}'.format(
                       len(order), len(dataset)))
            raise ValueError(msg)
        self._order = order

    def __len__(self):
        return self._size

    def get_example(self, i):
        if i >= 0:
            if i >= self._size:
                raise IndexError('dataset index out of range')
            index = self._start + i
        else:
            if i < -self._size:
                raise IndexError('dataset index out of range')
            index = self._finish + i

        if self._order is not None:
            index = self._order[index]
        return self._dataset[index]


def split_dataset(dataset, split_at, order=None):
    """Splits a dataset into two subsets.

    Args:
        dataset: The dataset to split.
        split_at (int): Position to split at; the first subset has this many
            examples.
        order (sequence of ints): A permutation of the indices of the
            dataset to apply before splitting, or ``None``.

    Returns:
        tuple: Two :class:`SubDataset` objects, ``[0, split_at)`` and
        ``[split_at, len(dataset))``.

    .. admonition:: Example

       >>> a, b = split_dataset([0, 1, 2, 3, 4], 2)
       >>> a[:], b[:]
       ([0, 1], [2, 3, 4])

    """
    n_examples = len(dataset)
    if not isinstance(split_at, numbers.Integral) or \
            isinstance(split_at, bool):
        raise TypeError('split_at must be int, got {} instead'
                        .format(type(split_at)))
    if split_at < 0:
        raise ValueError('split_at must be non-negative')
    if split_at > n_examples:
        raise ValueError('split_at exceeds the dataset size')
    subset1 = SubDataset(dataset, 0, split_at, order)
    subset2 = SubDataset(dataset, split_at, n_examples, order)
    return subset1, subset2


def split_dataset_random(dataset, first_size, seed=None):
    """Splits a dataset into two subsets randomly.

    The dataset is permuted by ``numpy.random.RandomState(seed)`` and then
    split with :func:`split_dataset`.

    Args:
        dataset: The dataset to split.
        first_size (int): The size of the first subset.
        seed (int): Seed of the permutation; ``None`` seeds from the OS.

    Returns:
        tuple: Two :class:`SubDataset` objects.

    .. admonition:: Example

       >>> a, b = split_dataset_random(list(range(10)), 3, seed=0)
       >>> len(a), len(b)
       (3, 7)
       >>> sorted(a[:] + b[:]) == list(range(10))
       True

    """
    order = numpy.random.RandomState(seed).permutation(len(dataset))
    return split_dataset(dataset, first_size, order)


def split_dataset_n(dataset, n, order=None):
    """Splits a dataset into ``n`` subsets of equal size.

    The last ``len(dataset) % n`` examples are dropped.

    Args:
        dataset: The dataset to split.
        n (int): The number of subsets.
        order (sequence of ints): An optional permutation of the indices.

    Returns:
        list: ``n`` :class:`SubDataset` objects.

    .. admonition:: Example

       >>> [s[:] for s in split_dataset_n(list(range(7)), 3)]
       [[0, 1], [2, 3], [4, 5]]

    """
    n_examples = len(dataset)
    sub_size = n_examples // n
    return [SubDataset(dataset, sub_size * i, sub_size * (i + 1), order)
            for i in range(n)]


def split_dataset_n_random(dataset, n, seed=None):
    """Splits a dataset into ``n`` subsets of equal size randomly.

    Args:
        dataset: The dataset to split.
        n (int): The number of subsets.
        seed (int): Seed of the permutation.

    Returns:
        list: ``n`` :class:`SubDataset` objects.

    """
    n_examples = len(dataset)
    sub_size = n_examples // n
    order = numpy.random.RandomState(seed).permutation(len(dataset))
    return [SubDataset(dataset, sub_size * i, sub_size * (i + 1), order)
            for i in range(n)]


def get_cross_validation_datasets(dataset, n_folds=None, order=None,
                                  **kwargs):
    """Creates a set of training/test splits for cross validation.

    The (permuted) dataset is split into ``n_folds`` nearly equal parts;
    split ``i`` uses one part as its test set and the rest, in cyclic order,
    as its training set. The splits are returned starting from the one
    whose test set is the last part.

    Args:
        dataset: The dataset to split.
        n_folds (int): The number of splits.
        order (sequence of ints): An optional permutation of the indices.
        n_fold (int): Deprecated alias of ``n_folds``.

    Returns:
        list: ``n_folds`` pairs of :class:`SubDataset` objects
        ``(train, test)``.

    .. admonition:: Example

       >>> splits = get_cross_validation_datasets(list(range(6)), 3)
       >>> [(train[:], test[:]) for train, test in splits]
       [([0, 1, 2, 3], [4, 5]), ([4, 5, 0, 1], [2, 3]), ([2, 3, 4, 5], [0, 1])]

    """
    n_fold = kwargs.pop('n_fold', None)
    if kwargs:
        raise TypeError('unexpected keyword argument(s): {}'.format(
            ', '.join(kwargs)))
    if n_fold is not None:
        if n_folds is not None:
            raise ValueError(
                'n_fold and n_folds cannot be specified at the same time')
        warnings.warn('n_fold is deprecated; use n_folds instead',
                      DeprecationWarning)
        n_folds = n_fold
    if n_folds is None:
        raise TypeError('n_folds is required')

    if order is None:
        order = numpy.arange(len(dataset))
    else:
        order = numpy.array(order)  # copy

    whole_size = len(dataset)
    borders = [whole_size * i // n_folds for i in range(n_folds + 1)]
    test_sizes = [borders[i + 1] - borders[i] for i in range(n_folds)]

    splits = []
    for test_size in reversed(test_sizes):
        size = whole_size - test_size
        splits.append(split_dataset(dataset, size, order))
        # Rotate so the next part becomes the tail (the test set).
        new_order = numpy.empty_like(order)
        new_order[:test_size] = order[-test_size:]
        new_order[test_size:] = order[:-test_size]
        order = new_order

    return splits


def get_cross_validation_datasets_random(dataset, n_folds, seed=None,
                                         **kwargs):
    """Creates a set of training/test splits for cross validation randomly.

    Like :func:`get_cross_validation_datasets` with a random permutation
    drawn by ``numpy.random.RandomState(seed)``.

    Args:
        dataset: The dataset to split.
        n_folds (int): The number of splits.
        seed (int): Seed of the permutation.

    Returns:
        list: ``n_folds`` pairs of :class:`SubDataset` objects.

    """
    order = list(range(len(dataset)))
    numpy.random.RandomState(seed).shuffle(order)
    return get_cross_validation_datasets(dataset, n_folds, order, **kwargs)
