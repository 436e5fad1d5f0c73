from chainer.dataset.tabular import tabular_dataset


def _call(func, dataset, in_values):
    # Dict-mode datasets pass their columns by name; the others by position.
    if dataset.mode is dict:
        return func(**dict(zip(dataset.keys, in_values)))
    return func(*in_values)


class _TransformBase(tabular_dataset.TabularDataset):

    def __init__(self, dataset, keys, func):
        if not isinstance(keys, tuple):
            keys = keys,
        self._dataset = dataset
        self._keys = keys
        self._func = func

    def __len__(self):
        return len(self._dataset)

    @property
    def keys(self):
        return self._keys

    @property
    def mode(self):
        # The mode is the type the function returns, known after one call.
        if not hasattr(self, '_mode'):
            self.get_examples([0], None)
        return self._mode

    def _set_mode(self, mode):
        if hasattr(self, '_mode') and self._mode is not mode:
            raise ValueError(
                '{} must not change its return type'.format(self._name))
        self._mode = mode

    def _pick(self, out, key_indices):
        # Returns the requested values of one function output.
        if isinstance(out, tuple):
            self._set_mode(tuple)
            return [out[key_index] for key_index in key_indices]
        elif isinstance(out, dict):
            self._set_mode(dict)
            return [out[self._keys[key_index]] for key_index in key_indices]
        else:
            self._set_mode(None)
            out = out,
            return [out[key_index] for key_index in key_indices]


class _Transform(_TransformBase):

    _name = 'transform'

    def get_examples(self, indices, key_indices):
        if key_indices is None:
            key_indices = range(len(self._keys))

        in_examples = self._dataset.get_examples(indices, None)
        out_examples = tuple([] for _ in key_indices)

        for in_example in zip(*in_examples):
            out_example = _call(self._func, self._dataset, in_example)
            values = self._pick(out_example, key_indices)
            for col, value in zip(out_examples, values):
                col.append(value)

        return out_examples


class _TransformBatch(_TransformBase):

    _name = 'transform_batch'

    def get_examples(self, indices, key_indices):
        if indices is None:
            len_ = len(self)
        elif isinstance(indices, slice):
            len_ = len(range(len(self))[indices])
        else:
            len_ = len(indices)

        if key_indices is None:
            key_indices = range(len(self._keys))

        in_examples = self._dataset.get_examples(indices, None)
        out_examples = _call(self._func, self._dataset, in_examples)
        out_examples = tuple(self._pick(out_examples, key_indices))

        for out_example in out_examples:
            if not len(out_example) == len_:
                raise ValueError(
                    'transform_batch must not change the length of data')

        return out_examples
