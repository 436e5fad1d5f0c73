# A shared library opened at run time, its symbols resolved by name (see _softlink.pyx).

# Every resolved symbol is handed out as this type and cast by the binding to its real signature.
ctypedef int (*func_ptr)() noexcept nogil

# What the stub returns in place of a symbol the library lacks. Bindings turn it into their own
# error class naming the missing call. No CUresult or nvrtcResult has this value.
cdef enum:
    SOFTLINK_MISSING = 0x7FFF5F4C


cdef class SoftLink:
    cdef void* _handle
    cdef readonly str name      # the library asked for ('nvrtc', 'libcuda.so.1', ...)
    cdef readonly str path      # the file loaded; None when unavailable
    cdef readonly object error  # why loading failed (a string); None when loaded
    cdef readonly set missing   # names that resolved to the stub

    # The symbol, or the stub when the library lacks it or is unavailable. Never NULL.
    cdef func_ptr get(self, str name)
    # The symbol, or NULL (no stub, nothing recorded): for trying alternative names.
    cdef void* find(self, str name)
    cdef _open(self, str path)
