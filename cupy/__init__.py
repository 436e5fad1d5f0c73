"""cupy: a NumPy-compatible array library for NVIDIA GPUs (and a CPU host device)."""
__version__ = "0.1.0"

from cupy import cuda  # NOQA
from cupy._core.raw import RawKernel, RawModule  # NOQA
from cupy.cuda.memory import get_default_memory_pool  # NOQA
from cupy.cuda.pinned_memory import get_default_pinned_memory_pool  # NOQA
from cupyx._runtime import show_config  # NOQA
