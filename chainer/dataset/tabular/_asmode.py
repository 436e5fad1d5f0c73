from chainer.dataset.tabular import delegate_dataset
from chainer.dataset.tabular import tabular_dataset


class _AsMode(delegate_dataset.DelegateDataset):

    # The wrapped dataset's converter expects examples in that dataset's
    # mode, so a view with another mode uses the default conversion.
    convert = tabular_dataset.TabularDataset.convert


class _AsTuple(_AsMode):

    @property
    def mode(self):
        return tuple


class _AsDict(_AsMode):

    @property
    def mode(self):
        return dict
