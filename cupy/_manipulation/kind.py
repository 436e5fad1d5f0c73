"""Arrays that satisfy requirements: require."""
import cupy
from cupy._core.core import ndarray

__all__ = ["require"]

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
