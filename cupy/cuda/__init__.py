"""CUDA object model: devices, streams, events, memory, compiler, kernels.

On the host backend the same names refer to the CPU device.
"""
from cupy.cuda._backend import get_backend_name  # NOQA


def is_available():
    """True when a device of the active backend is usable (always True on the host backend)."""
    from cupy.cuda import _backend
    try:
        return _backend.active().device_count() > 0
    except Exception:
        return False
