"""Sums, products and their cumulative and NaN-ignoring forms."""

from cupy._core import _scan
from cupy._core._reduction import SimpleReduction, accumulate_dtype

__all__ = ["sum", "prod", "nansum", "nanprod", "cumsum", "cumprod"]

# NumPy's rule: bool and integers narrower than the default integer reduce in int64 (unsigned
# ones in uint64); float16 keeps its type but accumulates in float32 and rounds once.
_SUM_TABLE = ("?->l", "b->l", "B->L", "h->l", "H->L", "i->l", "I->L", "l->l", "L->L",
              "q->q", "Q->Q", ("e->e", "float"), "f->f", "d->d", "F->F", "D->D")

_sum = SimpleReduction("sum", _SUM_TABLE, "a + b", "0")
_prod = SimpleReduction("prod", _SUM_TABLE, "a * b", "1")
_nansum = SimpleReduction(
    "nansum", _SUM_TABLE, "a + b", "0",
    map_expr="_cupy_isnan(in0) ? _type_reduce(0) : static_cast<_type_reduce>(in0)")
_nanprod = SimpleReduction(
    "nanprod", _SUM_TABLE, "a * b", "1",
    map_expr="_cupy_isnan(in0) ? _type_reduce(1) : static_cast<_type_reduce>(in0)")


def sum(a, axis=None, dtype=None, out=None, keepdims=False):
    """Sum of the elements over the given axes.

    Args:
        a (cupy.ndarray): input.
        axis (int or tuple of ints): axes to sum over; all by default.
        dtype: type of the result and of the accumulation.
        out (cupy.ndarray): where to store the result.
        keepdims (bool): keep the reduced axes with length 1.

    Returns:
        cupy.ndarray: the sum (a 0-d array when every axis is reduced).

    .. seealso:: :func:`numpy.sum`

    Example:
        >>> cupy.sum(cupy.arange(6).reshape(2, 3), axis=1)
        array([ 3, 12])
    """
    return _sum(a, axis, dtype, out, keepdims)


def prod(a, axis=None, dtype=None, out=None, keepdims=False):
    """Product of the elements over the given axes (empty products are 1).

    .. seealso:: :func:`numpy.prod`

    Example:
        >>> cupy.prod(cupy.array([1, 2, 3, 4]))
        array(24)
    """
    return _prod(a, axis, dtype, out, keepdims)


def nansum(a, axis=None, dtype=None, out=None, keepdims=False):
    """Sum treating NaN as zero.

    .. seealso:: :func:`numpy.nansum`

    Example:
        >>> cupy.nansum(cupy.array([1.0, cupy.nan, 2.0]))
        array(3.)
    """
    return _nansum(a, axis, dtype, out, keepdims)


def nanprod(a, axis=None, dtype=None, out=None, keepdims=False):
    """Product treating NaN as one.

    .. seealso:: :func:`numpy.nanprod`

    Example:
        >>> cupy.nanprod(cupy.array([2.0, cupy.nan, 3.0]))
        array(6.)
    """
    return _nanprod(a, axis, dtype, out, keepdims)


def _cumulative(a, axis, dtype, out, op, name):
    from cupy._core.core import ndarray
    if not isinstance(a, ndarray):
        raise TypeError(f"Unsupported type {type(a)}")
    out_t = _sum.resolve(a.dtype, dtype)[1]
    return _scan.scan(a, axis, op, accumulate_dtype(out_t), out_t, out, name=name)


def cumsum(a, axis=None, dtype=None, out=None):
    """Cumulative sum along an axis (of the flattened array when ``axis`` is None).

    .. seealso:: :func:`numpy.cumsum`

    Example:
        >>> cupy.cumsum(cupy.array([1, 2, 3]))
        array([1, 3, 6])
    """
    return _cumulative(a, axis, dtype, out, "a + b", "cupy_cumsum")


def cumprod(a, axis=None, dtype=None, out=None):
    """Cumulative product along an axis (of the flattened array when ``axis`` is None).

    .. seealso:: :func:`numpy.cumprod`

    Example:
        >>> cupy.cumprod(cupy.array([1, 2, 3]))
        array([1, 2, 6])
    """
    return _cumulative(a, axis, dtype, out, "a * b", "cupy_cumprod")
