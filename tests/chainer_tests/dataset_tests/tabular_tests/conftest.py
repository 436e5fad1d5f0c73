import numpy
import pytest

from chainer import dataset


class RecordingDataset(dataset.TabularDataset):

    """A tabular dataset over in-memory columns that records its reads.

    Columns: 'a' = 0..n-1, 'b' = 10 * a, 'c' = 100 * a (the keys and the
    multipliers can be changed). ``return_array`` chooses whether columns
    are returned as arrays or as lists.
    """

    def __init__(self, size=10, mode=tuple, return_array=True,
                 keys=('a', 'b', 'c'), offset=0):
        self._size = size
        self._mode = mode
        self._keys = keys
        self._return_array = return_array
        self.data = tuple(
            (numpy.arange(size) + offset) * (10 ** k)
            for k in range(len(keys)))
        self.calls = []

    def __len__(self):
        return self._size

    @property
    def keys(self):
        return self._keys

    @property
    def mode(self):
        return self._mode

    def get_examples(self, indices, key_indices):
        self.calls.append((indices, key_indices))
        if key_indices is None:
            key_indices = range(len(self._keys))
        cols = []
        for k in key_indices:
            col = self.data[k]
            if indices is not None:
                if isinstance(indices, slice):
                    col = col[indices]
                else:
                    col = col[numpy.asarray(indices, dtype=numpy.intp)]
            cols.append(col if self._return_array else list(col))
        return tuple(cols)


@pytest.fixture
def make_dataset():
    return RecordingDataset
