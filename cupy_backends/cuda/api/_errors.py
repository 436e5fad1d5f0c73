"""Errors raised by device calls, shared by both backends.

The host backend raises the same classes with the CUDA status it emulates, so user code that
catches ``CUDADriverError`` behaves identically on both backends.
"""

# CUresult codes -> (name, description). Used when the driver cannot be asked (host backend,
# or a driver that failed to load). The cuda backend prefers cuGetErrorName/cuGetErrorString.
_DRIVER_ERRORS = {
    0: ("CUDA_SUCCESS", "no error"),
    1: ("CUDA_ERROR_INVALID_VALUE", "invalid argument"),
    2: ("CUDA_ERROR_OUT_OF_MEMORY", "out of memory"),
    3: ("CUDA_ERROR_NOT_INITIALIZED", "initialization error"),
    4: ("CUDA_ERROR_DEINITIALIZED", "driver shutting down"),
    34: ("CUDA_ERROR_STUB_LIBRARY", "CUDA driver is a stub library"),
    35: ("CUDA_ERROR_INSUFFICIENT_DRIVER", "CUDA driver version is insufficient for CUDA runtime version"),
    100: ("CUDA_ERROR_NO_DEVICE", "no CUDA-capable device is detected"),
    101: ("CUDA_ERROR_INVALID_DEVICE", "invalid device ordinal"),
    200: ("CUDA_ERROR_INVALID_IMAGE", "device kernel image is invalid"),
    201: ("CUDA_ERROR_INVALID_CONTEXT", "invalid device context"),
    209: ("CUDA_ERROR_NO_BINARY_FOR_GPU", "no kernel image is available for execution on the device"),
    218: ("CUDA_ERROR_INVALID_PTX", "a PTX JIT compilation failed"),
    222: ("CUDA_ERROR_UNSUPPORTED_PTX_VERSION", "the provided PTX was compiled with an unsupported toolchain."),
    300: ("CUDA_ERROR_INVALID_SOURCE", "device kernel image is invalid"),
    301: ("CUDA_ERROR_FILE_NOT_FOUND", "file not found"),
    400: ("CUDA_ERROR_INVALID_HANDLE", "invalid resource handle"),
    500: ("CUDA_ERROR_NOT_FOUND", "named symbol not found"),
    600: ("CUDA_ERROR_NOT_READY", "device not ready"),
    700: ("CUDA_ERROR_ILLEGAL_ADDRESS", "an illegal memory access was encountered"),
    701: ("CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES", "too many resources requested for launch"),
    702: ("CUDA_ERROR_LAUNCH_TIMEOUT", "the launch timed out and was terminated"),
    710: ("CUDA_ERROR_ASSERT", "device-side assert triggered"),
    715: ("CUDA_ERROR_ILLEGAL_INSTRUCTION", "an illegal instruction was encountered"),
    719: ("CUDA_ERROR_LAUNCH_FAILED", "unspecified launch failure"),
    720: ("CUDA_ERROR_COOPERATIVE_LAUNCH_TOO_LARGE", "too many blocks in cooperative launch"),
    801: ("CUDA_ERROR_NOT_SUPPORTED", "operation not supported"),
    999: ("CUDA_ERROR_UNKNOWN", "unknown error"),
}


def driver_error_name(status):
    return _DRIVER_ERRORS.get(status, (f"CUDA_ERROR_{status}", "unknown error"))[0]


class CUDADriverError(RuntimeError):
    """A CUDA driver call failed.

    Attributes:
        status: the ``CUresult`` code.
        call: the name of the failing call (e.g. ``'cuMemAlloc'``).
        detail: extra context (the host backend puts the failing block/thread here).
    """

    def __init__(self, status, call="", detail="", name=None, description=None):
        self.status = int(status)
        self.call = call
        self.detail = detail
        default_name, default_desc = _DRIVER_ERRORS.get(self.status, (f"CUDA_ERROR_{self.status}", "unknown error"))
        self.name = name or default_name
        self.description = description or default_desc
        msg = f"{self.name}: {self.description}"
        if call:
            msg += f" (in {call})"
        if detail:
            msg += f": {detail}"
        super().__init__(msg)

    def __reduce__(self):
        return (type(self), (self.status, self.call, self.detail, self.name, self.description))


class CUDARuntimeError(RuntimeError):
    """A CUDA runtime-level helper failed (CuPy's name for cudaError_t failures)."""

    def __init__(self, status, call=""):
        self.status = int(status)
        self.call = call
        msg = f"cudaError {self.status}"
        if call:
            msg += f" (in {call})"
        super().__init__(msg)

    def __reduce__(self):
        return (type(self), (self.status, self.call))
