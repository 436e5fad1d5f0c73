"""Binary search in a sorted array: searchsorted."""
import numpy

from cupy._core.core import ndarray
from cupy._sorting import _sort_kernels

__all__ = ["searchsorted"]


def _as_device(a):
    if isinstance(a, ndarray):
        return a
    import cupy
    return cupy.asarray(a)


def _value_dtype(v):
    # NumPy compares in the dtype that holds both operands, with Python scalars taking their
    # default dtypes (searchsorted(float32 array, 0.1) compares in float64).
    if isinstance(v, ndarray):
        return v.dtype
    return numpy.asarray(v).dtype


def _check_sorter(sorter, n):
    import cupy
    sorter = _as_device(sorter)
    if sorter.dtype.kind not in "iu":
        raise TypeError("sorter must only contain integers")
    if sorter.ndim != 1:
        raise TypeError("could not parse sorter argument")
    if sorter.size != n:
        raise ValueError("sorter.size must equal a.size")
    # NumPy finds a bad index only where the search reads it; checking all of them (one sync)
    # also catches those.
    if n and (int(sorter.min()) < 0 or int(sorter.max()) >= n):
        raise ValueError("Sorter index out of range.")
    return cupy.ascontiguousarray(sorter.astype(numpy.int64, copy=False))


def searchsorted(a, v, side="left", sorter=None):
    """Indices where elements of ``v`` would be inserted into ``a`` to keep it sorted.

    ``a`` must be sorted ascending in NumPy's order (NaN last), or ``sorter`` must give the
    indices that sort it. ``side='left'`` gives the first suitable index, ``'right'`` the last.

    Args:
        a (cupy.ndarray): 1-d input array.
        v (cupy.ndarray or scalar): values to insert.
        side (str): ``'left'`` or ``'right'``.
        sorter (cupy.ndarray): optional int indices that sort ``a`` (such as ``argsort(a)``).

    Returns:
        cupy.ndarray: int64 insertion indices with the shape of ``v`` (0-d for a scalar).

    .. seealso:: :func:`numpy.searchsorted`

    Example:
        >>> cupy.searchsorted(cupy.array([1, 2, 3, 4, 5]), cupy.array([-10, 3, 10]))
        array([0, 2, 5])
    """
    import cupy
    if not isinstance(side, str):
        raise TypeError(f"search side must be str, not {type(side).__name__}")
    if side not in ("left", "right"):
        raise ValueError(f"search side must be 'left' or 'right' (got {side!r})")
    a = _as_device(a)
    if a.ndim == 0:
        raise ValueError("object of too small depth for desired array")
    if a.ndim > 1:
        raise ValueError("object too deep for desired array")
    n = a.shape[0]
    dtype = numpy.promote_types(a.dtype, _value_dtype(v))
    if sorter is not None:
        sorter = _check_sorter(sorter, n)
    keys = cupy.ascontiguousarray(a.astype(dtype, copy=False))
    values = _as_device(v).astype(dtype, copy=False)
    out = ndarray(values.shape, numpy.int64)
    _sort_kernels.kernel("searchsorted", dtype)(
        keys, values, sorter if sorter is not None else ndarray((1,), numpy.int64), n,
        side == "right", sorter is not None, out)
    return out
