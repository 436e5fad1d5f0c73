from chainer.dataset.tabular import tabular_dataset


class DelegateDataset(tabular_dataset.TabularDataset):

    """A helper class to implement a TabularDataset.

    This class wraps an instance of
    :class:`~chainer.dataset.TabularDataset` and provides its methods by
    delegation. It is a convenient base for a custom dataset class built
    from views of another dataset.

    Args:
        dataset (chainer.dataset.TabularDataset): The dataset to delegate
            to.

    .. admonition:: Example

       >>> from chainer.dataset import tabular
       >>> class Squares(tabular.DelegateDataset):
       ...     def __init__(self, n):
       ...         base = tabular.from_data(('x', list(range(n))))
       ...         super().__init__(base.transform(
       ...             ('x', 'x2'), lambda x: (x, x * x)))
       >>> d = Squares(4)
       >>> d.keys
       ('x', 'x2')
       >>> d[3]
       (3, 9)

    """

    def __init__(self, dataset):
        self.dataset = dataset

    def __len__(self):
        return len(self.dataset)

    @property
    def keys(self):
        return self.dataset.keys

    @property
    def mode(self):
        return self.dataset.mode

    def get_examples(self, indices, key_indices):
        return self.dataset.get_examples(indices, key_indices)

    def convert(self, data):
        return self.dataset.convert(data)
