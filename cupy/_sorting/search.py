"""Searching: where."""
import numpy

from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import ALL
from cupy._core.core import ndarray

__all__ = ["where"]

_where = create_ufunc(
    "where", tuple("?" + c + c + "->" + c for c in ALL), "out0 = in0 ? in1 : in2",
    doc="Elementwise ``x if condition else y`` (the kernel of :func:`where`).")


def _dtype_operand(x):
    # Python scalars stay weak (NEP 50); arrays and NumPy scalars contribute their dtype.
    if isinstance(x, ndarray):
        return x.dtype
    if isinstance(x, (bool, int, float, complex)):
        return x
    return numpy.asarray(x).dtype


def where(condition, x=None, y=None):
    """``x`` where ``condition`` is True, ``y`` elsewhere; with only ``condition``, the
    indices of its non-zero elements (``cupy.nonzero(condition)``).

    The result dtype is NumPy's ``result_type(x, y)`` (Python scalars are weak).

    .. seealso:: :func:`numpy.where`
    """
    import cupy
    if x is None and y is None:
        return cupy.nonzero(condition)
    if x is None or y is None:
        raise ValueError("either both or neither of x and y should be given")
    if isinstance(condition, numpy.ndarray):
        # As for every ufunc operand: no implicit host-to-device copies.
        raise TypeError(f"Unsupported type {type(condition)}")
    if not isinstance(condition, ndarray):
        condition = cupy.asarray(condition)
    if condition.dtype.kind != "b":
        condition = condition.astype(numpy.bool_)
    dtype = numpy.result_type(_dtype_operand(x), _dtype_operand(y))
    return _where(condition, x, y, dtype=dtype)
