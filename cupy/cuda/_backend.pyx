# cython: language_level=3
"""Backend selection: which implementation of the boundary (cupy_backends.backend) is active.

``CUPY_BACKEND=cuda|host`` forces one; by default the cuda backend is used when a driver and a
device are present, else the host backend. The choice is made once per process.
"""
import os
import threading

from cupy_backends.backend cimport Backend

cdef Backend _active = None
_lock = threading.Lock()

_VALID = ("cuda", "host")


def _make(name):
    if name == "cuda":
        from cupy_backends.cuda import _cuda_backend
        return _cuda_backend.CudaBackend()
    from cupy_backends.host import _host_backend
    return _host_backend.HostBackend()


def _cuda_is_usable():
    try:
        from cupy_backends.cuda import _cuda_backend
    except ImportError:
        return False
    return _cuda_backend.is_available()


cdef Backend _select():
    global _active
    with _lock:
        if _active is not None:
            return _active
        requested = os.environ.get("CUPY_BACKEND", "").strip().lower()
        if requested and requested not in _VALID:
            raise ValueError(f"CUPY_BACKEND must be one of {_VALID}, got {requested!r}")
        if not requested:
            requested = "cuda" if _cuda_is_usable() else "host"
        _active = _make(requested)
        return _active


cpdef Backend active():
    """The active backend object (selected on first use)."""
    if _active is None:
        return _select()
    return _active


def get_backend_name():
    """Return the name of the active backend: ``'cuda'`` or ``'host'``."""
    return active().name
