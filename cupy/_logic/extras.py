"""Array-wide comparisons and memory-overlap tests: allclose, isclose, array_equal,
array_equiv, isneginf, isposinf, isfortran, may_share_memory, shares_memory.

The whole-array answers (``allclose``, ``array_equal``, ``array_equiv``) are 0-d boolean
device arrays, as in CuPy, so that computing them does not wait for the device.
"""
import numpy

import cupy
from cupy._core.core import ndarray

__all__ = ["allclose", "isclose", "array_equal", "array_equiv", "isneginf", "isposinf",
           "isfortran", "may_share_memory", "shares_memory"]


def _asarray(x):
    return x if isinstance(x, ndarray) else cupy.asarray(x)


def isclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    """True where ``|a - b| <= atol + rtol * |b|`` (infinities must match exactly).

    Example:
        >>> cupy.isclose(cupy.array([1e10, 1e-8]), cupy.array([1.00001e10, 1e-9]))
        array([ True,  True])

    .. seealso:: :func:`numpy.isclose`
    """
    x, y = (v if isinstance(v, (int, float, complex)) else _asarray(v) for v in (a, b))
    if isinstance(y, ndarray):
        y = y.astype(numpy.result_type(y.dtype, 1.), copy=False)
    elif isinstance(y, int):
        y = float(y)
    result = (cupy.less_equal(abs(x - y), atol + rtol * abs(y)) & cupy.isfinite(y)) | (x == y)
    if equal_nan:
        result = result | (cupy.isnan(x) & cupy.isnan(y))
    return _asarray(result)


def allclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    """Whether :func:`isclose` holds everywhere (a 0-d boolean array).

    Example:
        >>> cupy.allclose(cupy.array([1., 2.]), cupy.array([1., 2.000001]))
        array(True)

    .. seealso:: :func:`numpy.allclose`
    """
    return isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan).all()


def array_equal(a1, a2, equal_nan=False):
    """Whether the arrays have the same shape and elements (a 0-d boolean array).

    Example:
        >>> cupy.array_equal(cupy.array([1, 2]), cupy.array([1, 2]))
        array(True)

    .. seealso:: :func:`numpy.array_equal`
    """
    a1 = _asarray(a1)
    a2 = _asarray(a2)
    if a1.shape != a2.shape:
        return cupy.array(False)
    eq = a1 == a2
    if equal_nan and (a1.dtype.kind in "fc" or a2.dtype.kind in "fc"):
        eq = eq | (cupy.isnan(a1) & cupy.isnan(a2))
    return eq.all()


def array_equiv(a1, a2):
    """Whether the arrays broadcast to one shape and are equal there (a 0-d boolean array).

    Example:
        >>> cupy.array_equiv(cupy.array([1, 2]), cupy.array([[1, 2], [1, 2]]))
        array(True)

    .. seealso:: :func:`numpy.array_equiv`
    """
    a1 = _asarray(a1)
    a2 = _asarray(a2)
    try:
        numpy.broadcast_shapes(a1.shape, a2.shape)
    except ValueError:
        return cupy.array(False)
    return (a1 == a2).all()


def _signed_inf(x, out, positive):
    x = _asarray(x)
    if x.dtype.kind == "c":
        raise TypeError("This operation is not supported for complex values because it "
                        "would be ambiguous.")
    inf = cupy.isinf(x)
    if x.dtype.kind != "f":
        # Integers and booleans are never infinite.
        return cupy.logical_and(inf, False, out=out)
    sign = cupy.signbit(x)
    return cupy.logical_and(inf, ~sign if positive else sign, out=out)


def isposinf(x, out=None):
    """True where the element is +inf.

    Example:
        >>> cupy.isposinf(cupy.array([cupy.inf, -cupy.inf, 1.]))
        array([ True, False, False])

    .. seealso:: :func:`numpy.isposinf`
    """
    return _signed_inf(x, out, True)


def isneginf(x, out=None):
    """True where the element is -inf.

    Example:
        >>> cupy.isneginf(cupy.array([cupy.inf, -cupy.inf, 1.]))
        array([False,  True, False])

    .. seealso:: :func:`numpy.isneginf`
    """
    return _signed_inf(x, out, False)


def isfortran(a):
    """True when ``a`` is Fortran-contiguous and not also C-contiguous.

    Example:
        >>> cupy.isfortran(cupy.ones((2, 3), order="F"))
        True

    .. seealso:: :func:`numpy.isfortran`
    """
    return bool(a.flags.f_contiguous and not a.flags.c_contiguous)


def _extent(x):
    """The byte range ``[lo, hi)`` that ``x`` touches (empty for an empty array)."""
    lo = hi = x.data.ptr
    for n, s in zip(x.shape, x.strides):
        if n == 0:
            return lo, lo
        if s < 0:
            lo += (n - 1) * s
        else:
            hi += (n - 1) * s
    return lo, hi + x.itemsize


def _bounds_overlap(a, b):
    if a.size == 0 or b.size == 0:
        return False
    (lo1, hi1), (lo2, hi2) = _extent(a), _extent(b)
    return lo1 < hi2 and lo2 < hi1


# Above this many elements per array, an exact answer is refused (TooHardError).
_EXACT_LIMIT = 1 << 22


def _byte_starts(x):
    """Sorted byte offsets of the elements of ``x`` (host metadata only; no data is read)."""
    offsets = numpy.zeros((), numpy.int64)
    for n, s in zip(x.shape, x.strides):
        offsets = numpy.add.outer(offsets, numpy.arange(n, dtype=numpy.int64) * s)
    return numpy.unique(offsets.ravel() + x.data.ptr)


def may_share_memory(a, b, max_work=None):
    """Whether ``a`` and ``b`` might share memory.

    By default (and with ``max_work=0``) only the spanned byte ranges are compared, which
    reports interleaved views as sharing; any other ``max_work`` runs
    :func:`shares_memory` and answers True when that gives up.

    Example:
        >>> x = cupy.arange(10)
        >>> cupy.may_share_memory(x[::2], x[1::2])
        True

    .. seealso:: :func:`numpy.may_share_memory`
    """
    if not isinstance(a, ndarray) or not isinstance(b, ndarray):
        return False
    if max_work is None or max_work == 0:
        return _bounds_overlap(a, b)
    try:
        return shares_memory(a, b, max_work=max_work)
    except numpy.exceptions.TooHardError:
        return True


def shares_memory(a, b, max_work=None):
    """Whether ``a`` and ``b`` share memory.

    The default answer is exact. Arrays whose spanned byte ranges are disjoint share
    nothing; when the ranges overlap and either array is contiguous (it covers its whole
    range) they share; otherwise every element's byte interval is enumerated from the
    shapes and strides (host metadata only, no data is read). The enumeration is refused
    with :class:`numpy.exceptions.TooHardError` for ``max_work=0`` and, for a positive
    ``max_work``, when an array has more than ``max_work`` elements (by default, more
    than ``2**22``).

    Example:
        >>> x = cupy.arange(10)
        >>> cupy.shares_memory(x[::2], x[1::2])
        False

    .. seealso:: :func:`numpy.shares_memory`
    """
    if not isinstance(a, ndarray) or not isinstance(b, ndarray):
        # A freshly converted object cannot share memory with anything.
        return False
    if not _bounds_overlap(a, b):
        return False
    if max_work == 0:
        raise numpy.exceptions.TooHardError("Exceeded max_work")
    # A contiguous array touches every byte of its span, and the spans overlap.
    if a.flags.c_contiguous or a.flags.f_contiguous or b.flags.c_contiguous \
            or b.flags.f_contiguous:
        return True
    limit = _EXACT_LIMIT if max_work is None or max_work < 0 else max_work
    if a.size > limit or b.size > limit:
        raise numpy.exceptions.TooHardError("Exceeded max_work")
    sa, sb = _byte_starts(a), _byte_starts(b)
    # Intervals [s, s + itemsize) of a and b intersect when some b start lies in
    # (sa - ib, sa + ia) for an a start sa.
    ia, ib = a.itemsize, b.itemsize
    first = numpy.searchsorted(sb, sa - ib, side="right")
    last = numpy.searchsorted(sb, sa + ia, side="left")
    return bool((last > first).any())
