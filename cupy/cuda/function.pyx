# cython: language_level=3
"""Loaded modules, their kernels, and the launch path: Python arguments -> bytes -> launch.

Argument packing (what each Python object becomes as a kernel parameter):

=====================================================  =====================================
MemoryPointer, PinnedMemoryPointer                      its address (``void*``)
object with ``__cuda_array_interface__``                its data address (``void*``)
``bool`` / ``int`` / ``float`` / ``complex``            ``bool`` / ``long long`` / ``double`` /
                                                        ``complex<double>``
NumPy scalar or 0-d array                               its value, with its exact C type
NumPy structured scalar (``numpy.void``) or size-1      the struct by value (its raw bytes)
structured array
a type registered with :func:`register_packer`          the bytes its packer returns
:class:`PackedArg`                                      its ``data`` bytes as is
=====================================================  =====================================

The hot path copies each value into a fixed 16-byte slot of a stack buffer (no heap allocation for
up to 16 arguments of up to 16 bytes) and hands the pointer array to ``Backend.launch``; larger
values stay in Python ``bytes`` objects kept alive until the launch call returns. Nothing here
synchronizes the device.
"""
import numpy

from cpython.buffer cimport PyObject_GetBuffer, PyBuffer_Release, PyBUF_SIMPLE
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_GET_SIZE
from cpython.mem cimport PyMem_Malloc, PyMem_Free
from cpython.number cimport PyNumber_Index
from cpython.tuple cimport PyTuple_GET_ITEM
from libc.stdint cimport intptr_t
from libc.string cimport memcpy

from cupy.cuda._backend cimport active
from cupy.cuda.memory cimport MemoryPointer
from cupy.cuda.stream cimport get_current_stream_ptr
from cupy_backends.backend cimport Backend


cdef enum:
    _STACK_ARGS = 16    # arguments packed without heap allocation
    _SLOT_BYTES = 16    # values up to this size are copied into the slot buffer


cdef struct _Slot:
    unsigned long long words[2]   # 16 bytes, 8-byte aligned


# type -> callable(obj) -> bytes. Exact-type lookups first; subclasses found by walking the MRO.
cdef dict _packers = {}

_numpy_generic = numpy.generic
_numpy_ndarray = numpy.ndarray
_VALUE_KINDS = frozenset("biufcV")   # bool, ints, floats, complex, structured
# Plain numeric NumPy scalar types, passed by value with their exact C type.
_NUMPY_SCALAR_TYPES = frozenset(numpy.dtype(c).type for c in "?bBhHiIlLqQefdgFDG")

_pinned_pointer_type = None
# cupy.ndarray, passed as its data pointer; looked up on first use (cupy._core imports this
# module) and then matched by exact type before anything slower.
cdef object _ndarray_cls = None


def register_packer(cls, packer):
    """Teach kernel launches how to pass instances of ``cls``.

    Args:
        cls (type): the argument type (subclasses use it too unless registered themselves).
        packer: ``packer(obj) -> bytes``, the byte image of the kernel parameter (e.g. a
            ``CArray<T, N>`` struct for an ndarray).
    """
    if not isinstance(cls, type):
        raise TypeError(f"cls must be a type, got {cls!r}")
    if not callable(packer):
        raise TypeError("packer must be callable")
    _packers[cls] = packer


cdef object _find_packer(type t):
    for base in t.__mro__[1:]:
        p = _packers.get(base)
        if p is not None:
            return p
    return None


cdef object _pinned_type():
    global _pinned_pointer_type
    if _pinned_pointer_type is None:
        try:
            from cupy.cuda.pinned_memory import PinnedMemoryPointer
        except ImportError:
            return None
        _pinned_pointer_type = PinnedMemoryPointer
    return _pinned_pointer_type


cdef object _ndarray_type():
    global _ndarray_cls
    if _ndarray_cls is None:
        try:
            from cupy._core.core import ndarray
        except ImportError:
            return None
        _ndarray_cls = ndarray
    return _ndarray_cls


cdef inline void _put_pointer(intptr_t p, void** out, char* slot):
    (<intptr_t*>slot)[0] = p
    out[0] = slot


cdef list _keep_bytes(bytes data, void** out, list keep):
    if keep is None:
        keep = []
    keep.append(data)
    out[0] = PyBytes_AS_STRING(data)
    return keep


cdef list _put_bytes_of(object a, void** out, char* slot, list keep):
    """Copy the raw bytes of a NumPy value (scalar / 0-d / size-1 array)."""
    cdef Py_buffer view
    cdef bytes data
    try:
        PyObject_GetBuffer(a, &view, PyBUF_SIMPLE)
    except Exception:   # dtypes NumPy refuses to export (e.g. datetime64)
        data = a.tobytes()
        if PyBytes_GET_SIZE(data) <= _SLOT_BYTES:
            memcpy(slot, PyBytes_AS_STRING(data), PyBytes_GET_SIZE(data))
            out[0] = slot
            return keep
        return _keep_bytes(data, out, keep)
    try:
        if view.len <= _SLOT_BYTES:
            memcpy(slot, view.buf, view.len)
            out[0] = slot
        else:
            keep = _keep_bytes((<char*>view.buf)[:view.len], out, keep)
    finally:
        PyBuffer_Release(&view)
    return keep


cdef list _pack_slow(object a, Py_ssize_t i, void** out, char* slot, list keep):
    cdef type t = type(a)
    packer = _packers.get(t)
    if packer is None:
        if t in _NUMPY_SCALAR_TYPES:
            return _put_bytes_of(a, out, slot, keep)
        if isinstance(a, _numpy_generic):
            if a.dtype.kind in _VALUE_KINDS:
                return _put_bytes_of(a, out, slot, keep)
        elif isinstance(a, _numpy_ndarray):
            if a.dtype.kind in _VALUE_KINDS and (
                    a.ndim == 0 or (a.dtype.names is not None and a.size == 1)):
                return _put_bytes_of(numpy.ascontiguousarray(a), out, slot, keep)
            raise TypeError(
                f"argument {i}: a numpy.ndarray of shape {a.shape} cannot be passed to a kernel "
                "(pass a device array, a scalar, or a 0-d / size-1 structured array)")
        elif isinstance(a, bool):
            (<char*>slot)[0] = 1 if a else 0
            out[0] = slot
            return keep
        elif isinstance(a, int):
            (<long long*>slot)[0] = <long long>a
            out[0] = slot
            return keep
        elif isinstance(a, float):
            (<double*>slot)[0] = <double>a
            out[0] = slot
            return keep
        elif isinstance(a, complex):
            (<double*>slot)[0] = a.real
            (<double*>slot)[1] = a.imag
            out[0] = slot
            return keep
        packer = _find_packer(t)
        if packer is None:
            if t is _ndarray_type():
                _put_pointer(<intptr_t>a.data.ptr, out, slot)
                return keep
            cai = getattr(a, "__cuda_array_interface__", None)
            if cai is not None:
                _put_pointer(<intptr_t>(cai["data"][0] or 0), out, slot)
                return keep
            pinned = _pinned_type()
            if pinned is not None and isinstance(a, pinned):
                _put_pointer(<intptr_t>a.ptr, out, slot)
                return keep
            raise TypeError(f"argument {i}: unsupported type {t.__module__}.{t.__qualname__}")
    data = packer(a)
    if type(data) is not bytes:
        raise TypeError(f"argument {i}: the packer for {t.__qualname__} returned "
                        f"{type(data).__name__}, expected bytes")
    return _keep_bytes(<bytes>data, out, keep)


cdef class PackedArg:
    """A kernel parameter given as its byte image (e.g. a packed ``CArray`` struct).

    Kernel generators build these once per call; the launch passes ``data`` as is.
    """

    def __init__(self, bytes data not None):
        self.data = data

    def __repr__(self):
        return f"<PackedArg {len(self.data)} bytes>"


cdef inline list _pack(object a, Py_ssize_t i, void** out, char* slot, list keep):
    cdef type t = type(a)
    cdef double complex z
    if t is PackedArg:
        out[0] = PyBytes_AS_STRING((<PackedArg>a).data)   # ``a`` outlives the launch
    elif t is MemoryPointer:
        _put_pointer((<MemoryPointer>a).ptr, out, slot)
    elif t is int:
        (<long long*>slot)[0] = <long long>a
        out[0] = slot
    elif t is float:
        (<double*>slot)[0] = <double>a
        out[0] = slot
    elif t is bool:
        (<char*>slot)[0] = 1 if a is True else 0
        out[0] = slot
    elif t is complex:
        z = a
        memcpy(slot, &z, sizeof(z))
        out[0] = slot
    elif t is _ndarray_cls:
        _put_pointer(<intptr_t>a.data.ptr, out, slot)
    elif isinstance(a, MemoryPointer):
        _put_pointer((<MemoryPointer>a).ptr, out, slot)
    else:
        return _pack_slow(a, i, out, slot, keep)
    return keep


cdef int launch_kernel(Backend backend, intptr_t func, const unsigned int* grid,
                       const unsigned int* block, unsigned int shared_mem, intptr_t stream,
                       object args) except -1:
    cdef tuple targs = args if type(args) is tuple else tuple(args)
    cdef Py_ssize_t n = len(targs), i
    cdef void* stack_ptrs[_STACK_ARGS]
    cdef _Slot stack_slots[_STACK_ARGS]
    cdef void** ptrs = stack_ptrs
    cdef _Slot* slots = stack_slots
    cdef list keep = None      # bytes objects that back pointers in ``ptrs``
    if n > _STACK_ARGS:
        ptrs = <void**>PyMem_Malloc(n * sizeof(void*))
        slots = <_Slot*>PyMem_Malloc(n * sizeof(_Slot))
        if ptrs == NULL or slots == NULL:
            PyMem_Free(ptrs)
            PyMem_Free(slots)
            raise MemoryError()
    try:
        i = 0
        try:
            while i < n:
                keep = _pack(<object>PyTuple_GET_ITEM(targs, i), i, &ptrs[i],
                             <char*>&slots[i], keep)
                i += 1
        except OverflowError as e:
            raise OverflowError(f"argument {i}: {e}") from None
        backend.launch(func, grid, block, shared_mem, stream, ptrs)
    finally:
        if ptrs != stack_ptrs:
            PyMem_Free(ptrs)
            PyMem_Free(slots)
    return 0


cdef long long _dim(object d, object dims, str what) except -1:
    if type(d) is not int:
        try:
            d = PyNumber_Index(d)
        except TypeError:
            raise TypeError(f"{what} must be an int or a tuple of ints, got {dims!r}") from None
    if d < 0 or d > 0xFFFFFFFF:
        raise ValueError(f"{what} dimensions must be in [0, 2**32), got {dims!r}")
    return d


cdef int parse_dim3(object dims, unsigned int* out, str what) except -1:
    """Grid/block sizes: an int or a tuple of 1-3 ints -> out[0..2] (missing ones are 1)."""
    cdef Py_ssize_t n, i
    out[0] = out[1] = out[2] = 1
    if type(dims) is tuple:
        n = len(<tuple>dims)
        if n < 1 or n > 3:
            raise ValueError(f"{what} must have 1 to 3 dimensions, got {dims!r}")
        for i in range(n):
            out[i] = <unsigned int>_dim(<object>PyTuple_GET_ITEM(dims, i), dims, what)
    else:
        out[0] = <unsigned int>_dim(dims, dims, what)
    return 0


cdef intptr_t stream_handle(object stream) except? -1:
    """The backend handle of ``stream``, or of the current stream when it is None."""
    if stream is None:
        return get_current_stream_ptr()
    try:
        return <intptr_t>stream.ptr
    except AttributeError:
        raise TypeError(f"stream must be a cupy.cuda.Stream, got {type(stream).__name__}") \
            from None


cdef class Module:
    """A program loaded on the current device (CuPy's ``cupy.cuda.Module``).

    Load it with :meth:`load` (an ObjectCode from the compiler) or :meth:`load_file`, then take
    kernels with :meth:`get_function` and ``__device__`` variables with :meth:`get_global`.
    The module stays loaded while any of its Functions or globals is referenced.
    """

    def __init__(self):
        self._backend = active()
        self.device_id = self._backend.get_device()
        self.ptr = 0
        self.mapping = {}

    def __dealloc__(self):
        if self.ptr and self._backend is not None:
            try:
                self._backend.module_unload(self.ptr)
            except Exception:   # the device may be gone at interpreter exit
                pass
            self.ptr = 0

    cpdef load(self, object object_code):
        """Load an :class:`~cupy_backends.program.ObjectCode` (or a raw image as bytes)."""
        if self.ptr:
            raise RuntimeError("module is already loaded")
        if isinstance(object_code, bytes):
            image, mapping = object_code, {}
        else:
            image, mapping = object_code.image, object_code.lowered_names
        self.ptr = self._backend.module_load(bytes(image))
        self.mapping = dict(mapping)

    def load_file(self, path):
        """Load a compiled image (a CUBIN on the cuda backend) from ``path``."""
        with open(path, "rb") as f:
            self.load(f.read())

    cpdef Function get_function(self, str name):
        """The kernel ``name`` (a plain name or one of the module's name expressions)."""
        return Function(self, name)

    def get_global_var(self, str name):
        """A MemoryPointer to the ``__device__`` variable ``name`` (sized like it)."""
        from cupy.cuda.memory import MemoryPointer as _MemoryPointer, UnownedMemory
        ptr, size = self._backend.module_get_global(self.ptr, self.mapping.get(name, name))
        return _MemoryPointer(UnownedMemory(ptr, size, self), 0)

    def get_global(self, str name):
        """Alias of :meth:`get_global_var`."""
        return self.get_global_var(name)

    def __repr__(self):
        return f"<Module 0x{self.ptr:x} on device {self.device_id}>"


cdef class Function:
    """A kernel of a :class:`Module` (CuPy's ``cupy.cuda.Function``).

    Call it as ``f(grid, block, args, shared_mem=0, stream=None)``; ``grid`` and ``block`` are
    ints or tuples of 1-3 ints and ``args`` a tuple of arguments (see the module docstring for
    how each is passed).
    """

    def __init__(self, Module module not None, str funcname):
        if not module.ptr:
            raise RuntimeError("module is not loaded")
        self.module = module
        self.name = funcname
        self._backend = module._backend
        self.num_params = -1
        self.ptr = self._backend.module_get_function(module.ptr,
                                                     module.mapping.get(funcname, funcname))

    def __call__(self, grid, block, args, size_t shared_mem=0, stream=None,
                 bint enable_cooperative_groups=False):
        if enable_cooperative_groups:
            raise NotImplementedError("cooperative group launches are not supported")
        self.launch(grid, block, args, shared_mem, stream)

    cpdef launch(self, grid, block, args, size_t shared_mem=0, stream=None):
        """Launch the kernel: see the class docstring."""
        cdef unsigned int g[3]
        cdef unsigned int b[3]
        parse_dim3(grid, g, "grid")
        parse_dim3(block, b, "block")
        if not isinstance(args, (tuple, list)):
            raise TypeError(f"args must be a tuple, got {type(args).__name__}")
        if self.num_params >= 0 and len(args) != self.num_params:
            raise TypeError(f"{self.name}() takes {self.num_params} arguments "
                            f"({len(args)} given)")
        if shared_mem > 0xFFFFFFFF:
            raise ValueError(f"shared_mem too large: {shared_mem}")
        launch_kernel(self._backend, self.ptr, g, b, <unsigned int>shared_mem,
                      stream_handle(stream), args)

    def linear_launch(self, size_t size, args, size_t shared_mem=0,
                      size_t block_max_size=128, stream=None,
                      bint enable_cooperative_groups=False):
        """Launch over ``size`` threads in 1-D blocks of up to ``block_max_size``."""
        if size == 0:
            return
        if block_max_size == 0:
            raise ValueError("block_max_size must be positive")
        gridx = min(0x7fffffff, (size + block_max_size - 1) // block_max_size)
        self(gridx, min(block_max_size, size), args, shared_mem, stream,
             enable_cooperative_groups)

    @property
    def attributes(self):
        """Dict of the kernel's attributes (CuPy's names, e.g. ``num_regs``)."""
        return self._backend.function_attributes(self.ptr)

    def _set_attribute(self, str name, int value):
        self._backend.function_set_attribute(self.ptr, name, value)

    @property
    def max_threads_per_block(self):
        return self.attributes["max_threads_per_block"]

    @property
    def shared_size_bytes(self):
        return self.attributes["shared_size_bytes"]

    @property
    def const_size_bytes(self):
        return self.attributes["const_size_bytes"]

    @property
    def local_size_bytes(self):
        return self.attributes["local_size_bytes"]

    @property
    def num_regs(self):
        return self.attributes["num_regs"]

    @property
    def ptx_version(self):
        return self.attributes["ptx_version"]

    @property
    def binary_version(self):
        return self.attributes["binary_version"]

    @property
    def cache_mode_ca(self):
        return self.attributes["cache_mode_ca"]

    @property
    def max_dynamic_shared_size_bytes(self):
        return self.attributes["max_dynamic_shared_size_bytes"]

    @max_dynamic_shared_size_bytes.setter
    def max_dynamic_shared_size_bytes(self, int value):
        self._set_attribute("max_dynamic_shared_size_bytes", value)

    @property
    def preferred_shared_memory_carveout(self):
        return self.attributes["preferred_shared_memory_carveout"]

    @preferred_shared_memory_carveout.setter
    def preferred_shared_memory_carveout(self, int value):
        self._set_attribute("preferred_shared_memory_carveout", value)

    def __repr__(self):
        return f"<Function {self.name} of {self.module!r}>"
