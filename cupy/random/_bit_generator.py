"""Bit generators: where the numbers of a ``Generator`` or ``RandomState`` come from."""
import hashlib
import os
import operator

import numpy

import cupy
from cupy.random import _kernels

_MASK64 = (1 << 64) - 1
_MASK32 = (1 << 32) - 1


def _seed_to_key(seed):
    """A 64-bit Philox key from ``seed`` (None, a non-negative int or a sequence of them)."""
    if seed is None:
        # Fresh entropy from the OS, as NumPy does for an unseeded generator.
        return int.from_bytes(os.urandom(8), "little")
    if isinstance(seed, cupy.ndarray):
        seed = seed.get()
    if isinstance(seed, (bool, numpy.bool_)):
        raise TypeError("seed must be an integer or a sequence of integers")
    try:
        value = operator.index(seed)
    except TypeError:
        arr = numpy.asarray(seed)
        if arr.dtype.kind not in "iu" or arr.ndim == 0:
            raise TypeError("seed must be an integer or a sequence of integers, "
                            f"not {type(seed).__name__}") from None
        if (arr < 0).any():
            raise ValueError("seed must be non-negative")
        # A sequence: hash its words, so that every entry matters.
        words = [int(v) for v in arr.ravel()]
        data = b"".join(w.to_bytes((w.bit_length() + 8) // 8, "little", signed=False) + b"|"
                        for w in words)
        return int.from_bytes(hashlib.sha256(data).digest()[:8], "little")
    if value < 0:
        raise ValueError("seed must be non-negative")
    if value <= _MASK64:
        return value
    # Wider seeds are hashed into 64 bits.
    data = value.to_bytes((value.bit_length() + 7) // 8, "little")
    return int.from_bytes(hashlib.sha256(data).digest()[:8], "little")


class BitGenerator:
    """Base class of the bit generators (NumPy's ``numpy.random.BitGenerator``).

    Subclasses hand out, for each kernel launch, a ``(seed, offset)`` pair that names a fresh
    stream for every element of the launch.
    """

    def _next_stream(self):
        raise NotImplementedError

    def random_raw(self, size=None):
        """Raw 64-bit words, one per element.

        Args:
            size (int or tuple of ints): output shape (a 0-d array when None).

        Returns:
            cupy.ndarray: ``uint64`` words.

        Example:
            >>> w = cupy.random.Philox(0).random_raw(3)
            >>> w.dtype
            dtype('uint64')
        """
        shape = () if size is None else _shape(size)
        out = cupy.empty(shape, numpy.uint64)
        seed, offset = self._next_stream()
        _kernels.sampler("raw")(numpy.uint64(seed), numpy.uint32(offset), out)
        return out


def _shape(size):
    try:
        return tuple(operator.index(s) for s in size)
    except TypeError:
        return (operator.index(size),)


class Philox(BitGenerator):
    """The Philox4x32-10 counter-based bit generator.

    Element ``i`` of the ``c``-th launch reads the Philox blocks with key ``seed`` and counter
    ``(i, block, c)``: streams of different elements and of different launches never overlap,
    and the numbers are the same on every backend. The call counter is 32 bits wide, so a
    generator repeats after 2**32 launches.

    Args:
        seed (None, int or sequence of ints): the key. Integers in ``[0, 2**64)`` are used as
            they are; larger ones and sequences are hashed; None draws one from the OS.

    Example:
        >>> bg = cupy.random.Philox(1234)
        >>> rng = cupy.random.Generator(bg)
        >>> rng.random(2).shape
        (2,)
    """

    def __init__(self, seed=None):
        self._key = _seed_to_key(seed)
        self._offset = 0

    @property
    def state(self):
        """``{'bit_generator': 'Philox', 'state': {'key': int, 'offset': int}}``."""
        return {"bit_generator": "Philox",
                "state": {"key": self._key, "offset": self._offset}}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict) or value.get("bit_generator") != "Philox":
            raise ValueError("state must be a Philox state dict")
        st = value["state"]
        key, offset = int(st["key"]), int(st["offset"])
        if not (0 <= key <= _MASK64 and 0 <= offset <= _MASK32):
            raise ValueError("Philox state out of range")
        self._key, self._offset = key, offset

    def advance(self, delta):
        """Skip ``delta`` launches, as if that many calls had been made.

        Example:
            >>> a, b = cupy.random.Philox(5), cupy.random.Philox(5)
            >>> _ = a.random_raw(4)
            >>> bool((a.random_raw(4) == b.advance(1).random_raw(4)).all())
            True
        """
        self._offset = (self._offset + operator.index(delta)) & _MASK32
        return self

    def _next_stream(self):
        offset = self._offset
        self._offset = (offset + 1) & _MASK32
        return self._key, offset

    def __repr__(self):
        return f"Philox(key={self._key:#x}, offset={self._offset})"
