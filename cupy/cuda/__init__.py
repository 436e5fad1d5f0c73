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


from cupy.cuda import runtime  # NOQA
from cupy.cuda import memory  # NOQA
from cupy.cuda import memory_hook  # NOQA
from cupy.cuda import memory_hooks  # NOQA
from cupy.cuda import pinned_memory  # NOQA
from cupy.cuda import stream  # NOQA
from cupy.cuda import device  # NOQA
from cupy.cuda.device import Device, get_device_id  # NOQA
from cupy.cuda.stream import (  # NOQA
    Event, ExternalStream, Stream, get_current_stream, get_elapsed_time)
from cupy.cuda.memory import (  # NOQA
    BaseMemory, Memory, MemoryPointer, MemoryPool, OutOfMemoryError,
    PooledMemory, SingleDeviceMemoryPool, UnownedMemory, alloc, get_allocator, set_allocator,
    using_allocator)
from cupy.cuda.memory_hook import MemoryHook  # NOQA
from cupy.cuda.pinned_memory import (  # NOQA
    PinnedMemory, PinnedMemoryPointer, PinnedMemoryPool, alloc_pinned_memory,
    set_pinned_memory_allocator)
from cupy.cuda.compiler import CompileException, compile_with_cache  # NOQA
from cupy.cuda.function import Function, Module  # NOQA
from cupy_backends.cuda.api import driver  # NOQA
from cupy_backends.cuda.libs import nvrtc  # NOQA
