"""Output-size arithmetic and im2col/col2im for convolutions and pooling.

``im2col`` turns an image ``(n, c, h, w)`` into patches
``(n, c, kh, kw, out_h, out_w)`` so a convolution becomes one matrix
product; ``col2im`` is its adjoint (overlapping patches are summed).  NumPy
arrays use strided views and slices; cupy arrays one elementwise kernel
each (:mod:`chainer.utils.conv_nd_kernel`).

Examples
--------
>>> from chainer.utils import conv
>>> conv.get_conv_outsize(5, 3, 1, 1)
5
>>> img = numpy.arange(16, dtype=numpy.float32).reshape(1, 1, 4, 4)
>>> conv.im2col(img, 2, 2, 2, 2, 0, 0).shape
(1, 1, 2, 2, 2, 2)
"""
import itertools

import numpy

from chainer import backend
from chainer.backends import cuda
from chainer.utils import conv_nd_kernel


def get_conv_outsize(size, k, s, p, cover_all=False, d=1):
    """Length of a convolution output along one axis.

    Parameters
    ----------
    size : int
        Input length.
    k : int
        Filter length.
    s : int
        Stride.
    p : int
        Padding on each side.
    cover_all : bool
        Add windows so that every input element is covered (the last
        window may run past the padded input).
    d : int
        Dilation.

    Returns
    -------
    int

    Examples
    --------
    >>> get_conv_outsize(4, 3, 2, 0), get_conv_outsize(4, 3, 2, 0, True)
    (1, 2)
    """
    dk = k + (k - 1) * (d - 1)
    if cover_all:
        return (size + p * 2 - dk + s - 1) // s + 1
    return (size + p * 2 - dk) // s + 1


def get_deconv_outsize(size, k, s, p, cover_all=False, d=1):
    """Length of a transposed-convolution output along one axis.

    Inverse of :func:`get_conv_outsize` (the largest/smallest input length
    mapping to ``size`` without/with ``cover_all``).

    Examples
    --------
    >>> get_deconv_outsize(2, 3, 2, 0), get_deconv_outsize(2, 3, 2, 0, True)
    (5, 4)
    """
    dk = (k - 1) * d + 1
    if cover_all:
        return s * (size - 1) + dk - s + 1 - 2 * p
    return s * (size - 1) + dk - 2 * p


def _pad_image(img, pad, stride, pval):
    # The extra ``s - 1`` trailing elements make room for the partial
    # windows that ``cover_all`` adds; they are never read otherwise.
    xp = backend.get_array_module(img)
    n, c = img.shape[:2]
    dims = img.shape[2:]
    if all(p == 0 and s == 1 for p, s in zip(pad, stride)):
        return img
    shape = (n, c) + tuple(
        d + 2 * p + s - 1 for d, p, s in zip(dims, pad, stride))
    padded = xp.full(shape, pval, dtype=img.dtype)
    inner = (slice(None), slice(None)) + tuple(
        slice(p, p + d) for d, p in zip(dims, pad))
    padded[inner] = img
    return padded


def _im2col_nd(img, ksize, stride, pad, pval=0, cover_all=False,
               dilate=None, view=False, use_strides=None):
    """Generic N-d im2col on NumPy or cupy arrays.

    Parameters
    ----------
    img : ndarray
        ``(n, c, d_1, ..., d_N)``.
    ksize, stride, pad, dilate : tuple of int
        One entry per spatial axis (``dilate`` defaults to ones).
    pval : scalar
        Value of the padded elements.
    cover_all : bool
        See :func:`get_conv_outsize`.
    view : bool
        Allow returning a read-only strided view (NumPy only) instead of
        a fresh array; callers that immediately reshape save one copy.
    use_strides : bool or None
        Force (True) or forbid (False) the NumPy strided-view path; by
        default it is used for NumPy arrays.  cupy arrays always take
        one elementwise kernel.

    Returns
    -------
    ndarray
        ``(n, c, k_1, ..., k_N, out_1, ..., out_N)``.
    """
    xp = backend.get_array_module(img)
    ndim = img.ndim - 2
    if dilate is None:
        dilate = (1,) * ndim
    dims = img.shape[2:]
    outs = tuple(get_conv_outsize(d, k, s, p, cover_all, di)
                 for d, k, s, p, di in zip(dims, ksize, stride, pad, dilate))
    assert all(o > 0 for o in outs), 'output size must be positive'
    if isinstance(img, cuda.ndarray):
        return conv_nd_kernel.im2col(img, ksize, stride, pad, pval, outs,
                                     dilate)
    padded = _pad_image(img, pad, stride, pval)
    if use_strides is None:
        use_strides = xp is numpy
    n, c = img.shape[:2]
    if use_strides:
        # One strided view whose window axes step by the dilation and
        # whose output axes step by the stride: no copy at all.
        st = padded.strides
        col = numpy.lib.stride_tricks.as_strided(
            padded, (n, c) + tuple(ksize) + outs,
            st[:2] + tuple(s * di for s, di in zip(st[2:], dilate))
            + tuple(s * sv for s, sv in zip(st[2:], stride)),
            writeable=False)
        return col if view else col.copy()
    # Portable path: one strided slice per kernel offset (k_1 * ... * k_N
    # slice copies, independent of the image size).
    col = xp.empty((n, c) + tuple(ksize) + outs, dtype=img.dtype)
    for offs in itertools.product(*[range(k) for k in ksize]):
        src = (slice(None), slice(None)) + tuple(
            slice(o * di, o * di + s * (out - 1) + 1, s)
            for o, di, s, out in zip(offs, dilate, stride, outs))
        col[(slice(None), slice(None)) + offs] = padded[src]
    return col


def _col2im_nd(col, stride, pad, outsize, dilate=None):
    """Generic N-d col2im (sums overlapping patches; adjoint of im2col).

    Parameters
    ----------
    col : ndarray
        ``(n, c, k_1, ..., k_N, out_1, ..., out_N)``.
    stride, pad, dilate : tuple of int
    outsize : tuple of int
        Spatial shape ``(d_1, ..., d_N)`` of the image to reconstruct.

    Returns
    -------
    ndarray
        ``(n, c, d_1, ..., d_N)``.
    """
    xp = backend.get_array_module(col)
    ndim = len(outsize)
    if dilate is None:
        dilate = (1,) * ndim
    if isinstance(col, cuda.ndarray):
        return conv_nd_kernel.col2im(col, stride, pad, tuple(outsize),
                                     dilate)
    n, c = col.shape[:2]
    ksize = col.shape[2:2 + ndim]
    outs = col.shape[2 + ndim:]
    img = xp.zeros((n, c) + tuple(
        d + 2 * p + s - 1 for d, p, s in zip(outsize, pad, stride)),
        dtype=col.dtype)
    # Slices for one kernel offset never overlap themselves, so ``+=`` on
    # the strided view accumulates correctly.
    for offs in itertools.product(*[range(k) for k in ksize]):
        dst = (slice(None), slice(None)) + tuple(
            slice(o * di, o * di + s * (out - 1) + 1, s)
            for o, di, s, out in zip(offs, dilate, stride, outs))
        img[dst] += col[(slice(None), slice(None)) + offs]
    inner = (slice(None), slice(None)) + tuple(
        slice(p, p + d) for d, p in zip(outsize, pad))
    return img[inner]


def im2col(img, kh, kw, sy, sx, ph, pw, pval=0, cover_all=False, dy=1,
           dx=1):
    """Extract sliding 2-D windows into a patch array.

    Parameters
    ----------
    img : ndarray
        ``(n, c, h, w)``, NumPy or cupy.
    kh, kw : int
        Window size.
    sy, sx : int
        Strides.
    ph, pw : int
        Padding (filled with ``pval``).
    pval : scalar
        Padding value.
    cover_all : bool
        See :func:`get_conv_outsize`.
    dy, dx : int
        Dilation.

    Returns
    -------
    ndarray
        ``(n, c, kh, kw, out_h, out_w)`` where ``col[..., i, j, y, x]``
        is ``img[..., y*sy + i*dy - ph, x*sx + j*dx - pw]`` (or ``pval``).

    Examples
    --------
    >>> img = numpy.arange(9.).reshape(1, 1, 3, 3)
    >>> im2col(img, 2, 2, 1, 1, 0, 0)[0, 0, :, :, 0, 0]
    array([[0., 1.],
           [3., 4.]])
    """
    return _im2col_nd(img, (kh, kw), (sy, sx), (ph, pw), pval, cover_all,
                      (dy, dx))


def col2im(col, sy, sx, ph, pw, h, w, dy=1, dx=1):
    """Sum patches back into an image; the adjoint of :func:`im2col`.

    Parameters
    ----------
    col : ndarray
        ``(n, c, kh, kw, out_h, out_w)``.
    sy, sx, ph, pw, dy, dx : int
        As in :func:`im2col`.
    h, w : int
        Size of the image to produce.

    Returns
    -------
    ndarray
        ``(n, c, h, w)``.

    Examples
    --------
    >>> col = numpy.ones((1, 1, 2, 2, 2, 2))
    >>> col2im(col, 1, 1, 0, 0, 3, 3)[0, 0]
    array([[1., 2., 1.],
           [2., 4., 2.],
           [1., 2., 1.]])
    """
    return _col2im_nd(col, (sy, sx), (ph, pw), (h, w), (dy, dx))


def im2col_gpu(img, kh, kw, sy, sx, ph, pw, cover_all=False, dy=1, dx=1,
               out_h=None, out_w=None, pval=0):
    """:func:`im2col` of a cupy image in one elementwise kernel.

    Chainer's signature (no ``pval`` before ``cover_all``); ``out_h`` and
    ``out_w`` override the output size (windows past the padded image read
    ``pval``).

    Examples
    --------
    >>> img = cupy.zeros((1, 1, 4, 4), cupy.float32)  # doctest: +SKIP
    >>> im2col_gpu(img, 3, 3, 1, 1, 1, 1).shape  # doctest: +SKIP
    (1, 1, 3, 3, 4, 4)
    """
    n, c, h, w = img.shape
    if out_h is None:
        out_h = get_conv_outsize(h, kh, sy, ph, cover_all, dy)
    assert out_h > 0, 'Height in the output should be positive.'
    if out_w is None:
        out_w = get_conv_outsize(w, kw, sx, pw, cover_all, dx)
    assert out_w > 0, 'Width in the output should be positive.'
    return conv_nd_kernel.im2col(img, (kh, kw), (sy, sx), (ph, pw), pval,
                                 (out_h, out_w), (dy, dx))


def col2im_gpu(col, sy, sx, ph, pw, h, w, dy=1, dx=1):
    """:func:`col2im` of a cupy patch array in one elementwise kernel.

    Examples
    --------
    >>> col = cupy.ones((1, 1, 2, 2, 2, 2))  # doctest: +SKIP
    >>> col2im_gpu(col, 1, 1, 0, 0, 3, 3)[0, 0]  # doctest: +SKIP
    array([[1., 2., 1.],
           [2., 4., 2.],
           [1., 2., 1.]])
    """
    return conv_nd_kernel.col2im(col, (sy, sx), (ph, pw), (h, w), (dy, dx))


# Chainer's CPU names; both dispatch on the array type.
im2col_cpu = im2col
col2im_cpu = col2im
