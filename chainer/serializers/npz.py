"""NPZ (NumPy zip) serialization of links and optimizers."""
import numpy

import chainer
from chainer.backends import cpu
from chainer import serializer


def _to_numpy(value):
    if value is None:
        # Stored as a 0-d object array; loading maps it back to None.
        return numpy.asarray(None)
    if isinstance(value, chainer.get_array_types()):
        return cpu._array_to_cpu(value)
    return numpy.asarray(value)


class DictionarySerializer(serializer.Serializer):
    """Serializer writing ``path/key -> numpy array`` into a dict.

    Parameters
    ----------
    target : dict, optional
        Destination (a new dict by default).
    path : str
        Prefix of the keys, ending in '/' unless empty.

    Examples
    --------
    >>> s = DictionarySerializer()
    >>> s.save(chainer.links.Linear(2, 3))
    >>> sorted(s.target)
    ['W', 'b']
    """

    def __init__(self, target=None, path=''):
        self.target = {} if target is None else target
        self.path = path

    def __getitem__(self, key):
        key = key.strip('/')
        return DictionarySerializer(self.target, self.path + key + '/')

    def __call__(self, key, value):
        key = key.lstrip('/')
        self.target[self.path + key] = _to_numpy(value)
        return value


def save_npz(file, obj, compression=True):
    """Save a link or optimizer to an NPZ file.

    Parameters
    ----------
    file : str or file-like
    obj : object with a ``serialize`` method
    compression : bool
        Use ``numpy.savez_compressed``.
    """
    if isinstance(file, str):
        with open(file, 'wb') as f:
            save_npz(f, obj, compression)
        return
    s = DictionarySerializer()
    s.save(obj)
    if compression:
        numpy.savez_compressed(file, **s.target)
    else:
        numpy.savez(file, **s.target)


class NpzDeserializer(serializer.Deserializer):
    """Deserializer reading from a mapping of arrays (e.g. an NpzFile).

    Parameters
    ----------
    npz : mapping
    path : str
        Key prefix to read under (e.g. ``'updater/model:main/'``).
    strict : bool
        If False, missing keys leave the values unchanged.
    ignore_names : str, callable or list of them, optional
        Keys (or predicates on keys) to leave unchanged.
    """

    def __init__(self, npz, path='', strict=True, ignore_names=None):
        self.npz = npz
        self.path = path
        self.strict = strict
        if ignore_names is None:
            ignore_names = []
        self.ignore_names = ignore_names

    def __getitem__(self, key):
        key = key.strip('/')
        return NpzDeserializer(self.npz, self.path + key + '/',
                               strict=self.strict,
                               ignore_names=self.ignore_names)

    def _ignored(self, key):
        names = self.ignore_names
        if not isinstance(names, (tuple, list)):
            names = (names,)
        for name in names:
            if isinstance(name, str):
                if key == name:
                    return True
            elif callable(name):
                if name(key):
                    return True
            else:
                raise ValueError('ignore_names needs to be a callable, '
                                 'string or list of them.')
        return False

    def __call__(self, key, value):
        key = self.path + key.lstrip('/')
        if not self.strict and key not in self.npz:
            return value
        if self._ignored(key):
            return value
        dataset = self.npz[key]
        if dataset.dtype == object and dataset.shape == () \
                and dataset[()] is None:
            return None
        if value is None:
            return dataset
        if isinstance(value, numpy.ndarray):
            numpy.copyto(value, dataset)
        elif isinstance(value, chainer.get_array_types()):
            value.set(numpy.asarray(dataset, dtype=value.dtype))
        else:
            value_type = type(value)
            dataset_arr = numpy.asarray(dataset)
            if isinstance(value, (bool, numpy.bool_)):
                value = value_type(dataset_arr.item())
            elif isinstance(value, str):
                value = str(dataset_arr.item())
            elif issubclass(dataset_arr.dtype.type, numpy.number):
                value = value_type(dataset_arr)
            else:
                raise TypeError(
                    'Cannot load {} into a value of type {}'.format(
                        key, value_type))
        return value


def load_npz(file, obj, path='', strict=True, ignore_names=None):
    """Load a link or optimizer from an NPZ file made by :func:`save_npz`.

    Parameters
    ----------
    file : str or file-like
    obj : object with a ``serialize`` method
        Loaded in place.
    path : str
        Prefix in the file to read under, e.g. ``'updater/model:main/'``.
    strict : bool
        If False, keys missing from the file are skipped.
    ignore_names : str, callable or list of them, optional
        Keys not to load.
    """
    # Object arrays (None values) need pickle; files come from save_npz.
    with numpy.load(file, allow_pickle=True) as f:
        d = NpzDeserializer(f, path=path, strict=strict,
                            ignore_names=ignore_names)
        d.load(obj)
