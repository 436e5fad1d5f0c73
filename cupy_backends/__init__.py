"""Low-level backends below cupy: thin bindings (cuda) and the CPU device (host).

Both implement the boundary in :mod:`cupy_backends.backend` (``Backend``); nothing above it
branches on which one is active except through capability queries.
"""
