"""The host device: a CPU that runs the same generated CUDA C++ as the GPU.

See docs/host_backend.md. ``HostBackend`` (in ``_host_backend``) implements the backend boundary.
"""
