"""``ufunc.reduce`` / ``accumulate`` / ``reduceat`` / ``at`` for binary ufuncs.

The ufunc's own loop routine becomes the combining operation: it is wrapped in a device
function template ``_cupy_ufunc_op(in0, in1)`` instantiated with the reduce type, so every
binary ufunc whose loop maps ``T, T -> T`` can reduce without a table of its own.
"""
import numpy
from numpy.lib.array_utils import normalize_axis_tuple

from cupy._core import _scan
from cupy._core.core import ndarray
from cupy._core._reduction import SimpleReduction, accumulate_dtype

# NumPy reduces (and accumulates) these in the default integer for bool and small integers.
_UPCAST = ("add", "multiply")
_INT64 = numpy.dtype(numpy.int64)
_UINT64 = numpy.dtype(numpy.uint64)
_BOOL = numpy.dtype(numpy.bool_)
_reductions = {}


def _loop_for(uf, in_dtype, dtype):
    """The ufunc's ``T, T -> T`` loop used to reduce ``in_dtype`` (or ``dtype``)."""
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError(f"reduce only supported for binary functions ({uf.name})")
    want = numpy.dtype(dtype) if dtype is not None else None
    if want is None and uf.name in _UPCAST and in_dtype.kind in "biu" and \
            in_dtype.itemsize < 8:
        want = _UINT64 if in_dtype.kind == "u" else _INT64
    same = [lp for lp in uf._loops
            if lp.in_types[0] == lp.in_types[1] == lp.out_types[0]]
    for lp in same:
        t = lp.in_types[0]
        if want is not None:
            if t == want:
                return lp
        elif numpy.can_cast(in_dtype, t, "safe"):
            return lp
    if uf.name.startswith("logical_"):
        for lp in same:
            if lp.in_types[0] == _BOOL:
                return lp
    raise TypeError(f"ufunc '{uf.name}' has no loop to reduce {in_dtype}"
                    + (f" with dtype {want}" if want is not None else ""))


def _op_preamble(uf, lp):
    return (uf._preamble + "\n"
            "template <typename T>\n"
            "__device__ inline T _cupy_ufunc_op(const T& in0, const T& in1) {\n"
            "    typedef T in0_type;\n    typedef T in1_type;\n    typedef T out0_type;\n"
            f"    T out0;\n    {lp.routine};\n    return out0;\n}}\n")


def _identity_literal(value):
    if value is None:
        return None
    if isinstance(value, (bool, numpy.bool_)):
        return "true" if value else "false"
    return repr(value)


def _reduction(uf, lp, masked, has_initial):
    key = (uf.name, lp.signature, masked, has_initial)
    red = _reductions.get(key)
    if red is None:
        identity = _identity_literal(uf.identity)
        # Masked-out elements contribute the identity, or the initial value (the reductions
        # without an identity, maximum and minimum, are idempotent).
        fill = "_init" if has_initial and identity is None else identity
        map_expr = ("in1 ? static_cast<_type_reduce>(in0) : static_cast<_type_reduce>(" +
                    fill + ")") if masked else "in0"
        post = "out0 = _cupy_cast<out0_type>(" + (
            "_cupy_ufunc_op(static_cast<_type_reduce>(_init), a)" if has_initial else "a") + ")"
        red = SimpleReduction(uf.name, (), "_cupy_ufunc_op(a, b)", identity,
                              map_expr=map_expr, post_map_expr=post,
                              preamble=_op_preamble(uf, lp))
        _reductions[key] = red
    return red


def reduce(uf, array, axis=0, dtype=None, out=None, keepdims=False, initial=None,
           where=True):
    """Reduce ``array`` along ``axis`` by repeated application of the binary ufunc ``uf``."""
    import cupy
    if not isinstance(array, ndarray):
        raise TypeError(f"Unsupported type {type(array)}")
    lp = _loop_for(uf, array.dtype, dtype)
    t = lp.out_types[0]
    masked = where is not True
    has_initial = initial is not None
    if masked and uf.identity is None and not has_initial:
        raise ValueError(f"reduction operation '{uf.name}' does not have an identity, so to "
                         f"use a where mask one has to specify 'initial'")
    if uf.identity is None and has_initial and array.size == 0:
        # Nothing to combine: every output is the initial value.
        if axis is None:
            axes = tuple(range(array.ndim))
        else:
            axes = normalize_axis_tuple(axis, array.ndim)
        res_shape = tuple(1 if i in axes else n for i, n in enumerate(array.shape)
                          if keepdims or i not in axes)
        res = out if out is not None else cupy.empty(res_shape, dtype=t)
        res.fill(initial)
        return res
    red = _reduction(uf, lp, masked, has_initial)
    extra = ()
    if masked:
        w = where if isinstance(where, ndarray) else cupy.asarray(numpy.asarray(where))
        extra = (("in1", w.astype(_BOOL) if w.dtype != _BOOL else w),)
    scalars = (("_init", initial, t),) if has_initial else ()
    return red(array, axis, None, out, keepdims, extra_inputs=extra, scalars=scalars,
               loop=(t, t, _ctype(accumulate_dtype(t))))


def _ctype(d):
    from cupy._core import _dtype
    return _dtype.ctype_of(d)


def accumulate(uf, array, axis=0, dtype=None, out=None):
    """Running application of the binary ufunc ``uf`` along ``axis``."""
    if not isinstance(array, ndarray):
        raise TypeError(f"Unsupported type {type(array)}")
    lp = _loop_for(uf, array.dtype, dtype)
    t = lp.out_types[0]
    if array.ndim == 0:
        raise TypeError("cannot accumulate on a scalar")
    return _scan.scan(array, axis, "_cupy_ufunc_op(a, b)", accumulate_dtype(t), t, out,
                      preamble=_op_preamble(uf, lp), name=f"cupy_{uf.name}_accumulate")


def reduceat(uf, array, indices, axis=0, dtype=None, out=None):
    raise NotImplementedError("ufunc.reduceat is not supported yet")


def at(uf, a, indices, b=None):
    raise NotImplementedError("ufunc.at is not supported yet")
