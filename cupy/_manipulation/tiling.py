"""Tiling arrays: tile, repeat."""
import numpy

import cupy
from cupy._core.core import ndarray
from cupy._core._kernel import ElementwiseKernel
from cupy._manipulation._util import as_device, normalize_axis_index

__all__ = ["tile", "repeat"]


def tile(A, reps):
    """Constructs an array by repeating ``A`` the number of times given by ``reps``.

    The result is written by one broadcast copy: ``A`` seen as ``(1, s0, 1, s1, ...)`` is
    copied into the output viewed as ``(r0, s0, r1, s1, ...)``.

    Args:
        A (array_like): The input array.
        reps (int or sequence of ints): Repetitions along each axis.

    .. seealso:: :func:`numpy.tile`

    Example:
        >>> cupy.tile(cupy.array([0, 1]), (2, 2))
        array([[0, 1, 0, 1],
               [0, 1, 0, 1]])
    """
    try:
        tup = tuple(int(r) for r in reps)
    except TypeError:
        tup = (int(reps),)
    c = as_device(A)
    d = len(tup)
    if c.ndim < d:
        c = c.reshape((1,) * (d - c.ndim) + c.shape)
    tup = (1,) * (c.ndim - d) + tup
    if any(r < 0 for r in tup):
        raise ValueError("negative dimensions are not allowed")
    shape_out = tuple(s * r for s, r in zip(c.shape, tup))
    out = cupy.empty(shape_out, c.dtype)
    if out.size:
        interleaved = tuple(x for r, s in zip(tup, c.shape) for x in (r, s))
        src = c.reshape(tuple(x for s in c.shape for x in (1, s)))
        out.reshape(interleaved)[...] = src    # broadcasts along each repetition axis
    return out


# One thread per input position writes that position into its run of output slots.
_repeat_index = ElementwiseKernel(
    "int64 start, int64 count", "raw int64 idx",
    "for (long long k = 0; k < count; ++k) idx[start + k] = i;",
    "cupy_repeat_index")


def _repeat_counts(repeats):
    """``repeats`` as a Python int (uniform) or a 1-d int64 device array."""
    if isinstance(repeats, ndarray):
        if repeats.dtype.kind not in "iub" or not numpy.can_cast(
                repeats.dtype, numpy.intp, "safe"):
            raise TypeError(f"Cannot cast array data from {repeats.dtype!r} to "
                            "dtype('int64') according to the rule 'safe'")
        if repeats.ndim > 1:
            raise ValueError("repeats must be a scalar or a 1-d array")
        if repeats.size == 1:
            return int(repeats.reshape(()))
        r = repeats.astype(numpy.int64)
        if bool((r < 0).any()):
            raise ValueError("repeats may not contain negative values.")
        return r
    host = numpy.asarray(repeats)
    if host.ndim > 1:
        raise ValueError("repeats must be a scalar or a 1-d array")
    if host.size == 1:
        return int(host.reshape(()))
    if host.dtype.kind == "u" and not numpy.can_cast(host.dtype, numpy.intp, "safe"):
        raise TypeError(f"Cannot cast array data from {host.dtype!r} to dtype('int64') "
                        "according to the rule 'safe'")
    host = host.astype(numpy.int64)
    if (host < 0).any():
        raise ValueError("repeats may not contain negative values.")
    return cupy.asarray(host)


def repeat(a, repeats, axis=None):
    """Repeats each element of an array.

    Args:
        a (cupy.ndarray): Input array.
        repeats (int or sequence of ints or cupy.ndarray): Repetitions of each element,
            one count for all or one per position along ``axis``.
        axis (int or None): The axis to repeat along; ``None`` repeats the flattened array.

    .. seealso:: :func:`numpy.repeat`

    Example:
        >>> cupy.repeat(cupy.array([[1, 2], [3, 4]]), [1, 2], axis=0)
        array([[1, 2],
               [3, 4],
               [3, 4]])
    """
    a = as_device(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    else:
        axis = normalize_axis_index(axis, a.ndim)
    counts = _repeat_counts(repeats)
    n = a.shape[axis]
    if isinstance(counts, int):
        if counts < 0:
            raise ValueError("negative dimensions are not allowed")
        # Uniform counts: one broadcast copy through a new axis after ``axis``.
        shape = a.shape[:axis + 1] + (counts,) + a.shape[axis + 1:]
        out = cupy.empty(shape, a.dtype)
        if out.size:
            out[...] = a[(slice(None),) * (axis + 1) + (None,)]
        return out.reshape(a.shape[:axis] + (n * counts,) + a.shape[axis + 1:])
    if counts.shape[0] != n:
        raise ValueError(f"operands could not be broadcast together with shape ({n},) "
                         f"({counts.shape[0]},)")
    # Per-element counts: an exclusive prefix sum gives each input's first output slot; a
    # gather through the resulting source indices builds the result.
    ends = cupy.cumsum(counts)
    total = int(ends[-1]) if n else 0
    idx = cupy.empty(total, numpy.int64)
    if total:
        _repeat_index(ends - counts, counts, idx)
    return a[(slice(None),) * axis + (idx,)]
