# cython: language_level=3
"""Device memory: allocations, pointers, allocators and the memory pool.

``Memory`` owns one backend allocation, ``MemoryPointer`` points into a ``BaseMemory``, and
``alloc`` hands out memory through the current allocator: by default the device's
``MemoryPool``, a per-device ``SingleDeviceMemoryPool`` that caches freed blocks.

Pool design (see ``SingleDeviceMemoryPool`` for the invariants):

* sizes are rounded up to 512-byte units;
* one arena per stream: a freed block is reused only by the stream it was allocated on, so
  reuse never needs a cross-stream synchronization;
* inside an arena, free chunks are binned by exact size; a request takes the smallest bin that
  fits (best fit), splitting the chunk and keeping the rest free; a freed chunk merges with free
  neighbours of the same allocation;
* when the device (or the pool's limit) is out of memory: release this pool's cached blocks,
  run ``gc.collect()``, retry once, then raise ``OutOfMemoryError``.
"""
import contextlib
import ctypes
import gc
import os
import threading

cimport cython
from cpython.pythread cimport PyThread_get_thread_ident
from fastrlock cimport rlock
from libc.stdint cimport intptr_t
from libcpp.set cimport set as cpp_set
from cython.operator cimport dereference as deref

from cupy.cuda._backend cimport active
from cupy.cuda.stream cimport _BaseStream, get_current_stream_ptr
from cupy_backends.backend cimport (
    Backend, MEMCPY_HOST_TO_DEVICE, MEMCPY_DEVICE_TO_HOST, MEMCPY_DEVICE_TO_DEVICE)
from cupy_backends.cuda.api._errors import CUDADriverError

from cupy.cuda import memory_hook

cdef size_t ALLOCATION_UNIT_SIZE = 512
# Memory hooks active in any thread (kept by cupy.cuda.memory_hook); zero skips the lookup.
cdef int _n_hooks = 0


def _hooks_changed(int delta):
    global _n_hooks
    _n_hooks += delta
cdef int CUDA_ERROR_OUT_OF_MEMORY = 2


class OutOfMemoryError(MemoryError):
    """Raised when device memory (or the pool's limit) is exhausted.

    Args:
        size (int): the requested size in bytes.
        total (int): bytes allocated so far by the pool.
        limit (int): the pool's limit in bytes (0: no limit).
    """

    def __init__(self, size, total, limit=0):
        self._args = (size, total, limit)
        if limit == 0:
            msg = (f"Out of memory allocating {size:,} bytes "
                   f"(allocated so far: {total:,} bytes).")
        else:
            msg = (f"Out of memory allocating {size:,} bytes "
                   f"(allocated so far: {total:,} bytes, limit set to: {limit:,} bytes).")
        super().__init__(msg)

    def __reduce__(self):
        return (type(self), self._args)


cdef inline size_t _round_size(size_t size):
    return ((size + ALLOCATION_UNIT_SIZE - 1) // ALLOCATION_UNIT_SIZE) * ALLOCATION_UNIT_SIZE


# ---------------------------------------------------------------------------------------------
# Memory objects

cdef class BaseMemory:
    """Memory on a device: ``ptr`` (address), ``size`` (bytes), ``device_id``."""

    def __int__(self):
        return self.ptr

    def __repr__(self):
        return f"<{type(self).__name__} {self.ptr:#x} size={self.size} device={self.device_id}>"


cdef class Memory(BaseMemory):
    """A device allocation of ``size`` bytes on the current device, freed with the object.

    Args:
        size (int): bytes to allocate (0 allocates nothing and has ``ptr == 0``).
    """

    def __init__(self, size_t size):
        cdef Backend be = active()
        self.device_id = be.get_device()
        self.size = size
        if size > 0:
            self.ptr = be.malloc(size)

    def __dealloc__(self):
        if self.ptr:
            try:
                active().free(self.ptr)
            except Exception:   # the backend may be gone at interpreter exit
                pass
            self.ptr = 0


@cython.no_gc_clear
cdef class UnownedMemory(BaseMemory):
    """Device memory owned by someone else (``owner`` is kept alive, nothing is freed).

    Args:
        ptr (int): the device address.
        size (int): length in bytes.
        owner (object): the object that owns the memory.
        device_id (int): its device; the current device when -1.
    """
    cdef readonly object _owner

    def __init__(self, intptr_t ptr, size_t size, object owner, int device_id=-1):
        self.ptr = ptr
        self.size = size
        self._owner = owner
        self.device_id = device_id if device_id >= 0 else active().get_device()


# The collector must never clear the references of pool objects (``PooledMemory``, ``_Chunk``,
# ``MemoryPointer``, ``UnownedMemory``): when an array dies inside a reference cycle, clearing the allocation a
# chunk holds would free it while ``PooledMemory.__dealloc__`` then hands the chunk back to
# the pool, which lends the freed memory again.
@cython.no_gc_clear
cdef class PooledMemory(BaseMemory):
    """A chunk lent by a ``SingleDeviceMemoryPool``; it goes back to the pool when this object
    dies (or on :meth:`free`). The object owns the chunk while it lives."""
    cdef _Chunk _chunk
    cdef SingleDeviceMemoryPool _pool

    def free(self):
        """Return the chunk to the pool now (the pointer must no longer be used)."""
        chunk = self._chunk
        if chunk is None:
            return
        self._chunk = None
        self._pool._free_with_hooks(chunk, id(self))
        self.ptr = 0

    def __dealloc__(self):
        if self._chunk is not None:
            chunk = self._chunk
            self._chunk = None
            try:
                self._pool._free_with_hooks(chunk, id(self))
            except Exception:
                pass


cdef intptr_t _host_ptr(object mem) except? 0:
    """The address of a host buffer given as int, ctypes pointer, PinnedMemoryPointer or array."""
    if isinstance(mem, int):
        return mem
    if isinstance(mem, ctypes.c_void_p):
        return mem.value or 0
    p = getattr(mem, "ptr", None)
    if isinstance(p, int):
        return p
    if isinstance(mem, ctypes._SimpleCData) or isinstance(mem, ctypes.Array) or \
            isinstance(mem, ctypes.Structure):
        return ctypes.addressof(mem)
    iface = getattr(mem, "__array_interface__", None)
    if iface is not None:
        return iface["data"][0]
    raise TypeError(f"cannot get a host address from {type(mem).__name__}")


cdef intptr_t _stream_ptr(object stream) except? -1:
    if stream is None:
        return get_current_stream_ptr()
    if isinstance(stream, _BaseStream):
        return (<_BaseStream>stream).ptr
    raise TypeError(f"stream must be a cupy.cuda.Stream, got {type(stream).__name__}")


cdef _copy(intptr_t dst, intptr_t src, size_t size, int kind):
    """A synchronous copy ordered after the work of the current stream."""
    cdef Backend be = active()
    cdef intptr_t s = get_current_stream_ptr()
    if s == 0:
        be.memcpy(dst, src, size, kind)
    else:
        be.memcpy_async(dst, src, size, kind, s)
        be.stream_synchronize(s)


@cython.no_gc_clear
cdef class MemoryPointer:
    """A pointer into device memory: ``ptr = mem.ptr + offset``.

    Args:
        mem (BaseMemory): the memory pointed into (kept alive by the pointer).
        offset (int): byte offset from ``mem.ptr``.

    Example:
        >>> import cupy
        >>> p = cupy.cuda.alloc(1024)
        >>> p.memset(0, 1024)
        >>> q = p + 512      # points 512 bytes further into the same memory
    """

    def __init__(self, BaseMemory mem, Py_ssize_t offset):
        self.mem = mem
        self.device_id = mem.device_id
        self.ptr = mem.ptr + offset

    def __int__(self):
        return self.ptr

    def __index__(self):
        return self.ptr

    def __repr__(self):
        return f"<MemoryPointer {self.ptr:#x} device={self.device_id}>"

    def __eq__(self, other):
        if not isinstance(other, MemoryPointer):
            return NotImplemented
        return self.ptr == (<MemoryPointer>other).ptr and \
            self.device_id == (<MemoryPointer>other).device_id

    def __hash__(self):
        return hash((self.ptr, self.device_id))

    def __bool__(self):
        """False for the null pointer (a zero-size allocation)."""
        return self.ptr != 0

    def __add__(self, offset):
        if not isinstance(offset, int):
            return NotImplemented
        return MemoryPointer(self.mem, self.ptr - self.mem.ptr + offset)

    def __radd__(self, offset):
        return self.__add__(offset)

    def __iadd__(self, offset):
        return self.__add__(offset)

    def __sub__(self, offset):
        if not isinstance(offset, int):
            return NotImplemented
        return self.__add__(-offset)

    def __isub__(self, offset):
        return self.__sub__(offset)

    # --- copies --------------------------------------------------------------------------
    def copy_from_device(self, MemoryPointer src not None, size_t size):
        """Copy ``size`` bytes from device memory ``src`` (waits for completion)."""
        if size > 0:
            _copy(self.ptr, src.ptr, size, MEMCPY_DEVICE_TO_DEVICE)

    def copy_from_device_async(self, MemoryPointer src not None, size_t size, stream=None):
        """Copy ``size`` bytes from device memory ``src`` on ``stream`` (current by default)."""
        if size > 0:
            active().memcpy_async(self.ptr, src.ptr, size, MEMCPY_DEVICE_TO_DEVICE,
                                  _stream_ptr(stream))

    def copy_from_host(self, mem, size_t size):
        """Copy ``size`` bytes from host memory ``mem`` (int address or ``ctypes.c_void_p``)."""
        if size > 0:
            _copy(self.ptr, _host_ptr(mem), size, MEMCPY_HOST_TO_DEVICE)

    def copy_from_host_async(self, mem, size_t size, stream=None):
        """Copy ``size`` bytes from host memory ``mem`` on ``stream``; ``mem`` should be pinned
        and must stay valid until the copy completes."""
        if size > 0:
            active().memcpy_async(self.ptr, _host_ptr(mem), size, MEMCPY_HOST_TO_DEVICE,
                                  _stream_ptr(stream))

    def copy_from(self, mem, size_t size):
        """Copy from device memory (a MemoryPointer) or host memory (anything else)."""
        if isinstance(mem, MemoryPointer):
            self.copy_from_device(mem, size)
        else:
            self.copy_from_host(mem, size)

    def copy_from_async(self, mem, size_t size, stream=None):
        """Asynchronous :meth:`copy_from` on ``stream``."""
        if isinstance(mem, MemoryPointer):
            self.copy_from_device_async(mem, size, stream)
        else:
            self.copy_from_host_async(mem, size, stream)

    def copy_to_host(self, mem, size_t size):
        """Copy ``size`` bytes to host memory ``mem`` (waits for completion)."""
        if size > 0:
            _copy(_host_ptr(mem), self.ptr, size, MEMCPY_DEVICE_TO_HOST)

    def copy_to_host_async(self, mem, size_t size, stream=None):
        """Copy ``size`` bytes to host memory ``mem`` on ``stream``."""
        if size > 0:
            active().memcpy_async(_host_ptr(mem), self.ptr, size, MEMCPY_DEVICE_TO_HOST,
                                  _stream_ptr(stream))

    def memset(self, int value, size_t size):
        """Fill ``size`` bytes with the byte ``value`` (waits for completion)."""
        cdef Backend be
        cdef intptr_t s
        if size > 0:
            be = active()
            s = get_current_stream_ptr()
            if s == 0:
                be.memset(self.ptr, value, size)
            else:
                be.memset_async(self.ptr, value, size, s)
                be.stream_synchronize(s)

    def memset_async(self, int value, size_t size, stream=None):
        """Fill ``size`` bytes with the byte ``value`` on ``stream``."""
        if size > 0:
            active().memset_async(self.ptr, value, size, _stream_ptr(stream))


# ---------------------------------------------------------------------------------------------
# Allocators

cpdef MemoryPointer _malloc(size_t size):
    """Allocate without a pool (the allocator selected by ``set_allocator(None)``)."""
    return MemoryPointer(Memory(size), 0)


cdef object _current_allocator = _malloc
# When the global allocator is ``pool.malloc`` of a MemoryPool, the pool itself (skips a Python
# call on the hot path).
cdef MemoryPool _current_pool = None
cdef int _n_thread_allocators = 0     # live ``using_allocator`` blocks in all threads
_thread_local = threading.local()


cpdef MemoryPointer alloc(size):
    """Allocate ``size`` bytes of device memory with the current allocator.

    The current allocator is the one set by :func:`using_allocator` in this thread, else the one
    set by :func:`set_allocator` (the default memory pool unless changed).

    Example:
        >>> import cupy
        >>> p = cupy.cuda.alloc(256)
        >>> p.mem.size >= 256
        True
    """
    if _n_thread_allocators:
        a = getattr(_thread_local, "allocator", None)
        if a is not None:
            return a(size)
    if _current_pool is not None:
        return _current_pool.malloc(size)
    return _current_allocator(size)


def set_allocator(allocator=None):
    """Set the allocator of all threads (``None``: plain allocations, no pool).

    Args:
        allocator (callable): ``allocator(size) -> MemoryPointer``.
    """
    global _current_allocator, _current_pool
    if allocator is None:
        allocator = _malloc
    if not callable(allocator):
        raise TypeError("allocator must be callable")
    if getattr(_thread_local, "allocator", None) is not None:
        raise ValueError("Can't change the global allocator inside ``using_allocator`` context manager")
    owner = getattr(allocator, "__self__", None)
    _current_pool = owner if (type(owner) is MemoryPool and
                              getattr(allocator, "__name__", "") == "malloc") else None
    _current_allocator = allocator


def get_allocator():
    """Return the current allocator of the calling thread."""
    a = getattr(_thread_local, "allocator", None)
    return _current_allocator if a is None else a


@contextlib.contextmanager
def using_allocator(allocator=None):
    """Use ``allocator`` in this thread inside the ``with`` block (``None``: no pool).

    Example:
        >>> import cupy
        >>> pool = cupy.cuda.MemoryPool()
        >>> with cupy.cuda.using_allocator(pool.malloc):
        ...     p = cupy.cuda.alloc(100)
    """
    global _n_thread_allocators
    if allocator is None:
        allocator = _malloc
    previous = getattr(_thread_local, "allocator", None)
    _thread_local.allocator = allocator
    _n_thread_allocators += 1
    try:
        yield
    finally:
        _thread_local.allocator = previous
        _n_thread_allocators -= 1


# ---------------------------------------------------------------------------------------------
# The memory pool

@cython.no_gc_clear
cdef class _Chunk:
    """A piece of one allocation (``mem``), ``[ptr, ptr + size)``.

    Chunks split from one allocation form a doubly linked list in address order (``prev`` /
    ``next``); all of them belong to the arena of the stream that allocated the memory.
    """
    cdef object mem             # the allocator's MemoryPointer; keeps the allocation alive
    cdef intptr_t ptr
    cdef size_t size
    cdef intptr_t stream_ptr
    cdef _Chunk prev
    cdef _Chunk next
    cdef bint in_use


cdef class _Arena:
    """The free chunks of one stream.

    Invariants (hold whenever the pool lock is free): every chunk of this stream that is not
    in use is in exactly one bin, ``bins[chunk.size]``; ``index`` holds exactly the sizes of the
    non-empty bins (empty bins are kept, so a size that cycles costs no set allocation); no two
    free chunks are neighbours (they would have been merged).
    """
    cdef dict bins                  # size -> set of free _Chunk
    cdef cpp_set[size_t] index      # sizes with a non-empty bin, ordered for best-fit search
    cdef Py_ssize_t n_free

    def __init__(self):
        self.bins = {}
        self.n_free = 0

    cdef int push(self, _Chunk c) except -1:
        b = self.bins.get(c.size)
        if b is None:
            b = set()
            self.bins[c.size] = b
        if not b:
            self.index.insert(c.size)
        (<set>b).add(c)
        self.n_free += 1
        return 0

    cdef int remove(self, _Chunk c) except -1:
        cdef set b = self.bins[c.size]
        b.remove(c)
        if not b:
            self.index.erase(c.size)
        self.n_free -= 1
        return 0

    cdef _Chunk pop_best_fit(self, size_t size):
        """Take the smallest free chunk of at least ``size`` bytes, or None."""
        it = self.index.lower_bound(size)
        if it == self.index.end():
            return None
        cdef size_t found = deref(it)
        cdef set b = self.bins[found]
        c = <_Chunk>b.pop()
        if not b:
            self.index.erase(found)
        self.n_free -= 1
        return c


cdef object _parse_limit(str text, int device_id):
    text = text.strip()
    if not text:
        return 0
    if text.endswith("%"):
        fraction = float(text[:-1]) / 100
        if not 0 <= fraction <= 1:
            raise ValueError(f"CUPY_GPU_MEMORY_LIMIT out of range: {text!r}")
        return int(fraction * active().mem_info(device_id)[1])
    return int(text)


cdef class SingleDeviceMemoryPool:
    """A memory pool of one device (CuPy's ``SingleDeviceMemoryPool``).

    Args:
        allocator (callable): ``allocator(size) -> MemoryPointer`` used for new allocations;
            plain device allocations when None.

    Ownership and locking invariants:

    * the arena of a stream owns the free chunks of that stream; a ``PooledMemory`` owns the
      chunk it lends; a chunk owns (keeps alive) the allocation it is part of, so an
      allocation is released only when all its chunks are gone (``free_all_blocks`` drops the
      free chunks that span a whole allocation);
    * ``_total`` = bytes of all allocations held; ``_used`` = bytes of chunks in use;
      free bytes = ``_total - _used``;
    * ``_lock`` (a re-entrant fastrlock) guards arenas and counters; ``_busy`` is set while a
      thread mutates them. A free that finds the pool busy (another thread, or this thread
      re-entering from a destructor run by the garbage collector) or cannot take the lock at
      once is queued in ``_pending``; whoever holds the lock drains the queue before releasing,
      and every statistic drains it first. So a destructor never blocks and never sees a
      half-updated arena;
    * allocator calls run without the lock (they may run Python code or the garbage collector);
      the bytes they add are reserved against the limit under the lock first.
    """
    cdef object _allocator
    cdef readonly int _device_id
    cdef dict _arenas               # stream handle -> _Arena
    cdef object _lock
    cdef bint _busy
    cdef list _pending              # chunks whose free was deferred
    cdef size_t _total
    cdef size_t _used
    cdef size_t _limit
    cdef object __weakref__

    def __init__(self, allocator=None):
        self._allocator = _malloc if allocator is None else allocator
        self._device_id = active().get_device()
        self._arenas = {}
        self._lock = rlock.create_fastrlock()
        self._pending = []
        self._limit = _parse_limit(os.environ.get("CUPY_GPU_MEMORY_LIMIT", ""), self._device_id)

    # --- locking -------------------------------------------------------------------------
    cdef int _acquire(self) except -1:
        rlock.lock_fastrlock(self._lock, -1, True)
        self._busy = True
        return 0

    cdef int _release(self) except -1:
        try:
            while self._pending:
                self._free_locked(<_Chunk>self._pending.pop())
        finally:
            self._busy = False
            rlock.unlock_fastrlock(self._lock)
        return 0

    cdef _Arena _arena(self, intptr_t stream_ptr):
        a = self._arenas.get(stream_ptr)
        if a is None:
            a = _Arena()
            self._arenas[stream_ptr] = a
        return <_Arena>a

    # --- malloc --------------------------------------------------------------------------
    cpdef MemoryPointer malloc(self, size_t size):
        """Allocate ``size`` bytes (rounded up to 512) on the current stream's arena."""
        if size == 0:
            return MemoryPointer(Memory(0), 0)
        cdef size_t rounded = _round_size(size)
        if _n_hooks:
            hooks = memory_hook.get_memory_hooks()
            if hooks:
                return self._malloc_with_hooks(size, rounded, list(hooks.values()))
        return self._malloc(rounded)

    cdef MemoryPointer _malloc_with_hooks(self, size_t size, size_t rounded, list hooks):
        memptr = None
        for hook in hooks:
            hook.malloc_preprocess(device_id=self._device_id, size=size, mem_size=rounded)
        try:
            memptr = self._malloc(rounded)
        finally:
            mem_ptr = 0 if memptr is None else memptr.ptr
            pmem_id = 0 if memptr is None else id(memptr.mem)
            for hook in reversed(hooks):
                hook.malloc_postprocess(device_id=self._device_id, size=size, mem_size=rounded,
                                        mem_ptr=mem_ptr, pmem_id=pmem_id)
        return memptr

    cdef MemoryPointer _malloc(self, size_t size):
        cdef intptr_t stream_ptr = get_current_stream_ptr()
        cdef _Chunk c = None
        cdef _Chunk rest
        cdef _Arena arena
        cdef PooledMemory mem
        cdef MemoryPointer ret
        self._acquire()
        try:
            arena = self._arenas.get(stream_ptr)
            if arena is not None:
                c = arena.pop_best_fit(size)
            if c is not None:
                if c.size > size:      # split: the tail stays free in the same arena
                    rest = _Chunk.__new__(_Chunk)
                    rest.mem = c.mem
                    rest.ptr = c.ptr + size
                    rest.size = c.size - size
                    rest.stream_ptr = stream_ptr
                    rest.prev = c
                    rest.next = c.next
                    if c.next is not None:
                        c.next.prev = rest
                    c.next = rest
                    c.size = size
                    arena.push(rest)
                c.in_use = True
                self._used += size
        finally:
            self._release()
        if c is None:
            c = self._new_chunk(size, stream_ptr)
        mem = PooledMemory.__new__(PooledMemory)
        mem.ptr = c.ptr
        mem.size = c.size
        mem.device_id = self._device_id
        mem._chunk = c
        mem._pool = self
        ret = MemoryPointer.__new__(MemoryPointer)
        ret.mem = mem
        ret.ptr = mem.ptr
        ret.device_id = mem.device_id
        return ret

    cdef _Chunk _new_chunk(self, size_t size, intptr_t stream_ptr):
        """Allocate fresh memory for a chunk, walking the OOM ladder."""
        cdef _Chunk c
        memptr = self._try_alloc(size)
        if memptr is None:
            self.free_all_blocks()
            memptr = self._try_alloc(size)
        if memptr is None:
            gc.collect()
            self.free_all_blocks()
            memptr = self._try_alloc(size)
        if memptr is None:
            self._drain()
            raise OutOfMemoryError(size, self._total, self._limit)
        c = _Chunk.__new__(_Chunk)
        c.mem = memptr
        c.ptr = (<MemoryPointer>memptr).ptr
        c.size = size
        c.stream_ptr = stream_ptr
        c.in_use = True
        return c

    cdef object _try_alloc(self, size_t size):
        """Reserve ``size`` bytes against the limit and allocate them; None when out of memory.
        On success the bytes count as used."""
        self._acquire()
        try:
            if self._limit != 0 and self._total + size > self._limit:
                return None
            self._total += size
            self._used += size
        finally:
            self._release()
        memptr = None
        try:
            if _n_hooks:
                memptr = self._alloc_with_hooks(size)
            else:
                memptr = self._allocator(size)
        except CUDADriverError as e:
            if e.status != CUDA_ERROR_OUT_OF_MEMORY:
                self._unreserve(size)
                raise
        except MemoryError:
            pass
        except BaseException:
            self._unreserve(size)
            raise
        if memptr is None:
            self._unreserve(size)
            return None
        if not isinstance(memptr, MemoryPointer):
            self._unreserve(size)
            raise TypeError(f"the allocator must return a MemoryPointer, got {type(memptr).__name__}")
        return memptr

    cdef object _alloc_with_hooks(self, size_t size):
        hooks = list(memory_hook.get_memory_hooks().values())
        memptr = None
        for hook in hooks:
            hook.alloc_preprocess(device_id=self._device_id, mem_size=size)
        try:
            memptr = self._allocator(size)
        finally:
            mem_ptr = 0 if memptr is None else memptr.ptr
            for hook in reversed(hooks):
                hook.alloc_postprocess(device_id=self._device_id, mem_size=size, mem_ptr=mem_ptr)
        return memptr

    cdef _unreserve(self, size_t size):
        self._acquire()
        self._total -= size
        self._used -= size
        self._release()

    # --- free ----------------------------------------------------------------------------
    cdef _free_with_hooks(self, _Chunk c, pmem_id):
        if _n_hooks:
            hooks = list(memory_hook.get_memory_hooks().values())
            if hooks:
                for hook in hooks:
                    hook.free_preprocess(device_id=self._device_id, mem_size=c.size,
                                         mem_ptr=c.ptr, pmem_id=pmem_id)
                try:
                    self._free(c)
                finally:
                    for hook in reversed(hooks):
                        hook.free_postprocess(device_id=self._device_id, mem_size=c.size,
                                              mem_ptr=c.ptr, pmem_id=pmem_id)
                return
        self._free(c)

    cdef _free(self, _Chunk c):
        # Never blocks (may run in a destructor): defer when the pool is busy.
        if self._busy or not rlock.lock_fastrlock(self._lock, -1, False):
            self._pending.append(c)
            return
        self._busy = True
        try:
            self._free_locked(c)
        finally:
            self._release()

    cdef _free_locked(self, _Chunk c):
        cdef _Arena arena = self._arena(c.stream_ptr)
        cdef _Chunk n, p
        c.in_use = False
        self._used -= c.size
        if c.prev is not None and not c.prev.in_use:     # merge with the free chunk before
            p = c.prev
            arena.remove(p)
            p.size += c.size
            p.next = c.next
            if c.next is not None:
                c.next.prev = p
            c = p
        n = c.next
        if n is not None and not n.in_use:               # and with the free chunk after
            arena.remove(n)
            c.size += n.size
            c.next = n.next
            if n.next is not None:
                n.next.prev = c
        arena.push(c)

    cdef _drain(self):
        self._acquire()
        self._release()

    # --- public API ----------------------------------------------------------------------
    def free_all_blocks(self, stream=None):
        """Release the cached blocks that span a whole allocation.

        Args:
            stream (Stream or None): only that stream's arena; all arenas when None.
        """
        cdef _Arena arena
        cdef _Chunk c
        released = []     # dropped after the lock is released (freeing may run Python code)
        self._acquire()
        try:
            if stream is None:
                arenas = list(self._arenas.items())
            else:
                key = _stream_ptr(stream)
                arenas = [(key, self._arenas[key])] if key in self._arenas else []
            for key, a in arenas:
                arena = <_Arena>a
                for b in list(arena.bins.values()):
                    for x in list(<set>b):
                        c = <_Chunk>x
                        if c.prev is None and c.next is None:
                            arena.remove(c)
                            self._total -= c.size
                            released.append(c.mem)
                            c.mem = None
                if arena.n_free == 0:
                    del self._arenas[key]
        finally:
            self._release()
        del released

    def free_all_free(self):
        """Deprecated alias of :meth:`free_all_blocks`."""
        self.free_all_blocks()

    def n_free_blocks(self):
        """Number of free chunks cached by the pool."""
        self._drain()
        return sum((<_Arena>a).n_free for a in self._arenas.values())

    def used_bytes(self):
        """Bytes currently lent out by the pool."""
        self._drain()
        return self._used

    def free_bytes(self):
        """Bytes held by the pool but not lent out."""
        self._drain()
        return self._total - self._used

    def total_bytes(self):
        """Bytes held by the pool (used + free)."""
        self._drain()
        return self._total

    def set_limit(self, size=None, fraction=None):
        """Limit the bytes the pool may hold (``total_bytes``).

        Args:
            size (int): the limit in bytes.
            fraction (float): the limit as a fraction of the device's total memory.

        With neither, the limit is removed. Allocations beyond the limit raise
        ``OutOfMemoryError``.
        """
        if size is None:
            if fraction is None:
                size = 0
            else:
                if not 0 <= fraction <= 1:
                    raise ValueError(f"memory limit fraction out of range: {fraction}")
                size = int(fraction * active().mem_info(self._device_id)[1])
        elif fraction is not None:
            raise ValueError("size and fraction cannot be specified at one time")
        elif size < 0:
            raise ValueError(f"memory limit size out of range: {size}")
        self._limit = int(size)

    def get_limit(self):
        """The limit in bytes (0: none)."""
        return self._limit

    def __repr__(self):
        return (f"<SingleDeviceMemoryPool device={self._device_id} used={self._used} "
                f"total={self._total}>")


cdef class MemoryPool:
    """A memory pool for all devices: one :class:`SingleDeviceMemoryPool` per device, used
    for the current device.

    Args:
        allocator (callable): ``allocator(size) -> MemoryPointer`` for new allocations; plain
            device allocations when None.

    Example:
        >>> import cupy
        >>> pool = cupy.cuda.MemoryPool()
        >>> cupy.cuda.set_allocator(pool.malloc)
        >>> a = cupy.zeros(1000)
        >>> pool.used_bytes()
        8192
    """
    cdef object _allocator
    cdef list _pools                 # device id -> SingleDeviceMemoryPool (created on use)
    cdef object _lock
    cdef object __weakref__

    def __init__(self, allocator=None):
        self._allocator = allocator
        self._pools = []
        self._lock = threading.Lock()

    cpdef SingleDeviceMemoryPool device_pool(self):
        """The pool of the current device."""
        cdef int dev = active().get_device()
        if dev < len(self._pools):
            p = self._pools[dev]
            if p is not None:
                return p
        with self._lock:
            while len(self._pools) <= dev:
                self._pools.append(None)
            if self._pools[dev] is None:
                self._pools[dev] = SingleDeviceMemoryPool(self._allocator)
            return self._pools[dev]

    cpdef MemoryPointer malloc(self, size_t size):
        """Allocate ``size`` bytes on the current device (see ``SingleDeviceMemoryPool``)."""
        return self.device_pool().malloc(size)

    def free_all_blocks(self, stream=None):
        """Release the cached blocks of the current device (of ``stream`` only, if given)."""
        self.device_pool().free_all_blocks(stream=stream)

    def free_all_free(self):
        """Deprecated alias of :meth:`free_all_blocks`."""
        self.device_pool().free_all_blocks()

    def n_free_blocks(self):
        """Number of free blocks cached for the current device."""
        return self.device_pool().n_free_blocks()

    def used_bytes(self):
        """Bytes lent out on the current device."""
        return self.device_pool().used_bytes()

    def free_bytes(self):
        """Bytes cached but not lent out on the current device."""
        return self.device_pool().free_bytes()

    def total_bytes(self):
        """Bytes held on the current device."""
        return self.device_pool().total_bytes()

    def set_limit(self, size=None, fraction=None):
        """Limit the bytes held on the current device (see ``SingleDeviceMemoryPool``)."""
        self.device_pool().set_limit(size=size, fraction=fraction)

    def get_limit(self):
        """The limit of the current device in bytes (0: none)."""
        return self.device_pool().get_limit()


_default_pool = MemoryPool()


def get_default_memory_pool():
    """The memory pool used by default for device allocations."""
    return _default_pool


# Under the host backend's memory checker every array owns its own guarded mapping, so the
# pool (which carves arrays out of shared arenas and reuses freed blocks) is bypassed.
if os.environ.get("CUPY_HOST_MEMCHECK", "0") in ("", "0"):
    set_allocator(_default_pool.malloc)
