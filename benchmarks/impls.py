"""The array module each implementation name stands for in the suites, and the device the torch
cases use."""
import os

import numpy


def array_module(impl):
    """(module, sync) for ``impl``: cupy (ours or the reference, both imported as ``cupy``) with
    its stream's synchronize, NumPy with None, or (None, None) for an implementation without an
    array module (torch cases build their own inputs)."""
    if impl in ("ours", "cupy"):
        import cupy
        return cupy, cupy.cuda.get_current_stream().synchronize
    if impl == "numpy":
        return numpy, None
    return None, None


def torch_device():
    """The device of the torch cases: ``cuda``, or what ``BENCH_TORCH_DEVICE`` names (``cpu``
    for a host comparison)."""
    return os.environ.get("BENCH_TORCH_DEVICE", "cuda")


def torch_sync():
    """The synchronize call of :func:`torch_device` (None on the CPU, where torch is eager)."""
    import torch
    return torch.cuda.synchronize if torch_device() == "cuda" else None
