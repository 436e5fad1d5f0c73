"""Shared checks and conversions of ``cupy.linalg``: NumPy's type rules and shape checks, the
column-major layout the solvers work in, and turning solver statuses into LinAlgError."""
import numpy

import cupy
from cupy._core.core import ndarray

LinAlgError = numpy.linalg.LinAlgError

_REAL = {"f": numpy.dtype(numpy.float32), "d": numpy.dtype(numpy.float64),
         "F": numpy.dtype(numpy.float32), "D": numpy.dtype(numpy.float64)}


def asarray(x):
    return x if isinstance(x, ndarray) else cupy.asarray(x)


def linalg_type(*arrays):
    """The type the solvers compute in and return, by NumPy's rules: float32 and complex64
    stay single precision, anything else that is not inexact becomes float64, and a complex
    operand makes the result complex; float16 and longdouble are rejected.

    NumPy runs single precision through its double-precision LAPACK and rounds the results;
    GPUs run double precision 2 to 64 times slower than single, so single precision is
    computed in single precision here, as in CuPy (results agree with NumPy's to single
    precision, not to the last bit).
    """
    single = True
    is_complex = False
    for a in arrays:
        dt = a.dtype
        if dt.kind in "fc":
            if dt.char not in _REAL:
                raise TypeError(f"array type {dt.name} is unsupported in linalg")
            is_complex |= dt.kind == "c"
            single &= _REAL[dt.char] == numpy.float32
        else:
            single = False
    if is_complex:
        return numpy.dtype(numpy.complex64 if single else numpy.complex128)
    return numpy.dtype(numpy.float32 if single else numpy.float64)


def real_type(dtype):
    return _REAL[numpy.dtype(dtype).char]


def assert_2d(*arrays):
    for a in arrays:
        if a.ndim != 2:
            raise LinAlgError(f"{a.ndim}-dimensional array given. Array must be "
                              f"two-dimensional")


def assert_stacked_2d(*arrays):
    for a in arrays:
        if a.ndim < 2:
            raise LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least "
                              f"two-dimensional")


def assert_stacked_square(*arrays):
    assert_stacked_2d(*arrays)
    for a in arrays:
        if a.shape[-1] != a.shape[-2]:
            raise LinAlgError("Last 2 dimensions of the array must be square")


def prod(shape):
    p = 1
    for s in shape:
        p *= s
    return p


def column_major(a, dtype):
    """A fresh C-contiguous ``(B, n, m)`` array holding each ``m x n`` matrix of ``a``
    (..., m, n) column-major, cast to ``dtype``: what the solvers overwrite in place."""
    m, n = a.shape[-2:]
    out = cupy.empty(a.shape[:-2] + (n, m), dtype)
    out[...] = a.swapaxes(-1, -2)
    return out.reshape(prod(a.shape[:-2]), n, m)


def check_info(info, message):
    """Raise LinAlgError(message) when a solver reported a failure in ``info``.

    Any nonzero status counts, as in NumPy: besides numerical failures (positive), LAPACK
    flags NaN input as an illegal argument (negative). This reads ``info`` back from the
    device, i.e. it waits for the factorization; NumPy's semantics (an exception for a
    singular matrix) require it.
    """
    if info.size and info.get().any():
        raise LinAlgError(message)


def new_info(batch):
    return cupy.zeros(batch, numpy.int32)


def batch_eye(batch_shape, n, m, dtype):
    """Identity matrices (n x m) stacked to ``batch_shape``, C-contiguous."""
    out = cupy.zeros(tuple(batch_shape) + (n, m), dtype)
    if out.size:
        out.diagonal(0, -2, -1)[...] = 1
    return out
