# cython: language_level=3
"""NVRTC bindings, loaded at run time from NVIDIA's wheel (or conda / system CUDA) through
cuda-pathfinder. Importing this module never fails; the first call that needs the library
raises RuntimeError if it cannot be found."""
from libc.stdint cimport intptr_t
from libc.stdlib cimport malloc, free

from posix.dlfcn cimport dlopen, dlsym, dlerror, RTLD_NOW, RTLD_GLOBAL

ctypedef int nvrtcResult
ctypedef void* nvrtcProgram

ctypedef nvrtcResult (*f_version)(int*, int*) nogil
ctypedef nvrtcResult (*f_num_archs)(int*) nogil
ctypedef nvrtcResult (*f_archs)(int*) nogil
ctypedef nvrtcResult (*f_create)(nvrtcProgram*, const char*, const char*, int,
                                 const char* const*, const char* const*) nogil
ctypedef nvrtcResult (*f_destroy)(nvrtcProgram*) nogil
ctypedef nvrtcResult (*f_compile)(nvrtcProgram, int, const char* const*) nogil
ctypedef nvrtcResult (*f_size)(nvrtcProgram, size_t*) nogil
ctypedef nvrtcResult (*f_get)(nvrtcProgram, char*) nogil
ctypedef nvrtcResult (*f_add_name)(nvrtcProgram, const char*) nogil
ctypedef nvrtcResult (*f_lowered)(nvrtcProgram, const char*, const char**) nogil
ctypedef const char* (*f_error_string)(nvrtcResult) nogil

cdef void* _handle = NULL
cdef f_version _nvrtcVersion
cdef f_num_archs _nvrtcGetNumSupportedArchs
cdef f_archs _nvrtcGetSupportedArchs
cdef f_create _nvrtcCreateProgram
cdef f_destroy _nvrtcDestroyProgram
cdef f_compile _nvrtcCompileProgram
cdef f_size _nvrtcGetProgramLogSize
cdef f_get _nvrtcGetProgramLog
cdef f_size _nvrtcGetCUBINSize
cdef f_get _nvrtcGetCUBIN
cdef f_size _nvrtcGetPTXSize
cdef f_get _nvrtcGetPTX
cdef f_add_name _nvrtcAddNameExpression
cdef f_lowered _nvrtcGetLoweredName
cdef f_error_string _nvrtcGetErrorString

NVRTC_ERROR_COMPILATION = 6


class NVRTCError(RuntimeError):
    """An NVRTC call failed. ``status`` is the nvrtcResult code."""

    def __init__(self, status, call=""):
        self.status = status
        name = _error_string(status)
        super().__init__(f"{name} ({status})" + (f" in {call}" if call else ""))

    def __reduce__(self):
        return (type(self), (self.status,))


cdef str _error_string(int status):
    if _handle != NULL and _nvrtcGetErrorString != NULL:
        return _nvrtcGetErrorString(status).decode()
    return f"NVRTC_ERROR_{status}"


cdef void* _sym(const char* name) except NULL:
    cdef void* p = dlsym(_handle, name)
    if p == NULL:
        raise RuntimeError(f"NVRTC library lacks symbol {name.decode()}")
    return p


cdef int _load() except -1:
    global _handle, _nvrtcVersion, _nvrtcGetNumSupportedArchs, _nvrtcGetSupportedArchs
    global _nvrtcCreateProgram, _nvrtcDestroyProgram, _nvrtcCompileProgram
    global _nvrtcGetProgramLogSize, _nvrtcGetProgramLog, _nvrtcGetCUBINSize, _nvrtcGetCUBIN
    global _nvrtcGetPTXSize, _nvrtcGetPTX, _nvrtcAddNameExpression, _nvrtcGetLoweredName
    global _nvrtcGetErrorString
    if _handle != NULL:
        return 0
    try:
        from cuda import pathfinder
        path = pathfinder.load_nvidia_dynamic_lib("nvrtc").abs_path
    except Exception as e:
        raise RuntimeError(f"NVRTC is not available: {e}. Install the nvidia-cuda-nvrtc wheel.") from e
    cdef bytes bpath = path.encode()
    cdef void* h = dlopen(bpath, RTLD_NOW | RTLD_GLOBAL)
    if h == NULL:
        raise RuntimeError(f"cannot load NVRTC from {path}: {dlerror().decode()}")
    _handle = h
    try:
        _nvrtcVersion = <f_version>_sym(b"nvrtcVersion")
        _nvrtcGetNumSupportedArchs = <f_num_archs>_sym(b"nvrtcGetNumSupportedArchs")
        _nvrtcGetSupportedArchs = <f_archs>_sym(b"nvrtcGetSupportedArchs")
        _nvrtcCreateProgram = <f_create>_sym(b"nvrtcCreateProgram")
        _nvrtcDestroyProgram = <f_destroy>_sym(b"nvrtcDestroyProgram")
        _nvrtcCompileProgram = <f_compile>_sym(b"nvrtcCompileProgram")
        _nvrtcGetProgramLogSize = <f_size>_sym(b"nvrtcGetProgramLogSize")
        _nvrtcGetProgramLog = <f_get>_sym(b"nvrtcGetProgramLog")
        _nvrtcGetCUBINSize = <f_size>_sym(b"nvrtcGetCUBINSize")
        _nvrtcGetCUBIN = <f_get>_sym(b"nvrtcGetCUBIN")
        _nvrtcGetPTXSize = <f_size>_sym(b"nvrtcGetPTXSize")
        _nvrtcGetPTX = <f_get>_sym(b"nvrtcGetPTX")
        _nvrtcAddNameExpression = <f_add_name>_sym(b"nvrtcAddNameExpression")
        _nvrtcGetLoweredName = <f_lowered>_sym(b"nvrtcGetLoweredName")
        _nvrtcGetErrorString = <f_error_string>_sym(b"nvrtcGetErrorString")
    except Exception:
        _handle = NULL
        raise
    return 0


cdef inline int _check(nvrtcResult status, str call) except -1:
    if status != 0:
        raise NVRTCError(status, call)
    return 0


def is_available():
    """True when the NVRTC library can be loaded."""
    try:
        _load()
    except RuntimeError:
        return False
    return True


def getVersion():
    """Return NVRTC's ``(major, minor)`` version."""
    cdef int major = 0, minor = 0
    _load()
    _check(_nvrtcVersion(&major, &minor), "nvrtcVersion")
    return major, minor


def getSupportedArchs():
    """Return the SM architectures this NVRTC can target, e.g. ``(75, 80, ..., 120)``."""
    cdef int n = 0
    _load()
    _check(_nvrtcGetNumSupportedArchs(&n), "nvrtcGetNumSupportedArchs")
    cdef int* archs = <int*>malloc(sizeof(int) * max(n, 1))
    try:
        _check(_nvrtcGetSupportedArchs(archs), "nvrtcGetSupportedArchs")
        return tuple(archs[i] for i in range(n))
    finally:
        free(archs)


cdef class Program:
    """One NVRTC program: create, add name expressions, compile, read outputs."""

    cdef nvrtcProgram _prog

    def __init__(self, str source, str name, headers=(), include_names=()):
        _load()
        cdef bytes bsrc = source.encode()
        cdef bytes bname = name.encode()
        cdef list hs = [h.encode() for h in headers]
        cdef list ns = [n.encode() for n in include_names]
        cdef int nh = len(hs)
        if nh != len(ns):
            raise ValueError("headers and include_names must have the same length")
        cdef const char** ch = <const char**>malloc(sizeof(char*) * max(nh, 1))
        cdef const char** cn = <const char**>malloc(sizeof(char*) * max(nh, 1))
        try:
            for i in range(nh):
                ch[i] = <const char*>hs[i]
                cn[i] = <const char*>ns[i]
            _check(_nvrtcCreateProgram(&self._prog, bsrc, bname, nh, ch, cn), "nvrtcCreateProgram")
        finally:
            free(ch)
            free(cn)

    def __dealloc__(self):
        if self._prog != NULL and _handle != NULL:
            _nvrtcDestroyProgram(&self._prog)

    def add_name_expression(self, str expr):
        _check(_nvrtcAddNameExpression(self._prog, expr.encode()), "nvrtcAddNameExpression")

    def compile(self, options=()):
        """Compile; return the nvrtcResult (0 on success, NVRTC_ERROR_COMPILATION on bad source).
        Other failures raise NVRTCError."""
        cdef list opts = [o.encode() for o in options]
        cdef int n = len(opts)
        cdef const char** co = <const char**>malloc(sizeof(char*) * max(n, 1))
        cdef nvrtcResult status
        try:
            for i in range(n):
                co[i] = <const char*>opts[i]
            with nogil:
                status = _nvrtcCompileProgram(self._prog, n, co)
        finally:
            free(co)
        if status != 0 and status != NVRTC_ERROR_COMPILATION:
            raise NVRTCError(status, "nvrtcCompileProgram")
        return status

    cdef bytes _read(self, f_size size_fn, f_get get_fn, str call):
        cdef size_t size = 0
        _check(size_fn(self._prog, &size), call + "Size")
        cdef char* buf = <char*>malloc(max(size, 1))
        try:
            _check(get_fn(self._prog, buf), call)
            return buf[:size]
        finally:
            free(buf)

    def get_log(self):
        return self._read(_nvrtcGetProgramLogSize, _nvrtcGetProgramLog,
                          "nvrtcGetProgramLog").rstrip(b"\0").decode(errors="replace")

    def get_cubin(self):
        return self._read(_nvrtcGetCUBINSize, _nvrtcGetCUBIN, "nvrtcGetCUBIN")

    def get_ptx(self):
        return self._read(_nvrtcGetPTXSize, _nvrtcGetPTX, "nvrtcGetPTX").rstrip(b"\0").decode()

    def get_lowered_name(self, str expr):
        cdef const char* lowered = NULL
        _check(_nvrtcGetLoweredName(self._prog, expr.encode(), &lowered), "nvrtcGetLoweredName")
        return lowered.decode()
