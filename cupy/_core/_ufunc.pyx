# cython: language_level=3
"""``cupy.ufunc``: NumPy's universal functions as elementwise kernels.

A ufunc is data: an ordered table of loops (input and output dtypes, and the C++ routine
computing ``out0 ... `` from ``in0 ...``). Type resolution follows NumPy 2:

* the first loop to which every input can be cast safely wins;
* Python ``int``/``float``/``complex`` operands are *weak* (NEP 50): when the arrays' kinds
  are at least the scalars' kinds (bool < integer < float < complex), a Python int fits any
  integer, float or complex loop, a Python float any float or complex loop, a Python complex
  any complex loop; otherwise the scalar counts as int64/float64/complex128. NumPy scalars and
  0-d arrays are ordinary (strong) operands;
* outputs given with ``out=`` must accept the loop's result under ``casting``
  ('same_kind' by default).
"""
import numpy

from cupy._core cimport internal
from cupy._core.core cimport ndarray, _new_like_shape
from cupy._core.internal cimport shape_t
from cupy._core._kernel cimport KernelArg, LoopSpec, launch_elementwise, broadcast_arrays_into

from cupy._core import _dtype
from cupy._core import _kernel

cdef object _get_dtype = _dtype.get_dtype
cdef dict _KIND_ORDER = _dtype.KIND_ORDER
cdef object _can_cast = numpy.can_cast
cdef object _bool_dtype = numpy.dtype(numpy.bool_)
cdef object _default_int = numpy.dtype(numpy.int64)
cdef object _default_float = numpy.dtype(numpy.float64)
cdef object _default_complex = numpy.dtype(numpy.complex128)
_COMPLEX_MATH = "#include <cupy/math/complex.cuh>\n"
_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")


cdef class _Loop:
    cdef readonly tuple in_types     # numpy dtypes
    cdef readonly tuple out_types
    cdef readonly str routine
    cdef readonly str signature      # 'ff->f'

    def __init__(self, tuple in_types, tuple out_types, str routine, str signature):
        self.in_types = in_types
        self.out_types = out_types
        self.routine = routine
        self.signature = signature


cdef str _weak_kind(object x):
    """'i'/'f'/'c' for Python int/float/complex operands (NEP 50 weak scalars), else None."""
    cdef type t = type(x)
    if t is int:
        return "i"
    if t is float:
        return "f"
    if t is complex:
        return "c"
    if t is bool or isinstance(x, (numpy.generic, ndarray, numpy.ndarray)):
        return None
    if isinstance(x, bool):
        return None
    if isinstance(x, int):
        return "i"
    if isinstance(x, float):
        return "f"
    if isinstance(x, complex):
        return "c"
    return None


cdef object _operand_type(object x):
    """What type resolution sees of ``x`` when it is an ndarray (its dtype) or an exact Python
    bool/int/float/complex (its type); None for anything else."""
    cdef type t = type(x)
    if t is ndarray:
        return (<ndarray>x).dtype
    if t is int or t is float or t is bool or t is complex:
        return t
    return None


cdef object _strong_dtype(object x):
    if isinstance(x, ndarray):
        return (<ndarray>x).dtype
    if isinstance(x, bool):
        return _bool_dtype
    if isinstance(x, numpy.generic):
        return _dtype.check_supported(x.dtype)
    if isinstance(x, numpy.ndarray):
        if x.ndim != 0:
            raise TypeError(f"Unsupported type {type(x)}")
        return _dtype.check_supported(x.dtype)
    raise TypeError(f"Unsupported type {type(x)}")


cdef object _default_dtype(str kind):
    return _default_int if kind == "i" else (_default_float if kind == "f"
                                             else _default_complex)


cdef bint _weak_fits(str kind, object to):
    """NumPy's can-cast rule for a weak Python scalar of ``kind`` into dtype ``to``."""
    k = to.kind
    if k == "c":
        return True
    if k == "f":
        return kind != "c"
    if k in "iu":
        return kind == "i"
    return False


# Largest finite values of the narrow floating types, by dtype char: a Python number within
# them converts without overflow (and without a warning to silence).
cdef dict _NARROW_FLOAT_MAX = {"e": 65504.0, "f": 3.4028234663852886e38,
                               "F": 3.4028234663852886e38}


cdef object _scalar_to(object x, object dtype, str ufunc_name):
    """The operand ``x`` (Python or NumPy scalar, 0-d numpy array) as a NumPy scalar of
    ``dtype``; Python integers out of range raise OverflowError as in NumPy 2."""
    cdef type t = type(x)
    cdef str char
    # Fast paths for Python numbers that convert exactly or round without overflow; the
    # general path below pays for a NumPy array and an errstate context.
    if t is float or t is int:
        char = dtype.char
        if t is int and dtype.kind in "iu":
            return dtype.type(x)    # OverflowError out of range, as below
        if char in "dD" and (t is float or -2 ** 53 <= x <= 2 ** 53):
            return dtype.type(x)
        limit = _NARROW_FLOAT_MAX.get(char)
        if limit is not None and (x != x or -limit <= x <= limit):
            return dtype.type(x)
    if isinstance(x, numpy.ndarray):
        x = x[()]
    if isinstance(x, int) and not isinstance(x, bool) and dtype.kind in "iu":
        return numpy.array(x, dtype=dtype)[()]
    with numpy.errstate(all="ignore"):
        return numpy.asarray(x).astype(dtype, casting="unsafe")[()]


cdef class ufunc:
    """A universal function: an elementwise operation with NumPy's type rules.

    Instances are created by :func:`create_ufunc`. Calling one broadcasts the inputs,
    resolves the loop, allocates or checks the outputs and launches one kernel.

    Attributes:
        nin (int): number of inputs.
        nout (int): number of outputs.
        nargs (int): ``nin + nout``.
        types (list of str): the loops, as ``'ff->f'`` strings, in resolution order.
        identity: identity of the reduction, or None.
    """

    cdef readonly str name
    cdef readonly Py_ssize_t nin
    cdef readonly Py_ssize_t nout
    cdef readonly Py_ssize_t nargs
    cdef readonly object identity
    cdef readonly tuple _loops
    cdef readonly str _preamble
    cdef readonly str _loop_prep
    cdef readonly str __doc__
    cdef readonly str __name__
    cdef dict _memo
    cdef dict _specs
    cdef dict _resolve_memo
    cdef dict _type_memo    # operand dtypes/Python types -> loop, when no dtype is given
    # ``check(signature, inputs)`` run after the loop is chosen: rejects what NumPy's type
    # resolver or inner loop rejects beyond the loop table (bool subtraction, negative integer
    # exponents, ...).
    cdef public object _input_check

    def __init__(self, str name, Py_ssize_t nin, Py_ssize_t nout, tuple loops, identity=None,
                 str preamble="", str loop_prep="", str doc=""):
        self.name = name
        self.__name__ = name
        self.nin = nin
        self.nout = nout
        self.nargs = nin + nout
        self._loops = loops
        self.identity = identity
        self._preamble = preamble
        self._loop_prep = loop_prep
        self.__doc__ = doc
        self._memo = {}
        self._specs = {}
        self._resolve_memo = {}
        self._type_memo = {}
        self._input_check = None

    def __repr__(self):
        return f"<ufunc '{self.name}'>"

    @property
    def types(self):
        return [(<_Loop>l).signature for l in self._loops]

    @property
    def ntypes(self):
        return len(self._loops)

    # --- type resolution ------------------------------------------------------------------

    cdef _Loop _resolve(self, tuple ins, object dtype, str casting):
        # Without ``dtype`` the loop depends only on the operands' dtypes and the kinds of the
        # Python scalars among them (inputs are cast safely whatever ``casting`` says).
        type_key = None
        if dtype is None:
            if self.nin == 1:
                type_key = _operand_type(ins[0])
            elif self.nin == 2:
                a = _operand_type(ins[0])
                b = _operand_type(ins[1])
                if a is not None and b is not None:
                    type_key = (a, b)
            if type_key is not None:
                loop = self._type_memo.get(type_key)
                if loop is not None:
                    return loop
        loop = self._resolve_slow(ins, dtype, casting)
        if type_key is not None:
            self._type_memo[type_key] = loop
        return loop

    cdef _Loop _resolve_slow(self, tuple ins, object dtype, str casting):
        cdef list kinds = []
        cdef list strong = []
        cdef str wk
        cdef int max_weak = -1, max_strong = -1
        for x in ins:
            wk = _weak_kind(x)
            if wk is None:
                d = _strong_dtype(x)
                strong.append(d)
                kinds.append(None)
                max_strong = max(max_strong, _KIND_ORDER[d.kind])
            else:
                strong.append(None)
                kinds.append(wk)
                max_weak = max(max_weak, _KIND_ORDER[wk])
        cdef bint weak = max_weak >= 0 and max_strong >= 0 and max_strong >= max_weak
        key = (tuple(strong), tuple(kinds), weak, dtype, casting)
        loop = self._resolve_memo.get(key)
        if loop is not None:
            return loop
        in_casting = "safe" if dtype is None else casting
        cdef _Loop cand
        for cand in self._loops:
            if dtype is not None and cand.out_types[0] != dtype:
                continue
            ok = True
            for i in range(self.nin):
                to = cand.in_types[i]
                if kinds[i] is not None and weak:
                    if not _weak_fits(kinds[i], to):
                        ok = False
                        break
                else:
                    frm = strong[i] if kinds[i] is None else _default_dtype(kinds[i])
                    if not _can_cast(frm, to, in_casting):
                        ok = False
                        break
            if ok:
                self._resolve_memo[key] = cand
                return cand
        names = ", ".join(
            repr(s) if s is not None else {"i": "int", "f": "float", "c": "complex"}[k]
            for s, k in zip(strong, kinds))
        if dtype is not None:
            raise TypeError(f"No loop matching the specified signature and casting was found "
                            f"for ufunc {self.name} (inputs {names}, dtype {dtype})")
        raise TypeError(f"ufunc '{self.name}' not supported for the input types, and the "
                        f"inputs could not be safely coerced to any supported types according "
                        f"to the casting rule 'safe' (inputs {names})")

    cdef LoopSpec _spec(self, _Loop loop, bint has_where):
        key = (loop.signature, has_where)
        spec = self._specs.get(key)
        if spec is None:
            typedefs = tuple((f"in{i}_type", t) for i, t in enumerate(loop.in_types)) + \
                tuple((f"out{i}_type", t) for i, t in enumerate(loop.out_types))
            op = loop.routine
            preamble = self._preamble
            if _COMPLEX_MATH in preamble and not any(
                    t.kind == "c" for t in loop.in_types + loop.out_types):
                # CCCL's complex is costly to parse: only complex loops include its helpers.
                preamble = preamble.replace(_COMPLEX_MATH, "")
            if has_where:
                op = "if (!_where) continue;\n        " + op
            spec = LoopSpec(f"cupy_{self.name}", op, preamble, self._loop_prep, "",
                            typedefs)
            self._specs[key] = spec
        return spec

    # --- calls ----------------------------------------------------------------------------

    def __call__(self, *args, out=None, dtype=None, casting="same_kind", where=True,
                 order="K", subok=True, signature=None, **kwargs):
        """Apply the ufunc elementwise.

        Args:
            args: ``nin`` inputs (arrays or scalars), optionally followed by outputs.
            out (cupy.ndarray or tuple): where to write the results.
            dtype: output dtype; selects the loop.
            casting (str): casting rule for the outputs (and inputs when ``dtype`` is given).
            where (cupy.ndarray of bool or bool): compute only where True; other output
                elements keep their value (or are uninitialised when allocated).

        Returns:
            cupy.ndarray or tuple of them.
        """
        if kwargs:
            raise TypeError(f"Wrong arguments {kwargs}")
        if signature is not None:
            raise NotImplementedError("signature is not supported")
        cdef Py_ssize_t n = len(args)
        if n < self.nin or n > self.nargs:
            raise TypeError(f"{self.name}() takes from {self.nin} to {self.nargs} positional "
                            f"arguments but {n} were given")
        ins = args[:self.nin]
        outs = args[self.nin:]
        if out is not None:
            if outs:
                raise TypeError("cannot specify 'out' as both a positional and keyword "
                                "argument")
            outs = out if isinstance(out, tuple) else (out,)
            if len(outs) != self.nout:
                raise ValueError("The 'out' tuple must have exactly one entry per ufunc "
                                 "output")
        for o in outs:
            if o is not None and not isinstance(o, ndarray):
                raise TypeError("return arrays must be of ArrayType")
        if any(o is None for o in outs):
            if all(o is None for o in outs):
                outs = ()
            else:
                raise NotImplementedError("partially given outputs are not supported")
        if casting not in _CASTINGS:
            raise ValueError(f"casting must be one of {_CASTINGS}, got {casting!r}")
        if dtype is not None:
            dtype = _dtype.check_supported(_get_dtype(dtype))
        return self._call(ins, outs, dtype, casting, where)

    cdef object _call(self, tuple ins, tuple outs, object dtype, str casting, object where):
        cdef _Loop loop = self._resolve(ins, dtype, casting)
        cdef Py_ssize_t i
        if self._input_check is not None:
            self._input_check(loop.signature, ins)
        cdef list kargs = []
        for i in range(self.nin):
            x = ins[i]
            t = loop.in_types[i]
            if isinstance(x, ndarray):
                kargs.append(KernelArg.for_array(f"in{i}", x, t, False, False))
            else:
                if (type(x) is int and t.kind in "biu" and loop.out_types[0].kind in "fc"):
                    # Integer loops with an inexact result (true_divide's 'BB->d') stand for
                    # NumPy's 'dd->d' loop, to which a Python int converts: uint8 / -1 is fine.
                    t = loop.out_types[0]
                kargs.append(KernelArg.for_scalar(f"in{i}", _scalar_to(x, t, self.name), t))
        has_where = where is not True
        if has_where:
            if where is False:
                where = numpy.bool_(False)
            if isinstance(where, ndarray):
                if (<ndarray>where).dtype != _bool_dtype:
                    where = where.astype(_bool_dtype)
                kargs.append(KernelArg.for_array("_where", where, _bool_dtype, False, False))
            else:
                kargs.append(KernelArg.for_scalar("_where", numpy.bool_(where), _bool_dtype))
        cdef shape_t shape
        broadcast_arrays_into(kargs, shape)
        for i in range(len(outs)):
            o = outs[i]
            if not _can_cast(loop.out_types[i], (<ndarray>o).dtype, casting):
                raise TypeError(f"Cannot cast ufunc '{self.name}' output from "
                                f"{loop.out_types[i]!r} to {(<ndarray>o).dtype!r} with casting "
                                f"rule '{casting}'")
        if dtype is not None:
            for i in range(self.nin):
                x = ins[i]
                if isinstance(x, ndarray) and not _can_cast(
                        (<ndarray>x).dtype, loop.in_types[i], casting):
                    raise TypeError(f"Cannot cast ufunc '{self.name}' input {i} from "
                                    f"{(<ndarray>x).dtype!r} to {loop.in_types[i]!r} with "
                                    f"casting rule '{casting}'")
        out_arrays = list(outs)
        if not outs:
            for i in range(self.nout):
                out_arrays.append(_new_like_shape(shape, loop.out_types[i], False))
        for i in range(self.nout):
            kargs.append(KernelArg.for_array(f"out{i}", out_arrays[i], loop.out_types[i],
                                             False, True))
        if outs:
            shape.clear()
            broadcast_arrays_into(kargs, shape)
        launch_elementwise(self._spec(loop, has_where), kargs, shape,
                           _kernel.DEFAULT_BLOCK_SIZE, self._memo)
        if self.nout == 1:
            return out_arrays[0]
        return tuple(out_arrays)

    def outer(self, A, B, **kwargs):
        """``ufunc(A[..., None, ...], B)``: the operation over all pairs of elements."""
        if self.nin != 2:
            raise ValueError("outer product only supported for binary functions")
        from cupy._core.core import array_from_host
        if not isinstance(A, ndarray):
            A = array_from_host(numpy.asarray(A))
        if not isinstance(B, ndarray):
            B = array_from_host(numpy.asarray(B))
        return self(A.reshape(A.shape + (1,) * B.ndim), B, **kwargs)

    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False, initial=None,
               where=True):
        """Reduce ``array`` along ``axis`` by repeated application of this binary ufunc."""
        from cupy._core import _ufunc_methods
        return _ufunc_methods.reduce(self, array, axis, dtype, out, keepdims, initial, where)

    def accumulate(self, array, axis=0, dtype=None, out=None):
        """Running application of this binary ufunc along ``axis``."""
        from cupy._core import _ufunc_methods
        return _ufunc_methods.accumulate(self, array, axis, dtype, out)

    def reduceat(self, array, indices, axis=0, dtype=None, out=None):
        """Reductions over the slices of ``array`` starting at ``indices``."""
        from cupy._core import _ufunc_methods
        return _ufunc_methods.reduceat(self, array, indices, axis, dtype, out)

    def at(self, a, indices, b=None):
        """Unbuffered in-place ``a[indices] = ufunc(a[indices], b)``: repeated indices apply
        repeatedly."""
        from cupy._core import _ufunc_at
        return _ufunc_at.at(self, a, indices, b)


def create_ufunc(name, ops, routine=None, preamble="", doc="", identity=None, loop_prep=""):
    """Build a :class:`ufunc` from a loop table.

    Args:
        name (str): the ufunc's name (the kernel is named ``cupy_<name>``).
        ops (sequence): loops in resolution order; each is ``'ii->i'`` (using ``routine``) or
            ``('ii->i', 'out0 = in0 + in1')``. Type characters are NumPy's (``?bBhHiIlLqQefdFD``).
        routine (str): default C++ routine (``in0``..., ``out0``..., ``in0_type``... are
            defined).
        preamble (str): code placed before the kernel.
        doc (str): the docstring.
        identity: identity element of the reduction.

    Example:
        >>> add = create_ufunc('my_add', ('ii->i', 'ff->f'), 'out0 = in0 + in1')
    """
    loops = []
    nin = nout = -1
    for op in ops:
        if isinstance(op, tuple):
            sig, r = op
        else:
            sig, r = op, routine
        if r is None:
            raise ValueError(f"loop {sig!r} of {name} has no routine")
        ins, outs = sig.split("->")
        in_types = tuple(_dtype.check_supported(_get_dtype(c)) for c in ins)
        out_types = tuple(_dtype.check_supported(_get_dtype(c)) for c in outs)
        if nin < 0:
            nin, nout = len(in_types), len(out_types)
        elif (nin, nout) != (len(in_types), len(out_types)):
            raise ValueError(f"loop {sig!r} of {name} has the wrong number of operands")
        loops.append(_Loop(in_types, out_types, r, sig))
    return ufunc(name, nin, nout, tuple(loops), identity, preamble, loop_prep, doc)
