"""Copying values between arrays: copyto."""
import numpy

import cupy
from cupy._core.core import ndarray
from cupy._core._kernel import ElementwiseKernel

__all__ = ["copyto"]

# Where-masked copy: elements with a false mask keep dst's value. _cupy_cast gives NumPy's
# value conversion (complex -> real drops the imaginary part, float -> int truncates).
_copy_where = ElementwiseKernel(
    "S src, bool w", "D dst", "if (w) dst = _cupy_cast<D>(src)", "cupy_copyto_where")


def _may_overlap(a, b):
    """Conservative test of whether two arrays touch the same bytes."""
    if a.size == 0 or b.size == 0:
        return False

    def extent(x):
        lo = hi = x.data.ptr
        for n, s in zip(x.shape, x.strides):
            if s < 0:
                lo += s * (n - 1)
            else:
                hi += s * (n - 1)
        return lo, hi + x.itemsize
    alo, ahi = extent(a)
    blo, bhi = extent(b)
    return alo < bhi and blo < ahi


def copyto(dst, src, casting="same_kind", where=True):
    """Copies values from one array to another with broadcasting.

    Args:
        dst (cupy.ndarray): Target array.
        src (cupy.ndarray or array_like): Source values, broadcast to ``dst.shape``.
        casting (str): Casting rule checked between ``src``'s and ``dst``'s dtypes.
        where (cupy.ndarray or bool): Elements of ``dst`` to overwrite; broadcast to
            ``dst.shape``.

    .. seealso:: :func:`numpy.copyto`

    Example:
        >>> dst = cupy.zeros((2, 3))
        >>> cupy.copyto(dst, cupy.arange(3), where=cupy.array([True, False, True]))
        >>> dst
        array([[0., 0., 2.],
               [0., 0., 2.]])
    """
    if not isinstance(dst, ndarray):
        raise TypeError(f"copyto() argument 1 must be cupy.ndarray, not {type(dst).__name__}")
    if type(src) in (bool, int, float, complex):
        # NEP 50: a Python scalar is weak, so it takes dst's dtype unless its kind is higher.
        src_dtype = numpy.result_type(dst.dtype, src)
        what = "scalar"
    else:
        if not isinstance(src, ndarray):
            src = cupy.asarray(src)
        src_dtype = src.dtype
        what = "array data"
    if not numpy.can_cast(src_dtype, dst.dtype, casting=casting):
        raise TypeError(f"Cannot cast {what} from {src_dtype!r} to {dst.dtype!r} "
                        f"according to the rule '{casting}'")
    if type(src) is int and src_dtype == dst.dtype and dst.dtype.kind in "iu":
        numpy.array(src, dtype=dst.dtype)    # out-of-range Python int: OverflowError
    if isinstance(src, ndarray):
        try:
            shape = numpy.broadcast_shapes(src.shape, dst.shape)
        except ValueError:
            shape = None
        if shape != dst.shape:
            raise ValueError(f"could not broadcast input array from shape {src.shape} "
                             f"into shape {dst.shape}")
    if where is True or (isinstance(where, (bool, numpy.bool_)) and where):
        dst[...] = src
        return
    if isinstance(where, (bool, numpy.bool_)):
        return    # where=False: nothing to copy
    if not isinstance(where, ndarray):
        where = cupy.asarray(where)
    if where.dtype != numpy.bool_:
        where = where.astype(numpy.bool_)
    try:
        shape = numpy.broadcast_shapes(where.shape, dst.shape)
    except ValueError:
        shape = None
    if shape != dst.shape:
        raise ValueError(f"could not broadcast where mask from shape {where.shape} "
                         f"into shape {dst.shape}")
    if dst.size == 0:
        return
    if not isinstance(src, ndarray):
        src = cupy.asarray(numpy.array(src, dtype=src_dtype))
    # The kernel reads src while writing dst: an aliasing source must be read first.
    if _may_overlap(src, dst):
        src = src.copy()
    if _may_overlap(where, dst):
        where = where.copy()
    _copy_where(src, where, dst)
