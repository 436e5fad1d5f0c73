"""``ndarray.flat``: an array seen as one dimension in C order, without copying it."""
import numbers

import numpy

import cupy


class flatiter:
    """Flat iterator over an array, returned by :attr:`cupy.ndarray.flat`.

    Indexing takes positions in the C order of the array whatever its memory layout. An int
    gives a 0-d array, a slice or ``...`` a new 1-d array; assigning to a slice repeats the
    values cyclically when there are fewer of them than positions, as in NumPy. Integer and
    boolean arrays as indices are not supported (as in CuPy): index ``ravel()`` instead.

    .. seealso:: :class:`numpy.flatiter`
    """

    def __init__(self, a):
        self._base = a
        self._pos = 0

    @property
    def base(self):
        """The array being iterated."""
        return self._base

    def __len__(self):
        return self._base.size

    def __iter__(self):
        return self

    def __next__(self):
        if self._pos >= self._base.size:
            raise StopIteration
        value = self[self._pos]
        self._pos += 1
        return value

    def copy(self):
        """A flattened copy of the array (``base.flatten()``)."""
        return self._base.flatten()

    def _position(self, ind):
        size = self._base.size
        pos = int(ind)
        if pos < -size or pos >= size:
            raise IndexError(f"index {pos} is out of bounds for size {size}")
        return numpy.unravel_index(pos % size, self._base.shape)

    def _key(self, ind):
        """A slice or an int position in the flat array (IndexError for anything else)."""
        if ind is Ellipsis:
            return slice(None)
        if isinstance(ind, slice):
            return ind
        if isinstance(ind, numbers.Integral) and not isinstance(ind, (bool, numpy.bool_)):
            return ind
        if isinstance(ind, cupy.ndarray) and ind.ndim == 0 and ind.dtype.kind in "iu":
            return int(ind)
        raise IndexError("unsupported iterator index")

    def __getitem__(self, ind):
        key = self._key(ind)
        if isinstance(key, slice):
            # ravel is a view of a C-contiguous array: slice a copy, never the base's memory.
            return self._base.ravel()[key].copy()
        return self._base[self._position(key)]

    def __setitem__(self, ind, value):
        key = self._key(ind)
        base = self._base
        if not isinstance(key, slice):
            base[self._position(key)] = value
            return
        positions = range(*key.indices(base.size))
        n = len(positions)
        values = cupy.asarray(value).astype(base.dtype, copy=False).ravel()
        if n == 0 or values.size == 0:
            return
        if values.size != n:
            values = values[cupy.arange(n) % values.size]
        if base.flags.c_contiguous:
            base.ravel()[key] = values
        else:
            idx = cupy.arange(positions.start, positions.stop, positions.step)
            base[cupy.unravel_index(idx, base.shape)] = values

    def __repr__(self):
        return f"<cupy.flatiter of an array of shape {self._base.shape}>"
