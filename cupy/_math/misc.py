"""Miscellaneous elementwise routines: maximum, minimum, fmax, fmin, clip, heaviside, and the
complex-number helpers real, imag, conj/conjugate, angle."""
import numpy

from cupy._core._ufunc import create_ufunc
from cupy._core._loop_tables import ALL, COMPLEXES, FLOATS, INTS, NUMERIC, by_group, include, same
from cupy._core.core import ndarray

__all__ = ["maximum", "minimum", "fmax", "fmin", "clip", "heaviside", "real", "imag", "conj",
           "conjugate", "angle"]

_PRE = include("floating", "complex")


def _extremum(name, bool_op, int_op, helper, doc):
    return create_ufunc(
        name, by_group(same(ALL), bool=f"out0 = in0 {bool_op} in1",
                       int=f"out0 = (in0 {int_op} in1) ? in0 : in1",
                       float=f"out0 = cupy_math::{helper}(in0, in1)",
                       complex=f"out0 = cupy_math::{helper}(in0, in1)"),
        preamble=_PRE, doc=doc)


maximum = _extremum("maximum", "||", ">=", "maximum", """Elementwise maximum; NaNs propagate.

    .. seealso:: :data:`numpy.maximum`
    """)
minimum = _extremum("minimum", "&&", "<=", "minimum", """Elementwise minimum; NaNs propagate.

    .. seealso:: :data:`numpy.minimum`
    """)
fmax = _extremum("fmax", "||", ">=", "fmax", """Elementwise maximum ignoring NaNs.

    .. seealso:: :data:`numpy.fmax`
    """)
fmin = _extremum("fmin", "&&", "<=", "fmin", """Elementwise minimum ignoring NaNs.

    .. seealso:: :data:`numpy.fmin`
    """)

_clip = create_ufunc(
    "clip", by_group(same(ALL, 3), bool="out0 = (in0 || in1) && in2",
                     int="const in0_type _m = in0 < in1 ? in1 : in0; out0 = _m > in2 ? in2 : _m",
                     float="out0 = cupy_math::minimum(cupy_math::maximum(in0, in1), in2)",
                     complex="out0 = cupy_math::clip(in0, in1, in2)"),
    preamble=_PRE,
    doc="""Elementwise ``minimum(maximum(x, lo), hi)`` (the kernel of :func:`clip`).""")


def clip(a, a_min=None, a_max=None, out=None, **kwargs):
    """Limit the values of ``a`` to ``[a_min, a_max]``; NaNs propagate.

    Either bound may be None; Python integer bounds outside an integer dtype's range are
    ignored as in NumPy.

    .. seealso:: :func:`numpy.clip`
    """
    import cupy
    dtype = getattr(a, "dtype", None)
    if dtype is not None and dtype.kind in "iu":
        info = numpy.iinfo(dtype)
        if type(a_min) is int and a_min <= info.min:
            a_min = None
        if type(a_max) is int and a_max >= info.max:
            a_max = None
    if a_min is None and a_max is None:
        return cupy.positive(a, out=out, **kwargs)
    if a_min is None:
        return minimum(a, a_max, out=out, **kwargs)
    if a_max is None:
        return maximum(a, a_min, out=out, **kwargs)
    return _clip(a, a_min, a_max, out=out, **kwargs)


heaviside = create_ufunc(
    "heaviside", same(FLOATS), "out0 = cupy_math::heaviside(in0, in1)", preamble=_PRE,
    doc="""Heaviside step function: 0 for x < 0, ``x2`` for x == 0, 1 for x > 0.

    .. seealso:: :data:`numpy.heaviside`
    """)

conjugate = create_ufunc(
    "conjugate", by_group(same(NUMERIC, 1), complex="out0 = conj(in0)", default="out0 = in0"),
    doc="""Complex conjugate elementwise.

    .. seealso:: :data:`numpy.conjugate`
    """)
conj = conjugate

_angle = create_ufunc(
    "angle", by_group(("F->f", "D->d"), complex="out0 = arg(in0)"),
    doc="Argument of complex numbers (the kernel of :func:`angle`).")


def angle(z, deg=False):
    """Counterclockwise angle from the positive real axis, in radians (or degrees).

    .. seealso:: :func:`numpy.angle`
    """
    import cupy
    z = _as_array(z)
    if z.dtype.kind == "c":
        a = _angle(z)
    else:
        a = cupy.arctan2(0, z)
    if deg:
        a *= 180 / numpy.pi
    return a


def _as_array(x):
    import cupy
    return x if isinstance(x, ndarray) else cupy.asarray(x)


def real(val):
    """The real part: a view for complex arrays, the array itself otherwise.

    .. seealso:: :func:`numpy.real`
    """
    if isinstance(val, ndarray):
        return val.real
    return _as_array(val).real


def imag(val):
    """The imaginary part: a view for complex arrays, zeros otherwise.

    .. seealso:: :func:`numpy.imag`
    """
    if isinstance(val, ndarray):
        return val.imag
    return _as_array(val).imag
