"""cupy: a NumPy-compatible array library for NVIDIA GPUs (and a CPU host device)."""
__version__ = "0.1.0"

import numpy as _numpy

from cupy import cuda  # NOQA
from cupy import exceptions  # NOQA
from cupy._core.core import ndarray  # NOQA
from cupy._core.flatiter import flatiter  # NOQA
from cupy._core._kernel import ElementwiseKernel  # NOQA
from cupy._core._reduction import ReductionKernel  # NOQA
from cupy._core._ufunc import ufunc, create_ufunc  # NOQA
from cupy._core.raw import RawKernel, RawModule  # NOQA
from cupy.cuda.memory import get_default_memory_pool  # NOQA
from cupy.cuda.pinned_memory import get_default_pinned_memory_pool  # NOQA
from cupyx._runtime import show_config  # NOQA

# --- dtypes and constants (NumPy's objects) ---------------------------------------------------
from numpy import (  # NOQA
    bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32,
    float64, complex64, complex128, byte, ubyte, short, ushort, intc, uintc, int_, uint,
    longlong, ulonglong, intp, uintp, half, single, double, csingle, cdouble,
    generic, number, integer, signedinteger, unsignedinteger, inexact, floating,
    complexfloating, dtype, finfo, iinfo, can_cast, result_type, promote_types,
    min_scalar_type, common_type, issubdtype, e, pi, inf, nan, newaxis, euler_gamma,
)
bool = _numpy.bool  # NOQA  (NumPy 2's name for bool_)

# --- creation ------------------------------------------------------------------------------------
from cupy._creation.basic import (  # NOQA
    empty, empty_like, zeros, zeros_like, ones, ones_like, full, full_like)
from cupy._creation.from_data import (  # NOQA
    array, asarray, asanyarray, ascontiguousarray, asfortranarray, copy)
from cupy._creation.ranges import arange, linspace, logspace  # NOQA
from cupy._creation.matrix import eye, identity, tri, tril, triu, diag, diagflat  # NOQA
from cupy._creation.extras import *  # NOQA

# --- routines (each package re-exports its modules' ``__all__``) ---------------------------------
from cupy._math import *  # NOQA
from cupy._logic import *  # NOQA
from cupy._binary import *  # NOQA
from cupy._statistics import *  # NOQA
from cupy._sorting import *  # NOQA
from cupy._indexing import *  # NOQA
from cupy import random  # NOQA
from cupy.linalg._product import *  # NOQA
from cupy.linalg._einsum import einsum  # NOQA
from cupy.linalg._extras import matrix_transpose, vecdot, matvec, vecmat  # NOQA
from cupy import linalg  # NOQA
from cupy import fft  # NOQA
from cupy._manipulation import *  # NOQA
from cupy._io import *  # NOQA


def asnumpy(a, stream=None, order="C", out=None, *, blocking=True):
    """``a`` as a ``numpy.ndarray`` (copied from the device when it is a ``cupy.ndarray``).

    Example:
        >>> cupy.asnumpy(cupy.arange(3))
        array([0, 1, 2])
    """
    if isinstance(a, ndarray):
        return a.get(stream=stream, order=order, out=out, blocking=blocking)
    if hasattr(a, "__cuda_array_interface__"):
        raise TypeError("objects with __cuda_array_interface__ other than cupy.ndarray are "
                        "not supported")
    if out is None:
        return _numpy.asarray(a, order=order)
    out[...] = a
    return out


def get_array_module(*args):
    """``cupy`` when any argument is a ``cupy.ndarray``, else ``numpy``.

    Example:
        >>> xp = cupy.get_array_module(cupy.arange(2))
        >>> xp.__name__
        'cupy'
    """
    import cupy
    for a in args:
        if isinstance(a, ndarray):
            return cupy
    return _numpy


def isscalar(element):
    """True for Python and NumPy scalars (not for 0-d arrays)."""
    return _numpy.isscalar(element)


def ndim(a):
    """Number of dimensions of ``a``."""
    if isinstance(a, ndarray):
        return a.ndim
    return _numpy.ndim(a)


def shape(a):
    """Shape of ``a``."""
    if isinstance(a, ndarray):
        return a.shape
    return _numpy.shape(a)


def size(a, axis=None):
    """Number of elements of ``a`` (along ``axis``)."""
    if isinstance(a, ndarray):
        return a.size if axis is None else a.shape[axis]
    return _numpy.size(a, axis)
