"""Elementwise kernels behind im2col/col2im for cupy arrays.

The kernels are generated for any number of spatial axes ``N``, one thread
per output element, as Chainer's ``conv_nd_kernel`` does:

* im2col gathers, for each patch element ``col[n, c, k_1..k_N, o_1..o_N]``,
  the image element ``x_j = k_j * dilate_j + o_j * stride_j - pad_j`` or the
  padding value;
* col2im sums, for each image element, the patch elements that read it, in
  the order of the kernel offsets (the first axis slowest), which is the
  order in which the NumPy path adds them, so both round alike.

Index arithmetic is done in the type ``I``: int32 when every offset fits,
int64 otherwise (the scalars passed in decide it).

Examples
--------
>>> from chainer.utils import conv_nd_kernel
>>> x = cupy.zeros((1, 1, 4, 4), cupy.float32)  # doctest: +SKIP
>>> conv_nd_kernel.im2col(x, (2, 2), (2, 2), (0, 0), 0, (2, 2),
...                       (1, 1)).shape  # doctest: +SKIP
(1, 1, 2, 2, 2, 2)
"""
import numpy

from chainer.backends import cuda

_INT32_MAX = 2 ** 31 - 1


def index_type(*sizes):
    """``numpy.int32`` when every size (element count) fits in 31 bits."""
    return numpy.int32 if max(sizes) <= _INT32_MAX else numpy.int64


def _names(prefix, ndim):
    return ['{}{}'.format(prefix, j) for j in range(ndim)]


def _scalar_params(ndim, *prefixes):
    return ', '.join('I ' + name for prefix in prefixes
                     for name in _names(prefix, ndim))


@cuda.memoize(for_each_device=True)
def _im2col_kernel(matrix):
    # ``tab`` holds, for each (o..., k...) pair, the offset of the element
    # that the patch reads within one image channel, or -1 for padding (see
    # _offset_table), so that a thread does two or four divisions instead of
    # two per spatial axis.  ``i`` enumerates the patches in the order
    # (n, c, k..., o...) or, with ``matrix``, in the order (group, n, o...,
    # c within the group, k...) of the convolution's matrix product, so that
    # the kernel writes its output contiguously.  Scalars: K and O, the
    # numbers of kernel and output positions, D, the elements of a channel,
    # nb, ch and cg, the batch size, the channels and those per group.
    if matrix:
        body = (
            'I _k = i % K; I _r = i / K;'
            'I _c = _r % cg; _r /= cg;'
            'I _o = _r % O; _r /= O;'
            'I _n = _r % nb; _r /= nb;'
            'I _src = (_n * ch + _r * cg + _c) * D;')
    else:
        body = (
            'I _o = i % O; I _r = i / O;'
            'I _k = _r % K; _r /= K;'
            'I _src = _r * D;')
    body += 'I _off = tab[_o * K + _k];'
    body += 'col = _off >= 0 ? img[_src + _off] : pval;'
    return cuda.elementwise(
        'raw T img, raw I tab, T pval, I K, I O, I D, I nb, I ch, I cg',
        'T col', body, 'im2col{}'.format('_matrix' if matrix else ''))


@cuda.memoize(for_each_device=True)
def _offset_table(dims, outs, ksize, stride, pad, dilate, dtype):
    """``(prod(outs) * prod(ksize),)`` offsets, (o..., k...) in C order, of
    the image element each patch element reads within one C-contiguous
    channel of shape ``dims``, -1 where it reads padding; on the current
    device, cached per configuration."""
    ndim = len(dims)
    o = numpy.indices(outs).reshape(ndim, -1, 1)
    k = numpy.indices(ksize).reshape(ndim, 1, -1)
    offset = numpy.zeros((o.shape[1], k.shape[2]), numpy.int64)
    inside = numpy.ones(offset.shape, bool)
    for j in range(ndim):
        x = k[j] * dilate[j] + o[j] * stride[j] - pad[j]
        inside &= (0 <= x) & (x < dims[j])
        offset = offset * dims[j] + x
    offset[~inside] = -1
    return cuda.cupy.asarray(offset.ravel().astype(dtype))


@cuda.memoize(for_each_device=True)
def _col2im_kernel(ndim):
    # Scalars as in _im2col_kernel, plus the channel count ch and the
    # element strides of col: cs_n, cs_c, then csk (kernel axes) and cso
    # (output axes), so that transposed or broadcast views need no copy.
    axes = range(ndim)
    lines = ['I _r = i;']
    for j in reversed(axes):
        lines.append('I x{0} = _r % d{0} + pd{0}; _r /= d{0};'.format(j))
    lines.append('I _b = (_r / ch) * cs_n + (_r % ch) * cs_c;')
    lines.append('T _val = T(0);')
    prev = '_b'
    for j in axes:
        lines.append('for (I k{0} = 0; k{0} < kd{0}; ++k{0}) {{'.format(j))
        lines.append('I t{0} = x{0} - k{0} * dd{0};'.format(j))
        # Later offsets only move further left.
        lines.append('if (t{0} < 0) break;'.format(j))
        lines.append('if (t{0} % sd{0} != 0) continue;'.format(j))
        lines.append('t{0} /= sd{0};'.format(j))
        lines.append('if (t{0} >= od{0}) continue;'.format(j))
        lines.append('I b{0} = {1} + k{0} * csk{0} + t{0} * cso{0};'.format(
            j, prev))
        prev = 'b{}'.format(j)
    lines.append('_val = _val + col.data()[{}];'.format(prev))
    lines.extend('}' for _ in axes)
    lines.append('img = _val;')
    return cuda.elementwise(
        'raw T col, I ch, I cs_n, I cs_c, '
        + _scalar_params(ndim, 'd', 'od', 'kd', 'sd', 'pd', 'dd', 'csk',
                         'cso'),
        'T img', '\n'.join(lines), 'col2im_{}d'.format(ndim))


def im2col(img, ksize, stride, pad, pval, outs, dilate, groups=None):
    """im2col of a cupy image in one kernel.

    Parameters
    ----------
    img : cupy.ndarray
        ``(n, c, d_1, ..., d_N)``.
    ksize, stride, pad, dilate : tuple of int
    pval : scalar
        Value of the elements outside the image.
    outs : tuple of int
        Output spatial shape (any; windows past the image read ``pval``).
    groups : int, optional
        Lay the patches out as the matrices of a grouped convolution
        instead, ``(groups, n * prod(outs), c / groups * prod(ksize))``.

    Returns
    -------
    cupy.ndarray
        ``(n, c, k_1, ..., k_N, out_1, ..., out_N)``, or the matrices.
    """
    cupy = cuda.cupy
    ndim = len(ksize)
    n, c = img.shape[:2]
    dims = img.shape[2:]
    k_size = int(numpy.prod(ksize, dtype=numpy.int64))
    out_size = int(numpy.prod(outs, dtype=numpy.int64))
    if groups is None:
        shape = (n, c) + tuple(ksize) + tuple(outs)
        cg = c
    else:
        cg = c // groups
        shape = (groups, n * out_size, cg * k_size)
    col = cupy.empty(shape, dtype=img.dtype)
    img = cupy.ascontiguousarray(img)
    it = index_type(img.size, col.size)
    tab = _offset_table(tuple(dims), tuple(outs), tuple(ksize), tuple(stride),
                        tuple(pad), tuple(dilate), it)
    d_size = int(numpy.prod(dims, dtype=numpy.int64))
    scalars = [it(v) for v in (k_size, out_size, d_size, n, c, cg)]
    _im2col_kernel(groups is not None)(img, tab, pval, *(scalars + [col]))
    return col


def col2im(col, stride, pad, dims, dilate):
    """col2im of a cupy patch array in one kernel.

    Parameters
    ----------
    col : cupy.ndarray
        ``(n, c, k_1, ..., k_N, out_1, ..., out_N)``, any strides
        (including broadcast zeros).
    stride, pad, dilate : tuple of int
    dims : tuple of int
        Spatial shape of the image.

    Returns
    -------
    cupy.ndarray
        ``(n, c, d_1, ..., d_N)``, C-contiguous.
    """
    cupy = cuda.cupy
    ndim = len(dims)
    n, c = col.shape[:2]
    ksize = col.shape[2:2 + ndim]
    outs = col.shape[2 + ndim:]
    img = cupy.empty((n, c) + tuple(dims), dtype=col.dtype)
    itemsize = col.dtype.itemsize
    assert all(s % itemsize == 0 for s in col.strides)
    cstrides = [s // itemsize for s in col.strides]
    span = sum(abs(s) * (d - 1) for s, d in zip(cstrides, col.shape)) + 1
    it = index_type(img.size, span)
    scalars = [it(v) for v in (
        (c,) + tuple(cstrides[:2]) + tuple(dims) + tuple(outs)
        + tuple(ksize) + tuple(stride) + tuple(pad) + tuple(dilate)
        + tuple(cstrides[2:2 + ndim]) + tuple(cstrides[2 + ndim:]))]
    _col2im_kernel(ndim)(col, *(scalars + [img]))
    return img
