"""Means and variances: mean, var, std and their NaN-ignoring forms."""
import warnings

import numpy

from cupy._core._reduction import SimpleReduction, accumulate_dtype

__all__ = ["mean", "var", "std", "nanmean", "nanvar", "nanstd"]

# Integers and bool average in float64; float16 accumulates in float32.
_MEAN_TABLE = tuple(c + "->d" for c in "?bBhHiIlLqQ") + (
    ("e->e", "float"), "f->f", "d->d", "F->F", "D->D")
_DIV = "out0 = _cupy_cast<out0_type>(_cupy_div_count(a, _n))"
_mean = SimpleReduction("mean", _MEAN_TABLE, "a + b", "0", post_map_expr=_DIV)
# in1 is the mean (broadcast along the reduced axes).
_VAR_MAP = "_cupy_abs2(in0 - in1)"
_NANVAR_MAP = "_cupy_isnan(in0) ? _type_reduce(0) : _type_reduce(_cupy_abs2(in0 - in1))"
_var = SimpleReduction("var", (), "a + b", "0", map_expr=_VAR_MAP, post_map_expr=_DIV)
_std = SimpleReduction("std", (), "a + b", "0", map_expr=_VAR_MAP,
                       post_map_expr="out0 = _cupy_cast<out0_type>(sqrt(_cupy_div_count(a, _n)))")
# out1 holds the number of non-NaN elements of each slice (computed beforehand).
_NANDIV = ("out0 = _cupy_cast<out0_type>(_cupy_div_count(a, "
           "static_cast<double>(out1 - _ddof > 0 ? out1 - _ddof : 0)))")
_nanmean = SimpleReduction(
    "nanmean", _MEAN_TABLE, "a + b", "0",
    map_expr="_cupy_isnan(in0) ? _type_reduce(0) : static_cast<_type_reduce>(in0)",
    post_map_expr=_NANDIV)
_nanvar = SimpleReduction("nanvar", (), "a + b", "0", map_expr=_NANVAR_MAP,
                          post_map_expr=_NANDIV)
_nanstd = SimpleReduction(
    "nanstd", (), "a + b", "0", map_expr=_NANVAR_MAP,
    post_map_expr=("out0 = _cupy_cast<out0_type>(sqrt(_cupy_div_count(a, "
                   "static_cast<double>(out1 - _ddof > 0 ? out1 - _ddof : 0))))"))
_count = SimpleReduction("count_notnan", tuple(c + "->l" for c in "?bBhHiIlLqQefdFD"), "a + b",
                         "0", map_expr="_cupy_isnan(in0) ? 0 : 1")
_F64 = numpy.dtype(numpy.float64)


def _reduced_count(a, axis):
    if axis is None:
        return a.size
    axes = axis if isinstance(axis, tuple) else (axis,)
    n = 1
    for ax in numpy.lib.array_utils.normalize_axis_tuple(axes, a.ndim):
        n *= a.shape[ax]
    return n


def mean(a, axis=None, dtype=None, out=None, keepdims=False):
    """Arithmetic mean along the given axes (NaN with a RuntimeWarning for empty input).

    .. seealso:: :func:`numpy.mean`

    Example:
        >>> cupy.mean(cupy.array([[1, 2], [3, 5]]), axis=1)
        array([1.5, 4. ])
    """
    n = _reduced_count(a, axis)
    if n == 0:
        warnings.warn("Mean of empty slice.", RuntimeWarning, stacklevel=2)
    return _mean(a, axis, dtype, out, keepdims, scalars=(("_n", float(n), _F64),))


def _var_types(a, dtype):
    """(computation dtype, result dtype) of a variance: real results for complex input."""
    if dtype is not None:
        c = numpy.dtype(dtype)
    elif a.dtype.kind in "biu":
        c = _F64
    else:
        c = a.dtype
    real = c if c.kind != "c" else numpy.dtype(c.char.lower())
    return accumulate_dtype(c), real


def _moment(red, a, axis, dtype, out, ddof, keepdims):
    c, r = _var_types(a, dtype)
    n = _reduced_count(a, axis)
    if n - ddof <= 0:
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=3)
    m = _mean(a, axis, c, None, True, scalars=(("_n", float(n), _F64),))
    loop = (c, r, _ctype_of_real(c))
    return red(a, axis, None, out, keepdims, extra_inputs=(("in1", m),),
               scalars=(("_n", float(max(n - ddof, 0)), _F64),), loop=loop)


def _ctype_of_real(c):
    from cupy._core import _dtype
    return _dtype.ctype_of(c if c.kind != "c" else numpy.dtype(c.char.lower()))


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    """Variance along the given axes: ``mean(abs(a - a.mean())**2) * n / (n - ddof)``.

    .. seealso:: :func:`numpy.var`

    Example:
        >>> cupy.var(cupy.array([1.0, 2.0, 3.0, 4.0]))
        array(1.25)
    """
    return _moment(_var, a, axis, dtype, out, ddof, keepdims)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    """Standard deviation along the given axes (square root of :func:`var`).

    .. seealso:: :func:`numpy.std`

    Example:
        >>> cupy.std(cupy.array([1.0, 3.0]))
        array(1.)
    """
    return _moment(_std, a, axis, dtype, out, ddof, keepdims)


def _nan_counts(a, axis, keepdims, ddof, what):
    import cupy
    cnt = _count(a, axis, None, None, keepdims)
    # A one-bool device read, only to reproduce NumPy's warning.
    if bool(cupy.any(cupy.less_equal(cnt, ddof))):
        warnings.warn(what, RuntimeWarning, stacklevel=4)
    return cnt


def nanmean(a, axis=None, dtype=None, out=None, keepdims=False):
    """Mean ignoring NaN (NaN, with a RuntimeWarning, for an all-NaN slice).

    .. seealso:: :func:`numpy.nanmean`

    Example:
        >>> cupy.nanmean(cupy.array([1.0, cupy.nan, 3.0]))
        array(2.)
    """
    cnt = _nan_counts(a, axis, keepdims, 0, "Mean of empty slice")
    return _nanmean(a, axis, dtype, out, keepdims, extra_outputs=(("out1", cnt),),
                    scalars=(("_ddof", 0, numpy.dtype(numpy.int64)),))


def _nan_moment(red, a, axis, dtype, out, ddof, keepdims):
    c, r = _var_types(a, dtype)
    cnt = _nan_counts(a, axis, keepdims, ddof, "Degrees of freedom <= 0 for slice.")
    cnt0 = _count(a, axis, None, None, True)
    m = _nanmean(a, axis, c, None, True, extra_outputs=(("out1", cnt0),),
                 scalars=(("_ddof", 0, numpy.dtype(numpy.int64)),))
    return red(a, axis, None, out, keepdims, extra_inputs=(("in1", m),),
               extra_outputs=(("out1", cnt),),
               scalars=(("_ddof", ddof, numpy.dtype(numpy.int64)),),
               loop=(c, r, _ctype_of_real(c)))


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    """Variance ignoring NaN.

    .. seealso:: :func:`numpy.nanvar`

    Example:
        >>> cupy.nanvar(cupy.array([1.0, cupy.nan, 3.0]))
        array(1.)
    """
    return _nan_moment(_nanvar, a, axis, dtype, out, ddof, keepdims)


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    """Standard deviation ignoring NaN.

    .. seealso:: :func:`numpy.nanstd`

    Example:
        >>> cupy.nanstd(cupy.array([1.0, cupy.nan, 3.0]))
        array(1.)
    """
    return _nan_moment(_nanstd, a, axis, dtype, out, ddof, keepdims)
