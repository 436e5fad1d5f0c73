"""Bit packing: packbits and unpackbits.

Both move the packed axis last and make it contiguous, so one generated kernel handles rows of
bits; the result is moved back to the requested axis.
"""
import numpy
from numpy.lib.array_utils import normalize_axis_index

import cupy
from cupy._core._kernel import ElementwiseKernel
from cupy._core.core import ndarray

__all__ = ["packbits", "unpackbits"]

# ``big`` puts the first element of each group of eight in the most significant bit.
_pack_kernel = ElementwiseKernel(
    "raw bool a, int64 n, int64 nout, bool big", "uint8 out",
    """
    const long long row = i / nout, col = i % nout;
    const bool* src = &a[row * n];
    unsigned int byte = 0;
    for (int k = 0; k < 8; ++k) {
        const long long idx = col * 8 + k;
        if (idx < n && src[idx]) byte |= 1u << (big ? 7 - k : k);
    }
    out = (unsigned char)byte;
    """,
    "cupy_packbits")

_unpack_kernel = ElementwiseKernel(
    "raw uint8 a, int64 nin, int64 nout, bool big", "uint8 out",
    """
    const long long row = i / nout, col = i % nout;
    const long long byte = col / 8;
    const int k = (int)(col % 8);
    out = byte < nin ? (a[row * nin + byte] >> (big ? 7 - k : k)) & 1 : 0;
    """,
    "cupy_unpackbits")


def _check_bitorder(bitorder):
    if bitorder not in ("big", "little"):
        raise ValueError("'order' must be either 'little' or 'big'")
    return bitorder == "big"


def _rows(a, axis):
    """``a`` with ``axis`` moved last, C-contiguous (flattened first when ``axis`` is None)."""
    if axis is None:
        a = a.ravel()
        axis = 0
    else:
        axis = normalize_axis_index(axis, a.ndim)
    return cupy.ascontiguousarray(cupy.moveaxis(a, axis, -1)), axis


def packbits(a, axis=None, bitorder="big"):
    """Pack the elements of a boolean or integer array into the bits of ``uint8`` values,
    padding the last byte with zeros.

    Example:
        >>> cupy.packbits(cupy.array([1, 0, 1, 1, 0, 0, 0, 0, 1]))
        array([176, 128], dtype=uint8)

    .. seealso:: :func:`numpy.packbits`
    """
    a = a if isinstance(a, ndarray) else cupy.asarray(a)
    if a.dtype.kind not in "biu":
        raise TypeError("Expected an input array of integer or boolean data type")
    big = _check_bitorder(bitorder)
    if a.ndim == 0 and axis is not None:
        raise numpy.exceptions.AxisError(axis, 0)
    rows, axis = _rows(a != 0, axis)
    n = rows.shape[-1]
    nout = (n + 7) // 8
    out = cupy.empty(rows.shape[:-1] + (nout,), numpy.uint8)
    if out.size:
        _pack_kernel(rows, n, nout, big, out)
    return cupy.moveaxis(out, -1, axis)


def unpackbits(a, axis=None, count=None, bitorder="big"):
    """Unpack the bits of a ``uint8`` array into a ``uint8`` array of zeros and ones.

    ``count`` keeps that many bits along the axis: a positive count past the available bits
    pads with zeros, a negative one drops bits from the end.

    Example:
        >>> cupy.unpackbits(cupy.array([176], dtype=cupy.uint8))
        array([1, 0, 1, 1, 0, 0, 0, 0], dtype=uint8)

    .. seealso:: :func:`numpy.unpackbits`
    """
    a = a if isinstance(a, ndarray) else cupy.asarray(a)
    if a.dtype != numpy.uint8:
        raise TypeError("Expected an input array of unsigned byte data type")
    big = _check_bitorder(bitorder)
    if a.ndim == 0 and axis is not None:
        raise numpy.exceptions.AxisError(axis, 0)
    rows, axis = _rows(a, axis)
    nin = rows.shape[-1]
    bits = nin * 8
    if count is None:
        nout = bits
    elif count >= 0:
        nout = count
    else:
        if -count > bits:
            raise ValueError("-count larger than number of elements")
        nout = bits + count
    out = cupy.empty(rows.shape[:-1] + (nout,), numpy.uint8)
    if out.size:
        _unpack_kernel(rows, nin, nout, big, out)
    return cupy.moveaxis(out, -1, axis)
