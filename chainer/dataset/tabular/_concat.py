from chainer.dataset.tabular import tabular_dataset


class _Concat(tabular_dataset.TabularDataset):

    def __init__(self, *datasets):
        for dataset in datasets[1:]:
            if not dataset.keys == datasets[0].keys:
                raise ValueError('All datasets must have the same keys')

        self._datasets = datasets

    def __len__(self):
        return sum(len(dataset) for dataset in self._datasets)

    @property
    def keys(self):
        return self._datasets[0].keys

    @property
    def mode(self):
        return self._datasets[0].mode

    def get_examples(self, indices, key_indices):
        if key_indices is None:
            n_cols = len(self.keys)
        else:
            n_cols = len(key_indices)

        if indices is None:
            parts = [dataset.get_examples(None, key_indices)
                     for dataset in self._datasets]
        elif isinstance(indices, slice):
            parts = self._get_slice(range(len(self))[indices], key_indices)
        else:
            return self._get_list(indices, key_indices, n_cols)

        if len(parts) == 0:
            return tuple([] for _ in range(n_cols))
        elif len(parts) == 1:
            # A single part is returned as is, keeping arrays as arrays.
            return parts[0]
        return tuple(
            [data for part in parts for data in part[col_index]]
            for col_index in range(n_cols))

    def _get_slice(self, r, key_indices):
        # Splits the range of rows into one slice per dataset, in the order
        # the rows are requested.
        parts = []
        offset = 0
        for dataset in self._datasets:
            sub = _clip_range(r, offset, offset + len(dataset))
            if len(sub) > 0:
                sub_slice = _shifted_slice(sub, offset)
                parts.append((sub[0], dataset.get_examples(
                    sub_slice, key_indices)))
            offset += len(dataset)
        parts.sort(key=lambda p: p[0], reverse=r.step < 0)
        return [examples for _, examples in parts]

    def _get_list(self, indices, key_indices, n_cols):
        examples = {}
        example_indices = [None] * len(indices)
        offset = 0
        for dataset_index, dataset in enumerate(self._datasets):
            sub_indices = []
            for p, index in enumerate(indices):
                if index < offset or offset + len(dataset) <= index:
                    continue
                sub_indices.append(index - offset)
                example_indices[p] = (dataset_index, len(sub_indices) - 1)

            if len(sub_indices) > 0:
                examples[dataset_index] = dataset.get_examples(
                    sub_indices, key_indices)

            offset += len(dataset)

        if len(examples) == 0:
            return tuple([] for _ in range(n_cols))
        elif len(examples) == 1:
            return list(examples.values())[0]
        return tuple(
            [examples[dataset_index][col_index][p]
             for dataset_index, p in example_indices]
            for col_index in range(n_cols))


def _clip_range(r, low, high):
    """Returns the part of range ``r`` whose values are in ``[low, high)``."""
    step = r.step
    if step > 0:
        k_begin = -((r.start - low) // step)  # ceil((low - start) / step)
        k_end = -((r.start - high) // step)
    else:
        k_begin = (r.start - high) // (-step) + 1
        k_end = (r.start - low) // (-step) + 1
    k_begin = max(k_begin, 0)
    k_end = min(k_end, len(r))
    if k_begin >= k_end:
        return range(0)
    return r[k_begin:k_end]


def _shifted_slice(r, offset):
    start = r.start - offset
    stop = r.stop - offset
    if stop < 0:
        stop = None
    return slice(start, stop, r.step)
