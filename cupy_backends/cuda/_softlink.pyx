# cython: language_level=3
"""Run-time linking: open a shared library and resolve its symbols by name.

NVIDIA's libraries come from their PyPI wheels (or conda / a system CUDA) and are located with
``cuda.pathfinder``; the driver (``libcuda.so.1``) is not a wheel and is found by the system
loader. Failure modes are explicit so that importing the bindings never fails:

* the library cannot be loaded: the link is *unavailable* (``available`` is False and ``error``
  says why), or, for a mandatory library, RuntimeError is raised at construction;
* a symbol is missing (an older library): it resolves to a stub returning ``SOFTLINK_MISSING``,
  which the binding reports as an error naming the call. Nothing crashes.
"""
from posix.dlfcn cimport dlopen, dlsym, dlerror, RTLD_NOW, RTLD_LOCAL


cdef int _missing_symbol() noexcept nogil:
    # Called through pointers of other signatures; the extra arguments are ignored by the
    # x86-64/aarch64 calling conventions (the caller owns the stack).
    return SOFTLINK_MISSING


MISSING_STATUS = SOFTLINK_MISSING


cdef class SoftLink:
    """A shared library opened with ``dlopen``.

    Args:
        name (str): a library name known to ``cuda.pathfinder`` (``'nvrtc'``, ``'cublas'``, ...),
            or, with ``system=True``, a file name for the system loader (``'libcuda.so.1'``).
        system (bool): load through the system loader instead of ``cuda.pathfinder``.
        mandatory (bool): raise RuntimeError when the library cannot be loaded instead of
            leaving the link unavailable.

    Example:
        >>> link = SoftLink('nvrtc')
        >>> link.available, link.has('nvrtcVersion')
        (True, True)
    """

    def __init__(self, str name, *, bint system=False, bint mandatory=False):
        self.name = name
        self.path = None
        self.error = None
        self.missing = set()
        self._handle = NULL
        try:
            path = name if system else self._locate(name)
        except Exception as e:  # pathfinder's DynamicLibNotFoundError and friends
            self.error = f"{name} not found: {e}"
        else:
            self._open(path)
        if self.error is not None and mandatory:
            raise RuntimeError(self.error)

    @staticmethod
    def _locate(str name):
        from cuda import pathfinder
        loaded = pathfinder.load_nvidia_dynamic_lib(name)
        if loaded.abs_path is None:
            raise RuntimeError("cuda.pathfinder loaded it but cannot tell its path")
        return loaded.abs_path

    cdef _open(self, str path):
        cdef bytes bpath = path.encode()
        # RTLD_LOCAL: symbols are taken by name through dlsym only, so none of this library's
        # symbols may interpose on those of libraries loaded later.
        cdef void* h = dlopen(bpath, RTLD_NOW | RTLD_LOCAL)
        if h == NULL:
            msg = dlerror()
            self.error = f"cannot load {path}: {msg.decode() if msg != NULL else 'unknown error'}"
            return
        self._handle = h
        self.path = path

    @property
    def available(self):
        """True when the library was loaded."""
        return self._handle != NULL

    def require(self):
        """Raise RuntimeError saying why the library is unavailable; no-op when it loaded."""
        if self._handle == NULL:
            raise RuntimeError(self.error)

    cdef void* find(self, str name):
        if self._handle == NULL:
            return NULL
        return dlsym(self._handle, name.encode())

    cdef func_ptr get(self, str name):
        cdef void* p = self.find(name)
        if p == NULL:
            self.missing.add(name)
            return _missing_symbol
        return <func_ptr>p

    def has(self, str name):
        """True when the library defines ``name``."""
        return self.find(name) != NULL

    def address(self, str name):
        """The address of ``name`` as an int; the stub's address when it is missing."""
        return <size_t>self.get(name)

    def __repr__(self):
        state = self.path if self._handle != NULL else f"unavailable: {self.error}"
        return f"<SoftLink {self.name} ({state})>"
