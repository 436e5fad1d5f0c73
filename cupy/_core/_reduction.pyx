# cython: language_level=3
"""The reduction kernel generator and ``cupy.ReductionKernel``.

One template serves every reduction. A :class:`ReductionSpec` says what is computed (map,
reduce and post-map expressions, identity, reduce type, preamble); :func:`launch_reduction`
lays the arguments out for one call:

* the broadcast input is viewed with the kept axes first and the reduced axes last; each group
  of axes is merged where the memory allows, so the kernel sees ``out_shape + red_shape`` and
  element ``o * red_size + j`` is the ``j``-th reduced element of output ``o``;
* a group of ``group`` threads (a power of two) cooperates on one output and combines its
  partial values with a shared-memory tree; a block holds ``block / group`` groups. When the
  reduced axis is the contiguous one the lanes of a group are adjacent threads; when an outer
  axis is reduced the groups are interleaved so adjacent threads read adjacent outputs;
* when there are too few outputs to fill the device, the reduced range of each output is split
  over several blocks; each writes a partial result and the last block to finish (counted with
  an atomic) combines them and applies the post-map, all in the same launch.

Sizes come from the device properties (threads per block and per multiprocessor, number of
multiprocessors).
"""
import warnings

import numpy

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize
from libc.stdint cimport intptr_t, int64_t

from cupy._core cimport internal
from cupy._core.core cimport ndarray, _new_like_shape
from cupy._core.internal cimport shape_t, strides_t
from cupy._core._kernel cimport (
    KernelArg, ParameterInfo, _pack_carray, _pack_indexer, broadcast_arrays_into)
from cupy.cuda cimport device as _device
from cupy.cuda.function cimport Function, PackedArg

from cupy._core import _dtype
from cupy._core import _kernel
from cupy._core import _reduction_source
from cupy.cuda import compiler
from cupy.cuda import get_backend_name
from cupy.cuda import memory as _memory
from cupy.cuda import runtime as _runtime

cdef object _get_dtype = _dtype.get_dtype
cdef object _ctype_of = _dtype.ctype_of
cdef Py_ssize_t _INT32_MAX = 0x7FFFFFFF
# Must match CUPY_REDUCE_PARTIAL_BYTES in reduction.cuh.
cdef Py_ssize_t _PARTIAL_BYTES = 32


# --- the spec ----------------------------------------------------------------------------------

cdef class ReductionSpec:
    """What one generated reduction computes, independent of the arguments' layout.

    Args:
        name (str): kernel name.
        map_expr (str): C++ expression giving the value of one input element (``_J`` is its
            position along the reduced axes, ``_in_ind`` the input indexer).
        reduce_expr (str): C++ expression combining two values ``a`` and ``b``.
        post_map_expr (str): C++ statements storing the reduced value ``a`` into the outputs
            (``_out_ind`` is the output indexer).
        identity (str or None): C++ expression of the identity; None when there is none
            (the reduction of an empty range is then an error).
        reduce_type (str): C++ type of the reduced values (may name a typedef).
        typedefs (tuple): ``(alias, C++ type)`` pairs declared in the kernel body.
        preamble (str): code placed before the kernel.
        options (tuple of str): compiler options.
    """

    cdef readonly str name
    cdef readonly str map_expr
    cdef readonly str reduce_expr
    cdef readonly str post_map_expr
    cdef readonly object identity
    cdef readonly str reduce_type
    cdef readonly tuple typedefs
    cdef readonly str preamble
    cdef readonly tuple options

    def __init__(self, str name, str map_expr, str reduce_expr, str post_map_expr, identity,
                 str reduce_type, tuple typedefs=(), str preamble="", tuple options=()):
        self.name = name
        self.map_expr = map_expr
        self.reduce_expr = reduce_expr
        self.post_map_expr = post_map_expr
        self.identity = None if identity is None else str(identity)
        self.reduce_type = reduce_type
        self.typedefs = typedefs
        self.preamble = preamble
        self.options = options


# --- layout ----------------------------------------------------------------------------------

cdef PackedArg _pack_layout(Py_ssize_t group, Py_ssize_t lane_div, Py_ssize_t out_div,
                            Py_ssize_t opb, Py_ssize_t nsplit, Py_ssize_t chunk):
    cdef bytes b = PyBytes_FromStringAndSize(NULL, 48)
    cdef int64_t* p = <int64_t*>PyBytes_AS_STRING(b)
    p[0] = group
    p[1] = lane_div
    p[2] = out_div
    p[3] = opb
    p[4] = nsplit
    p[5] = chunk
    return PackedArg(b)


cdef list _merge_axes(list shape, list strides_of):
    """Merge adjacent axes of ``shape`` that every stride list in ``strides_of`` walks as one,
    and drop axes of length 1 (edits the stride lists in place; returns the new shape)."""
    keep = [i for i in range(len(shape)) if shape[i] != 1]
    shape = [shape[i] for i in keep]
    for st in strides_of:
        st[:] = [st[i] for i in keep]
    j = 1
    while j < len(shape):
        if all(st[j - 1] == st[j] * shape[j] for st in strides_of):
            shape[j - 1] *= shape[j]
            del shape[j]
            for st in strides_of:
                st[j - 1] = st[j]
                del st[j]
        else:
            j += 1
    return shape


cdef dict _device_limits = {}
# Host reductions over at least this many elements run on the whole thread pool.
cdef Py_ssize_t _HOST_PARALLEL_ELEMENTS = 32768
cdef dict _host_thresholds = {}     # host kernel -> its host_parallel_threshold setting
cdef Py_ssize_t _forced_block = 0


def _force_block_size(Py_ssize_t block):
    """Use ``block`` threads per block on every device (0: each device's own choice), so that
    tests on the host backend also run the GPU's in-block tree reduction. Returns the previous
    setting."""
    global _forced_block
    if block < 0 or block & (block - 1):
        raise ValueError("the block size must be 0 or a power of two")
    prev = _forced_block
    _forced_block = block
    return prev


cdef tuple _limits():
    """(block size, blocks that fill the device, most elements a thread reduces serially or 0,
    accumulators per thread in the stepped loop) for the current device."""
    dev = _device.get_device_id()
    key = (dev, _forced_block)
    lim = _device_limits.get(key)
    if lim is None:
        props = _runtime.getDeviceProperties(dev)
        sms = max(1, int(props.get("multiProcessorCount", 1)))
        if _forced_block == 0 and get_backend_name() == "host":
            # The host runs the threads of a block as fibers switched at every barrier, so one
            # thread per block reducing its range in a plain loop is fastest; a few blocks per
            # pool thread keep the pool busy when a single output is split.
            # A thread sums at most 4096 elements in a row: the partials of longer ranges are
            # combined separately, which keeps float32 sums about as accurate as NumPy's
            # pairwise summation (a GPU block's tree does the same).
            # Several accumulators per thread hide the latency of the combining operation.
            block, fill, max_serial, unroll = 1, 4 * sms, 4096, 8
        else:
            block = _forced_block or min(256, int(props.get("maxThreadsPerBlock", 256)))
            per_sm = max(1, int(props.get("maxThreadsPerMultiProcessor", 2048)) // block)
            fill, max_serial, unroll = sms * per_sm, 0, 1
        lim = (block, fill, max_serial, unroll)
        _device_limits[key] = lim
    return lim


cdef Py_ssize_t _pow2_ceil(Py_ssize_t n) noexcept:
    cdef Py_ssize_t p = 1
    while p < n:
        p *= 2
    return p


cdef bint _fits_int32(KernelArg k) noexcept:
    cdef Py_ssize_t span = k.storage_dtype.itemsize, i, s
    for i in range(<Py_ssize_t>k.shape.size()):
        if k.shape[i] > 1:
            s = k.strides[i]
            span += (s if s >= 0 else -s) * (k.shape[i] - 1)
    return span <= _INT32_MAX and internal.prod(k.shape) <= _INT32_MAX


cdef shape_t _vec(list xs):
    cdef shape_t v
    for x in xs:
        v.push_back(x)
    return v


def launch_reduction(ReductionSpec spec, list in_args, list out_args, tuple axes,
                     dict memo):
    """Reduce the inputs over ``axes`` into the outputs.

    Args:
        spec (ReductionSpec): the computation.
        in_args (list of KernelArg): inputs; non-raw arrays are broadcast together.
        out_args (list of KernelArg): outputs, each shaped as the broadcast input without the
            reduced axes.
        axes (tuple of int): reduced axes of the broadcast input (normalized, no duplicates).
        memo (dict): compiled kernels of ``spec``.
    """
    cdef KernelArg k
    cdef shape_t shape
    cdef Py_ssize_t i, nd, out_size, red_size
    broadcast_arrays_into(in_args, shape)
    nd = shape.size()
    red_axes = sorted(axes)
    kept = [i for i in range(nd) if i not in axes]
    out_shape = [shape[i] for i in kept]
    red_shape = [shape[i] for i in red_axes]
    for k in out_args:
        if not k.raw and internal.to_tuple(k.shape) != tuple(out_shape):
            raise ValueError(f"output array has the wrong shape: expected "
                             f"{tuple(out_shape)}, got {internal.to_tuple(k.shape)}")
    out_size = 1
    for s in out_shape:
        out_size *= s
    red_size = 1
    for s in red_shape:
        red_size *= s
    if out_size == 0:
        return None
    if red_size == 0 and spec.identity is None:
        raise ValueError(f"zero-size array to reduction operation {spec.name} which has no "
                         f"identity")
    ins = [k for k in in_args if k.is_array and not k.raw]
    outs = [k for k in out_args if not k.raw]
    in_out_strides = [[k.strides[i] for i in kept] for k in ins]
    in_red_strides = [[k.strides[i] for i in red_axes] for k in ins]
    out_strides = [list(internal.to_tuple(k.strides)) for k in outs]
    if red_size == 0:
        red_shape = [0]
        in_red_strides = [[0] for k in ins]
    else:
        red_shape = _merge_axes(red_shape, in_red_strides)
    out_shape = _merge_axes(out_shape, in_out_strides + out_strides)
    cdef Py_ssize_t out_nd = len(out_shape), in_nd = out_nd + len(red_shape)
    in_shape = _vec(out_shape + red_shape)
    cdef bint use_int32 = out_size * max(red_size, 1) <= _INT32_MAX
    for i, k in enumerate(ins):
        k.shape = in_shape
        k.strides = _vec(in_out_strides[i] + in_red_strides[i])
        k.ndim = in_nd
        k.c_contiguous = in_nd == 1 and k.strides[0] == k.storage_dtype.itemsize
    for i, k in enumerate(outs):
        k.shape = _vec(out_shape)
        k.strides = _vec(out_strides[i])
        k.ndim = out_nd
        k.c_contiguous = out_nd == 0 or (out_nd == 1 and
                                         k.strides[0] == k.storage_dtype.itemsize)
    for k in in_args + out_args:
        if k.is_array and k.raw:
            k.shape = k.array._shape
            k.strides = k.array._strides
            k.ndim = k.shape.size()
            k.c_contiguous = k.array._c_contiguous
        if k.is_array and use_int32 and not _fits_int32(k):
            use_int32 = False

    # One reduced axis after merging: kernels step addresses instead of re-deriving the index
    # (unless the map expression reads the input indexer itself).
    cdef bint stepped = in_nd - out_nd == 1 and "_in_ind" not in spec.map_expr
    cdef bint outer = False     # outputs closer together in memory than the reduced elements
    if ins and out_nd > 0 and red_size > 1:
        k = ins[0]
        outer = abs(k.strides[out_nd - 1]) < abs(k.strides[in_nd - 1])
    all_args = in_args + out_args

    # Block layout.
    block, fill, max_serial, unroll = _limits()
    cdef Py_ssize_t tile = 0
    if unroll > 1 and stepped and outer:
        # The host walks tiles of neighbouring outputs together (see render_tiled) when there
        # are enough tiles to keep the pool busy.
        tile = _reduction_source.tile_size(all_args)
        if (out_size + tile - 1) // tile < fill:
            tile = 0
    cdef Py_ssize_t group = min(block, _pow2_ceil(max(red_size, 1)))
    cdef Py_ssize_t opb = block // group
    cdef Py_ssize_t lane_div = 1, out_div = group
    if outer:
        # Interleave the groups: adjacent threads then read adjacent addresses.
        lane_div, out_div = opb, 1
    cdef Py_ssize_t nblocks = (out_size + opb - 1) // opb
    cdef Py_ssize_t nsplit = 1, chunk = max(red_size, 1)
    # Split the reduced range when the outputs alone leave most of the device idle and each
    # thread would still get several elements per part.
    if nblocks < fill and red_size >= 8 * group:
        nsplit = min((fill + nblocks - 1) // nblocks, red_size // (4 * group))
    if max_serial and red_size > group * max_serial:
        nsplit = max(nsplit, (red_size + group * max_serial - 1) // (group * max_serial))
    if tile:
        # The tiled kernel splits ranges into runs itself.
        nsplit, chunk, nblocks = 1, max_serial, min((out_size + tile - 1) // tile, _INT32_MAX)
    else:
        if nsplit > 1:
            chunk = (red_size + nsplit - 1) // nsplit
            nsplit = (red_size + chunk - 1) // chunk
        nblocks = min((out_size * nsplit + opb - 1) // opb, _INT32_MAX)

    key_parts = [_device.get_device_id(), use_int32, block, unroll, tile, in_nd, out_nd]
    for k in all_args:
        key_parts.append((k.storage_dtype.char, k.var_dtype.char, k.raw, k.ndim,
                          k.c_contiguous) if k.is_array else k.var_dtype.char)
    key = tuple(key_parts)
    f = memo.get(key)
    if f is None:
        options = spec.options
        if tile:
            source = _reduction_source.render_tiled(spec, all_args, in_nd, out_nd, use_int32,
                                                    tile)
        else:
            source = _reduction_source.render(spec, all_args, in_nd, out_nd, use_int32, block,
                                              stepped, unroll)
        if tile or (stepped and unroll > 1):
            # Loops over a tile's or a lane's accumulators: worth vectorizing.
            options += ("--extra-device-vectorization",)
        f = compiler.compile_with_cache(source, options).get_function(spec.name)
        memo[key] = f
    launch_args = []
    for k in all_args:
        if k.is_array:
            launch_args.append(_pack_carray(k.array.data.ptr, k.shape, k.strides))
        else:
            launch_args.append(k.value)
    launch_args.append(_pack_indexer(in_shape))
    launch_args.append(_pack_indexer(_vec(out_shape)))
    launch_args.append(_pack_layout(group, lane_div, out_div, opb, nsplit, chunk))
    partials = counts = None
    if nsplit > 1:
        partials = _memory.alloc(out_size * nsplit * _PARTIAL_BYTES)
        counts = _memory.alloc(out_size * 4)
        counts.memset_async(0, out_size * 4)
        launch_args.append(partials.ptr)
        launch_args.append(counts.ptr)
    else:
        launch_args.append(0)
        launch_args.append(0)
    if unroll > 1:
        # Host: one thread per block, each reducing whole ranges; the pool pays off once
        # there are enough elements, however few the blocks. Set only on a change: the
        # attribute call costs more than the dict lookup.
        threshold = 2 if out_size * red_size >= _HOST_PARALLEL_ELEMENTS else -1
        if _host_thresholds.get(f) != threshold:
            (<Function>f)._set_attribute("host_parallel_threshold", threshold)
            _host_thresholds[f] = threshold
    (<Function>f).launch((nblocks,), (block,), launch_args)
    return None


# --- arguments and outputs shared by the public entry points -----------------------------------

cdef tuple _reduced_axes(axis, Py_ssize_t ndim):
    if axis is None:
        return tuple(range(ndim))
    return tuple(sorted(internal.normalize_axis_tuple(axis, ndim)))


cdef tuple _out_shape(const shape_t& shape, tuple axes, bint keepdims):
    cdef Py_ssize_t i
    if keepdims:
        return tuple([1 if i in axes else shape[i] for i in range(<Py_ssize_t>shape.size())])
    return tuple([shape[i] for i in range(<Py_ssize_t>shape.size()) if i not in axes])


cdef ndarray _drop_axes(ndarray a, tuple axes, bint keepdims):
    """``a`` (an output shaped with or without the reduced axes) without the reduced axes."""
    cdef shape_t shape
    cdef strides_t strides
    cdef Py_ssize_t i
    if not keepdims:
        return a
    for i in range(<Py_ssize_t>a._shape.size()):
        if i not in axes:
            shape.push_back(a._shape[i])
            strides.push_back(a._strides[i])
    return a._view(shape, strides, 0)


cdef object _scalar_value(object x, object dtype):
    if isinstance(x, numpy.ndarray):
        x = x[()]
    with numpy.errstate(all="ignore"):
        return numpy.asarray(x).astype(dtype, casting="unsafe")[()]


cdef object _python_scalar_dtype(object x):
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


cdef tuple _broadcast_shape(list in_args):
    cdef shape_t shape
    broadcast_arrays_into(list(in_args), shape)
    return internal.to_tuple(shape)


# --- ReductionKernel ---------------------------------------------------------------------------

cdef class ReductionKernel:
    """A user-defined reduction kernel (CuPy's ``cupy.ReductionKernel``).

    Args:
        in_params (str): input parameters, e.g. ``'T x'`` (same syntax as
            :class:`cupy.ElementwiseKernel`: placeholders, explicit dtypes, ``raw``).
        out_params (str): output parameters, e.g. ``'T y'``.
        map_expr (str): expression giving the value of one input element.
        reduce_expr (str): expression combining two values ``a`` and ``b``.
        post_map_expr (str): statement storing the reduced value ``a`` into the outputs.
        identity (str or None): identity of ``reduce_expr``; None when there is none.
        name (str): kernel name.
        reduce_type (str): C++ type (or placeholder) of the reduced values; defaults to the
            type of the first output. Available as ``_type_reduce``.
        reduce_dims (bool): accepted for compatibility; axes are always merged.
        preamble (str): code placed before the kernel.
        options (tuple of str): compiler options.

    ``_in_ind`` and ``_out_ind`` index the input and the output; ``_J`` is the position along
    the reduced axes.

    Example:
        >>> l2 = cupy.ReductionKernel('T x', 'T y', 'x * x', 'a + b', 'y = sqrt(a)', '0',
        ...                           'l2norm')
        >>> l2(cupy.array([3.0, 4.0]))
        array(5.)
    """

    cdef readonly tuple in_params
    cdef readonly tuple out_params
    cdef readonly Py_ssize_t nin
    cdef readonly Py_ssize_t nout
    cdef readonly str map_expr
    cdef readonly str reduce_expr
    cdef readonly str post_map_expr
    cdef readonly object identity
    cdef readonly str name
    cdef readonly object reduce_type
    cdef readonly bint reduce_dims
    cdef readonly str preamble
    cdef readonly tuple options
    cdef dict _memo
    cdef dict _specs

    def __init__(self, in_params, out_params, map_expr, reduce_expr, post_map_expr, identity,
                 name="reduce_kernel", reduce_type=None, reduce_dims=True, preamble="",
                 options=()):
        if not name.isidentifier():
            raise ValueError(f"Invalid kernel name: {name!r}")
        self.in_params = _kernel.parse_params(in_params, True)
        self.out_params = _kernel.parse_params(out_params, False)
        if not self.out_params:
            raise ValueError("ReductionKernel needs at least one output parameter")
        names = [p.name for p in self.in_params + self.out_params]
        if len(set(names)) != len(names):
            raise ValueError("Parameter names must be unique")
        self.nin = len(self.in_params)
        self.nout = len(self.out_params)
        self.map_expr = map_expr
        self.reduce_expr = reduce_expr
        self.post_map_expr = post_map_expr
        self.identity = identity
        self.name = name
        self.reduce_type = reduce_type
        self.reduce_dims = reduce_dims
        self.preamble = preamble
        self.options = (options,) if isinstance(options, str) else tuple(options)
        self._memo = {}
        self._specs = {}

    def __call__(self, *args, out=None, axis=None, keepdims=False, stream=None):
        """Run the reduction.

        Args:
            args: the inputs, optionally followed by the outputs.
            out (cupy.ndarray): the output (when there is one output parameter).
            axis (int or tuple of ints): axes to reduce; all by default.
            keepdims (bool): keep the reduced axes with length 1.

        Returns:
            cupy.ndarray or tuple of them.
        """
        cdef Py_ssize_t n = len(args)
        if n != self.nin and n != self.nin + self.nout:
            raise TypeError(f"Wrong number of arguments for {self.name!r}. It must be either "
                            f"{self.nin} or {self.nin + self.nout} (with outputs), but given "
                            f"{n}.")
        outs = list(args[self.nin:])
        if out is not None:
            if outs:
                raise ValueError("cannot specify 'out' as both a positional and keyword "
                                 "argument")
            outs = [out]
        if outs and len(outs) != self.nout:
            raise ValueError("the number of outputs does not match the kernel's")
        for o in outs:
            if not isinstance(o, ndarray):
                raise TypeError("Output arguments must be cupy.ndarray")
        if stream is not None:
            with stream:
                return self._call(args[:self.nin], outs, axis, keepdims)
        return self._call(args[:self.nin], outs, axis, keepdims)

    cdef object _call(self, tuple ins, list outs, axis, bint keepdims):
        cdef ParameterInfo p
        cdef Py_ssize_t i
        types = self._bind_types(ins, outs)
        in_args = []
        for i in range(self.nin):
            p = self.in_params[i]
            x = ins[i]
            var = p.dtype if p.dtype is not None else types[p.ctype]
            if isinstance(x, ndarray):
                in_args.append(KernelArg.for_array(p.name, x, var, p.raw, False))
            else:
                in_args.append(KernelArg.for_scalar(p.name, _scalar_value(x, var), var))
        if not any((<KernelArg>k).is_array and not (<KernelArg>k).raw for k in in_args):
            raise ValueError("ReductionKernel needs at least one non-raw array input")
        cdef shape_t shape = internal.to_shape(_broadcast_shape(in_args))
        axes = _reduced_axes(axis, shape.size())
        oshape = _out_shape(shape, axes, keepdims)
        out_arrays = []
        for i in range(self.nout):
            p = self.out_params[i]
            var = p.dtype if p.dtype is not None else types[p.ctype]
            if outs:
                o = outs[i]
                if (<ndarray>o).shape != oshape:
                    raise ValueError(f"Output shape mismatch: expected {oshape}, got "
                                     f"{(<ndarray>o).shape}")
            else:
                o = _new_like_shape(internal.to_shape(oshape), var, False)
            out_arrays.append(o)
        out_args = [KernelArg.for_array((<ParameterInfo>self.out_params[i]).name,
                                        _drop_axes(out_arrays[i], axes, keepdims),
                                        (<ParameterInfo>self.out_params[i]).dtype
                                        if (<ParameterInfo>self.out_params[i]).dtype is not None
                                        else types[(<ParameterInfo>self.out_params[i]).ctype],
                                        (<ParameterInfo>self.out_params[i]).raw, True)
                    for i in range(self.nout)]
        launch_reduction(self._spec(types), in_args, out_args, axes, self._memo)
        if self.nout == 1:
            return out_arrays[0]
        return tuple(out_arrays)

    cdef dict _bind_types(self, tuple ins, list outs):
        cdef dict types = {}
        cdef ParameterInfo p
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

    cdef ReductionSpec _spec(self, dict types):
        key = tuple(sorted((k, v.char) for k, v in types.items()))
        spec = self._specs.get(key)
        if spec is None:
            p0 = <ParameterInfo>self.out_params[0]
            rt = self.reduce_type
            if rt is None:
                rt = p0.ctype
            elif rt in types:
                rt = _ctype_of(types[rt])
            typedefs = tuple((k, _ctype_of(v)) for k, v in sorted(types.items()))
            spec = ReductionSpec(self.name, self.map_expr, self.reduce_expr,
                                 self.post_map_expr, self.identity, rt, typedefs,
                                 self.preamble, self.options)
            self._specs[key] = spec
        return spec


# --- NumPy-style reductions declared as data --------------------------------------------------

def accumulate_dtype(dtype):
    """The dtype a reduction in ``dtype`` accumulates in (float16 sums in float32)."""
    return _get_dtype(numpy.float32) if dtype.char == "e" else dtype


class SimpleReduction:
    """A reduction of one array with NumPy's calling convention, declared as data.

    Args:
        name (str): the routine's name (used for the kernel and in error messages).
        table (sequence): default loops in resolution order; each is ``'x->y'`` (NumPy type
            characters of the input and the output) or ``('x->y', reduce_type)`` where
            ``reduce_type`` is a C++ type (``in0_type``/``out0_type`` may be used). By default
            the reduce type is the output's.
        reduce_expr (str): combines ``a`` and ``b``.
        identity (str or None): C++ identity; None when the reduction has none.
        map_expr (str): value of one element ``in0``.
        post_map_expr (str): stores ``a`` into ``out0``.
        preamble (str): code placed before the kernel.

    Example:
        >>> amax = SimpleReduction('amax', ('f->f',), '_cupy_max(a, b)', None)
    """

    def __init__(self, name, table, reduce_expr, identity, map_expr="in0",
                 post_map_expr="out0 = _cupy_cast<out0_type>(a)", preamble=""):
        self.name = name
        self.loops = []
        for entry in table:
            sig, rt = (entry, None) if isinstance(entry, str) else entry
            i, o = sig.split("->")
            self.loops.append((_get_dtype(i), _get_dtype(o), rt))
        self.reduce_expr = reduce_expr
        self.identity = identity
        self.map_expr = map_expr
        self.post_map_expr = post_map_expr
        self.preamble = preamble
        self._specs = {}
        self._memo = {}
        self._resolved = {}     # input dtype -> its loop (the scan compares dtypes slowly)

    def resolve(self, in_dtype, dtype=None):
        """``(input type, output type, reduce C++ type)`` for an input of ``in_dtype``; with
        ``dtype`` the input is converted to ``dtype`` and reduced in it."""
        if dtype is not None:
            dtype = _dtype.check_supported(_get_dtype(dtype))
            return dtype, dtype, _ctype_of(accumulate_dtype(dtype))
        loop = self._resolved.get(in_dtype)
        if loop is not None:
            return loop
        for i, o, rt in self.loops:
            if i == in_dtype:
                loop = (i, o, rt if rt is not None else _ctype_of(o))
                self._resolved[in_dtype] = loop
                return loop
        raise TypeError(f"{self.name} does not support the input type {in_dtype}")

    def __call__(self, a, axis=None, dtype=None, out=None, keepdims=False, *,
                 extra_inputs=(), extra_outputs=(), scalars=(), loop=None):
        """Reduce ``a``.

        Args:
            extra_inputs: ``(name, array)`` pairs broadcast with ``a`` (read in ``map_expr``).
            extra_outputs: ``(name, array)`` pairs shaped as the result (read or written in
                ``post_map_expr``).
            scalars: ``(name, value, dtype)`` scalar parameters.
            loop: a resolved loop, overriding :meth:`resolve`.
        """
        if not isinstance(a, ndarray):
            raise TypeError(f"Unsupported type {type(a)}")
        in_t, out_t, rt = loop if loop is not None else self.resolve(a.dtype, dtype)
        cdef shape_t shape = (<ndarray>a)._shape
        for _, x in extra_inputs:
            shape = internal.to_shape(numpy.broadcast_shapes(internal.to_tuple(shape),
                                                             x.shape))
        axes = _reduced_axes(axis, shape.size())
        oshape = _out_shape(shape, axes, keepdims)
        if out is None:
            result = _new_like_shape(internal.to_shape(oshape), out_t, False)
        else:
            if not isinstance(out, ndarray):
                raise TypeError("output must be a cupy.ndarray")
            if out.shape != oshape:
                raise ValueError(f"output parameter for reduction operation {self.name} has "
                                 f"the wrong shape: expected {oshape}, got {out.shape}")
            result = out
        if self.identity is None and a.size == 0 and internal.prod(
                internal.to_shape(oshape)) != 0:
            raise ValueError(f"zero-size array to reduction operation {self.name} which has "
                             f"no identity")
        in_args = [KernelArg.for_array("in0", a, in_t, False, False)]
        for name, x in extra_inputs:
            in_args.append(KernelArg.for_array(name, x, x.dtype, False, False))
        for name, value, t in scalars:
            in_args.append(KernelArg.for_scalar(name, _scalar_value(value, t), t))
        out_args = [KernelArg.for_array("out0", _drop_axes(result, axes, keepdims), out_t,
                                        False, True)]
        for name, x in extra_outputs:
            out_args.append(KernelArg.for_array(name, _drop_axes(x, axes, keepdims), x.dtype,
                                                False, True))
        key = (in_t.char, out_t.char, rt)
        spec = self._specs.get(key)
        if spec is None:
            typedefs = (("in0_type", _ctype_of(in_t)), ("out0_type", _ctype_of(out_t)))
            spec = ReductionSpec(f"cupy_{self.name}", self.map_expr, self.reduce_expr,
                                 self.post_map_expr, self.identity, rt, typedefs,
                                 self.preamble)
            self._specs[key] = spec
        launch_reduction(spec, in_args, out_args, axes, self._memo)
        return result
