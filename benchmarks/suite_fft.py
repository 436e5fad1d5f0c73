"""FFT benchmarks: complex-to-complex 1-D (2^20 points) and 2-D (1024 x 1024) transforms, and
real-to-complex 1-D and 2-D ones, in single and double precision.

Each case is a function ``(impl) -> (fn, sync, meta)`` or None when the implementation has no
equivalent; see suite_foundation.py for the protocol. On a GPU the first call (made by the
timer's warm-up) creates the cuFFT plan; the timed calls find it in the plan cache.
"""
import numpy

from impls import torch_device, torch_sync

CASES = {}

_SHAPES = {"1-D 2^20": (1 << 20,), "2-D 1024x1024": (1024, 1024)}
_KINDS = {
    # name: (input dtype for single, double; numpy.fft/cupy.fft function, torch.fft function)
    "c2c": ("complex64", "complex128", "fftn", "fftn"),
    "r2c": ("float32", "float64", "rfftn", "rfftn"),
    "c2r": ("complex64", "complex128", "irfftn", "irfftn"),
}


def _data(shape, dtype):
    rng = numpy.random.default_rng(0)
    a = rng.random(shape)
    if numpy.dtype(dtype).kind == "c":
        a = a + 1j * rng.random(shape)
    return a.astype(dtype)


def _fft_case(shape, dtype, func, torch_func):
    def make(impl):
        a = _data(shape, dtype)
        if impl == "torch":
            import torch
            x = torch.from_numpy(a).to(torch_device())
            f = getattr(torch.fft, torch_func)
            return (lambda: f(x)), torch_sync(), {}
        if impl in ("ours", "cupy"):
            import cupy
            x = cupy.asarray(a)
            f = getattr(cupy.fft, func)
            return (lambda: f(x)), cupy.cuda.get_current_stream().synchronize, {}
        if impl == "numpy":
            f = getattr(numpy.fft, func)
            return (lambda: f(a)), None, {}
        return None
    return make


for _shape_name, _shape in _SHAPES.items():
    for _kind, (_single, _double, _func, _torch) in _KINDS.items():
        for _dtype in (_single, _double):
            CASES[f"{_kind} {_shape_name} {_dtype}"] = _fft_case(_shape, _dtype, _func, _torch)
