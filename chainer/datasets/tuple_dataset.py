import numpy


class TupleDataset(object):

    """Dataset of tuples from multiple equal-length datasets.

    The ``i``-th example is ``(datasets[0][i], datasets[1][i], ...)``.
    Indexing with a slice, a list or an array returns a list of tuples.

    Args:
        datasets: Underlying datasets of the same length.

    .. admonition:: Example

       >>> import numpy as np
       >>> d = TupleDataset(np.arange(3), [10, 20, 30])
       >>> d[1]
       (np.int64(1), 20)
       >>> d[0:2]
       [(np.int64(0), 10), (np.int64(1), 20)]

    """

    def __init__(self, *datasets):
        if not datasets:
            raise ValueError('no datasets are given')
        length = len(datasets[0])
        for i, dataset in enumerate(datasets):
            if len(dataset) != length:
                raise ValueError(
                    'dataset of the index {} has a wrong length'.format(i))
        self._datasets = datasets
        self._length = length

    def __getitem__(self, index):
        if isinstance(index, (list, numpy.ndarray)):
            batches = [_take(dataset, index) for dataset in self._datasets]
        else:
            batches = [dataset[index] for dataset in self._datasets]
        if isinstance(index, (slice, list, numpy.ndarray)):
            length = len(batches[0])
            return [tuple([batch[i] for batch in batches])
                    for i in range(length)]
        else:
            return tuple(batches)

    def __len__(self):
        return self._length


def _take(dataset, indices):
    # Arrays support fancy indexing; other sequences are indexed one by one.
    if isinstance(dataset, numpy.ndarray) or \
            type(dataset).__module__.split('.')[0] == 'cupy':
        return dataset[indices]
    return [dataset[i] for i in indices]
