"""Matrix-product benchmarks: ``a @ b`` for square matrices 512..8192 in float32, float64 and
float16 (float16 accumulates in float32 on both backends; NumPy's float16 matmul has no BLAS
kernel and is far slower, so its ratio shows the gain of the float32 path, not a like-for-like
loop), batched products, and ``einsum`` contractions with and without ``optimize``. 8192 runs
on GPUs only (a host product of that size takes seconds per call). bfloat16 is not a dtype of
NumPy, CuPy or cupy, so it has no case.

Each case is a function ``(impl) -> (fn, sync, meta)`` or None when the implementation has no
equivalent; see suite_foundation.py for the protocol. ``meta['flops']`` is ``2 n^3``.
"""
import numpy

from impls import array_module, torch_device, torch_sync

CASES = {}

SIZES = (512, 1024, 2048, 4096, 8192)
GPU_ONLY_SIZE = 8192
DTYPES = ("float32", "float64", "float16")


def _on_host(impl):
    if impl == "numpy":
        return True
    if impl == "ours":
        import cupy
        return cupy.cuda.get_backend_name() == "host"
    return False


def _matmul_case(n, dtype):
    def make(impl):
        if impl == "numpy" and dtype == "float16" and n > 1024:
            return None   # minutes per call without BLAS
        if n >= GPU_ONLY_SIZE and _on_host(impl):
            return None
        if impl == "torch":
            import torch
            t = getattr(torch, dtype)
            x = torch.rand((n, n), dtype=t, device=torch_device())
            y = torch.rand((n, n), dtype=t, device=torch_device())
            return (lambda: x @ y), torch_sync(), {"flops": 2 * n ** 3}
        xp, sync = array_module(impl)
        if xp is None or not hasattr(xp, "matmul"):
            return None
        rng = numpy.random.default_rng(0)
        x = xp.asarray(rng.random((n, n)).astype(dtype))
        y = xp.asarray(rng.random((n, n)).astype(dtype))
        return (lambda: x @ y), sync, {"flops": 2 * n ** 3}
    return make


def _batched_case(dtype):
    def make(impl):
        xp, sync = array_module(impl)
        if impl == "torch":
            import torch
            t = getattr(torch, dtype)
            x = torch.rand((64, 128, 128), dtype=t, device=torch_device())
            y = torch.rand((64, 128, 128), dtype=t, device=torch_device())
            return (lambda: x @ y), torch_sync(), {}
        if xp is None or not hasattr(xp, "matmul"):
            return None
        rng = numpy.random.default_rng(0)
        x = xp.asarray(rng.random((64, 128, 128)).astype(dtype))
        y = xp.asarray(rng.random((64, 128, 128)).astype(dtype))
        return (lambda: x @ y), sync, {}
    return make


for _dtype in DTYPES:
    for _n in SIZES:
        CASES[f"matmul {_n}x{_n} {_dtype}"] = _matmul_case(_n, _dtype)
for _dtype in ("float32", "float64"):
    CASES[f"batched matmul 64x128x128 {_dtype}"] = _batched_case(_dtype)


_EINSUM = {
    "einsum bij,bjk->bik 64x128x128": ("bij,bjk->bik", [(64, 128, 128), (64, 128, 128)]),
    "einsum ij,jk,kl->il 256 optimize": ("ij,jk,kl->il", [(256, 2048), (2048, 64), (64, 256)]),
    "einsum ijk,k->ij 512x512x64": ("ijk,k->ij", [(512, 512, 64), (64,)]),
}


def _einsum_case(subscripts, shapes):
    def make(impl):
        optimize = len(shapes) > 2
        if impl == "torch":
            import torch
            ops = [torch.rand(s, dtype=torch.float32, device=torch_device()) for s in shapes]
            return (lambda: torch.einsum(subscripts, *ops)), torch_sync(), {}
        xp, sync = array_module(impl)
        if xp is None:
            return None
        rng = numpy.random.default_rng(0)
        ops = [xp.asarray(rng.random(s).astype(numpy.float32)) for s in shapes]
        return (lambda: xp.einsum(subscripts, *ops, optimize=optimize)), sync, {}
    return make


for _name, (_subscripts, _shapes) in _EINSUM.items():
    CASES[_name] = _einsum_case(_subscripts, _shapes)
