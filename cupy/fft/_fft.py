"""The discrete Fourier transforms of ``numpy.fft``: NumPy 2's argument semantics (``n``/``s``
padding and cropping, ``axis``/``axes``, ``norm``, ``out``) over the backend boundary
``cupy.fft._exec`` (cuFFT on a GPU, pocketfft on the host device).

Types follow CuPy, which agrees with NumPy 2 except where noted: complex64 and complex128 stay
as they are; float16 and float32 are transformed in single precision (complex64 results,
float32 for ``irfft``/``hfft``), every other type (bool, integers, float64) in double
precision. Differences from NumPy 2:

* ``irfft``/``irfftn``/``hfft`` of float16 or complex64-from-float16 input return float32
  (NumPy returns float16, computed in float32): CuPy has no half-precision transforms;
* ``out=`` is honoured by every function (NumPy ignores it in ``hfft``, ``ifft2`` and
  ``irfft2``); it must have the result's shape and a type the result casts to with
  ``same_kind``.

As in NumPy 2, ``rfft``-family and ``ihfft`` inputs must be real (complex input raises
TypeError; CuPy drops the imaginary part instead), and the multi-axis transforms apply the
one-axis transform once per entry of ``axes`` (a repeated axis is transformed twice).
"""
import operator
import warnings

import numpy
from numpy.lib.array_utils import normalize_axis_index

import cupy
from cupy._core.core import ndarray
from cupy.fft import _exec

_NORMS = ("backward", "ortho", "forward")
_SWAP = {"backward": "forward", "ortho": "ortho", "forward": "backward"}
_C64, _C128 = numpy.dtype(numpy.complex64), numpy.dtype(numpy.complex128)
_F32, _F64 = numpy.dtype(numpy.float32), numpy.dtype(numpy.float64)


# --- arguments ----------------------------------------------------------------------------------

def _asarray(a):
    return a if isinstance(a, ndarray) else cupy.asarray(a)


def _norm(norm):
    if norm is None:
        return "backward"
    if not isinstance(norm, str) or norm not in _NORMS:
        raise ValueError(f'Invalid norm value {norm}; should be "backward","ortho" or '
                         f'"forward".')
    return norm


def _complex_type(dtype):
    if dtype.kind == "c":
        return _C64 if dtype == _C64 else _C128
    return _C64 if dtype in (numpy.float16, _F32) else _C128


def _real_type(dtype, name):
    if dtype.kind == "c":
        raise TypeError(f"{name} expects a real input, got {dtype}")
    return _F32 if dtype in (numpy.float16, _F32) else _F64


def _points(n):
    if n < 1:
        raise ValueError(f"Invalid number of FFT data points ({n}) specified.")
    return operator.index(n)


def _cook_nd_args(a, s, axes, invreal=False):
    """NumPy's ``s``/``axes`` defaults for the multi-axis transforms (with its warnings)."""
    if s is None:
        shapeless = True
        s = list(a.shape) if axes is None else list(numpy.take(a.shape, axes))
    else:
        shapeless = False
        s = list(s)
    if axes is None:
        if not shapeless:
            warnings.warn(
                "`axes` should not be `None` if `s` is not `None` (Deprecated in NumPy 2.0). "
                "In a future version of NumPy, this will raise an error and `s[i]` will "
                "correspond to the size along the transformed axis specified by `axes[i]`. "
                "To retain current behaviour, pass a sequence [0, ..., k-1] to `axes` for an "
                "array of dimension k.", DeprecationWarning, stacklevel=4)
        axes = list(range(-len(s), 0))
    axes = list(axes)
    if len(s) != len(axes):
        raise ValueError("Shape and axes have different lengths.")
    if invreal and shapeless:
        s[-1] = (a.shape[axes[-1]] - 1) * 2
    if None in s:
        warnings.warn(
            "Passing an array containing `None` values to `s` is deprecated in NumPy 2.0 and "
            "will raise an error in a future version of NumPy. To use the default behaviour "
            "of the corresponding 1-D transform, pass the value matching the default for its "
            "`n` parameter. To use the default behaviour for every axis, the `s` argument "
            "can be omitted.", DeprecationWarning, stacklevel=4)
    s = [a.shape[ax] if n == -1 else n for n, ax in zip(s, axes)]
    return s, axes


def _resolve(a, s, axes, default_last=None):
    """Normalized axes and checked sizes; ``None`` sizes take the axis length (or, for the
    last axis, ``default_last(length)``)."""
    sizes = []
    for i, (n, ax) in enumerate(zip(s, axes)):
        if n is None:
            m = a.shape[ax]
            n = default_last(m) if default_last is not None and i == len(s) - 1 else m
        sizes.append(_points(n))
    return sizes, [normalize_axis_index(ax, a.ndim) for ax in axes]


def _resize(a, axes, sizes):
    """``a`` cropped or zero-padded to ``sizes`` along ``axes``; the second value tells
    whether the result is a new array (not a view of ``a``)."""
    index = [slice(None)] * a.ndim
    shape = list(a.shape)
    pad = False
    for ax, n in zip(axes, sizes):
        if n < a.shape[ax]:
            index[ax] = slice(0, n)
        pad |= n > a.shape[ax]
        shape[ax] = n
    if any(i != slice(None) for i in index):
        a = a[tuple(index)]
    if not pad:
        return a, False
    z = cupy.zeros(shape, a.dtype)
    z[tuple(slice(0, m) for m in a.shape)] = a
    return z, True


def _target(out, shape, dtype, name, x, like):
    """Where a transform of ``x`` writes: ``out`` itself when it has the result's type and
    does not overlap ``x``, else a new array laid out as ``like`` (the input: NumPy keeps
    its memory order), copied into ``out`` by ``_deliver``."""
    if out is None:
        return cupy.empty_like(like, dtype=dtype, shape=shape)
    if not isinstance(out, ndarray):
        raise TypeError(f"out must be a cupy.ndarray, not {type(out).__name__}")
    if out.shape != tuple(shape):
        raise ValueError("output array has wrong shape.")
    if not numpy.can_cast(dtype, out.dtype, "same_kind"):
        raise TypeError(f"Cannot cast ufunc '{name}' output from {dtype!r} to "
                        f"{out.dtype!r} with casting rule 'same_kind'")
    if out.dtype == dtype and not cupy.may_share_memory(out, x):
        return out
    return cupy.empty_like(like, dtype=dtype, shape=shape)


def _deliver(y, out):
    if out is None or y is out:
        return y
    cupy.copyto(out, y, casting="same_kind")
    return out


# --- the three kinds of transform ---------------------------------------------------------------

def _c2c(a, s, axes, forward, norm, out, name):
    a = _asarray(a)
    norm = _norm(norm)
    a = a.astype(_complex_type(a.dtype), copy=False)
    sizes, axes = _resolve(a, s, axes)
    if len(set(axes)) != len(axes):
        # A repeated axis is transformed once per mention, last entry first (as NumPy).
        for i in reversed(range(len(axes))):
            a = _c2c(a, [sizes[i]], [axes[i]], forward, norm, out if i == 0 else None, name)
        return a
    x, _ = _resize(a, axes, sizes)
    y = _target(out, x.shape, x.dtype, name, x, a)
    _exec.c2c(x, y, axes, forward, norm)
    return _deliver(y, out)


def _r2c(a, s, axes, norm, out, name):
    a = _asarray(a)
    norm = _norm(norm)
    a = a.astype(_real_type(a.dtype, name), copy=False)
    sizes, axes = _resolve(a, s, axes)
    if len(set(axes)) != len(axes):
        y = _r2c(a, sizes[-1:], axes[-1:], norm, None, name)
        return _c2c(y, sizes[:-1], axes[:-1], True, norm, out, name)
    x, _ = _resize(a, axes, sizes)
    shape = list(x.shape)
    shape[axes[-1]] = sizes[-1] // 2 + 1
    y = _target(out, shape, _complex_type(x.dtype), name, x, a)
    _exec.r2c(x, y, axes, norm)
    return _deliver(y, out)


def _c2r(a, s, axes, norm, out, name, owned=False):
    """``owned``: ``a`` is a temporary the transform may overwrite."""
    a = _asarray(a)
    norm = _norm(norm)
    ctype = _complex_type(a.dtype)
    fresh = owned or a.dtype != ctype
    a = a.astype(ctype, copy=False)
    sizes, axes = _resolve(a, s, axes, default_last=lambda m: (m - 1) * 2)
    if len(set(axes)) != len(axes):
        for i in range(len(axes) - 1):
            a = _c2c(a, [sizes[i]], [axes[i]], False, norm, None, name)
        return _c2r(a, sizes[-1:], axes[-1:], norm, out, name)
    halved = sizes[:-1] + [sizes[-1] // 2 + 1]
    x, padded = _resize(a, axes, halved)
    if not (fresh or padded):
        x = x.copy()    # the transform may overwrite its input
    shape = list(x.shape)
    shape[axes[-1]] = sizes[-1]
    y = _target(out, shape, numpy.dtype(ctype.char.lower()), name, x, a)
    _exec.c2r(x, y, axes, norm)
    return _deliver(y, out)


# --- one axis -----------------------------------------------------------------------------------

def fft(a, n=None, axis=-1, norm=None, out=None):
    """One-dimensional discrete Fourier transform.

    Args:
        a (cupy.ndarray): Input array (any numeric type; see the module notes for types).
        n (int): Length of the transformed axis of the output: the input is cropped or
            zero-padded to it. Default: the input's length along ``axis``.
        axis (int): Axis to transform.
        norm (str): ``'backward'`` (default; no scaling), ``'ortho'`` (``1/sqrt(n)``) or
            ``'forward'`` (``1/n``).
        out (cupy.ndarray): Optional array for the result.

    Returns:
        cupy.ndarray: Complex64 for single-precision input, else complex128.

    .. seealso:: :func:`numpy.fft.fft`

    Example:
        >>> cupy.fft.fft(cupy.array([1.0, 2.0, 3.0, 4.0]))
        array([10.+0.j, -2.+2.j, -2.+0.j, -2.-2.j])
    """
    return _c2c(a, [n], [axis], True, norm, out, "fft")


def ifft(a, n=None, axis=-1, norm=None, out=None):
    """One-dimensional inverse discrete Fourier transform (scaled by ``1/n`` by default).

    Arguments as :func:`fft`.

    .. seealso:: :func:`numpy.fft.ifft`

    Example:
        >>> cupy.fft.ifft(cupy.array([10, -2 + 2j, -2, -2 - 2j]))
        array([1.+0.j, 2.+0.j, 3.+0.j, 4.+0.j])
    """
    return _c2c(a, [n], [axis], False, norm, out, "ifft")


def rfft(a, n=None, axis=-1, norm=None, out=None):
    """One-dimensional discrete Fourier transform of real input: the ``n // 2 + 1``
    non-negative frequency terms.

    Arguments as :func:`fft`; ``a`` must be real (complex input raises TypeError).

    .. seealso:: :func:`numpy.fft.rfft`

    Example:
        >>> cupy.fft.rfft(cupy.array([1.0, 2.0, 3.0, 4.0]))
        array([10.+0.j, -2.+2.j, -2.+0.j])
    """
    return _r2c(a, [n], [axis], norm, out, "rfft")


def irfft(a, n=None, axis=-1, norm=None, out=None):
    """Inverse of :func:`rfft`: real output of length ``n`` (default ``2 * (m - 1)`` for
    ``m`` input points) from the non-negative frequency terms.

    Arguments as :func:`fft`; the result is float32 for single-precision input, else
    float64.

    .. seealso:: :func:`numpy.fft.irfft`

    Example:
        >>> cupy.fft.irfft(cupy.array([10, -2 + 2j, -2]))
        array([1., 2., 3., 4.])
    """
    return _c2r(a, [n], [axis], norm, out, "irfft")


def hfft(a, n=None, axis=-1, norm=None, out=None):
    """Transform of a signal with Hermitian symmetry (a real spectrum): the ``n`` real
    values (default ``2 * (m - 1)``) from the first half of the signal.

    Arguments as :func:`irfft`.

    .. seealso:: :func:`numpy.fft.hfft`

    Example:
        >>> cupy.fft.hfft(cupy.array([1.0, 2.0, 3.0]))
        array([ 8., -2.,  0., -2.])
    """
    a = _asarray(a)
    norm = _SWAP[_norm(norm)]
    if a.dtype.kind != "c":
        return _c2r(a, [n], [axis], norm, out, "hfft")
    conj = cupy.empty_like(a)    # keeps a's memory order, as NumPy's conjugate
    cupy.conjugate(a, out=conj)
    return _c2r(conj, [n], [axis], norm, out, "hfft", owned=True)


def ihfft(a, n=None, axis=-1, norm=None, out=None):
    """Inverse of :func:`hfft`: the first ``n // 2 + 1`` values of the Hermitian signal whose
    transform is the real input ``a``.

    Arguments as :func:`rfft`.

    .. seealso:: :func:`numpy.fft.ihfft`

    Example:
        >>> cupy.fft.ihfft(cupy.array([8.0, -2.0, 0.0, -2.0]))
        array([1.-0.j, 2.-0.j, 3.-0.j])
    """
    y = _r2c(a, [n], [axis], _SWAP[_norm(norm)], out, "ihfft")
    return cupy.conjugate(y, out=y)


# --- several axes -------------------------------------------------------------------------------

def fftn(a, s=None, axes=None, norm=None, out=None):
    """N-dimensional discrete Fourier transform.

    Args:
        a (cupy.ndarray): Input array.
        s (sequence of ints): Sizes of the output along ``axes`` (the input is cropped or
            zero-padded; -1 keeps an axis' length). Default: the input's.
        axes (sequence of ints): Axes to transform. Default: the last ``len(s)`` axes, or
            all of them.
        norm (str): ``'backward'``, ``'ortho'`` or ``'forward'``, for the whole transform.
        out (cupy.ndarray): Optional array for the result.

    Returns:
        cupy.ndarray: The transform (``a`` itself when ``axes`` is empty, as in NumPy).

    .. seealso:: :func:`numpy.fft.fftn`

    Example:
        >>> cupy.fft.fftn(cupy.ones((2, 2)))
        array([[4.+0.j, 0.+0.j],
               [0.+0.j, 0.+0.j]])
    """
    a = _asarray(a)
    s, axes = _cook_nd_args(a, s, axes)
    if not axes:
        return a
    return _c2c(a, s, axes, True, norm, out, "fft")


def ifftn(a, s=None, axes=None, norm=None, out=None):
    """N-dimensional inverse discrete Fourier transform. Arguments as :func:`fftn`.

    .. seealso:: :func:`numpy.fft.ifftn`

    Example:
        >>> cupy.fft.ifftn(cupy.array([[4, 0], [0, 0]]))
        array([[1.+0.j, 1.+0.j],
               [1.+0.j, 1.+0.j]])
    """
    a = _asarray(a)
    s, axes = _cook_nd_args(a, s, axes)
    if not axes:
        return a
    return _c2c(a, s, axes, False, norm, out, "ifft")


def fft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Two-dimensional discrete Fourier transform (:func:`fftn` over the last two axes).

    .. seealso:: :func:`numpy.fft.fft2`

    Example:
        >>> cupy.fft.fft2(cupy.eye(2))
        array([[2.+0.j, 0.+0.j],
               [0.+0.j, 2.+0.j]])
    """
    return fftn(a, s, axes, norm, out)


def ifft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Two-dimensional inverse discrete Fourier transform.

    .. seealso:: :func:`numpy.fft.ifft2`

    Example:
        >>> cupy.fft.ifft2(cupy.array([[2, 0], [0, 2]]))
        array([[1.+0.j, 0.+0.j],
               [0.+0.j, 1.+0.j]])
    """
    return ifftn(a, s, axes, norm, out)


def rfftn(a, s=None, axes=None, norm=None, out=None):
    """N-dimensional discrete Fourier transform of real input: :func:`rfft` over
    ``axes[-1]``, then :func:`fft` over the other axes. Arguments as :func:`fftn`.

    .. seealso:: :func:`numpy.fft.rfftn`

    Example:
        >>> cupy.fft.rfftn(cupy.ones((2, 4)))
        array([[8.+0.j, 0.+0.j, 0.+0.j],
               [0.+0.j, 0.+0.j, 0.+0.j]])
    """
    a = _asarray(a)
    s, axes = _cook_nd_args(a, s, axes)
    if not axes:
        raise IndexError("list index out of range")    # as NumPy
    return _r2c(a, s, axes, norm, out, "rfftn")


def irfftn(a, s=None, axes=None, norm=None, out=None):
    """Inverse of :func:`rfftn`; ``s[-1]`` (default ``2 * (m - 1)``) is the length of the
    real output along ``axes[-1]``. Arguments as :func:`fftn`.

    .. seealso:: :func:`numpy.fft.irfftn`

    Example:
        >>> cupy.fft.irfftn(cupy.array([[8, 0, 0], [0, 0, 0]]))
        array([[1., 1., 1., 1.],
               [1., 1., 1., 1.]])
    """
    a = _asarray(a)
    s, axes = _cook_nd_args(a, s, axes, invreal=True)
    return _c2r(a, s, axes, norm, out, "irfftn")


def rfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Two-dimensional :func:`rfftn`.

    .. seealso:: :func:`numpy.fft.rfft2`

    Example:
        >>> cupy.fft.rfft2(cupy.ones((2, 2)))
        array([[4.+0.j, 0.+0.j],
               [0.+0.j, 0.+0.j]])
    """
    return rfftn(a, s, axes, norm, out)


def irfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Two-dimensional :func:`irfftn`.

    .. seealso:: :func:`numpy.fft.irfft2`

    Example:
        >>> cupy.fft.irfft2(cupy.array([[4, 0], [0, 0]]))
        array([[1., 1.],
               [1., 1.]])
    """
    return irfftn(a, s, axes, norm, out)
