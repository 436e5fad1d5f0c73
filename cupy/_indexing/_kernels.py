"""Gather and scatter kernels shared by the indexing routines, NumPy's index modes and the
index layout of ``take_along_axis``/``put_along_axis``.

Every kernel maps an index onto its axis through one device function, ``cupy_index_mode``,
so the modes of ``take``, ``put``, ``choose`` and ``ravel_multi_index`` behave alike. An index
that is out of range in ``'raise'`` mode sets an error flag, a two-element int64 device array
``[raised, offending value]``; the caller reads it back once after the launch and raises
NumPy's exception. In the other modes no flag is read, so nothing synchronizes.

Source arrays are passed ``raw`` and addressed by their C-order element number: ``CArray``'s
linear ``operator[]`` walks any strides, so views (transposed, sliced, broadcast with zero
strides) need no copy.
"""
import numpy

import cupy
from cupy._core._kernel import ElementwiseKernel
from cupy._core.core import ndarray
from cupy._manipulation._util import normalize_axis_index

RAISE = 0
WRAP = 1
CLIP = 2
# ``choose`` and ``ravel_multi_index``: like RAISE, but negative entries are errors too.
RAISE_NONNEGATIVE = 3

_MODES = {"raise": RAISE, "wrap": WRAP, "clip": CLIP, None: RAISE}
# NumPy also accepts its C enum values (NPY_CLIP, NPY_WRAP, NPY_RAISE).
_NPY_MODES = {0: CLIP, 1: WRAP, 2: RAISE}

_PREAMBLE = r"""
// NumPy's index modes; ``j`` is mapped onto [0, n). Returns false when ``j`` is out of range
// in a raising mode. Callers guarantee n > 0 for WRAP and CLIP.
__device__ inline bool cupy_index_mode(ptrdiff_t& j, ptrdiff_t n, int mode) {
    if (mode == 1) {
        j %= n;
        if (j < 0) j += n;
        return true;
    }
    if (mode == 2) {
        j = j < 0 ? 0 : (j >= n ? n - 1 : j);
        return true;
    }
    if (mode == 0 && j < 0) j += n;
    return j >= 0 && j < n;
}
"""


def prod(xs):
    r = 1
    for x in xs:
        r *= x
    return r


def clip_mode(mode):
    """NumPy's ``mode`` argument (``'raise'``, ``'wrap'``, ``'clip'``) as a kernel constant."""
    if isinstance(mode, (int, numpy.integer)) and not isinstance(mode, bool):
        m = _NPY_MODES.get(int(mode))
    else:
        m = _MODES.get(mode) if isinstance(mode, (str, type(None))) else None
    if m is None:
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {mode!r})")
    return m


class ErrorFlag:
    """The ``[raised, value]`` device array a raising-mode kernel writes; a dummy otherwise.

    When several indices are out of range, which one is reported is unspecified (the threads
    race); NumPy reports the first.
    """

    def __init__(self, active):
        self.active = active
        # Kernels write the flag only in a raising mode, so the dummy needs no clearing.
        self.array = cupy.zeros(2, numpy.int64) if active else cupy.empty(2, numpy.int64)

    def value(self):
        """The offending value, or None (reads the flag back only when it is active)."""
        if not self.active:
            return None
        raised, value = self.array.get().tolist()
        return value if raised else None


def as_index_array(indices, casting="same_kind", by_value=True):
    """``indices`` as a device integer array, checked as NumPy converts an index argument.

    Arrays (NumPy's or ours) must cast to int64 under ``casting``. With ``by_value``, other
    inputs (lists, Python and NumPy scalars) convert by value, as NumPy's ``take`` and
    ``put`` do (``[1.5]`` is index 1); otherwise they are held to ``casting`` as well.
    """
    if not isinstance(indices, (ndarray, numpy.ndarray)):
        host = numpy.asarray(indices)
        if host.dtype.kind == "f" and by_value:
            host = host.astype(numpy.int64)
        indices = host
    if not numpy.can_cast(indices.dtype, numpy.int64, casting):
        raise TypeError(f"Cannot cast array data from {indices.dtype!r} to dtype('int64') "
                        f"according to the rule '{casting}'")
    return cupy.asarray(indices)


def along_axis_layout(arr, indices, axis):
    """Shared checks of take/put_along_axis: (integer indices, axis, axis length, source
    view over the loop shape with the axis at full length, loop shape)."""
    if not isinstance(indices, ndarray):
        indices = cupy.asarray(indices)
    if axis is None:
        if indices.ndim != 1:
            raise ValueError("when axis=None, `indices` must have a single dimension.")
        if indices.dtype.kind not in "iu":
            raise IndexError("`indices` must be an integer array")
        # The flattened array in C order, addressed element by element without a copy.
        return indices, 0, arr.size, arr, indices.shape
    axis = normalize_axis_index(axis, arr.ndim)
    if indices.dtype.kind not in "iu":
        raise IndexError("`indices` must be an integer array")
    if indices.ndim != arr.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    fancy = arr.shape[:axis] + (1,) + arr.shape[axis + 1:]
    try:
        shape = numpy.broadcast_shapes(fancy, indices.shape)
    except ValueError:
        shapes = " ".join(f"({','.join(map(str, s))}{',' if len(s) == 1 else ''})"
                          for s in (fancy, indices.shape))
        raise IndexError("shape mismatch: indexing arrays could not be broadcast together "
                         f"with shapes {shapes}") from None
    n = arr.shape[axis]
    src = cupy.broadcast_to(arr, shape[:axis] + (n,) + shape[axis + 1:])
    return indices, axis, n, src, shape


def empty_axis_error(indices, axis):
    # NumPy reports the first index; on an empty axis every index is out of range.
    return IndexError(f"index {int(indices.ravel()[0])} is out of bounds for axis {axis} "
                      "with size 0")


# out[(p, k, q)] = a[(p, j, q)] with j = idx mode-mapped onto the axis of length n: ``a`` is
# viewed as (pre, n, post) and the loop as (pre, span, post), both in C order.
_take = ElementwiseKernel(
    "raw T a, int64 idx, int64 n, int64 post, int64 span, int32 mode, raw int64 err",
    "T out",
    """
    ptrdiff_t j = idx;
    if (!cupy_index_mode(j, n, mode)) {
        err[0] = 1;
        err[1] = idx;
        j = 0;
    }
    const ptrdiff_t e = i;
    out = a[((e / (post * span)) * n + j) * post + e % post];
    """, "cupy_take_axis", preamble=_PREAMBLE)


# The reverse of _take: a[(p, j, q)] = v[i % nv]. ``v`` is either cycled (put) or a view
# broadcast to the loop (put_along_axis, nv = loop size).
_put = ElementwiseKernel(
    "int64 idx, raw T v, int64 nv, int64 n, int64 post, int64 span, int32 mode, "
    "raw int64 err, raw T a",
    "",
    """
    ptrdiff_t j = idx;
    const ptrdiff_t e = i;
    if (cupy_index_mode(j, n, mode)) {
        a[((e / (post * span)) * n + j) * post + e % post] = v[e % nv];
    } else {
        err[0] = 1;
        err[1] = idx;
    }
    """, "cupy_put_axis", preamble=_PREAMBLE, no_return=True)


# out = c[a][position]: ``c`` is (n, *shape) broadcast, ``size`` the number of positions.
_choose = ElementwiseKernel(
    "int64 idx, raw T c, int64 n, int64 size, int32 mode, raw int64 err", "T out",
    """
    ptrdiff_t j = idx;
    if (!cupy_index_mode(j, n, mode)) {
        err[0] = 1;
        err[1] = idx;
        j = 0;
    }
    out = c[j * size + static_cast<ptrdiff_t>(i)];
    """, "cupy_choose", preamble=_PREAMBLE)


# a = v[i % nv] where the mask is set: putmask cycles its values over every position of a.
_putmask = ElementwiseKernel(
    "bool m, raw T v, int64 nv", "T a",
    "if (m) a = v[static_cast<ptrdiff_t>(i) % nv];",
    "cupy_putmask")


# Flat index of coordinates coords[d, i] (d < k): meta holds, per axis, the extent
# (meta[d]), the element stride in the flat order (meta[k + d]) and the index mode
# (meta[2k + d]).
_ravel = ElementwiseKernel(
    "raw int64 coords, raw int64 meta, int64 k, int64 m, raw int64 err", "int64 out",
    """
    ptrdiff_t acc = 0;
    for (ptrdiff_t d = 0; d < k; ++d) {
        ptrdiff_t j = coords[d * m + static_cast<ptrdiff_t>(i)];
        if (!cupy_index_mode(j, meta[d], static_cast<int>(meta[2 * k + d]))) {
            err[0] = 1;
            err[1] = j;
            j = 0;
        }
        acc += j * meta[k + d];
    }
    out = acc;
    """, "cupy_ravel_multi_index", preamble=_PREAMBLE)


# Coordinates out[d, i] of the flat index idx in an array of shape dims (k axes, ``size``
# elements), C order or, with f_order, Fortran order.
_unravel = ElementwiseKernel(
    "int64 idx, raw int64 dims, int64 k, int64 size, int64 m, int32 f_order, raw int64 err",
    "raw int64 out",
    """
    ptrdiff_t v = idx;
    if (v < 0 || v >= size) {
        err[0] = 1;
        err[1] = v;
    } else if (f_order) {
        for (ptrdiff_t d = 0; d < k; ++d) {
            out[d * m + static_cast<ptrdiff_t>(i)] = v % dims[d];
            v /= dims[d];
        }
    } else {
        for (ptrdiff_t d = k - 1; d >= 0; --d) {
            out[d * m + static_cast<ptrdiff_t>(i)] = v % dims[d];
            v /= dims[d];
        }
    }
    """, "cupy_unravel_index")


def take_axis(a, idx, n, post, span, out, mode):
    """Run the gather kernel (see ``_take``); returns the offending index or None."""
    flag = ErrorFlag(mode == RAISE)
    _take(a, idx, n, post, span, mode, flag.array, out)
    return flag.value()


def put_axis(idx, v, nv, n, post, span, a, mode):
    """Run the scatter kernel (see ``_put``); returns the offending index or None."""
    flag = ErrorFlag(mode == RAISE)
    _put(idx, v, nv, n, post, span, mode, flag.array, a)
    return flag.value()
