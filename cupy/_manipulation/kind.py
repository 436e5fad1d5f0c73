"""Arrays of a required kind: require, astype."""
import cupy
from cupy._core.core import ndarray

__all__ = ["astype", "require"]

_FLAGS = {"C": "C", "C_CONTIGUOUS": "C", "CONTIGUOUS": "C",
          "F": "F", "F_CONTIGUOUS": "F", "FORTRAN": "F",
          "A": "A", "ALIGNED": "A",
          "W": "W", "WRITEABLE": "W",
          "O": "O", "OWNDATA": "O",
          "E": "E", "ENSUREARRAY": "E"}


def require(a, dtype=None, requirements=None):
    """An array of ``dtype`` that satisfies ``requirements``, copied only when needed.

    Args:
        a (array_like): Input.
        dtype (dtype): Required data type.
        requirements (str or sequence of str): Flags among ``'C'`` (C-contiguous),
            ``'F'`` (Fortran-contiguous), ``'O'`` (owns its data), ``'A'`` (aligned),
            ``'W'`` (writeable) and ``'E'`` (a base-class array). Device memory is always
            aligned and writeable and there are no subclasses, so ``'A'``, ``'W'`` and
            ``'E'`` never force a copy.

    .. seealso:: :func:`numpy.require`

    Example:
        >>> x = cupy.arange(6).reshape(2, 3).T
        >>> cupy.require(x, requirements="C").flags.c_contiguous
        True
    """
    if not requirements:
        return cupy.asarray(a, dtype=dtype)
    reqs = {_FLAGS[r.upper()] for r in requirements}
    if reqs >= {"C", "F"}:
        raise ValueError('Cannot specify both "C" and "F" order')
    order = "F" if "F" in reqs else "C" if "C" in reqs else "A"
    if isinstance(a, ndarray):
        arr = cupy.array(a, dtype=dtype, copy=False, order=order)
    else:
        arr = cupy.array(a, dtype=dtype, order=order)
    if "O" in reqs and not arr.flags.owndata:
        return arr.copy(order)
    return arr


def astype(x, dtype, /, *, copy=True, device=None):
    """Copies an array to a given data type (the array API's function form of
    :meth:`cupy.ndarray.astype`).

    Args:
        x (cupy.ndarray): Input array.
        dtype (dtype): Data type of the result.
        copy (bool): If False and ``x`` already has ``dtype``, ``x`` itself is returned.
        device: Must be None or the device ``x`` is on.

    Returns:
        cupy.ndarray: ``x`` converted to ``dtype`` (unsafe casting, as ``ndarray.astype``).

    .. seealso:: :func:`numpy.astype`

    Example:
        >>> cupy.astype(cupy.array([1.5, -2.5]), cupy.int32)
        array([ 1, -2], dtype=int32)
    """
    if not isinstance(x, ndarray):
        raise TypeError(f"Input should be a CuPy array. It is a {type(x)} instead.")
    if device is not None and device != x.device:
        raise ValueError(f"astype cannot move arrays between devices ({x.device} to {device})")
    return x.astype(dtype, copy=copy)
