# cython: language_level=3
"""The elementwise kernel generator and ``cupy.ElementwiseKernel``.

One template serves every elementwise kernel (user kernels, ufuncs, copies and casts). A
:class:`LoopSpec` says what the kernel does; a list of :class:`KernelArg` says how each
argument is laid out for this call. The arrays' axes are merged where the memory allows
(``_reduce_dims``) and the kernel is specialised on the resulting number of axes, on
contiguity and on 32- vs 64-bit index arithmetic. Compiled kernels are memoized per spec,
per layout and per device, so a repeated call does no code generation.
"""
import numpy

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize
from libc.stdint cimport intptr_t, int64_t

from cupy._core cimport internal
from cupy._core.core cimport ndarray, _new_like_shape
from cupy._core.internal cimport shape_t, strides_t
from cupy.cuda cimport device as _device
from cupy.cuda.function cimport Function, PackedArg

from cupy._core import _dtype
from cupy.cuda import compiler


cdef object _get_dtype = _dtype.get_dtype
cdef object _ctype_of = _dtype.ctype_of
cdef Py_ssize_t _INT32_MAX = 0x7FFFFFFF
DEFAULT_BLOCK_SIZE = 128


# --- parameters ----------------------------------------------------------------------------

cdef class ParameterInfo:
    """One parameter of CuPy's parameter syntax: ``[raw] [_non_const] <type> <name>``.

    ``<type>`` is either a one-letter placeholder bound by the arguments (``T``) or a NumPy
    dtype name (``float32``).
    """

    def __init__(self, str param, bint is_const):
        words = param.split()
        if len(words) < 2:
            raise ValueError(f"Syntax error: {param!r}")
        t, self.name = words[-2], words[-1]
        if not self.name.isidentifier():
            raise ValueError(f"Invalid parameter name: {self.name!r}")
        self.is_const = is_const
        self.raw = False
        self.dtype = None
        for w in words[:-2]:
            if w == "raw":
                self.raw = True
            elif w == "_non_const":
                self.is_const = False
            else:
                raise ValueError(f'Unknown keyword "{w}"')
        if len(t) == 1:
            self.ctype = t
        else:
            try:
                d = _get_dtype(t)
            except TypeError:
                raise ValueError(f"Wrong type {t}") from None
            if d.name != t:
                raise ValueError(f"Wrong type {t}")
            self.dtype = _dtype.check_supported(d)
            self.ctype = _ctype_of(d)

    def __repr__(self):
        raw = "raw " if self.raw else ""
        return f"<ParameterInfo {raw}{self.ctype} {self.name}>"


def parse_params(str params, bint is_const):
    """Parse a comma-separated parameter list into a tuple of ParameterInfo."""
    params = params.strip()
    if not params:
        return ()
    return tuple(ParameterInfo(p, is_const) for p in params.split(","))


# --- per-call arguments ----------------------------------------------------------------------

cdef class KernelArg:

    @staticmethod
    def for_array(str name, ndarray a, var_dtype, bint raw, bint is_output):
        cdef KernelArg k = KernelArg.__new__(KernelArg)
        k.name = name
        k.is_array = True
        k.raw = raw
        k.is_output = is_output
        k.array = a
        k.storage_dtype = a.dtype
        k.var_dtype = var_dtype
        k.shape = a._shape
        k.strides = a._strides
        return k

    @staticmethod
    def for_scalar(str name, value, var_dtype):
        cdef KernelArg k = KernelArg.__new__(KernelArg)
        k.name = name
        k.is_array = False
        k.raw = False
        k.is_output = False
        k.storage_dtype = var_dtype
        k.var_dtype = var_dtype
        k.value = value
        return k


cdef class LoopSpec:
    """The operation of an elementwise kernel.

    Args:
        name (str): kernel name.
        operation (str): C++ statements run for each element ``i``.
        preamble (str): code placed before the kernel.
        loop_prep (str): statements run once per thread before the loop.
        after_loop (str): statements run once per thread after the loop.
        typedefs (tuple): ``(alias, numpy.dtype)`` pairs declared in the kernel body.
        options (tuple of str): compiler options.
    """

    def __init__(self, str name, str operation, str preamble="", str loop_prep="",
                 str after_loop="", tuple typedefs=(), tuple options=()):
        self.name = name
        self.operation = operation
        self.preamble = preamble
        self.loop_prep = loop_prep
        self.after_loop = after_loop
        self.typedefs = typedefs
        self.options = options


# --- broadcasting and axis merging -------------------------------------------------------------

cdef int broadcast_arrays_into(list args, shape_t& shape) except -1:
    """Broadcast the non-raw array args; outputs must already have the broadcast shape."""
    cdef KernelArg k
    cdef list in_shapes = []
    cdef Py_ssize_t nd, i, off
    for k in args:
        if k.is_array and not k.raw and not k.is_output:
            in_shapes.append(internal.to_tuple(k.shape))
    for k in args:
        if k.is_array and not k.raw and k.is_output:
            in_shapes.append(internal.to_tuple(k.shape))
    internal.broadcast_shapes(in_shapes, shape)
    nd = shape.size()
    for k in args:
        if not k.is_array or k.raw:
            continue
        if k.is_output and k.shape != shape:
            raise ValueError(f"non-broadcastable output operand with shape "
                             f"{internal.to_tuple(k.shape)} doesn't match the broadcast shape "
                             f"{internal.to_tuple(shape)}")
        if k.shape == shape:
            continue
        off = nd - <Py_ssize_t>k.shape.size()
        new_strides = strides_t(nd, 0)
        for i in range(<Py_ssize_t>k.shape.size()):
            if k.shape[i] == shape[off + i]:
                new_strides[off + i] = k.strides[i]
        k.strides = new_strides
        k.shape = shape
    return 0


cdef shape_t _reduce_dims(list arrays, const shape_t& shape, bint reduce):
    """Merge axes that every array in ``arrays`` (non-raw KernelArgs laid out over ``shape``)
    walks contiguously; drop axes of length 1. Updates each arg's shape/strides."""
    cdef KernelArg k
    cdef Py_ssize_t nd = shape.size(), i, j, n
    cdef shape_t out
    cdef bint can_merge
    if not reduce:
        return shape
    cdef list keep = []
    for i in range(nd):
        if shape[i] != 1:
            keep.append(i)
    if internal.prod(shape) == 0:
        keep = [keep[0]] if keep else []
    for k in arrays:
        new_strides = strides_t()
        for i in keep:
            new_strides.push_back(k.strides[i])
        k.strides = new_strides
    for i in keep:
        out.push_back(shape[i])
    # Merge axis j into axis j-1 when each array steps over axis j-1 exactly as over the
    # whole of axis j.
    n = out.size()
    j = 1
    while j < n:
        can_merge = True
        for k in arrays:
            if k.strides[j - 1] != k.strides[j] * out[j]:
                can_merge = False
                break
        if can_merge:
            out[j - 1] *= out[j]
            out.erase(out.begin() + j)
            for k in arrays:
                k.strides[j - 1] = k.strides[j]
                k.strides.erase(k.strides.begin() + j)
            n -= 1
        else:
            j += 1
    for k in arrays:
        k.shape = out
    return out


cdef bint _fits_int32(KernelArg k) noexcept:
    cdef Py_ssize_t span = k.storage_dtype.itemsize, i, s
    for i in range(<Py_ssize_t>k.shape.size()):
        if k.shape[i] > 1:
            s = k.strides[i]
            span += (s if s >= 0 else -s) * (k.shape[i] - 1)
    return span <= _INT32_MAX and internal.prod(k.shape) <= _INT32_MAX


# --- launch shape ------------------------------------------------------------------------------

cdef dict _max_grid = {}


cpdef Py_ssize_t grid_size(Py_ssize_t size, Py_ssize_t block_size) except -1:
    """Blocks for a grid-stride loop over ``size`` elements: one element per thread, capped at
    64 blocks per multiprocessor (the loop covers the rest). On the host device, where a
    "multiprocessor" is a CPU thread, the cap gives each thread a long contiguous run of
    elements (see CUPY_FOR in carray.cuh) while still launching enough threads to use the
    whole thread pool."""
    cdef int dev = _device.get_device_id()
    cdef Py_ssize_t cap
    cap_obj = _max_grid.get(dev)
    if cap_obj is None:
        from cupy.cuda import runtime
        sms = runtime.getDeviceProperties(dev)["multiProcessorCount"]
        cap_obj = _max_grid[dev] = max(1, sms) * 64
    cap = cap_obj
    cdef Py_ssize_t grid = (size + block_size - 1) // block_size
    if grid > cap * 128 // block_size:
        grid = cap * 128 // block_size
    return max(grid, 1)


# The host device runs the threads of a block one after another and each thread's run of
# elements (CUPY_FOR) as a plain loop: few threads with long runs beat many with short ones.
# Each block gets at least _HOST_MIN_RUN elements, so that a launch only wakes the pool when
# every thread has enough work to pay for it.
cdef Py_ssize_t _HOST_MIN_RUN = 16384
cdef dict _host_threads = {}     # device id -> pool threads on the host device, else 0


cpdef Py_ssize_t host_pool_threads() except -1:
    """The pool threads of the current device if it is the host device, else 0."""
    cdef int dev = _device.get_device_id()
    threads = _host_threads.get(dev)
    if threads is None:
        from cupy.cuda import get_backend_name, runtime
        threads = 0
        if get_backend_name() == "host":
            threads = max(1, runtime.getDeviceProperties(dev)["multiProcessorCount"])
        _host_threads[dev] = threads
    return threads


cdef tuple _launch_shape(Py_ssize_t size, Py_ssize_t block_size):
    """(grid, block) of an elementwise launch over ``size`` elements."""
    cdef Py_ssize_t n = host_pool_threads()
    if n:
        # One thread per block; a few blocks per pool thread balance uneven runs.
        return max(1, min(4 * n, (size + _HOST_MIN_RUN - 1) // _HOST_MIN_RUN)), 1
    return grid_size(size, block_size), block_size


# --- packing ----------------------------------------------------------------------------------

cdef PackedArg _pack_carray(intptr_t ptr, const shape_t& shape, const strides_t& strides):
    """Byte image of ``CArray<T, N, ...>``: data, size, shape[N], strides[N] (8 bytes each)."""
    cdef Py_ssize_t nd = shape.size(), i
    cdef bytes b = PyBytes_FromStringAndSize(NULL, 16 + 16 * nd)
    cdef int64_t* p = <int64_t*>PyBytes_AS_STRING(b)
    p[0] = <int64_t>ptr
    p[1] = internal.prod(shape)
    for i in range(nd):
        p[2 + i] = shape[i]
        p[2 + nd + i] = strides[i]
    return PackedArg(b)


cdef PackedArg _pack_indexer(const shape_t& shape):
    """Byte image of ``CIndexer<N>``: size, shape[N], index[N] (index is thread state)."""
    cdef Py_ssize_t nd = shape.size(), i
    cdef bytes b = PyBytes_FromStringAndSize(NULL, 8 + 16 * nd)
    cdef int64_t* p = <int64_t*>PyBytes_AS_STRING(b)
    p[0] = internal.prod(shape)
    for i in range(nd):
        p[1 + i] = shape[i]
        p[1 + nd + i] = 0
    return PackedArg(b)


# --- code generation ---------------------------------------------------------------------------

cdef str _carray_type(KernelArg k, str index_t):
    contig = "true" if k.c_contiguous else "false"
    return f"CArray<{_ctype_of(k.storage_dtype)}, {k.ndim}, {contig}, {index_t}>"


def device_includes(dtypes, str code):
    """The ``#include`` lines a generated kernel over ``dtypes`` whose user code is ``code``
    needs: always the elementwise header, the complex one only when something is complex."""
    if "complex" in code or any(d.kind == "c" for d in dtypes):
        return "#include <cupy/elementwise.cuh>\n#include <cupy/complex.cuh>\n"
    return "#include <cupy/elementwise.cuh>\n"


def _emit_source(LoopSpec spec, list args, int indexer_ndim, bint use_int32):
    cdef KernelArg k
    index_t = "int" if use_int32 else "ptrdiff_t"
    params = []
    loads = []
    stores = []
    for k in args:
        if not k.is_array:
            params.append(f"const {_ctype_of(k.var_dtype)} {k.name}")
            continue
        if k.raw:
            params.append(f"const {_carray_type(k, index_t)} {k.name}")
            continue
        params.append(f"const {_carray_type(k, index_t)} _raw_{k.name}")
        _element_access(k, f"_raw_{k.name}[_ind.get()]", loads, stores)
    params.append(f"const CIndexer<{indexer_ndim}, {index_t}> _ind_param")
    typedefs = "".join(f"    typedef {_ctype_of(d)} {alias};\n" for alias, d in spec.typedefs)
    dtypes = [k.storage_dtype for k in args] + [k.var_dtype for k in args] + \
        [d for _, d in spec.typedefs]
    code = spec.preamble + spec.operation + spec.loop_prep + spec.after_loop
    loop = _indexed_loop(spec, loads, stores, index_t)
    if indexer_ndim > 0 and "_ind" not in code:
        loop = ("#ifdef __CUPY_HOST__\n" + _row_loop(spec, args, indexer_ndim, index_t)
                + "#else\n" + loop + "#endif\n")
    return (
        device_includes(dtypes, code) +
        f"{spec.preamble}\n"
        f'extern "C" __global__ void {spec.name}({", ".join(params)}) {{\n'
        f"{typedefs}"
        f"    CIndexer<{indexer_ndim}, {index_t}> _ind = _ind_param;\n"
        f"    {spec.loop_prep};\n"
        f"{loop}"
        f"    {spec.after_loop};\n"
        "}\n")


cdef _element_access(KernelArg k, str elem, list loads, list stores):
    """Declares ``k.name`` for the storage element ``elem``: a reference (an output of its own
    type), a cast copy (an input), or a variable cast back by a statement added to ``stores``
    (an output of another storage type)."""
    var_t = _ctype_of(k.var_dtype)
    if k.storage_dtype == k.var_dtype:
        if k.is_output:
            loads.append(f"{var_t} &{k.name} = {elem};")
        else:
            loads.append(f"const {var_t} {k.name} = {elem};")
    elif k.is_output:
        loads.append(f"{var_t} {k.name};")
        stores.append(f"{elem} = _cupy_cast<{_ctype_of(k.storage_dtype)}>({k.name});")
    else:
        loads.append(f"const {var_t} {k.name} = _cupy_cast<{var_t}>({elem});")


def _indexed_loop(LoopSpec spec, list loads, list stores, str index_t):
    """The element loop of every device: the multi-index recomputed per element."""
    body = "\n".join(["        " + line for line in loads])
    post = "\n".join(["        " + line for line in stores])
    return (f"    CUPY_FOR(i, static_cast<{index_t}>(_ind.size())) {{\n"
            "        _ind.set(i);\n"
            f"{body}\n"
            f"        {spec.operation};\n"
            f"{post}\n"
            "    }\n")


def _row_loop(LoopSpec spec, list args, int ndim, str index_t):
    """The host's element loop: a thread's run of elements is walked row by row (the last
    axis), with the multi-index computed once per row and each array's address stepped by
    its last stride; when every array is contiguous along the row the elements are indexed
    from the row's start. Used only when user code does
    not read ``_ind`` (which this loop does not keep up to date)."""
    cdef KernelArg k
    starts, dense, steps = [], [], []
    dense_loads, step_loads, dense_stores, step_stores = [], [], [], []
    for k in args:
        if not k.is_array or k.raw:
            continue
        st = _ctype_of(k.storage_dtype)
        const = "" if k.is_output else "const "
        starts.append(f"{const}char* _p_{k.name} = reinterpret_cast<{const}char*>("
                      f"&_raw_{k.name}[_ind.get()]);")
        starts.append(f"const ptrdiff_t _s_{k.name} = _raw_{k.name}.strides()[{ndim - 1}];")
        dense.append(f"_s_{k.name} == static_cast<ptrdiff_t>(sizeof({st}))")
        steps.append(f"_p_{k.name} += _s_{k.name}")
        ptr = f"reinterpret_cast<{const}{st}*>(_p_{k.name})"
        _element_access(k, f"{ptr}[_cupy_k]", dense_loads, dense_stores)
        _element_access(k, f"*{ptr}", step_loads, step_stores)

    def body(loads, stores):
        return "\n".join(["                " + line for line in loads + [spec.operation + ";"]
                          + stores])

    return (
        "    {\n"
        f"        CUPY_HOST_RANGE(_cupy_i0, _cupy_i1, static_cast<{index_t}>(_ind.size()));\n"
        f"        const {index_t} _cupy_row = static_cast<{index_t}>(_ind.shape()[{ndim - 1}]);\n"
        f"        for ({index_t} i = _cupy_i0; i < _cupy_i1;) {{\n"
        "            _ind.set(i);\n"
        f"            const {index_t} _cupy_left = _cupy_row - static_cast<{index_t}>("
        f"_ind.get()[{ndim - 1}]);\n"
        f"            const {index_t} _cupy_stop = _cupy_i1 - i < _cupy_left ? _cupy_i1 : "
        "i + _cupy_left;\n"
        + "".join(f"            {x}\n" for x in starts)
        + f"            if ({' && '.join(dense) or 'true'}) {{\n"
        f"            const {index_t} _cupy_first = i;\n"
        "            for (; i < _cupy_stop; ++i) {\n"
        "                const ptrdiff_t _cupy_k = i - _cupy_first;\n"
        f"{body(dense_loads, dense_stores)}\n"
        "            }\n"
        "            } else {\n"
        f"            for (; i < _cupy_stop; ++i{''.join(', ' + x for x in steps)}) {{\n"
        f"{body(step_loads, step_stores)}\n"
        "            }\n"
        "            }\n"
        "        }\n"
        "    }\n")


cdef Function _get_function(LoopSpec spec, list args, int indexer_ndim, bint use_int32,
                            dict memo):
    cdef KernelArg k
    key_parts = [_device.get_device_id(), indexer_ndim, use_int32]
    for k in args:
        if k.is_array:
            key_parts.append((k.storage_dtype.char, k.var_dtype.char, k.raw, k.is_output,
                              k.ndim, k.c_contiguous))
        else:
            key_parts.append(k.var_dtype.char)
    key = tuple(key_parts)
    f = memo.get(key)
    if f is None:
        source = _emit_source(spec, args, indexer_ndim, use_int32)
        module = compiler.compile_with_cache(source, spec.options)
        f = module.get_function(spec.name)
        if host_pool_threads():
            # Its launches have one thread per block, each with a long run (_launch_shape):
            # any launch of two blocks or more is worth the pool.
            f._set_attribute("host_parallel_threshold", 2)
        memo[key] = f
    return <Function>f


cpdef object launch_elementwise(LoopSpec spec, list args, shape_t shape, Py_ssize_t block_size,
                                dict memo):
    """Launch ``spec`` over the iteration ``shape`` with ``args`` (KernelArgs whose non-raw
    arrays are already broadcast to ``shape``)."""
    return _launch(spec, args, shape, block_size, memo, True)


cdef object _launch(LoopSpec spec, list args, shape_t shape, Py_ssize_t block_size, dict memo,
                    bint reduce):
    """:func:`launch_elementwise`; with ``reduce`` False the loop keeps every axis of
    ``shape``, so that ``_ind.get()`` in user code sees the caller's multi-index."""
    cdef KernelArg k
    cdef list arrays = [k for k in args if k.is_array and not k.raw]
    cdef Py_ssize_t size = internal.prod(shape)
    cdef bint use_int32 = size <= _INT32_MAX
    if size == 0:
        return None
    shape = _reduce_dims(arrays, shape, reduce)
    for k in args:
        if not k.is_array:
            continue
        if k.raw:
            k.ndim = k.array._shape.size()
            k.c_contiguous = k.array._c_contiguous
            k.shape = k.array._shape
            k.strides = k.array._strides
        else:
            k.ndim = shape.size()
            k.c_contiguous = k.ndim == 0 or (
                k.ndim == 1 and k.strides[0] == k.storage_dtype.itemsize)
        if use_int32 and not _fits_int32(k):
            use_int32 = False
    cdef Function f = _get_function(spec, args, shape.size(), use_int32, memo)
    cdef list launch_args = []
    for k in args:
        if k.is_array:
            launch_args.append(_pack_carray(k.array.data.ptr, k.shape, k.strides))
        else:
            launch_args.append(k.value)
    launch_args.append(_pack_indexer(shape))
    grid, block = _launch_shape(size, block_size)
    f.launch((grid,), (block,), launch_args)
    return None


# --- ElementwiseKernel ---------------------------------------------------------------------------

cdef object _python_scalar_dtype(object x):
    """Default dtype of a scalar argument bound to a placeholder with no array to follow."""
    if isinstance(x, bool):
        return _get_dtype(numpy.bool_)
    if isinstance(x, int):
        return _get_dtype(numpy.int64)
    if isinstance(x, float):
        return _get_dtype(numpy.float64)
    if isinstance(x, complex):
        return _get_dtype(numpy.complex128)
    if isinstance(x, (numpy.generic, numpy.ndarray)):
        return _dtype.check_supported(x.dtype)
    raise TypeError(f"Unsupported type {type(x)}")


cdef object _scalar_value(object x, object dtype):
    """``x`` as a NumPy scalar of ``dtype`` (C++ conversion semantics: unsafe casting)."""
    if isinstance(x, numpy.ndarray):
        x = x[()]
    try:
        return numpy.asarray(x).astype(dtype, casting="unsafe")[()]
    except (TypeError, ValueError) as e:
        raise TypeError(f"Cannot convert {x!r} to {dtype}: {e}") from None


cdef class ElementwiseKernel:
    """A user-defined elementwise kernel (CuPy's ``cupy.ElementwiseKernel``).

    Args:
        in_params (str): input parameters, e.g. ``'T x, raw T y, float32 alpha'``.
        out_params (str): output parameters, e.g. ``'T z'``.
        operation (str): C++ code run for each element; ``i`` is the element number and
            ``_ind`` the indexer. Raw parameters are indexed by hand (``y[i]``) and offer
            ``size()``, ``shape()`` and ``strides()``.
        name (str): kernel name.
        reduce_dims (bool): merge contiguous axes before launching (default True).
        preamble (str): code placed before the kernel.
        options (tuple of str): compiler options.
        loop_prep (str): code run once per thread before the loop.
        after_loop (str): code run once per thread after the loop.

    Example:
        >>> add = cupy.ElementwiseKernel('T x, T y', 'T z', 'z = x + y', 'my_add')
        >>> add(cupy.arange(3), cupy.arange(3))
        array([0, 2, 4])
    """

    cdef readonly tuple in_params
    cdef readonly tuple out_params
    cdef readonly Py_ssize_t nin
    cdef readonly Py_ssize_t nout
    cdef readonly Py_ssize_t nargs
    cdef readonly str operation
    cdef readonly str name
    cdef readonly bint reduce_dims
    cdef readonly str preamble
    cdef readonly tuple options
    cdef readonly str loop_prep
    cdef readonly str after_loop
    cdef readonly object no_return
    cdef readonly object return_tuple
    cdef dict _memo
    cdef dict _specs

    def __init__(self, in_params, out_params, operation, name="kernel", reduce_dims=True,
                 preamble="", no_return=False, return_tuple=False, options=(), loop_prep="",
                 after_loop="", **kwargs):
        if not name.isidentifier():
            raise ValueError(f"Invalid kernel name: {name!r}")
        self.in_params = parse_params(in_params, True)
        self.out_params = parse_params(out_params, False)
        names = [p.name for p in self.in_params + self.out_params]
        if len(set(names)) != len(names):
            raise ValueError("Parameter names must be unique")
        self.nin = len(self.in_params)
        self.nout = len(self.out_params)
        self.nargs = self.nin + self.nout
        self.operation = operation
        self.name = name
        self.reduce_dims = reduce_dims
        self.preamble = preamble
        self.options = tuple(options) if not isinstance(options, str) else (options,)
        self.loop_prep = loop_prep
        self.after_loop = after_loop
        self.no_return = no_return
        self.return_tuple = return_tuple
        self._memo = {}
        self._specs = {}

    def __call__(self, *args, size=None, block_size=None, stream=None):
        """Run the kernel.

        Args:
            args: the inputs, optionally followed by all outputs.
            size (int): loop size; required when every array argument is raw.
            block_size (int): threads per block (default 128).

        Returns:
            The output array, or a tuple of them when there are several.
        """
        cdef Py_ssize_t n = len(args)
        if n != self.nin and n != self.nargs:
            raise TypeError(f"Wrong number of arguments for {self.name!r}. It must be either "
                            f"{self.nin} or {self.nargs} (with outputs), but given {n}.")
        if stream is not None:
            with stream:
                return self._call(args, size, block_size)
        return self._call(args, size, block_size)

    cdef object _call(self, tuple args, size, block_size):
        cdef ParameterInfo p
        cdef Py_ssize_t i
        ins = args[:self.nin]
        outs = args[self.nin:]
        for a in ins + outs:
            if not isinstance(a, ndarray) and not (
                    isinstance(a, (bool, int, float, complex, numpy.generic))
                    or (isinstance(a, numpy.ndarray) and a.ndim == 0)):
                raise TypeError(f"Unsupported type {type(a)}")
        for a in outs:
            if not isinstance(a, ndarray):
                raise TypeError("Output arguments must be cupy.ndarray")
        types = self._bind_types(ins, outs)
        cdef list kargs = []
        for i in range(self.nin):
            p = self.in_params[i]
            a = ins[i]
            var = p.dtype if p.dtype is not None else types[p.ctype]
            if isinstance(a, ndarray):
                kargs.append(KernelArg.for_array(p.name, a, var, p.raw, False))
            else:
                kargs.append(KernelArg.for_scalar(p.name, _scalar_value(a, var), var))
        cdef bint any_nonraw = any(
            (<KernelArg>k).is_array and not (<KernelArg>k).raw for k in kargs)
        cdef shape_t shape
        if any_nonraw:
            probe = kargs + [KernelArg.for_array(self.out_params[i].name, outs[i], outs[i].dtype,
                                                 self.out_params[i].raw, True)
                             for i in range(len(outs))]
            broadcast_arrays_into(probe, shape)
            if size is not None:
                raise ValueError("Can't specify size when the loop shape is given by the "
                                 "arguments")
        else:
            if size is None:
                if outs and any(not (<ParameterInfo>q).raw for q in self.out_params):
                    shape = (<ndarray>outs[0])._shape
                else:
                    raise ValueError("Loop size is undecided")
            else:
                shape.push_back(size)
        out_arrays = list(outs)
        if not outs:
            for i in range(self.nout):
                p = self.out_params[i]
                out_arrays.append(_new_like_shape(shape, p.dtype if p.dtype is not None
                                                  else types[p.ctype], False))
        for i in range(self.nout):
            p = self.out_params[i]
            a = out_arrays[i]
            var = p.dtype if p.dtype is not None else types[p.ctype]
            if p.dtype is not None and (<ndarray>a).dtype != p.dtype:
                raise TypeError(f"Type is mismatched. {p.name} {(<ndarray>a).dtype} {p.dtype}")
            kargs.append(KernelArg.for_array(p.name, a, var, p.raw, True))
        # Only non-raw arrays take part in broadcasting: with none (all raw, ``size=``),
        # broadcasting would reset the loop shape to ().
        if any((<KernelArg>k).is_array and not (<KernelArg>k).raw for k in kargs):
            broadcast_arrays_into(kargs, shape)
        spec = self._spec(types)
        _launch(spec, kargs, shape,
                           DEFAULT_BLOCK_SIZE if block_size is None else block_size, self._memo,
                self.reduce_dims)
        if self.no_return:
            return None
        if self.nout == 1 and not self.return_tuple:
            return out_arrays[0]
        return tuple(out_arrays)

    cdef dict _bind_types(self, tuple ins, tuple outs):
        """Placeholder -> dtype, from the arrays first, then from scalars."""
        cdef dict types = {}
        cdef ParameterInfo p
        cdef Py_ssize_t i
        pairs = list(zip(self.in_params, ins)) + list(zip(self.out_params, outs))
        for p, a in pairs:
            if p.dtype is None and isinstance(a, ndarray):
                t = types.get(p.ctype)
                if t is None:
                    types[p.ctype] = a.dtype
                elif t != a.dtype:
                    raise TypeError(f"Type is mismatched. {p.name} {a.dtype} {t}")
        for p, a in pairs:
            if p.dtype is None and not isinstance(a, ndarray) and p.ctype not in types:
                types[p.ctype] = _python_scalar_dtype(a)
        for p in self.out_params:
            if p.dtype is None and p.ctype not in types:
                raise TypeError(f"Cannot determine the type of the output parameter "
                                f"{p.name!r} (placeholder {p.ctype})")
        return types

    cdef LoopSpec _spec(self, dict types):
        key = tuple(sorted((k, v.char) for k, v in types.items()))
        spec = self._specs.get(key)
        if spec is None:
            spec = LoopSpec(self.name, self.operation, self.preamble, self.loop_prep,
                            self.after_loop, tuple(sorted(types.items())), self.options)
            self._specs[key] = spec
        return spec


# --- internal kernels used by the array object ------------------------------------------------

cdef dict _copy_memo = {}
cdef dict _copy_specs = {}


def elementwise_copy(src, ndarray dst):
    """``dst[...] = src`` with broadcasting and C++ value conversion (NumPy's unsafe cast)."""
    cdef list kargs
    cdef shape_t shape
    if isinstance(src, ndarray):
        kargs = [KernelArg.for_array("x", src, src.dtype, False, False)]
    else:
        kargs = [KernelArg.for_scalar("x", _scalar_value(src, dst.dtype), dst.dtype)]
    kargs.append(KernelArg.for_array("y", dst, dst.dtype, False, True))
    broadcast_arrays_into(kargs, shape)
    spec = LoopSpec("cupy_copy", "y = _cupy_cast<Y>(x)", typedefs=(("Y", dst.dtype),))
    key = dst.dtype.char
    cached = _copy_specs.get(key)
    if cached is None:
        _copy_specs[key] = spec
    else:
        spec = cached
    launch_elementwise(spec, kargs, shape, DEFAULT_BLOCK_SIZE, _copy_memo)



def elementwise_fill(ndarray dst, value):
    """Set every element of ``dst`` to ``value`` converted as NumPy's ``fill`` does."""
    elementwise_fill_broadcast(dst, value)


def elementwise_fill_broadcast(ndarray dst, value):
    """Set every element of ``dst`` to the scalar ``value``: Python integers that do not fit
    raise OverflowError, other values convert as NumPy's ``astype`` (unsafe)."""
    if dst.size == 0:
        return
    try:
        v = numpy.array(value, dtype=dst.dtype)
    except (TypeError, ValueError):
        v = numpy.array(value).astype(dst.dtype)
    elementwise_copy(v[()], dst)
