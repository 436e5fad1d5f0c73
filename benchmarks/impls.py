"""The array module each implementation name stands for in the suites."""
import numpy


def array_module(impl):
    """(module, sync) for ``impl``: cupy (ours or the reference, both imported as ``cupy``) with
    its stream's synchronize, NumPy with None, or (None, None) for an implementation without an
    array module (torch cases build their own inputs)."""
    if impl in ("ours", "cupy"):
        import cupy
        return cupy, cupy.cuda.get_current_stream().synchronize
    if impl == "numpy":
        return numpy, None
    return None, None
