"""cupy: a NumPy-compatible array library for NVIDIA GPUs (and a CPU host device)."""
__version__ = "0.1.0"

from cupy import cuda  # NOQA
from cupy._core.raw import RawKernel, RawModule  # NOQA
