# cython: language_level=3
"""The ndarray: a strided view of typed device memory, with NumPy's attribute and view API.

Kernels (copy, cast, fill, arithmetic) come from the elementwise generator in ``_kernel``;
indexing lives in ``_indexing``; reductions in ``_reduction``. This module holds only the
array object, its metadata and the operations that need no kernel of their own.
"""
import numpy

from cpython.number cimport PyNumber_Index
from libc.stdint cimport intptr_t

from cupy._core cimport internal
from cupy._core.internal cimport shape_t, strides_t
from cupy.cuda cimport memory
from cupy.cuda.memory cimport MemoryPointer

from cupy._core import _dtype
from cupy.cuda import device as _device_mod


cdef object _numpy_ndarray = numpy.ndarray
cdef object _get_dtype = _dtype.get_dtype
cdef object _check_supported = _dtype.check_supported


cdef object _lazy_modules = {}


cdef object _mod(str name):
    """A sibling module imported on first use (they import this module themselves)."""
    m = _lazy_modules.get(name)
    if m is None:
        import importlib
        m = importlib.import_module(name)
        _lazy_modules[name] = m
    return m


cdef inline object _kernel():
    return _mod("cupy._core._kernel")


cdef inline object _ops():
    return _mod("cupy._core._operators")


cdef list _k_order_axes(ndarray a):
    """Axes from the largest to the smallest absolute stride (stable): the order in which
    NumPy's ``order='K'`` visits memory."""
    cdef Py_ssize_t i
    cdef list keyed = [(-abs(a._strides[i]), i) for i in range(<Py_ssize_t>a._shape.size())]
    keyed.sort()
    return [i for _, i in keyed]


cdef ndarray _new_k_order(ndarray a, object dtype):
    """An uninitialised array shaped like ``a`` whose strides follow ``a``'s axis order
    (NumPy's ``order='K'`` for copies, casts and ``empty_like``)."""
    cdef Py_ssize_t nd = a._shape.size(), i
    if a._c_contiguous:
        return _new_like_shape(a._shape, dtype, False)
    if a._f_contiguous:
        return _new_like_shape(a._shape, dtype, True)
    cdef list perm = _k_order_axes(a)
    cdef shape_t pshape
    for i in perm:
        pshape.push_back(a._shape[i])
    cdef ndarray out = _new_like_shape(pshape, dtype, False)
    cdef list inv = [0] * nd
    for i in range(nd):
        inv[perm[i]] = i
    cdef ndarray v = out._transpose(inv)
    # The transposed view owns the allocation: it is the array the caller sees.
    v.base = None
    return v


def _empty_k_order(ndarray a, dtype):
    """``empty_like(a, dtype, order='K')`` for the creation routines."""
    return _new_k_order(a, _check_supported(_get_dtype(dtype)))


cdef bint _is_f_order(order, str what="order") except -1:
    if order is None or order == "C" or order == "c":
        return False
    if order == "F" or order == "f":
        return True
    raise ValueError(f"{what} must be one of 'C', 'F', 'A', or 'K' (got {order!r})")


cdef class ndarray:
    """A multi-dimensional array on the current device (CuPy's ``cupy.ndarray``).

    Args:
        shape (int or tuple of ints): length of each axis.
        dtype: data type (any NumPy bool, integer, float or complex type).
        memptr (cupy.cuda.MemoryPointer): memory to view; a new allocation by default.
        strides (tuple of ints): byte strides; C or F order (``order``) by default.
        order ({'C', 'F'}): layout of a new array when ``strides`` is not given.

    Example:
        >>> x = cupy.ndarray((2, 3), dtype=cupy.float32)
        >>> x.fill(1)
        >>> x.sum()
        array(6., dtype=float32)
    """

    def __init__(self, shape, dtype=float, memptr=None, strides=None, order="C"):
        cdef shape_t s = internal.to_shape(shape)
        cdef strides_t st
        cdef Py_ssize_t itemsize
        for x in s:
            if x < 0:
                raise ValueError("negative dimensions are not allowed")
        self.dtype = _check_supported(_get_dtype(dtype))
        itemsize = self.dtype.itemsize
        if strides is not None:
            if memptr is None:
                raise ValueError("memptr is required if strides is given.")
            st = internal.to_shape(strides)
            if st.size() != s.size():
                raise ValueError("strides and shape must have the same length")
        elif _is_f_order(order):
            internal.f_strides(s, itemsize, st)
        else:
            internal.c_strides(s, itemsize, st)
        self._set_shape_and_strides(s, st, True)
        if memptr is None:
            self.data = memory.alloc(self.size * itemsize)
        else:
            self.data = memptr
        self.base = None

    cdef int _set_shape_and_strides(self, const shape_t& shape, const strides_t& strides,
                                    bint update_flags) except -1:
        self._shape = shape
        self._strides = strides
        self.size = internal.prod(shape)
        if update_flags:
            self._update_contiguity()
        return 0

    cdef void _update_contiguity(self) noexcept:
        cdef Py_ssize_t itemsize = self.dtype.itemsize
        self._c_contiguous = internal.is_c_contiguous(self._shape, self._strides, itemsize)
        self._f_contiguous = internal.is_f_contiguous(self._shape, self._strides, itemsize)

    cdef ndarray _view(self, const shape_t& shape, const strides_t& strides,
                       Py_ssize_t byte_offset):
        cdef ndarray v = ndarray.__new__(ndarray)
        v.dtype = self.dtype
        v._set_shape_and_strides(shape, strides, True)
        v.data = self.data if byte_offset == 0 else self.data + byte_offset
        v.base = self if self.base is None else self.base
        return v

    # --- attributes -----------------------------------------------------------------------

    @property
    def shape(self):
        """Tuple of axis lengths. Setting it reshapes in place when no copy is needed."""
        return internal.to_tuple(self._shape)

    @shape.setter
    def shape(self, newshape):
        cdef ndarray r = self._reshape(internal.to_shape(newshape), False)
        if r.data.ptr != self.data.ptr or (r.base is not self and r.base is not self.base):
            raise AttributeError("Incompatible shape for in-place modification. Use "
                                 "`.reshape()` to make a copy with the desired shape.")
        self._set_shape_and_strides(r._shape, r._strides, True)

    @property
    def strides(self):
        """Tuple of byte steps along each axis."""
        return internal.to_tuple(self._strides)

    @property
    def ndim(self):
        """Number of axes."""
        return <Py_ssize_t>self._shape.size()

    @property
    def itemsize(self):
        """Bytes per element."""
        return self.dtype.itemsize

    @property
    def nbytes(self):
        """Bytes spanned by the elements (``size * itemsize``)."""
        return self.size * self.dtype.itemsize

    @property
    def flags(self):
        """Memory-layout flags: ``c_contiguous``, ``f_contiguous``, ``owndata``."""
        return _Flags(self._c_contiguous, self._f_contiguous, self.base is None)

    @property
    def device(self):
        """The :class:`cupy.cuda.Device` holding the data."""
        return _device_mod.Device(self.data.device_id)

    @property
    def T(self):
        """The array with its axes reversed (a view)."""
        return self._transpose(None)

    @property
    def flat(self):
        """A :class:`cupy.flatiter` over the array in C order."""
        return _mod("cupy._core.flatiter").flatiter(self)

    @flat.setter
    def flat(self, value):
        _mod("cupy._core.flatiter").flatiter(self)[:] = value

    @property
    def mT(self):
        """The array with its last two axes swapped (a view)."""
        if self._shape.size() < 2:
            raise ValueError("matrix transpose with ndim < 2 is undefined")
        axes = list(range(self._shape.size()))
        axes[-1], axes[-2] = axes[-2], axes[-1]
        return self._transpose(axes)

    @property
    def real(self):
        """The real part (a view for complex arrays, the array itself otherwise)."""
        if self.dtype.kind != "c":
            return self
        return self._component_view(0)

    @real.setter
    def real(self, value):
        self.real[...] = value

    @property
    def imag(self):
        """The imaginary part (a view for complex arrays, zeros otherwise)."""
        if self.dtype.kind != "c":
            z = _ndarray_init(self.shape, self.dtype)
            z.fill(0)
            return z
        return self._component_view(self.dtype.itemsize // 2)

    @imag.setter
    def imag(self, value):
        if self.dtype.kind != "c":
            raise TypeError("array does not have imaginary part to set")
        self.imag[...] = value

    def _component_view(self, Py_ssize_t offset):
        cdef ndarray v = self._view(self._shape, self._strides, offset)
        v.dtype = _get_dtype(self.dtype.char.lower())
        v._update_contiguity()
        return v

    @property
    def __cuda_array_interface__(self):
        """CUDA Array Interface (version 3) describing this array."""
        return {
            "shape": self.shape,
            "typestr": self.dtype.str,
            "descr": self.dtype.descr,
            "data": (self.data.ptr if self.size else 0, False),
            "strides": None if self._c_contiguous else self.strides,
            "version": 3,
            "stream": 1,
        }

    # --- views ----------------------------------------------------------------------------

    def view(self, dtype=None, type=None):
        """The same memory seen with another dtype (a view).

        The last axis is rescaled when the item sizes differ, as in NumPy.
        """
        if type is not None and type is not ndarray:
            raise TypeError("view() only supports cupy.ndarray as the type")
        if dtype is None:
            return self._view(self._shape, self._strides, 0)
        new = _check_supported(_get_dtype(dtype))
        cdef Py_ssize_t old_size = self.dtype.itemsize, new_size = new.itemsize
        cdef shape_t shape = self._shape
        cdef strides_t strides = self._strides
        cdef ndarray v
        if new_size != old_size:
            if self._shape.size() == 0:
                raise ValueError("Changing the dtype of a 0d array is only supported if "
                                 "the itemsize is unchanged")
            if not self._c_contiguous and self._strides.back() != old_size:
                raise ValueError("To change to a dtype of a different size, the last axis "
                                 "must be contiguous")
            if (shape.back() * old_size) % new_size != 0:
                raise ValueError("When changing to a smaller dtype, its size must be a "
                                 "divisor of the size of original dtype" if new_size < old_size
                                 else "When changing to a larger dtype, its size must be a "
                                 "divisor of the total size in bytes of the last axis of the "
                                 "array.")
            shape[shape.size() - 1] = shape.back() * old_size // new_size
            strides[strides.size() - 1] = new_size
        v = ndarray.__new__(ndarray)
        v.dtype = new
        v._set_shape_and_strides(shape, strides, True)
        v.data = self.data
        v.base = self if self.base is None else self.base
        return v

    def reshape(self, *shape, order="C"):
        """An array with a new shape and the same elements; a view when possible.

        Args:
            shape (int or tuple of ints): new shape; one entry may be -1.
            order ({'C', 'F', 'A'}): index order used to read and place the elements.
        """
        if len(shape) == 1 and not isinstance(shape[0], int) and \
                not hasattr(shape[0], "__index__"):
            shape = shape[0]
        if order == "A":
            order = "F" if self._f_contiguous and not self._c_contiguous else "C"
        return self._reshape(internal.to_shape(shape), _is_f_order(order))

    cdef ndarray _reshape(self, shape_t shape, bint f_order):
        cdef strides_t strides
        internal.infer_unknown_dimension(shape, self.size)
        if shape == self._shape:
            return self._view(self._shape, self._strides, 0)
        if self.size == 0 or self._shape.size() == 0:
            if f_order:
                internal.f_strides(shape, self.dtype.itemsize, strides)
            else:
                internal.c_strides(shape, self.dtype.itemsize, strides)
            return self._view(shape, strides, 0)
        if internal.nocopy_reshape_strides(self._shape, self._strides, self.dtype.itemsize,
                                           shape, f_order, strides):
            return self._view(shape, strides, 0)
        cdef ndarray c = self.copy("F" if f_order else "C")
        if f_order:
            internal.f_strides(shape, self.dtype.itemsize, strides)
        else:
            internal.c_strides(shape, self.dtype.itemsize, strides)
        c._set_shape_and_strides(shape, strides, True)
        return c

    def transpose(self, *axes):
        """The array with permuted axes (a view); reversed axes by default."""
        if len(axes) == 1 and (axes[0] is None or isinstance(axes[0], (tuple, list))):
            axes = axes[0]
        if axes is None or len(axes) == 0:
            return self._transpose(None)
        return self._transpose(list(axes))

    cdef ndarray _transpose(self, list axes):
        cdef Py_ssize_t nd = self._shape.size(), i
        cdef shape_t shape
        cdef strides_t strides
        if axes is None:
            for i in range(nd - 1, -1, -1):
                shape.push_back(self._shape[i])
                strides.push_back(self._strides[i])
            return self._view(shape, strides, 0)
        if len(axes) != nd:
            raise ValueError("axes don't match array")
        norm = internal.normalize_axis_tuple(axes, nd)
        for i in norm:
            shape.push_back(self._shape[i])
            strides.push_back(self._strides[i])
        return self._view(shape, strides, 0)

    def swapaxes(self, axis1, axis2):
        """The array with two axes interchanged (a view)."""
        cdef Py_ssize_t nd = self._shape.size()
        a = internal.normalize_axis(PyNumber_Index(axis1), nd)
        b = internal.normalize_axis(PyNumber_Index(axis2), nd)
        axes = list(range(nd))
        axes[a], axes[b] = axes[b], axes[a]
        return self._transpose(axes)

    def squeeze(self, axis=None):
        """The array without axes of length one (a view)."""
        cdef Py_ssize_t nd = self._shape.size(), i
        cdef shape_t shape
        cdef strides_t strides
        if axis is None:
            drop = {i for i in range(nd) if self._shape[i] == 1}
        else:
            drop = set(internal.normalize_axis_tuple(axis, nd))
            for i in drop:
                if self._shape[i] != 1:
                    raise ValueError("cannot select an axis to squeeze out which has size "
                                     "not equal to one")
        for i in range(nd):
            if i not in drop:
                shape.push_back(self._shape[i])
                strides.push_back(self._strides[i])
        return self._view(shape, strides, 0)

    cpdef ndarray ravel(self, order="C"):
        """A 1-d array of the elements; a view when possible."""
        cdef shape_t shape
        shape.push_back(self.size)
        if order == "A":
            order = "F" if self._f_contiguous and not self._c_contiguous else "C"
        elif order == "K":
            if self._c_contiguous or self._f_contiguous:
                order = "F" if not self._c_contiguous else "C"
            else:
                # Memory order: walk the axes from the largest stride down.
                return self._transpose(_k_order_axes(self))._reshape(shape, False)
        return self._reshape(shape, _is_f_order(order))

    def flatten(self, order="C"):
        """A 1-d copy of the elements."""
        cdef ndarray src = self
        if order == "K" and not (self._c_contiguous or self._f_contiguous):
            # Memory order: a C-order copy of the axes sorted by decreasing stride.
            src = self._transpose(_k_order_axes(self))
            order = "C"
        elif order in ("A", "K"):
            order = "F" if self._f_contiguous and not self._c_contiguous else "C"
        cdef ndarray c = src.copy(order)
        cdef shape_t shape
        cdef strides_t strides
        shape.push_back(self.size)
        internal.c_strides(shape, self.dtype.itemsize, strides)
        c._set_shape_and_strides(shape, strides, True)
        return c

    def diagonal(self, offset=0, axis1=0, axis2=1):
        """The diagonal along ``axis1`` and ``axis2`` (a view), appended as the last axis."""
        cdef Py_ssize_t nd = self._shape.size(), i, a, b, n, off = offset
        if nd < 2:
            raise ValueError("diag requires an array of at least two dimensions")
        a = internal.normalize_axis(PyNumber_Index(axis1), nd)
        b = internal.normalize_axis(PyNumber_Index(axis2), nd)
        if a == b:
            raise ValueError("axis1 and axis2 cannot be the same")
        cdef shape_t shape
        cdef strides_t strides
        cdef Py_ssize_t byte_offset = 0
        for i in range(nd):
            if i != a and i != b:
                shape.push_back(self._shape[i])
                strides.push_back(self._strides[i])
        if off >= 0:
            n = max(0, min(self._shape[a], self._shape[b] - off))
            if n > 0:
                byte_offset = off * self._strides[b]
        else:
            n = max(0, min(self._shape[a] + off, self._shape[b]))
            if n > 0:
                byte_offset = -off * self._strides[a]
        shape.push_back(n)
        strides.push_back(self._strides[a] + self._strides[b])
        return self._view(shape, strides, byte_offset)

    # --- copies and conversion --------------------------------------------------------------

    cpdef ndarray copy(self, order="C"):
        """A copy in ``order`` ('C', 'F', 'A' or 'K')."""
        cdef bint f_order
        cdef ndarray out
        if order == "K":
            out = _new_k_order(self, self.dtype)
        else:
            if order == "A":
                f_order = self._f_contiguous and not self._c_contiguous
            else:
                f_order = _is_f_order(order)
            out = _new_like_shape(self._shape, self.dtype, f_order)
        if self.size:
            _kernel().elementwise_copy(self, out)
        return out

    cpdef ndarray astype(self, dtype, order="K", casting=None, subok=None, copy=True):
        """A copy cast to ``dtype`` (``self`` itself when nothing changes and ``copy`` is False).

        Args:
            dtype: target data type.
            order ({'C', 'F', 'A', 'K'}): layout of the result.
            casting ({'no', 'equiv', 'safe', 'same_kind', 'unsafe'}): allowed casts
                (default 'unsafe').
            copy (bool): when False, ``self`` is returned if no cast or layout change is needed.
        """
        if subok is not None and subok is not True:
            raise TypeError("subok is not supported")
        new = _check_supported(_get_dtype(dtype))
        if casting is not None and not numpy.can_cast(self.dtype, new, casting):
            raise TypeError(f"Cannot cast array data from {self.dtype!r} to {new!r} "
                            f"according to the rule '{casting}'")
        cdef bint f_order
        if order == "K" or order is None or order == "A":
            f_order = self._f_contiguous and not self._c_contiguous
        else:
            f_order = _is_f_order(order)
        if not copy and new == self.dtype:
            if order in ("K", "A", None) or (self._f_contiguous if f_order
                                             else self._c_contiguous):
                return self
        if new.kind != "c" and self.dtype.kind == "c":
            import warnings
            from numpy.exceptions import ComplexWarning
            warnings.warn("Casting complex values to real discards the imaginary part",
                          ComplexWarning, stacklevel=2)
        cdef ndarray out
        if order == "K" or order is None:
            out = _new_k_order(self, new)
        else:
            out = _new_like_shape(self._shape, new, f_order)
        if self.size:
            _kernel().elementwise_copy(self, out)
        return out

    def fill(self, value):
        """Set every element to ``value``."""
        if isinstance(value, ndarray):
            if (<ndarray>value)._shape.size() != 0:
                raise ValueError("non-scalar numpy.ndarray cannot be used for fill")
            _kernel().elementwise_copy(value, self)
            return
        if isinstance(value, _numpy_ndarray):
            if value.ndim != 0:
                raise ValueError("non-scalar numpy.ndarray cannot be used for fill")
            value = value[()]
        if self.size:
            _kernel().elementwise_fill(self, value)

    def get(self, stream=None, order="C", out=None, blocking=True):
        """Copy to host memory and return a ``numpy.ndarray`` (or fill ``out``)."""
        cdef ndarray src = self
        if out is not None:
            if not isinstance(out, _numpy_ndarray):
                raise TypeError("Only numpy.ndarray can be obtained from cupy.ndarray")
            if out.dtype != self.dtype:
                raise TypeError(f"{out.dtype} array cannot be obtained from "
                                f"{self.dtype} array")
            if out.shape != self.shape:
                raise ValueError(f"Shape mismatch. Expected shape: {self.shape}, actual "
                                 f"shape: {out.shape}")
            if not (out.flags.c_contiguous or out.flags.f_contiguous):
                raise RuntimeError("Non-contiguous array is not supported yet.")
            host = out
            f_out = out.flags.f_contiguous and not out.flags.c_contiguous
        else:
            if order == "A" or order == "K":
                f_out = self._f_contiguous and not self._c_contiguous
            else:
                f_out = _is_f_order(order)
            host = numpy.empty(self.shape, dtype=self.dtype, order="F" if f_out else "C")
        if self.size == 0:
            return host
        if not (src._f_contiguous if f_out else src._c_contiguous):
            src = self.copy("F" if f_out else "C")
        if stream is None:
            src.data.copy_to_host(host.ctypes.data, src.nbytes)
        else:
            src.data.copy_to_host_async(host.ctypes.data, src.nbytes, stream)
            if blocking:
                stream.synchronize()
        return host

    def set(self, arr, stream=None):
        """Copy the elements of the ``numpy.ndarray`` ``arr`` (same shape and dtype) in."""
        if not isinstance(arr, _numpy_ndarray):
            raise TypeError(f"Only numpy.ndarray can be set to cupy.ndarray, got "
                            f"{type(arr).__name__}")
        if arr.dtype != self.dtype:
            raise TypeError(f"{arr.dtype} array cannot be set to {self.dtype} array")
        if arr.shape != self.shape:
            raise ValueError(f"Shape mismatch. Old shape: {self.shape}, new shape: "
                             f"{arr.shape}")
        if self.size == 0:
            return
        if self._c_contiguous:
            arr = numpy.ascontiguousarray(arr)
        elif self._f_contiguous:
            arr = numpy.asfortranarray(arr)
        else:
            tmp = _ndarray_init(self.shape, self.dtype)
            tmp.set(arr, stream)
            _kernel().elementwise_copy(tmp, self)
            return
        if stream is None:
            self.data.copy_from_host(arr.ctypes.data, self.nbytes)
        else:
            self.data.copy_from_host_async(arr.ctypes.data, self.nbytes, stream)

    def tolist(self):
        """The elements as nested Python lists of Python scalars."""
        return self.get().tolist()

    def item(self, *args):
        """One element as a Python scalar."""
        if len(args) == 1 and isinstance(args[0], tuple):
            args = args[0]
        if len(args) == 1:
            # One integer is an index into the flattened array, as in NumPy.
            flat = PyNumber_Index(args[0])
            if flat < -self.size or flat >= self.size:
                raise IndexError(f"index {flat} is out of bounds for size {self.size}")
            return self.ravel()[flat].get().item()
        if args:
            return self[args].get().item()
        if self.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self.get().item()

    def __array__(self, dtype=None, copy=None):
        raise TypeError("Implicit conversion to a NumPy array is not allowed. Please use "
                        "`.get()` to construct a NumPy array explicitly.")

    def __len__(self):
        if self._shape.size() == 0:
            raise TypeError("len() of unsized object")
        return self._shape[0]

    def __iter__(self):
        if self._shape.size() == 0:
            raise TypeError("iteration over a 0-d array")
        return (self[i] for i in range(self._shape[0]))

    cdef object _scalar(self, str what):
        if self.size != 1:
            if what == "bool":
                raise ValueError("The truth value of an array with more than one element "
                                 "is ambiguous. Use a.any() or a.all()")
        if what != "bool" and self._shape.size() != 0:
            # NumPy 2 converts only 0-d arrays to int/float/complex (bool accepts size 1).
            raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
        return self.get().reshape(())[()]

    def __bool__(self):
        if self.size == 0:
            raise ValueError("The truth value of an empty array is ambiguous. Use "
                             "`array.size > 0` to check that an array is not empty.")
        return bool(self._scalar("bool"))

    def __int__(self):
        return int(self._scalar("int"))

    def __float__(self):
        return float(self._scalar("float"))

    def __complex__(self):
        return complex(self._scalar("complex"))

    def __index__(self):
        if self._shape.size() != 0 or self.dtype.kind not in "biu":
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return int(self._scalar("int"))

    def __repr__(self):
        return repr(self.get()).replace("\n", "\n")

    def __str__(self):
        return str(self.get())

    def __format__(self, spec):
        if self._shape.size() == 0:
            return format(self.get()[()], spec)
        return format(self.get(), spec)

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    def __reduce__(self):
        return (array_from_host, (self.get(),))

    # --- indexing ---------------------------------------------------------------------------

    def __getitem__(self, key):
        return _mod("cupy._core._indexing").getitem(self, key)

    def __setitem__(self, key, value):
        _mod("cupy._core._indexing").setitem(self, key, value)

    # --- operators (ufuncs) -----------------------------------------------------------------

    __array_priority__ = 100.0

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return _ops().array_ufunc(ufunc, method, inputs, kwargs)

    def __array_function__(self, func, types, args, kwargs):
        return _ops().array_function(func, types, args, kwargs)

    def __neg__(self):
        return _ops().negative(self)

    def __pos__(self):
        return _ops().positive(self)

    def __abs__(self):
        return _ops().absolute(self)

    def __invert__(self):
        return _ops().invert(self)

    def __add__(self, other):
        return _ops().binary("add", self, other)

    def __radd__(self, other):
        return _ops().binary("add", other, self)

    def __iadd__(self, other):
        return _ops().inplace("add", self, other)

    def __sub__(self, other):
        return _ops().binary("subtract", self, other)

    def __rsub__(self, other):
        return _ops().binary("subtract", other, self)

    def __isub__(self, other):
        return _ops().inplace("subtract", self, other)

    def __mul__(self, other):
        return _ops().binary("multiply", self, other)

    def __rmul__(self, other):
        return _ops().binary("multiply", other, self)

    def __imul__(self, other):
        return _ops().inplace("multiply", self, other)

    def __truediv__(self, other):
        return _ops().binary("true_divide", self, other)

    def __rtruediv__(self, other):
        return _ops().binary("true_divide", other, self)

    def __itruediv__(self, other):
        return _ops().inplace("true_divide", self, other)

    def __floordiv__(self, other):
        return _ops().binary("floor_divide", self, other)

    def __rfloordiv__(self, other):
        return _ops().binary("floor_divide", other, self)

    def __ifloordiv__(self, other):
        return _ops().inplace("floor_divide", self, other)

    def __mod__(self, other):
        return _ops().binary("remainder", self, other)

    def __rmod__(self, other):
        return _ops().binary("remainder", other, self)

    def __imod__(self, other):
        return _ops().inplace("remainder", self, other)

    def __divmod__(self, other):
        return _ops().binary("divmod", self, other)

    def __rdivmod__(self, other):
        return _ops().binary("divmod", other, self)

    def __pow__(self, other, modulo=None):
        if modulo is not None:
            return NotImplemented
        return _ops().binary("power", self, other)

    def __rpow__(self, other, modulo=None):
        if modulo is not None:
            return NotImplemented
        return _ops().binary("power", other, self)

    def __ipow__(self, other):
        return _ops().inplace("power", self, other)

    def __matmul__(self, other):
        return _ops().binary("matmul", self, other)

    def __rmatmul__(self, other):
        return _ops().binary("matmul", other, self)

    def __and__(self, other):
        return _ops().binary("bitwise_and", self, other)

    def __rand__(self, other):
        return _ops().binary("bitwise_and", other, self)

    def __iand__(self, other):
        return _ops().inplace("bitwise_and", self, other)

    def __or__(self, other):
        return _ops().binary("bitwise_or", self, other)

    def __ror__(self, other):
        return _ops().binary("bitwise_or", other, self)

    def __ior__(self, other):
        return _ops().inplace("bitwise_or", self, other)

    def __xor__(self, other):
        return _ops().binary("bitwise_xor", self, other)

    def __rxor__(self, other):
        return _ops().binary("bitwise_xor", other, self)

    def __ixor__(self, other):
        return _ops().inplace("bitwise_xor", self, other)

    def __lshift__(self, other):
        return _ops().binary("left_shift", self, other)

    def __rlshift__(self, other):
        return _ops().binary("left_shift", other, self)

    def __ilshift__(self, other):
        return _ops().inplace("left_shift", self, other)

    def __rshift__(self, other):
        return _ops().binary("right_shift", self, other)

    def __rrshift__(self, other):
        return _ops().binary("right_shift", other, self)

    def __irshift__(self, other):
        return _ops().inplace("right_shift", self, other)

    def __richcmp__(self, other, int op):
        return _ops().compare(self, other, op)

    __hash__ = None

    # --- methods backed by routines (cupy.<name>(self, ...)) ------------------------------------

    def sum(self, axis=None, dtype=None, out=None, keepdims=False):
        """Sum of the elements (see :func:`cupy.sum`)."""
        return _mod("cupy").sum(self, axis, dtype, out, keepdims)

    def prod(self, axis=None, dtype=None, out=None, keepdims=False):
        """Product of the elements (see :func:`cupy.prod`)."""
        return _mod("cupy").prod(self, axis, dtype, out, keepdims)

    def max(self, axis=None, out=None, keepdims=False):
        """Maximum (see :func:`cupy.amax`)."""
        return _mod("cupy").amax(self, axis, out, keepdims)

    def min(self, axis=None, out=None, keepdims=False):
        """Minimum (see :func:`cupy.amin`)."""
        return _mod("cupy").amin(self, axis, out, keepdims)

    def argmax(self, axis=None, out=None, keepdims=False):
        """Index of the maximum (see :func:`cupy.argmax`)."""
        return _mod("cupy").argmax(self, axis, out=out, keepdims=keepdims)

    def argmin(self, axis=None, out=None, keepdims=False):
        """Index of the minimum (see :func:`cupy.argmin`)."""
        return _mod("cupy").argmin(self, axis, out=out, keepdims=keepdims)

    def ptp(self, axis=None, out=None, keepdims=False):
        """Range of values, maximum - minimum (see :func:`cupy.ptp`)."""
        return _mod("cupy").ptp(self, axis, out, keepdims)

    def mean(self, axis=None, dtype=None, out=None, keepdims=False):
        """Arithmetic mean (see :func:`cupy.mean`)."""
        return _mod("cupy").mean(self, axis, dtype, out, keepdims)

    def var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
        """Variance (see :func:`cupy.var`)."""
        return _mod("cupy").var(self, axis, dtype, out, ddof, keepdims)

    def std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
        """Standard deviation (see :func:`cupy.std`)."""
        return _mod("cupy").std(self, axis, dtype, out, ddof, keepdims)

    def all(self, axis=None, out=None, keepdims=False):
        """Whether all elements are true (see :func:`cupy.all`)."""
        return _mod("cupy").all(self, axis, out, keepdims)

    def any(self, axis=None, out=None, keepdims=False):
        """Whether any element is true (see :func:`cupy.any`)."""
        return _mod("cupy").any(self, axis, out, keepdims)

    def cumsum(self, axis=None, dtype=None, out=None):
        """Cumulative sum (see :func:`cupy.cumsum`)."""
        return _mod("cupy").cumsum(self, axis, dtype, out)

    def cumprod(self, axis=None, dtype=None, out=None):
        """Cumulative product (see :func:`cupy.cumprod`)."""
        return _mod("cupy").cumprod(self, axis, dtype, out)

    def clip(self, min=None, max=None, out=None, **kwargs):
        """Values limited to ``[min, max]`` (see :func:`cupy.clip`)."""
        return _mod("cupy").clip(self, min, max, out=out, **kwargs)

    def round(self, decimals=0, out=None):
        """Values rounded to ``decimals`` (see :func:`cupy.around`)."""
        return _mod("cupy").around(self, decimals, out)

    def nonzero(self):
        """Indices of the non-zero elements, one array per axis (see :func:`cupy.nonzero`)."""
        return _mod("cupy._core._advanced_indexing").nonzero(self)

    def take(self, indices, axis=None, out=None, mode="raise"):
        """Elements at ``indices`` along ``axis`` (see :func:`cupy.take`)."""
        return _mod("cupy._indexing.indexing").take(self, indices, axis, out, mode)

    def put(self, indices, values, mode="raise"):
        """Sets ``self.flat[indices] = values`` (see :func:`cupy.put`)."""
        _mod("cupy._indexing.insert").put(self, indices, values, mode)

    def choose(self, choices, out=None, mode="raise"):
        """Elements of ``choices`` picked by ``self`` (see :func:`cupy.choose`)."""
        return _mod("cupy._indexing.indexing").choose(self, choices, out, mode)

    def compress(self, condition, axis=None, out=None):
        """Slices along ``axis`` where ``condition`` holds (see :func:`cupy.compress`)."""
        return _mod("cupy._indexing.indexing").compress(condition, self, axis, out)

    def conj(self):
        """Complex conjugate (see :func:`cupy.conjugate`)."""
        return _mod("cupy").conjugate(self)

    def conjugate(self):
        """Complex conjugate (see :func:`cupy.conjugate`)."""
        return _mod("cupy").conjugate(self)

    def dot(self, b, out=None):
        """Dot product with ``b`` (see :func:`cupy.dot`)."""
        return _mod("cupy").dot(self, b, out)

    def trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
        """Sum along a diagonal (see :func:`cupy.trace`)."""
        return _mod("cupy").trace(self, offset, axis1, axis2, dtype, out)

    def repeat(self, repeats, axis=None):
        """Repeat elements (see :func:`cupy.repeat`)."""
        return _mod("cupy").repeat(self, repeats, axis)

    def sort(self, axis=-1, kind=None, order=None, *, stable=None):
        """Sort in place along ``axis`` (see :func:`cupy.sort`)."""
        _mod("cupy._sorting.sort")._ndarray_sort(self, axis, kind, order, stable=stable)

    def argsort(self, axis=-1, kind=None, order=None, *, stable=None):
        """Indices that sort along ``axis`` (see :func:`cupy.argsort`)."""
        return _mod("cupy").argsort(self, axis, kind, order, stable=stable)

    def partition(self, kth, axis=-1, kind="introselect", order=None):
        """Partition in place around ``kth`` (see :func:`cupy.partition`)."""
        self[...] = _mod("cupy").partition(self, kth, axis, kind, order)

    def argpartition(self, kth, axis=-1, kind="introselect", order=None):
        """Indices that partition around ``kth`` (see :func:`cupy.argpartition`)."""
        return _mod("cupy").argpartition(self, kth, axis, kind, order)

    def searchsorted(self, v, side="left", sorter=None):
        """Where ``v`` would be inserted to keep order (see :func:`cupy.searchsorted`)."""
        return _mod("cupy").searchsorted(self, v, side, sorter)

    def tobytes(self, order="C"):
        """The data as bytes (copied to the host)."""
        return self.get().tobytes(order)

    def tofile(self, fid, sep="", format="%s"):
        """Write the data to a file (copied to the host; see :meth:`numpy.ndarray.tofile`)."""
        self.get().tofile(fid, sep, format)

    def dumps(self):
        """A pickle of the array."""
        return _mod("pickle").dumps(self, protocol=2)

    def dump(self, file):
        """Pickle the array into ``file`` (a path or a writable file)."""
        pickle = _mod("pickle")
        if isinstance(file, (str, bytes)) or hasattr(file, "__fspath__"):
            with open(file, "wb") as f:
                pickle.dump(self, f, protocol=2)
        else:
            pickle.dump(self, file, protocol=2)


class _Flags:
    """The ``flags`` of an ndarray (read-only)."""

    def __init__(self, c, f, owndata):
        self.c_contiguous = c
        self.f_contiguous = f
        self.owndata = owndata

    def __getitem__(self, name):
        key = {"C_CONTIGUOUS": "c_contiguous", "C": "c_contiguous",
               "F_CONTIGUOUS": "f_contiguous", "F": "f_contiguous",
               "OWNDATA": "owndata"}.get(name)
        if key is None:
            raise KeyError(name)
        return getattr(self, key)

    def __repr__(self):
        return (f"  C_CONTIGUOUS : {self.c_contiguous}\n  F_CONTIGUOUS : {self.f_contiguous}\n"
                f"  OWNDATA : {self.owndata}")


cpdef ndarray _ndarray_init(shape, dtype, order="C"):
    """A new uninitialised array (no argument checks beyond ndarray's)."""
    return ndarray(shape, dtype, None, None, order)


cdef ndarray _new_like_shape(const shape_t& shape, object dtype, bint f_order):
    cdef ndarray a = ndarray.__new__(ndarray)
    cdef strides_t strides
    a.dtype = dtype
    if f_order:
        internal.f_strides(shape, dtype.itemsize, strides)
    else:
        internal.c_strides(shape, dtype.itemsize, strides)
    a._set_shape_and_strides(shape, strides, True)
    a.data = memory.alloc(a.size * dtype.itemsize)
    a.base = None
    return a


def array_from_host(host):
    """A device copy of the ``numpy.ndarray`` ``host`` (C order unless ``host`` is F order)."""
    host = numpy.asarray(host)
    dtype = _check_supported(host.dtype)
    f_order = host.flags.f_contiguous and not host.flags.c_contiguous
    cdef shape_t shape = internal.to_shape(host.shape)
    cdef ndarray a = _new_like_shape(shape, dtype, f_order)
    if a.size:
        host = numpy.asarray(host, order="F" if f_order else "C")
        a.data.copy_from_host(host.ctypes.data, a.nbytes)
    return a
