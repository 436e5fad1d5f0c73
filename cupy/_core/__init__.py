"""The array engine: ndarray, kernel generators and the user-kernel front end."""
from cupy._core.raw import RawKernel, RawModule  # NOQA
