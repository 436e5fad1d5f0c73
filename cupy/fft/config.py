"""Settings of ``cupy.fft`` (a subset of CuPy's ``cupy.fft.config``).

``enable_nd_planning``: when True (default), the cuda backend runs transforms over up to three
axes as one cuFFT plan; when False, one axis at a time. The host backend ignores it.

The plan cache keeps cuFFT plans per thread and device, least recently used first out; see
:class:`cupy.fft._cache.PlanCache`. On the host backend there are no plans to keep and the
caches stay empty.

Example:
    >>> cache = cupy.fft.config.get_plan_cache()
    >>> cache.set_size(4)
    >>> cache.get_size(), cache.get_curr_size()
    (4, 0)
"""
from cupy.fft._cache import (  # NOQA
    PlanCache, clear_plan_cache, get_plan_cache, get_plan_cache_max_memsize,
    get_plan_cache_size, set_plan_cache_max_memsize, set_plan_cache_size,
    show_plan_cache_info)

enable_nd_planning = True
