"""Helpers shared by the manipulation routines."""
import numpy
from numpy.lib.array_utils import normalize_axis_index, normalize_axis_tuple  # NOQA

import cupy
from cupy._core.core import ndarray


def as_device(a):
    """``a`` as a ``cupy.ndarray``: arrays pass through, host data is uploaded once."""
    if isinstance(a, ndarray):
        return a
    return cupy.asarray(a)


def view_with(a, shape, strides):
    """A view of ``a``'s memory with the given shape and byte strides (no copy)."""
    return ndarray(tuple(shape), a.dtype, memptr=a.data, strides=tuple(strides))


def slice_at_axis(sl, axis):
    """Index tuple applying ``sl`` along ``axis`` and taking everything else."""
    return (slice(None),) * axis + (sl,) + (Ellipsis,)


def is_int_like(x):
    """Python or NumPy integer (not bool)."""
    return isinstance(x, (int, numpy.integer)) and not isinstance(x, (bool, numpy.bool_))
