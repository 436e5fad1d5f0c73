"""Memory hooks: callbacks the memory pool calls around allocations and frees.

A hook is active in the thread that entered its ``with`` block. The pool calls, with keyword
arguments (``device_id``, sizes in bytes, ``mem_ptr`` the device address, ``pmem_id`` the
``id()`` of the pooled memory object):

* ``malloc_preprocess(device_id, size, mem_size)`` / ``malloc_postprocess(device_id, size,
  mem_size, mem_ptr, pmem_id)`` around every pool allocation (``size`` requested, ``mem_size``
  rounded);
* ``alloc_preprocess(device_id, mem_size)`` / ``alloc_postprocess(device_id, mem_size, mem_ptr)``
  around the pool's requests to the underlying allocator (cache misses);
* ``free_preprocess(device_id, mem_size, mem_ptr, pmem_id)`` / ``free_postprocess(...)`` around
  every return of a block to the pool.
"""
import collections
import threading

_thread_local = threading.local()
_lock = threading.Lock()


def get_memory_hooks():
    """The hooks active in the calling thread (an ordered dict ``name -> hook``)."""
    try:
        return _thread_local.memory_hooks
    except AttributeError:
        hooks = _thread_local.memory_hooks = collections.OrderedDict()
        return hooks


class MemoryHook:
    """Base class of memory hooks; override the callbacks you need.

    Example:
        >>> import cupy
        >>> from cupy.cuda import memory_hooks
        >>> with memory_hooks.DebugPrintHook():
        ...     a = cupy.zeros(10)
    """

    name = "MemoryHook"

    def __enter__(self):
        from cupy.cuda import memory
        hooks = get_memory_hooks()
        if self.name in hooks:
            raise KeyError(f"Hook {self.name} already exists")
        hooks[self.name] = self
        with _lock:    # the pool skips the per-thread lookup while no hook is active anywhere
            memory._hooks_changed(1)
        return self

    def __exit__(self, *exc):
        from cupy.cuda import memory
        del get_memory_hooks()[self.name]
        with _lock:
            memory._hooks_changed(-1)

    def alloc_preprocess(self, **kwargs):
        """Called before the pool asks its allocator for new memory."""

    def alloc_postprocess(self, **kwargs):
        """Called after the pool asked its allocator for new memory."""

    def malloc_preprocess(self, **kwargs):
        """Called before a pool allocation."""

    def malloc_postprocess(self, **kwargs):
        """Called after a pool allocation."""

    def free_preprocess(self, **kwargs):
        """Called before a block goes back to the pool."""

    def free_postprocess(self, **kwargs):
        """Called after a block went back to the pool."""
