from chainer.dataset import dataset_mixin


class ConcatenatedDataset(dataset_mixin.DatasetMixin):

    """Dataset that concatenates some base datasets.

    The ``i``-th example is taken from the dataset that covers position
    ``i`` in the sequence of all the examples of ``datasets``.

    Args:
        datasets: The underlying datasets.

    .. admonition:: Example

       >>> d = ConcatenatedDataset([1, 2], [3, 4, 5])
       >>> len(d)
       5
       >>> d[3]
       4

    """

    def __init__(self, *datasets):
        self._datasets = datasets

    def __len__(self):
        return sum(len(dataset) for dataset in self._datasets)

    def get_example(self, i):
        if i < 0:
            raise IndexError
        for dataset in self._datasets:
            if i < len(dataset):
                return dataset[i]
            i -= len(dataset)
        raise IndexError
