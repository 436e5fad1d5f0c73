"""N-dimensional im2col/col2im (generalisations of :mod:`chainer.utils.conv`).

Examples
--------
>>> from chainer.utils import conv_nd
>>> img = numpy.zeros((1, 2, 4, 4, 4), numpy.float32)
>>> conv_nd.im2col_nd(img, (2, 2, 2), (2, 2, 2), (0, 0, 0)).shape
(1, 2, 2, 2, 2, 2, 2, 2)
"""
import numpy

from chainer.utils import conv


def as_tuple(x, n):
    """Return ``x`` as a tuple of length ``n`` (an int is repeated).

    Examples
    --------
    >>> as_tuple(2, 3), as_tuple((1, 2), 2)
    ((2, 2, 2), (1, 2))
    """
    if isinstance(x, (int, numpy.integer)):
        return (int(x),) * n
    assert len(x) == n
    return tuple(int(v) for v in x)


def im2col_nd(img, ksize, stride, pad, pval=0, cover_all=False, dilate=1):
    """Extract sliding N-d windows.

    Parameters
    ----------
    img : ndarray
        ``(n, c, d_1, ..., d_N)``.
    ksize, stride, pad : tuple of int
        One entry per spatial axis.
    pval : scalar
        Padding value.
    cover_all : bool
        See :func:`chainer.utils.conv.get_conv_outsize`.
    dilate : int or tuple of int

    Returns
    -------
    ndarray
        ``(n, c, k_1, ..., k_N, out_1, ..., out_N)``.
    """
    ndim = img.ndim - 2
    return conv._im2col_nd(img, as_tuple(ksize, ndim), as_tuple(stride, ndim),
                           as_tuple(pad, ndim), pval, cover_all,
                           as_tuple(dilate, ndim))


def col2im_nd(col, stride, pad, dims, dilate=1):
    """Sum N-d patches back into an image (adjoint of :func:`im2col_nd`).

    Parameters
    ----------
    col : ndarray
        ``(n, c, k_1, ..., k_N, out_1, ..., out_N)``.
    stride, pad : tuple of int
    dims : tuple of int
        Spatial shape of the result.
    dilate : int or tuple of int

    Returns
    -------
    ndarray
        ``(n, c, d_1, ..., d_N)``.
    """
    ndim = len(dims)
    return conv._col2im_nd(col, as_tuple(stride, ndim), as_tuple(pad, ndim),
                           tuple(dims), as_tuple(dilate, ndim))


def im2col_nd_gpu(img, ksize, stride, pad, cover_all=False, dilate=1):
    """:func:`im2col_nd` of a cupy image in one elementwise kernel
    (Chainer's signature: no ``pval``, padding reads zero)."""
    return im2col_nd(img, ksize, stride, pad, 0, cover_all, dilate)


def col2im_nd_gpu(col, stride, pad, dims, dilate=1):
    """:func:`col2im_nd` of a cupy patch array in one elementwise kernel."""
    return col2im_nd(col, stride, pad, dims, dilate)


# Chainer's CPU names; both dispatch on the array type.
im2col_nd_cpu = im2col_nd
col2im_nd_cpu = col2im_nd
