# cython: language_level=3
"""NVRTC bindings, loaded at run time from NVIDIA's wheel (or conda / a system CUDA) through
``cuda.pathfinder``. Importing this module never fails; the first call that needs the library
raises RuntimeError when it cannot be loaded (``is_available()`` asks without raising)."""
import threading

from libc.stdlib cimport malloc, free

from cupy_backends.cuda._softlink cimport SoftLink
from cupy_backends.cuda.libs import _library
from cupy_backends.cuda.libs._status import LibraryStatusError

ctypedef nvrtcResult (*f_version)(int*, int*) noexcept nogil
ctypedef nvrtcResult (*f_num_archs)(int*) noexcept nogil
ctypedef nvrtcResult (*f_archs)(int*) noexcept nogil
ctypedef nvrtcResult (*f_create)(nvrtcProgram*, const char*, const char*, int,
                                 const char* const*, const char* const*) noexcept nogil
ctypedef nvrtcResult (*f_destroy)(nvrtcProgram*) noexcept nogil
ctypedef nvrtcResult (*f_compile)(nvrtcProgram, int, const char* const*) noexcept nogil
ctypedef nvrtcResult (*f_size)(nvrtcProgram, size_t*) noexcept nogil
ctypedef nvrtcResult (*f_get)(nvrtcProgram, char*) noexcept nogil
ctypedef nvrtcResult (*f_add_name)(nvrtcProgram, const char*) noexcept nogil
ctypedef nvrtcResult (*f_lowered)(nvrtcProgram, const char*, const char**) noexcept nogil
ctypedef const char* (*f_error_string)(nvrtcResult) noexcept nogil

cdef SoftLink _link = None
cdef f_version _nvrtcVersion
cdef f_num_archs _nvrtcGetNumSupportedArchs
cdef f_archs _nvrtcGetSupportedArchs
cdef f_create _nvrtcCreateProgram
cdef f_destroy _nvrtcDestroyProgram
cdef f_compile _nvrtcCompileProgram
cdef f_add_name _nvrtcAddNameExpression
cdef f_lowered _nvrtcGetLoweredName
cdef f_error_string _nvrtcGetErrorString = NULL
# Program._read's outputs, indexed by _LOG/_CUBIN/_PTX.
cdef f_size _size_fns[3]
cdef f_get _get_fns[3]
_READ_CALLS = ("nvrtcGetProgramLog", "nvrtcGetCUBIN", "nvrtcGetPTX")
cdef enum:
    _LOG = 0
    _CUBIN = 1
    _PTX = 2

_lock = threading.Lock()

# nvrtcResult values
NVRTC_SUCCESS = 0
NVRTC_ERROR_INVALID_INPUT = 3
NVRTC_ERROR_INVALID_PROGRAM = 4
NVRTC_ERROR_INVALID_OPTION = 5
NVRTC_ERROR_COMPILATION = 6
NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID = 10


class NVRTCError(LibraryStatusError):
    """An NVRTC call failed.

    Attributes:
        status: the ``nvrtcResult`` code.
        name: its name, e.g. ``'NVRTC_ERROR_COMPILATION'``.
        call: the failing call, e.g. ``'nvrtcCompileProgram'``.
    """

    library = "NVRTC"
    missing_name = "NVRTC_ERROR_MISSING_SYMBOL"

    @staticmethod
    def status_name(status):
        return _error_string(status)


# nvrtcResult names, for errors raised before the library (and nvrtcGetErrorString) is loaded.
_STATUS_NAMES = (
    "NVRTC_SUCCESS", "NVRTC_ERROR_OUT_OF_MEMORY", "NVRTC_ERROR_PROGRAM_CREATION_FAILURE",
    "NVRTC_ERROR_INVALID_INPUT", "NVRTC_ERROR_INVALID_PROGRAM", "NVRTC_ERROR_INVALID_OPTION",
    "NVRTC_ERROR_COMPILATION", "NVRTC_ERROR_BUILTIN_OPERATION_FAILURE",
    "NVRTC_ERROR_NO_NAME_EXPRESSIONS_AFTER_COMPILATION",
    "NVRTC_ERROR_NO_LOWERED_NAMES_BEFORE_COMPILATION", "NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID",
    "NVRTC_ERROR_INTERNAL_ERROR",
)


cdef str _error_string(int status):
    cdef const char* s
    if _nvrtcGetErrorString != NULL:
        s = _nvrtcGetErrorString(status)
        if s != NULL:
            return s.decode()
    if 0 <= status < len(_STATUS_NAMES):
        return _STATUS_NAMES[status]
    return f"NVRTC_ERROR_{status}"


cdef int _load() except -1:
    global _link, _nvrtcVersion, _nvrtcGetNumSupportedArchs, _nvrtcGetSupportedArchs
    global _nvrtcCreateProgram, _nvrtcDestroyProgram, _nvrtcCompileProgram
    global _nvrtcAddNameExpression, _nvrtcGetLoweredName, _nvrtcGetErrorString
    if _link is not None and _link._handle != NULL:
        return 0
    cdef SoftLink link
    with _lock:
        if _link is None:
            link = SoftLink("nvrtc")
            if link.available:
                _nvrtcVersion = <f_version>link.get("nvrtcVersion")
                _nvrtcGetNumSupportedArchs = <f_num_archs>link.get("nvrtcGetNumSupportedArchs")
                _nvrtcGetSupportedArchs = <f_archs>link.get("nvrtcGetSupportedArchs")
                _nvrtcCreateProgram = <f_create>link.get("nvrtcCreateProgram")
                _nvrtcDestroyProgram = <f_destroy>link.get("nvrtcDestroyProgram")
                _nvrtcCompileProgram = <f_compile>link.get("nvrtcCompileProgram")
                _nvrtcAddNameExpression = <f_add_name>link.get("nvrtcAddNameExpression")
                _nvrtcGetLoweredName = <f_lowered>link.get("nvrtcGetLoweredName")
                for i, call in enumerate(_READ_CALLS):
                    _size_fns[i] = <f_size>link.get(call + "Size")
                    _get_fns[i] = <f_get>link.get(call)
                # Returns a string, so the int-returning stub cannot stand in for it.
                if link.has("nvrtcGetErrorString"):
                    _nvrtcGetErrorString = <f_error_string>link.get("nvrtcGetErrorString")
            _link = link
    _library.require(_link, "NVRTC", "nvidia-cuda-nvrtc")
    return 0


cdef inline int _check(nvrtcResult status, str call) except -1:
    if status != 0:
        raise NVRTCError(status, call)
    return 0


def _loaded():
    _load()
    return _link


is_available, library, check_status = _library.module_functions(
    _loaded, NVRTCError, "NVRTC")


def getVersion():
    """NVRTC's ``(major, minor)`` version, e.g. ``(13, 0)``."""
    cdef int major = 0, minor = 0
    _load()
    _check(_nvrtcVersion(&major, &minor), "nvrtcVersion")
    return major, minor


def getSupportedArchs():
    """The SM architectures this NVRTC can target, ascending, e.g. ``(75, 80, ..., 120)``."""
    cdef int n = 0
    _load()
    _check(_nvrtcGetNumSupportedArchs(&n), "nvrtcGetNumSupportedArchs")
    cdef int* archs = <int*>malloc(sizeof(int) * max(n, 1))
    if archs == NULL:
        raise MemoryError()
    try:
        _check(_nvrtcGetSupportedArchs(archs), "nvrtcGetSupportedArchs")
        return tuple(archs[i] for i in range(n))
    finally:
        free(archs)


cdef const char** _c_strings(list items) except NULL:
    # Pointers into ``items`` (bytes): valid while the caller keeps the list alive.
    cdef const char** out = <const char**>malloc(sizeof(char*) * max(len(items), 1))
    if out == NULL:
        raise MemoryError()
    for i, item in enumerate(items):
        out[i] = <const char*>item
    return out


cdef class Program:
    """One NVRTC program: create, add name expressions, compile, read the outputs.

    Args:
        source (str): CUDA C++ source.
        name (str): file name used in diagnostics.
        headers (sequence of str): contents of in-memory headers ...
        include_names (sequence of str): ... and the names ``#include`` finds them by.

    Example:
        >>> p = Program('extern "C" __global__ void k() {}', 'k.cu')
        >>> p.compile(['--gpu-architecture=sm_90'])
        0
        >>> p.get_cubin()[:4]
        b'\\x7fELF'
    """

    def __init__(self, str source not None, str name not None, headers=(), include_names=()):
        _load()
        cdef bytes bsrc = source.encode()
        cdef bytes bname = name.encode()
        cdef list hs = [h.encode() for h in headers]
        cdef list ns = [n.encode() for n in include_names]
        if len(hs) != len(ns):
            raise ValueError("headers and include_names must have the same length")
        cdef const char** ch = _c_strings(hs)
        cdef const char** cn = NULL
        try:
            cn = _c_strings(ns)
            _check(_nvrtcCreateProgram(&self._prog, bsrc, bname, len(hs), ch, cn),
                   "nvrtcCreateProgram")
        finally:
            free(ch)
            free(cn)

    def __dealloc__(self):
        if self._prog != NULL:
            _nvrtcDestroyProgram(&self._prog)

    cdef int _require(self) except -1:
        if self._prog == NULL:
            raise ValueError("the NVRTC program was not created")
        return 0

    def add_name_expression(self, str expr not None):
        """Ask NVRTC to instantiate ``expr`` (e.g. ``'my_sum<float, 4>'``) and record its
        lowered name; call before ``compile``."""
        self._require()
        _check(_nvrtcAddNameExpression(self._prog, expr.encode()), "nvrtcAddNameExpression")

    def compile(self, options=()):
        """Compile with ``options``; return the ``nvrtcResult``.

        0 on success; NVRTC_ERROR_COMPILATION or NVRTC_ERROR_INVALID_OPTION when the source or
        an option is bad (``get_log()`` says why). Other failures raise NVRTCError.
        """
        self._require()
        cdef list opts = [o.encode() for o in options]
        cdef int n = len(opts)
        cdef const char** co = _c_strings(opts)
        cdef nvrtcResult status
        try:
            with nogil:
                status = _nvrtcCompileProgram(self._prog, n, co)
        finally:
            free(co)
        if status not in (0, NVRTC_ERROR_COMPILATION, NVRTC_ERROR_INVALID_OPTION):
            raise NVRTCError(status, "nvrtcCompileProgram")
        return status

    cdef bytes _read(self, int which):
        cdef size_t size = 0
        self._require()
        _check(_size_fns[which](self._prog, &size), _READ_CALLS[which] + "Size")
        cdef char* buf = <char*>malloc(size if size > 0 else 1)
        if buf == NULL:
            raise MemoryError()
        try:
            _check(_get_fns[which](self._prog, buf), _READ_CALLS[which])
            return buf[:size]
        finally:
            free(buf)

    def get_log(self):
        """The compiler log (errors and warnings) as str."""
        return self._read(_LOG).rstrip(b"\0").decode(errors="replace")

    def get_cubin(self):
        """The CUBIN (bytes); requires a ``--gpu-architecture=sm_XY`` compile."""
        return self._read(_CUBIN)

    def get_ptx(self):
        """The PTX (str); requires a ``--gpu-architecture=compute_XY`` compile."""
        return self._read(_PTX).rstrip(b"\0").decode()

    def get_lowered_name(self, str expr not None):
        """The mangled symbol of a name expression added before ``compile``."""
        cdef const char* lowered = NULL
        self._require()
        _check(_nvrtcGetLoweredName(self._prog, expr.encode(), &lowered), "nvrtcGetLoweredName")
        return lowered.decode()
