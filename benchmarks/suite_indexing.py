"""Indexing benchmarks: ``take`` of random positions, ``take_along_axis``, and scattering adds
(``cupyx.scatter_add`` beside NumPy's ``numpy.add.at`` and PyTorch's ``index_add_``).

Each case is a function ``(impl) -> (fn, sync, meta)`` or None when the implementation has no
equivalent; see suite_foundation.py for the protocol.
"""
import numpy

from impls import array_module, torch_device, torch_sync

CASES = {}


def _data(n, m, seed=0):
    rng = numpy.random.default_rng(seed)
    return rng.random(n).astype(numpy.float32), rng.integers(0, n, m)


def _take_case(n, m):
    def make(impl):
        a, idx = _data(n, m)
        if impl == "torch":
            import torch
            ta, ti = torch.as_tensor(a, device=torch_device()), torch.as_tensor(idx, device=torch_device())
            return (lambda: torch.take(ta, ti)), torch_sync(), {}
        xp, sync = array_module(impl)
        if xp is None:
            return None
        xa, xi = xp.asarray(a), xp.asarray(idx)
        return (lambda: xp.take(xa, xi)), sync, {}
    return make


def _take_along_case(rows, cols):
    def make(impl):
        rng = numpy.random.default_rng(1)
        a = rng.random((rows, cols)).astype(numpy.float32)
        idx = rng.integers(0, cols, (rows, cols))
        if impl == "torch":
            import torch
            ta, ti = torch.as_tensor(a, device=torch_device()), torch.as_tensor(idx, device=torch_device())
            return (lambda: torch.gather(ta, 1, ti)), torch_sync(), {}
        xp, sync = array_module(impl)
        if xp is None:
            return None
        xa, xi = xp.asarray(a), xp.asarray(idx)
        return (lambda: xp.take_along_axis(xa, xi, axis=1)), sync, {}
    return make


def _scatter_add_case(bins, m):
    def make(impl):
        values, idx = _data(m, m, seed=2)
        idx = idx % bins
        if impl == "torch":
            import torch
            out = torch.zeros(bins, dtype=torch.float32, device=torch_device())
            tv, ti = torch.as_tensor(values, device=torch_device()), torch.as_tensor(idx, device=torch_device())
            return (lambda: out.index_add_(0, ti, tv)), torch_sync(), {}
        if impl == "numpy":
            out = numpy.zeros(bins, numpy.float32)
            return (lambda: numpy.add.at(out, idx, values)), None, {}
        if impl not in ("ours", "cupy"):
            return None
        import cupy
        import cupyx
        out = cupy.zeros(bins, numpy.float32)
        cv, ci = cupy.asarray(values), cupy.asarray(idx)
        sync = cupy.cuda.get_current_stream().synchronize
        return (lambda: cupyx.scatter_add(out, ci, cv)), sync, {}
    return make


CASES["take 1e6 of 1e7 float32"] = _take_case(10**7, 10**6)
CASES["take_along_axis 1000x1000 float32"] = _take_along_case(1000, 1000)
CASES["scatter_add 1e6 into 1e3 bins float32"] = _scatter_add_case(10**3, 10**6)
CASES["scatter_add 1e6 into 1e6 bins float32"] = _scatter_add_case(10**6, 10**6)
