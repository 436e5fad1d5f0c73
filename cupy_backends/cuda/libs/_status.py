"""The error raised when a call into a run-time loaded CUDA library (NVRTC, cuBLAS, cuSOLVER)
returns a failing status."""

# The status a SoftLink stub returns for a symbol the loaded library lacks.
from cupy_backends.cuda._softlink import MISSING_STATUS


class LibraryStatusError(RuntimeError):
    """A library call failed.

    Subclasses set ``library`` (its display name, e.g. ``'cuBLAS'``) and ``missing_name`` (the
    name reported for a missing symbol) and implement ``status_name(status)``.

    Attributes:
        status: the library's status code.
        name: its name, e.g. ``'CUBLAS_STATUS_NOT_INITIALIZED'``.
        call: the failing call, e.g. ``'cublasCreate_v2'``.
    """

    library = "the library"
    missing_name = "STATUS_MISSING_SYMBOL"

    @staticmethod
    def status_name(status):
        return str(status)

    def __init__(self, status, call=""):
        self.status = int(status)
        self.call = call
        if self.status == MISSING_STATUS:
            self.name = self.missing_name
            msg = (f"{call or 'a function'} is not exported by the loaded {self.library} "
                   f"library (too old)")
        else:
            self.name = self.status_name(self.status)
            msg = f"{self.name} ({self.status})" + (f" in {call}" if call else "")
        super().__init__(msg)

    def __reduce__(self):
        return (type(self), (self.status, self.call))
