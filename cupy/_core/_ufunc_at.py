"""``ufunc.at``: unbuffered in-place ``a[indices] = ufunc(a[indices], b)``.

Repeated indices apply repeatedly, so each update is an atomic read-modify-write of one
element (a compare-and-swap loop, or the hardware atomicAdd). With atomics the order in which
repeated updates apply is unspecified: float sums may differ from NumPy's in the last bits.
"""
import numpy

from cupy._core.core import ndarray

# ufunc name -> the type characters it supports (1-byte types have no atomic compare-and-swap;
# complex numbers only add and subtract, one atomic per part).
_SUPPORTED = {
    "add": "hHiIlLefdFD",
    "subtract": "hHiIlLefdFD",
    "multiply": "hHiIlLefd",
    "maximum": "hHiIlLefd",
    "minimum": "hHiIlLefd",
    "bitwise_and": "hHiIlL",
    "bitwise_or": "hHiIlL",
    "bitwise_xor": "hHiIlL",
}

_kernels = {}


def _kernel(name, complex_):
    key = (name, complex_)
    k = _kernels.get(key)
    if k is None:
        import cupy
        if complex_:
            op = ("cupy_math::atomic_apply<cupy_math::at_add>("
                  "reinterpret_cast<typename T::value_type*>(&a[idx]), v.real() * _s); "
                  "cupy_math::atomic_apply<cupy_math::at_add>("
                  "reinterpret_cast<typename T::value_type*>(&a[idx]) + 1, v.imag() * _s)")
            sign = "-1" if name == "subtract" else "1"
            op = f"const typename T::value_type _s = {sign}; " + op
            preamble = "#include <cupy/complex.cuh>\n#include <cupy/math/atomic.cuh>\n"
        else:
            op = f"cupy_math::atomic_apply<cupy_math::at_{name}>(&a[idx], v)"
            preamble = "#include <cupy/math/atomic.cuh>\n"
        k = cupy.ElementwiseKernel("int64 idx, T v", "raw T a", op, f"cupy_{name}_at",
                                   preamble=preamble)
        _kernels[key] = k
    return k


def _dtype_operand(x):
    if isinstance(x, ndarray):
        return x.dtype
    if isinstance(x, (bool, int, float, complex)):
        return x
    return numpy.asarray(x).dtype


def at(ufunc, a, indices, b=None):
    """Apply ``ufunc`` in place at ``a[indices]`` with operand ``b`` (see :meth:`ufunc.at`)."""
    import cupy
    if not isinstance(a, ndarray):
        raise TypeError("ufunc.at requires a cupy.ndarray as the first operand")
    if ufunc.nin != 2 or b is None:
        raise NotImplementedError(f"{ufunc.name}.at is not supported (only binary ufuncs "
                                  f"with an operand: {', '.join(_SUPPORTED)})")
    chars = _SUPPORTED.get(ufunc.name)
    if chars is None:
        raise NotImplementedError(f"{ufunc.name}.at is not supported")
    if a.dtype.char not in chars and not (a.dtype.char == "q" and "l" in chars) and not (
            a.dtype.char == "Q" and "L" in chars):
        raise TypeError(f"{ufunc.name}.at does not support dtype {a.dtype}")
    result = numpy.result_type(a.dtype, _dtype_operand(b))
    if not numpy.can_cast(result, a.dtype, "same_kind"):
        raise TypeError(f"Cannot cast ufunc '{ufunc.name}' output from {result!r} to "
                        f"{a.dtype!r} with casting rule 'same_kind'")
    if isinstance(b, ndarray):
        b = b.astype(a.dtype, copy=False)
    else:
        b = cupy.asarray(numpy.asarray(b).astype(a.dtype))
    flat = _flat_indices(a.shape, indices)
    _kernel(ufunc.name, a.dtype.kind == "c")(flat, b, a)


def _flat_indices(shape, indices):
    """C-order element numbers of ``a[indices]`` (repeats kept) for an array of ``shape``."""
    import cupy
    key = indices if isinstance(indices, tuple) else (indices,)
    arrays = [k for k in key if not isinstance(k, (int, numpy.integer, slice, type(Ellipsis),
                                                       type(None)))]
    if not arrays:
        return cupy.arange(_prod(shape), dtype=numpy.int64).reshape(shape)[indices]
    if len(key) > len(shape):
        raise IndexError("too many indices for array")
    # Integer (array) indices on the leading axes: sum of index * C-order stride, broadcast
    # together, then the offsets of the remaining axes appended as trailing dimensions.
    strides = [_prod(shape[i + 1:]) for i in range(len(shape))]
    flat = None
    for axis, k in enumerate(key):
        if isinstance(k, (slice, type(Ellipsis), type(None))):
            return cupy.arange(_prod(shape), dtype=numpy.int64).reshape(shape)[indices]
        k = k if isinstance(k, ndarray) else cupy.asarray(k)
        if k.dtype.kind == "b":
            return cupy.arange(_prod(shape), dtype=numpy.int64).reshape(shape)[indices]
        if k.dtype.kind not in "iu":
            raise IndexError("arrays used as indices must be of integer (or boolean) type")
        k = k.astype(numpy.int64)
        _check_bounds(k, shape[axis], axis)
        # Negative indices count from the end, as in NumPy.
        k = cupy.where(k < 0, k + shape[axis], k)
        term = k * strides[axis]
        flat = term if flat is None else flat + term
    rest = shape[len(key):]
    if rest:
        offsets = cupy.arange(_prod(rest), dtype=numpy.int64).reshape(rest)
        flat = flat.reshape(flat.shape + (1,) * len(rest)) + offsets
    return flat


def _check_bounds(k, n, axis):
    """NumPy's IndexError for an index outside ``[-n, n)``: the update kernel addresses
    elements without checks (one flag read back)."""
    import cupy
    from cupy._core import _advanced_indexing
    if k.size == 0:
        return
    flag = cupy.zeros(2, numpy.int64)
    _advanced_indexing._bounds_kernel(k, n, flag)
    raised, value = flag.get().tolist()
    if raised:
        raise IndexError(f"index {value} is out of bounds for axis {axis} with size {n}")


def _prod(xs):
    r = 1
    for x in xs:
        r *= x
    return r
