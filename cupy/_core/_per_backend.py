"""An implementation chosen for the active backend on first use (the library routines that run
on an NVIDIA library on a GPU and on NumPy/SciPy over host buffers on the host device)."""
import threading


class PerBackend:
    """Calls ``make_cuda()`` or ``make_host()`` once, on first use, for the active backend.

    Args:
        make_cuda (callable): builds the implementation used on the ``cuda`` backend.
        make_host (callable): builds the one used on the ``host`` backend.
    """

    def __init__(self, make_cuda, make_host):
        self._make_cuda = make_cuda
        self._make_host = make_host
        self._impl = None
        self._lock = threading.Lock()

    def __call__(self):
        impl = self._impl
        if impl is None:
            with self._lock:
                if self._impl is None:
                    from cupy.cuda import get_backend_name
                    cuda = get_backend_name() == "cuda"
                    self._impl = self._make_cuda() if cuda else self._make_host()
                impl = self._impl
        return impl
