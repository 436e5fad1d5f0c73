"""Content tests: isfinite, isinf, isnan, isreal, iscomplex, isrealobj, iscomplexobj."""
import numpy

from cupy._core.core import ndarray
from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import ALL, by_group

__all__ = ["isfinite", "isinf", "isnan", "isreal", "iscomplex", "isrealobj", "iscomplexobj"]

_TABLE = tuple(c + "->?" for c in ALL)


def _test(name, fn, integral, doc):
    # Booleans and integers are always finite and never infinite or NaN.
    return create_ufunc(
        name, by_group(_TABLE, bool=f"out0 = {integral}", int=f"out0 = {integral}",
                       default=f"out0 = {fn}(in0)"),
        doc=doc)


isfinite = _test("isfinite", "isfinite", "true", """True where the element is finite.

    .. seealso:: :data:`numpy.isfinite`
    """)
isinf = _test("isinf", "isinf", "false", """True where the element is infinite (either part
    for complex numbers).

    .. seealso:: :data:`numpy.isinf`
    """)
isnan = _test("isnan", "isnan", "false", """True where the element is NaN (either part for
    complex numbers).

    .. seealso:: :data:`numpy.isnan`
    """)


def iscomplexobj(x):
    """True when ``x`` has a complex dtype (whatever its values).

    .. seealso:: :func:`numpy.iscomplexobj`
    """
    if isinstance(x, ndarray):
        return x.dtype.kind == "c"
    return numpy.iscomplexobj(x)


def isrealobj(x):
    """True when ``x`` does not have a complex dtype.

    .. seealso:: :func:`numpy.isrealobj`
    """
    return not iscomplexobj(x)


def _as_array(x):
    import cupy
    return x if isinstance(x, ndarray) else cupy.asarray(x)


def isreal(x):
    """True where the imaginary part is zero.

    .. seealso:: :func:`numpy.isreal`
    """
    import cupy
    x = _as_array(x)
    if x.dtype.kind != "c":
        return cupy.ones(x.shape, dtype=bool)
    return x.imag == 0


def iscomplex(x):
    """True where the imaginary part is non-zero.

    .. seealso:: :func:`numpy.iscomplex`
    """
    import cupy
    x = _as_array(x)
    if x.dtype.kind != "c":
        return cupy.zeros(x.shape, dtype=bool)
    return x.imag != 0
