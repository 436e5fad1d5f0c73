"""Order statistics: amax, amin (max, min), nanmax, nanmin, ptp."""
import warnings

from cupy._core._reduction import SimpleReduction

__all__ = ["amax", "amin", "max", "min", "nanmax", "nanmin", "ptp"]

_SAME = tuple(c + "->" + c for c in "?bBhHiIlLqQefdFD")
# No identity: the maximum of an empty range is an error, not -inf.
_amax = SimpleReduction("maximum", _SAME, "_cupy_max(a, b)", None)
_amin = SimpleReduction("minimum", _SAME, "_cupy_min(a, b)", None)
_nanmax = SimpleReduction("nanmax", _SAME, "_cupy_nanmax(a, b)", None)
_nanmin = SimpleReduction("nanmin", _SAME, "_cupy_nanmin(a, b)", None)
_has_nan = SimpleReduction("has_nan", tuple(c + "->?" for c in "efdFD"), "a || b", "false",
                           map_expr="_cupy_isnan(in0)")


def amax(a, axis=None, out=None, keepdims=False):
    """Maximum along the given axes; NaN propagates.

    .. seealso:: :func:`numpy.amax`

    Example:
        >>> cupy.amax(cupy.array([[1, 4], [3, 2]]), axis=0)
        array([3, 4])
    """
    return _amax(a, axis, None, out, keepdims)


def amin(a, axis=None, out=None, keepdims=False):
    """Minimum along the given axes; NaN propagates.

    .. seealso:: :func:`numpy.amin`

    Example:
        >>> cupy.amin(cupy.array([[1, 4], [3, 2]]), axis=1)
        array([1, 2])
    """
    return _amin(a, axis, None, out, keepdims)


max = amax
min = amin


def _nan_extremum(red, a, axis, out, keepdims):
    result = red(a, axis, None, out, keepdims)
    # Only an all-NaN slice yields NaN; NumPy warns about it (a one-bool device read).
    if result.dtype.kind in "fc" and bool(_has_nan(result)):
        warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
    return result


def nanmax(a, axis=None, out=None, keepdims=False):
    """Maximum ignoring NaN (NaN, with a RuntimeWarning, for an all-NaN slice).

    .. seealso:: :func:`numpy.nanmax`

    Example:
        >>> cupy.nanmax(cupy.array([1.0, cupy.nan, 3.0]))
        array(3.)
    """
    return _nan_extremum(_nanmax, a, axis, out, keepdims)


def nanmin(a, axis=None, out=None, keepdims=False):
    """Minimum ignoring NaN (NaN, with a RuntimeWarning, for an all-NaN slice).

    .. seealso:: :func:`numpy.nanmin`

    Example:
        >>> cupy.nanmin(cupy.array([1.0, cupy.nan, 3.0]))
        array(1.)
    """
    return _nan_extremum(_nanmin, a, axis, out, keepdims)


def ptp(a, axis=None, out=None, keepdims=False):
    """Range of values (maximum - minimum) along the given axes.

    .. seealso:: :func:`numpy.ptp`

    Example:
        >>> cupy.ptp(cupy.array([[1, 9], [4, 2]]), axis=1)
        array([8, 2])
    """
    import cupy
    return cupy.subtract(amax(a, axis, None, keepdims), amin(a, axis, None, keepdims),
                         out=out)
