"""The FFT plan cache: least-recently-used plans per (thread, device), bounded by count and
by memory.

A plan is any object with a ``memsize`` attribute (bytes it needs: for cuFFT plans, the work
area each execution borrows from the memory pool) and a ``close()`` method that frees it; the
cache calls ``close()`` on the plans it evicts or clears, and never on a plan it refused to
store (the caller keeps it). Keys are hashable descriptions of a transform (sizes, layout,
type, device).

Invariants: ``len(cache) <= get_size()``; when ``get_memsize() >= 0``,
``get_curr_memsize() <= get_memsize()``; the ordered dict runs from the least to the most
recently used plan. A cache is used by one thread only (``get_plan_cache`` hands each thread
its own), so nothing here locks.

Example:
    >>> cache = cupy.fft.config.get_plan_cache()
    >>> cache.set_size(8)          # keep at most 8 plans on this device
    >>> cache.set_memsize(2**30)   # and at most 1 GiB of work areas
    >>> cache.clear()
"""
import collections
import threading


class PlanCache:
    """Least-recently-used cache of FFT plans (CuPy's ``PlanCache`` API).

    Args:
        size (int): the most plans kept; 0 disables the cache.
        memsize (int): the most bytes kept (the sum of the plans' ``memsize``); -1 for no
            limit, 0 disables the cache.
        dev (int): the device the plans belong to (for ``show_info``).
    """

    def __init__(self, size=16, memsize=-1, dev=-1):
        self._check_size(size)
        self._check_memsize(memsize)
        self._size = size
        self._memsize = memsize
        self._dev = dev
        self._plans = collections.OrderedDict()
        self._curr_memsize = 0
        self._hits = 0
        self._misses = 0

    @staticmethod
    def _check_size(size):
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ValueError(f"size must be a non-negative integer, got {size!r}")

    @staticmethod
    def _check_memsize(memsize):
        if not isinstance(memsize, int) or isinstance(memsize, bool) or memsize < -1:
            raise ValueError(f"memsize must be an integer >= -1, got {memsize!r}")

    # --- limits -----------------------------------------------------------------------------

    def get_size(self):
        """The most plans kept."""
        return self._size

    def set_size(self, size):
        """Changes the most plans kept, evicting the least recently used ones; 0 disables
        (and clears) the cache."""
        self._check_size(size)
        self._size = size
        self._evict()

    def get_curr_size(self):
        """The number of plans held now."""
        return len(self._plans)

    def get_memsize(self):
        """The most bytes kept (-1: no limit)."""
        return self._memsize

    def set_memsize(self, memsize):
        """Changes the most bytes kept (-1: no limit), evicting the least recently used plans
        until the cache fits."""
        self._check_memsize(memsize)
        self._memsize = memsize
        self._evict()

    def get_curr_memsize(self):
        """The bytes held now."""
        return self._curr_memsize

    @property
    def enabled(self):
        return self._size != 0 and self._memsize != 0

    # --- lookups ----------------------------------------------------------------------------

    def get(self, key, default=None):
        """The plan for ``key`` (now the most recently used), or ``default``."""
        plan = self._plans.get(key)
        if plan is None:
            self._misses += 1
            return default
        self._hits += 1
        self._plans.move_to_end(key)
        return plan

    def __getitem__(self, key):
        plan = self.get(key)
        if plan is None:
            raise KeyError(key)
        return plan

    def __setitem__(self, key, plan):
        self.put(key, plan)

    def put(self, key, plan):
        """Stores ``plan`` as the most recently used; returns False (storing nothing) when
        the cache is disabled or the plan alone exceeds the memory limit."""
        memsize = int(plan.memsize)
        if not self.enabled or (self._memsize >= 0 and memsize > self._memsize):
            return False
        old = self._plans.pop(key, None)
        if old is not None:
            self._curr_memsize -= int(old.memsize)
            if old is not plan:
                old.close()
        self._plans[key] = plan
        self._curr_memsize += memsize
        self._evict()
        return True

    def __contains__(self, key):
        return key in self._plans

    def __len__(self):
        return len(self._plans)

    def clear(self):
        """Frees every plan held (the counters of hits and misses restart)."""
        while self._plans:
            _, plan = self._plans.popitem(last=False)
            plan.close()
        self._curr_memsize = 0
        self._hits = self._misses = 0

    def _evict(self):
        while self._plans and (
                len(self._plans) > self._size
                or (self._memsize >= 0 and self._curr_memsize > self._memsize)):
            _, plan = self._plans.popitem(last=False)
            self._curr_memsize -= int(plan.memsize)
            plan.close()

    # --- report -----------------------------------------------------------------------------

    def show_info(self):
        """Prints the limits, the use and the plans held (most recently used first)."""
        print(self._info())

    def _info(self):
        memsize = "(unlimited)" if self._memsize < 0 else self._memsize
        lines = [
            f"------------------- cuFFT plan cache (device {self._dev}) -------------------",
            f"cache enabled? {self.enabled}",
            f"current / max size   : {len(self._plans)} / {self._size} (counts)",
            f"current / max memsize: {self._curr_memsize} / {memsize} (bytes)",
            f"hits / misses: {self._hits} / {self._misses} (counts)",
            "",
            "cached plans (most recently used first):",
        ]
        for key, plan in reversed(self._plans.items()):
            lines.append(f"key: {key}, memory usage: {plan.memsize}")
        return "\n".join(lines)

    def __repr__(self):
        return (f"<PlanCache device={self._dev} size={len(self._plans)}/{self._size} "
                f"memsize={self._curr_memsize}/{self._memsize}>")


_local = threading.local()
# The limits that new caches start with.
_defaults = {"size": 16, "memsize": -1}


def get_plan_cache(device=None):
    """The plan cache of this thread for ``device`` (default: the current device)."""
    if device is None:
        from cupy.cuda import device as _device
        device = _device.get_device_id()
    caches = getattr(_local, "caches", None)
    if caches is None:
        caches = _local.caches = {}
    cache = caches.get(device)
    if cache is None:
        cache = caches[device] = PlanCache(dev=device, **_defaults)
    return cache


def get_plan_cache_size():
    """The most plans kept by the current device's cache of this thread."""
    return get_plan_cache().get_size()


def set_plan_cache_size(size):
    """Sets the most plans kept by the current device's cache of this thread."""
    get_plan_cache().set_size(size)


def get_plan_cache_max_memsize():
    """The most bytes kept by the current device's cache of this thread (-1: no limit)."""
    return get_plan_cache().get_memsize()


def set_plan_cache_max_memsize(size):
    """Sets the most bytes kept by the current device's cache of this thread."""
    get_plan_cache().set_memsize(size)


def clear_plan_cache():
    """Frees the plans of the current device's cache of this thread."""
    get_plan_cache().clear()


def show_plan_cache_info():
    """Prints every plan cache of this thread."""
    for cache in getattr(_local, "caches", {}).values():
        cache.show_info()
