"""What every binding of a run-time loaded CUDA library (NVRTC, cuBLAS, cuSOLVER, cuFFT) offers
at module level besides its calls: whether the library loads, its SoftLink, and a status check.
"""


def require(link, display, wheel):
    """Raise RuntimeError unless the SoftLink ``link`` found its library."""
    if not link.available:
        raise RuntimeError(f"{display} is not available ({link.error}); install the "
                           f"{wheel} wheel")


def module_functions(loaded, error_class, display):
    """``(is_available, library, check_status)`` for a binding whose ``loaded()`` returns the
    library's SoftLink, loading it first (RuntimeError when it cannot)."""

    def is_available():
        try:
            loaded()
        except RuntimeError:
            return False
        return True

    def library():
        return loaded()

    def check_status(status, call=""):
        if status != 0:
            raise error_class(int(status), call)

    is_available.__doc__ = (f"True when the {display} library can be loaded (a device is not "
                            "needed).")
    library.__doc__ = ("The SoftLink of the loaded library (``path``, ``missing`` symbols); "
                       "loads it.")
    check_status.__doc__ = (f"Raise {error_class.__name__} for a failing status; return None "
                            "for success.")
    return is_available, library, check_status
