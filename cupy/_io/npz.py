"""``.npy``/``.npz`` files and raw buffers (NumPy's formats; arrays come back on the device)."""
import numpy

import cupy

__all__ = ["save", "savez", "savez_compressed", "load", "fromfile", "frombuffer", "fromstring"]


def _host(args):
    return [cupy.asnumpy(a) if isinstance(a, cupy.ndarray) else a for a in args]


def save(file, arr, allow_pickle=True):
    """Save an array to a binary file in NumPy's ``.npy`` format.

    .. seealso:: :func:`numpy.save`
    """
    numpy.save(file, cupy.asnumpy(arr), allow_pickle=allow_pickle)


def savez(file, *args, **kwds):
    """Save several arrays into one uncompressed ``.npz`` file.

    .. seealso:: :func:`numpy.savez`
    """
    numpy.savez(file, *_host(args), **dict(zip(kwds, _host(kwds.values()))))


def savez_compressed(file, *args, **kwds):
    """Save several arrays into one compressed ``.npz`` file.

    .. seealso:: :func:`numpy.savez_compressed`
    """
    numpy.savez_compressed(file, *_host(args), **dict(zip(kwds, _host(kwds.values()))))


class NpzFile:
    """The arrays of an ``.npz`` file, read on access and returned as device arrays."""

    def __init__(self, npz):
        self.npz = npz

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __getitem__(self, key):
        return cupy.array(self.npz[key])

    def __contains__(self, key):
        return key in self.npz

    def __iter__(self):
        return iter(self.npz)

    def __len__(self):
        return len(self.npz.files)

    @property
    def files(self):
        return self.npz.files

    def close(self):
        self.npz.close()


def load(file, mmap_mode=None, allow_pickle=False):
    """Load an array (``.npy``) or arrays (``.npz``) saved by NumPy or :func:`save`.

    Returns a device array for ``.npy`` and an :class:`NpzFile` for ``.npz``; object
    arrays (``allow_pickle``) are returned as NumPy loads them.

    .. seealso:: :func:`numpy.load`
    """
    obj = numpy.load(file, mmap_mode=mmap_mode, allow_pickle=allow_pickle)
    if isinstance(obj, numpy.lib.npyio.NpzFile):
        return NpzFile(obj)
    if isinstance(obj, numpy.ndarray) and obj.dtype != object:
        return cupy.array(obj)
    return obj


def fromfile(*args, **kwargs):
    """Read an array from a text or binary file into device memory.

    .. seealso:: :func:`numpy.fromfile`
    """
    return cupy.asarray(numpy.fromfile(*args, **kwargs))


def frombuffer(*args, **kwargs):
    """Interpret a host buffer as a 1-d array and copy it to the device.

    .. seealso:: :func:`numpy.frombuffer`
    """
    return cupy.asarray(numpy.frombuffer(*args, **kwargs))


def fromstring(*args, **kwargs):
    """A 1-d device array from text data in a string.

    .. seealso:: :func:`numpy.fromstring`
    """
    return cupy.asarray(numpy.fromstring(*args, **kwargs))
