"""Array-core benchmarks: elementwise ``x + y``, a broadcast product (a bias over the channels
of an NCHW batch, as a convolution layer does), reductions (``sum`` full / axis 0 / axis 1)
and the per-call host overhead of a small operation.

Each case is a function ``(impl) -> (fn, sync, meta)`` or None when the implementation has no
equivalent; see suite_foundation.py for the protocol.
"""
import numpy

from impls import array_module, torch_device, torch_sync

CASES = {}

SIZES = {"1e3": 10**3, "1e5": 10**5, "1e6": 10**6, "1e7": 10**7, "1e8": 10**8}
DTYPES = ("float32", "float64")


def case(name):
    def register(fn):
        CASES[name] = fn
        return fn
    return register


def _torch_inputs(shape, dtype):
    import torch
    t = getattr(torch, dtype)
    return torch.rand(shape, dtype=t, device=torch_device()), torch.rand(shape, dtype=t, device=torch_device())


def _add_case(n, dtype):
    def make(impl):
        if impl == "torch":
            import torch
            x, y = _torch_inputs((n,), dtype)
            return (lambda: x + y), torch_sync(), {"bytes": 3 * n * x.element_size()}
        xp, sync = array_module(impl)
        if xp is None:
            return None
        x = xp.asarray(numpy.random.rand(n).astype(dtype))
        y = xp.asarray(numpy.random.rand(n).astype(dtype))
        return (lambda: x + y), sync, {"bytes": 3 * n * x.itemsize}
    return make


def _sum_case(n, dtype, axis):
    rows = int(round(n ** 0.5))
    shape = (rows, n // rows) if axis is not None else (n,)

    def make(impl):
        if impl == "torch":
            import torch
            x, _ = _torch_inputs(shape, dtype)
            if axis is None:
                return (lambda: x.sum()), torch_sync(), {}
            return (lambda: x.sum(dim=axis)), torch_sync(), {}
        xp, sync = array_module(impl)
        if xp is None or not hasattr(xp, "sum"):
            return None
        x = xp.asarray(numpy.random.rand(*shape).astype(dtype))
        return (lambda: x.sum(axis=axis)), sync, {"shape": list(shape)}
    return make


def _broadcast_case(shape, dtype):
    """``x * b`` with ``b`` shaped (1, C, 1, 1): operands of different strides."""
    bshape = (1, shape[1]) + (1,) * (len(shape) - 2)

    def make(impl):
        if impl == "torch":
            import torch
            x, _ = _torch_inputs(shape, dtype)
            b, _ = _torch_inputs(bshape, dtype)
            return (lambda: x * b), torch_sync(), {}
        xp, sync = array_module(impl)
        if xp is None:
            return None
        x = xp.asarray(numpy.random.rand(*shape).astype(dtype))
        b = xp.asarray(numpy.random.rand(*bshape).astype(dtype))
        return (lambda: x * b), sync, {"shape": list(shape)}
    return make


def _small_op(impl):
    """Host overhead per call: ``x + y`` on 16 elements (device work is negligible)."""
    if impl == "torch":
        import torch
        x, y = _torch_inputs((16,), "float32")
        return (lambda: x + y), torch_sync(), {}
    xp, sync = array_module(impl)
    if xp is None:
        return None
    x = xp.arange(16, dtype=numpy.float32)
    y = xp.arange(16, dtype=numpy.float32)
    return (lambda: x + y), sync, {}


for _label, _n in SIZES.items():
    for _dt in DTYPES:
        case(f"add {_dt} {_label}")(_add_case(_n, _dt))
        case(f"sum {_dt} {_label} full")(_sum_case(_n, _dt, None))
        case(f"sum {_dt} {_label} axis0")(_sum_case(_n, _dt, 0))
        case(f"sum {_dt} {_label} axis1")(_sum_case(_n, _dt, 1))
case("broadcast x*b float32 100x16x8x8")(_broadcast_case((100, 16, 8, 8), "float32"))
case("broadcast x*b float32 64x64x56x56")(_broadcast_case((64, 64, 56, 56), "float32"))
case("small op x+y (16 elements)")(_small_op)
