"""Input/output and text formatting: NumPy's file formats and printing, applied to device arrays
(the data are copied to the host, which is what writing a file or a string needs)."""
from cupy._io.npz import *  # NOQA
from cupy._io.formatting import *  # NOQA
