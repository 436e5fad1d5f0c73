"""Logical operations: logical_and, logical_or, logical_xor, logical_not (non-zero is True)."""
from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import ALL

__all__ = ["logical_and", "logical_or", "logical_xor", "logical_not"]

_B0 = "_cupy_cast<bool>(in0)"
_B1 = "_cupy_cast<bool>(in1)"
_BINARY = tuple(c + c + "->?" for c in ALL)

logical_and = create_ufunc(
    "logical_and", _BINARY, f"out0 = {_B0} && {_B1}", identity=True,
    doc="""Elementwise truth value of ``x1 AND x2``.

    .. seealso:: :data:`numpy.logical_and`
    """)
logical_or = create_ufunc(
    "logical_or", _BINARY, f"out0 = {_B0} || {_B1}", identity=False,
    doc="""Elementwise truth value of ``x1 OR x2``.

    .. seealso:: :data:`numpy.logical_or`
    """)
logical_xor = create_ufunc(
    "logical_xor", _BINARY, f"out0 = {_B0} != {_B1}", identity=False,
    doc="""Elementwise truth value of ``x1 XOR x2``.

    .. seealso:: :data:`numpy.logical_xor`
    """)
logical_not = create_ufunc(
    "logical_not", tuple(c + "->?" for c in ALL), f"out0 = !{_B0}",
    doc="""Elementwise truth value of ``NOT x``.

    .. seealso:: :data:`numpy.logical_not`
    """)
