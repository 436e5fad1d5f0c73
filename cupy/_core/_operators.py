"""Python operators and NumPy's dispatch protocols on ndarray, mapped to cupy's ufuncs and
functions."""
import numpy

from cupy._core.core import ndarray

_SCALARS = (bool, int, float, complex, numpy.generic)
_OPERAND_TYPES = (ndarray,) + _SCALARS
# Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE
_COMPARISONS = ("less", "less_equal", "equal", "not_equal", "greater", "greater_equal")

_cupy = None


def _ns():
    global _cupy
    if _cupy is None:
        import cupy
        _cupy = cupy
    return _cupy


def _operand(x):
    """True when ``x`` can take part in an operator with an ndarray."""
    return isinstance(x, _OPERAND_TYPES) or (
        isinstance(x, numpy.ndarray) and x.ndim == 0)


def _fast_power(a, b):
    """The ufunc NumPy's ``ndarray.__pow__`` substitutes for some exact Python exponents
    (``fast_scalar_power``): ``square`` for 2 on any array (so ``bool_array ** 2`` is int8),
    ``reciprocal`` for -1 and ``sqrt`` for 0.5 on inexact arrays; None otherwise."""
    if type(b) is int:
        if b == 2:
            return "square"
        name = "reciprocal" if b == -1 else None
    elif type(b) is float:
        name = "sqrt" if b == 0.5 else None
    else:
        return None
    return name if name is not None and a.dtype.kind in "fc" else None


def binary(name, a, b):
    if type(a) is ndarray and type(b) is ndarray and name != "power":
        return getattr(_ns(), name)(a, b)
    if not (_operand(a) and _operand(b)):
        return NotImplemented
    if name == "power" and isinstance(a, ndarray):
        fast = _fast_power(a, b)
        if fast is not None:
            return getattr(_ns(), fast)(a)
    return getattr(_ns(), name)(a, b)


def inplace(name, a, b):
    if not _operand(b):
        return NotImplemented
    if name == "power":
        fast = _fast_power(a, b)
        if fast is not None:
            getattr(_ns(), fast)(a, out=a)
            return a
    getattr(_ns(), name)(a, b, out=a)
    return a


def compare(a, b, op):
    if not _operand(b):
        return NotImplemented
    return getattr(_ns(), _COMPARISONS[op])(a, b)


def negative(a):
    return _ns().negative(a)


def positive(a):
    return _ns().positive(a)


def absolute(a):
    return _ns().absolute(a)


def invert(a):
    return _ns().invert(a)


def _to_cupy(x):
    if isinstance(x, numpy.ndarray) and x.ndim > 0:
        return None
    return x


def array_ufunc(np_ufunc, method, inputs, kwargs):
    """``numpy.<ufunc>(cupy_array, ...)`` runs the cupy ufunc of the same name."""
    cp = _ns()
    f = getattr(cp, np_ufunc.__name__, None)
    if f is None or not isinstance(f, cp.ufunc):
        return NotImplemented
    if any(isinstance(x, numpy.ndarray) and x.ndim > 0 for x in inputs):
        return NotImplemented
    out = kwargs.get("out")
    if out is not None:
        if any(not isinstance(o, ndarray) for o in out):
            return NotImplemented
        kwargs = dict(kwargs, out=out if len(out) > 1 else out[0])
    if method == "__call__":
        return f(*inputs, **kwargs)
    m = getattr(f, method, None)
    if m is None:
        return NotImplemented
    return m(*inputs, **kwargs)


def array_function(func, types, args, kwargs):
    """``numpy.<function>(cupy_array, ...)`` runs the cupy function of the same name."""
    cp = _ns()
    target = cp
    for part in func.__module__.split(".")[1:]:
        if part.startswith("_"):
            continue
        target = getattr(target, part, None)
        if target is None:
            return NotImplemented
    f = getattr(target, func.__name__, None)
    if f is None or f is func:
        return NotImplemented
    return f(*args, **kwargs)
