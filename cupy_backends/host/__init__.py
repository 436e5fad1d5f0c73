"""The host device: a CPU that runs the same generated CUDA C++ as the GPU.

See docs/host_backend.md. ``HostBackend`` (in ``_host_backend``) implements the backend boundary.
"""


class HostNotSupportedError(NotImplementedError):
    """A kernel uses a CUDA construct that the host device cannot run (inline PTX,
    cooperative groups, dynamic parallelism, textures, CUB/Thrust device algorithms)."""
