"""Sorting benchmarks: ``sort`` and ``argsort`` of random float32 vectors, a batch of short
rows, and ``searchsorted`` into a sorted vector.

Each case is a function ``(impl) -> (fn, sync, meta)`` or None when the implementation has no
equivalent; see suite_foundation.py for the protocol.
"""
import numpy

from impls import array_module, torch_device, torch_sync

CASES = {}

SIZES = {"1e4": 10**4, "1e6": 10**6, "1e7": 10**7, "1e8": 10**8}


def case(name):
    def register(fn):
        CASES[name] = fn
        return fn
    return register


def _random(shape, seed=0):
    return numpy.random.RandomState(seed).rand(*shape).astype(numpy.float32)


def _sort_case(shape, func):
    def make(impl):
        if impl == "torch":
            import torch
            x = torch.as_tensor(_random(shape), device=torch_device())
            if func == "sort":
                return (lambda: torch.sort(x, dim=-1, stable=True)), torch_sync(), {}
            return (lambda: torch.argsort(x, dim=-1, stable=True)), torch_sync(), {}
        xp, sync = array_module(impl)
        if xp is None or not hasattr(xp, func):
            return None
        x = xp.asarray(_random(shape))
        if func == "argsort":
            # CuPy's argsort is stable; compare with NumPy's stable argsort.
            return (lambda: xp.argsort(x, axis=-1, kind="stable")), sync, {"shape": list(shape)}
        return (lambda: xp.sort(x, axis=-1)), sync, {"shape": list(shape)}
    return make


def _searchsorted_case(n, m):
    def make(impl):
        if impl == "torch":
            import torch
            a = torch.sort(torch.as_tensor(_random((n,)), device=torch_device())).values
            v = torch.as_tensor(_random((m,), seed=1), device=torch_device())
            return (lambda: torch.searchsorted(a, v)), torch_sync(), {}
        xp, sync = array_module(impl)
        if xp is None or not hasattr(xp, "searchsorted"):
            return None
        a = xp.asarray(numpy.sort(_random((n,))))
        v = xp.asarray(_random((m,), seed=1))
        return (lambda: xp.searchsorted(a, v)), sync, {}
    return make


for _label, _n in SIZES.items():
    case(f"sort float32 {_label}")(_sort_case((_n,), "sort"))
    case(f"argsort float32 {_label}")(_sort_case((_n,), "argsort"))
case("sort float32 rows 1000x100")(_sort_case((1000, 100), "sort"))
case("searchsorted float32 1e6 into 1e6")(_searchsorted_case(10**6, 10**6))
