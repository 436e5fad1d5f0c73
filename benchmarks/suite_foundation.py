"""Foundation benchmarks: pool malloc+free, empty-kernel launch latency, host<->device copies.

Each case is a function ``(impl) -> (fn, sync, meta)`` or None when the implementation has no
equivalent. ``impl`` is 'ours' or 'cupy' (both import ``cupy``; which one is decided by the
worker's sys.path), 'numpy' (host reference) or 'torch'.
"""
import numpy

from impls import torch_device, torch_sync

CASES = {}

ALLOC_SIZES = {"512B": 512, "1MiB": 1 << 20, "64MiB": 64 << 20}
COPY_SIZES = {"1MiB": 1 << 20, "64MiB": 64 << 20}


def case(name):
    def register(fn):
        CASES[name] = fn
        return fn
    return register


def _cupy_sync():
    import cupy
    return cupy.cuda.get_current_stream().synchronize


def _alloc_case(size):
    def make(impl):
        if impl in ("ours", "cupy"):
            import cupy
            cupy.cuda.alloc(size)  # warm the pool
            return (lambda: cupy.cuda.alloc(size)), _cupy_sync(), {}
        if impl == "numpy":
            return (lambda: numpy.empty(size, numpy.uint8)), None, {}
        if impl == "torch":
            import torch
            return (lambda: torch.empty(size, dtype=torch.uint8, device=torch_device())), torch_sync(), {}
        return None
    return make


for _label, _size in ALLOC_SIZES.items():
    case(f"pool malloc+free {_label}")(_alloc_case(_size))


_EMPTY = 'extern "C" __global__ void empty_kernel() {}'
_ONE_ARG = 'extern "C" __global__ void one_arg(float* x, int n) { if (n < 0) x[0] = 0; }'


@case("launch empty kernel")
def _launch_empty(impl):
    if impl not in ("ours", "cupy"):
        return None
    import cupy
    k = cupy.RawKernel(_EMPTY, "empty_kernel")
    return (lambda: k((1,), (1,), ())), _cupy_sync(), {}


@case("launch kernel (ptr, int)")
def _launch_args(impl):
    if impl not in ("ours", "cupy"):
        return None
    import cupy
    k = cupy.RawKernel(_ONE_ARG, "one_arg")
    buf = cupy.cuda.alloc(64)
    n = numpy.int32(1)
    return (lambda: k((1,), (32,), (buf, n))), _cupy_sync(), {}


def _copy_case(size, direction):
    def make(impl):
        host = numpy.ones(size, numpy.uint8)
        meta = {"bytes": size}
        if impl in ("ours", "cupy"):
            import cupy
            mem = cupy.cuda.alloc(size)
            ptr = host.ctypes.data
            # Default arguments keep the host buffer alive as long as the closure.
            if direction == "H2D":
                return (lambda keep=host: mem.copy_from_host(ptr, size)), _cupy_sync(), meta
            return (lambda keep=host: mem.copy_to_host(ptr, size)), _cupy_sync(), meta
        if impl == "numpy":
            other = numpy.empty_like(host)
            if direction == "H2D":
                return (lambda: numpy.copyto(other, host)), None, meta
            return (lambda: numpy.copyto(host, other)), None, meta
        if impl == "torch":
            import torch
            h = torch.from_numpy(host)
            d = torch.empty(size, dtype=torch.uint8, device=torch_device())
            if direction == "H2D":
                return (lambda: d.copy_(h)), torch_sync(), meta
            return (lambda: h.copy_(d)), torch_sync(), meta
        return None
    return make


for _label, _size in COPY_SIZES.items():
    for _dir in ("H2D", "D2H"):
        case(f"copy {_dir} {_label} (pageable)")(_copy_case(_size, _dir))
