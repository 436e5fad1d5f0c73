from chainer.dataset import dataset_mixin


class TransformDataset(dataset_mixin.DatasetMixin):

    """Dataset that applies a function to each example on access.

    Args:
        dataset: The underlying dataset. Its ``i``-th example is passed to
            ``transform``.
        transform (callable): A function that takes an example and returns
            the transformed example.

    .. admonition:: Example

       >>> d = TransformDataset([1, 2, 3], lambda x: x * 10)
       >>> d[2]
       30
       >>> d[:2]
       [10, 20]

    """

    def __init__(self, dataset, transform):
        self._dataset = dataset
        self._transform = transform

    def __len__(self):
        return len(self._dataset)

    def get_example(self, i):
        in_data = self._dataset[i]
        return self._transform(in_data)
