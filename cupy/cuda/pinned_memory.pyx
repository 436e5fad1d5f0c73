# cython: language_level=3
"""Pinned (page-locked) host memory and its pool.

Pinned buffers make host<->device copies asynchronous. ``PinnedMemoryPointer`` exports the
buffer protocol, so ``numpy.frombuffer(ptr, dtype, count)`` views pinned memory without a copy.
"""
import threading

from cpython.buffer cimport PyBUF_WRITABLE
from libc.stdint cimport intptr_t

from cupy.cuda._backend cimport active

cdef size_t _UNIT = 512


cdef class PinnedMemory:
    """``size`` bytes of pinned host memory, freed with the object.

    Args:
        size (int): bytes to allocate.
        flags (int): ``cudaHostAlloc`` flags (accepted for compatibility).
    """
    cdef readonly intptr_t ptr
    cdef readonly size_t size
    cdef object __weakref__

    def __init__(self, size_t size, unsigned int flags=0):
        self.size = size
        if size > 0:
            self.ptr = active().host_alloc(size)

    def __dealloc__(self):
        if self.ptr:
            try:
                active().host_free(self.ptr)
            except Exception:
                pass
            self.ptr = 0

    def __int__(self):
        return self.ptr


cdef class PinnedMemoryPointer:
    """A pointer into pinned memory (``ptr = mem.ptr + offset``); a writable byte buffer of the
    remaining ``size`` bytes.

    Example:
        >>> import numpy, cupy
        >>> p = cupy.cuda.alloc_pinned_memory(80)
        >>> a = numpy.frombuffer(p, numpy.float64, 10)
        >>> a[:] = 1
    """
    cdef readonly object mem
    cdef readonly intptr_t ptr
    cdef Py_ssize_t _shape[1]
    cdef Py_ssize_t _strides[1]

    def __init__(self, mem, Py_ssize_t offset):
        self.mem = mem
        self.ptr = mem.ptr + offset
        if offset < 0 or <size_t>offset > mem.size:
            raise ValueError(f"offset {offset} out of range for {mem.size} bytes")

    def size(self):
        """Bytes from ``ptr`` to the end of the memory."""
        return self.mem.size - (self.ptr - self.mem.ptr)

    def __int__(self):
        return self.ptr

    def __add__(self, offset):
        if not isinstance(offset, int):
            return NotImplemented
        return PinnedMemoryPointer(self.mem, self.ptr - self.mem.ptr + offset)

    def __sub__(self, offset):
        if not isinstance(offset, int):
            return NotImplemented
        return self.__add__(-offset)

    def __getbuffer__(self, Py_buffer* buf, int flags):
        self._shape[0] = self.size()
        self._strides[0] = 1
        buf.buf = <void*>self.ptr
        buf.obj = self
        buf.len = self._shape[0]
        buf.readonly = 0
        buf.itemsize = 1
        buf.format = "B"
        buf.ndim = 1
        buf.shape = self._shape
        buf.strides = self._strides
        buf.suboffsets = NULL
        buf.internal = NULL

    def __releasebuffer__(self, Py_buffer* buf):
        pass


cdef class PinnedPooledMemory:
    """A block lent by a :class:`PinnedMemoryPool`; goes back to the pool when this dies."""
    cdef readonly intptr_t ptr
    cdef readonly size_t size
    cdef PinnedMemory _mem
    cdef object _pool

    def __init__(self, PinnedMemory mem not None, pool):
        self.ptr = mem.ptr
        self.size = mem.size
        self._mem = mem
        self._pool = pool

    def free(self):
        """Return the block to the pool now."""
        if self._mem is not None:
            mem = self._mem
            self._mem = None
            self._pool._give_back(mem)

    def __dealloc__(self):
        if self._mem is not None:
            try:
                self._pool._give_back(self._mem)
            except Exception:
                pass
            self._mem = None

    def __int__(self):
        return self.ptr


class PinnedMemoryPool:
    """A pool of pinned host memory: freed blocks are kept per (512-rounded) size for reuse.

    Args:
        allocator (callable): ``allocator(size) -> PinnedMemoryPointer`` for new blocks.

    Example:
        >>> import cupy
        >>> pool = cupy.cuda.PinnedMemoryPool()
        >>> cupy.cuda.set_pinned_memory_allocator(pool.malloc)
    """

    def __init__(self, allocator=None):
        self._allocator = allocator
        self._free = {}        # size -> list of PinnedMemory
        self._lock = threading.Lock()

    def malloc(self, size_t size):
        """Allocate ``size`` bytes of pinned memory."""
        if size == 0:
            return PinnedMemoryPointer(PinnedMemory(0), 0)
        rounded = ((size + _UNIT - 1) // _UNIT) * _UNIT
        with self._lock:
            blocks = self._free.get(rounded)
            mem = blocks.pop() if blocks else None
        if mem is None:
            if self._allocator is None:
                mem = PinnedMemory(rounded)
            else:
                mem = self._allocator(rounded).mem
        return PinnedMemoryPointer(PinnedPooledMemory(mem, self), 0)

    def _give_back(self, mem):
        with self._lock:
            self._free.setdefault(mem.size, []).append(mem)

    def free_all_blocks(self):
        """Release all cached blocks."""
        with self._lock:
            released, self._free = self._free, {}
        del released

    def n_free_blocks(self):
        """Number of cached blocks."""
        with self._lock:
            return sum(len(v) for v in self._free.values())


def _malloc(size_t size):
    return PinnedMemoryPointer(PinnedMemory(size), 0)


_default_pool = PinnedMemoryPool()
_current_allocator = _default_pool.malloc


def alloc_pinned_memory(size_t size):
    """Allocate ``size`` bytes of pinned host memory with the current pinned allocator."""
    return _current_allocator(size)


def set_pinned_memory_allocator(allocator=None):
    """Set the pinned memory allocator (``None``: plain allocations, no pool)."""
    global _current_allocator
    if allocator is None:
        allocator = _malloc
    if not callable(allocator):
        raise TypeError("allocator must be callable")
    _current_allocator = allocator


def get_default_pinned_memory_pool():
    """The pinned memory pool used by default."""
    return _default_pool

