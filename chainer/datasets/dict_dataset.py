import numpy


class DictDataset(object):

    """Dataset of dicts from multiple equal-length datasets.

    The ``i``-th example is ``{key: dataset[i] for key, dataset in
    datasets.items()}``. Indexing with a slice, a list or an array returns a
    list of dicts.

    Args:
        datasets: Underlying datasets given as keyword arguments.

    .. admonition:: Example

       >>> d = DictDataset(x=[1, 2, 3], y=[4, 5, 6])
       >>> d[1]
       {'x': 2, 'y': 5}
       >>> d[1:]
       [{'x': 2, 'y': 5}, {'x': 3, 'y': 6}]

    """

    def __init__(self, **datasets):
        if not datasets:
            raise ValueError('no datasets are given')
        length = None
        for key, dataset in datasets.items():
            if length is None:
                length = len(dataset)
            elif length != len(dataset):
                raise ValueError(
                    'dataset length mismatched at key {}'.format(key))
        self._datasets = datasets
        self._length = length

    def __getitem__(self, index):
        if isinstance(index, (list, numpy.ndarray)):
            return [self[i] for i in index]
        batches = {key: dataset[index]
                   for key, dataset in self._datasets.items()}
        if isinstance(index, slice):
            length = len(next(iter(batches.values())))
            return [{key: batch[i] for key, batch in batches.items()}
                    for i in range(length)]
        else:
            return batches

    def __len__(self):
        return self._length
