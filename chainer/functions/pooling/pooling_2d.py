"""Common base of the 2-d pooling nodes, and the elementwise kernels that
average pooling and unpooling share on cupy arrays.

The kernels run one thread per output element with the index arithmetic
in ``I`` (int32, or int64 for arrays past 2**31 elements).  Their scalar
arguments are the geometry ``h, w, out_h, out_w, kh, kw, sy, sx, ph, pw``
(input and output spatial sizes of the pooling, window, stride, pad).
"""
import numpy

from chainer.backends import cuda
from chainer import function_node
from chainer.utils import conv_nd_kernel
from chainer.utils import type_check

GEOMETRY_PARAMS = ('I h, I w, I out_h, I out_w, I kh, I kw, I sy, I sx, '
                   'I ph, I pw')

# Decodes the output element ``i`` of a pooling into ``nc`` (image number
# times channels plus channel) and the window origin ``y0, x0``.
WINDOW_ORIGIN = '''
    I ox = i % out_w;
    I oy = i / out_w % out_h;
    I nc = i / (out_w * out_h);
    I y0 = oy * sy - ph;
    I x0 = ox * sx - pw;
'''

# Loops over the windows holding the input element ``i``, kernel offsets in
# C order (as col2im adds them), with the output element ``off`` and the
# offset ``ky * kw + kx`` in scope of the body.
_WINDOWS_OF_INPUT = '''
    I xx = i % w + pw;
    I yy = i / w % h + ph;
    I nc = i / (w * h);
    for (I ky = 0; ky < kh; ++ky) {{
      I ty = yy - ky;
      if (ty < 0) break;
      if (ty % sy != 0) continue;
      ty /= sy;
      if (ty >= out_h) continue;
      for (I kx = 0; kx < kw; ++kx) {{
        I tx = xx - kx;
        if (tx < 0) break;
        if (tx % sx != 0) continue;
        tx /= sx;
        if (tx >= out_w) continue;
        I off = (nc * out_h + ty) * out_w + tx;
        {body}
      }}
    }}
'''


def windows_of_input(body):
    """Kernel code running ``body`` for each window that holds element ``i``
    of the input (see ``_WINDOWS_OF_INPUT``)."""
    return _WINDOWS_OF_INPUT.format(body=body)


def geometry(x_shape, y_shape, node):
    """The kernels' geometry scalars for an input of ``x_shape`` pooled
    into ``y_shape`` by ``node`` (a :class:`Pooling2D`)."""
    it = conv_nd_kernel.index_type(
        numpy.prod(x_shape, dtype=numpy.int64),
        numpy.prod(y_shape, dtype=numpy.int64))
    return [it(v) for v in (x_shape[2], x_shape[3], y_shape[2], y_shape[3],
                            node.kh, node.kw, node.sy, node.sx, node.ph,
                            node.pw)]


def acc_dtype(dtype):
    """Accumulation dtype of window sums: float16 sums run in float32."""
    return numpy.dtype('f') if dtype.itemsize < 4 else numpy.dtype(dtype)


def window_sum_gpu(x, out_h, out_w, node, divisor):
    """``sum(window) / divisor`` for every pooling window of the cupy array
    ``x`` (padding counts as zero), accumulated in :func:`acc_dtype`."""
    n, c, h, w = x.shape
    x = cuda.cupy.ascontiguousarray(x)
    y = cuda.cupy.empty((n, c, out_h, out_w), x.dtype)
    kernel = cuda.elementwise(
        'raw T x, A divisor, ' + GEOMETRY_PARAMS, 'T y',
        WINDOW_ORIGIN + '''
        A val = A(0);
        for (I ky = 0; ky < kh; ++ky) {
          I yy = y0 + ky;
          if (yy < 0 || yy >= h) continue;
          for (I kx = 0; kx < kw; ++kx) {
            I xx = x0 + kx;
            if (xx < 0 || xx >= w) continue;
            val = val + A(x[(nc * h + yy) * w + xx]);
          }
        }
        y = T(val / divisor);''', 'pool_window_sum')
    kernel(x, acc_dtype(x.dtype).type(divisor),
           *(geometry(x.shape, y.shape, node) + [y]))
    return y


def spread_gpu(gy, in_shape, node, coeff):
    """``gy * coeff`` added over every window into an array of
    ``in_shape``: col2im of the broadcast ``gy * coeff``, in one kernel."""
    gy = cuda.cupy.ascontiguousarray(gy)
    gx = cuda.cupy.empty(in_shape, gy.dtype)
    kernel = cuda.elementwise(
        'raw T gy, T coeff, ' + GEOMETRY_PARAMS, 'T gx',
        'T val = T(0);' + windows_of_input(
            'val = val + gy[off] * coeff;') + 'gx = val;',
        'pool_spread')
    kernel(gy, coeff, *(geometry(in_shape, gy.shape, node) + [gx]))
    return gx


def _pair(x):
    if isinstance(x, (int, numpy.integer)):
        return int(x), int(x)
    return tuple(int(v) for v in x)


class Pooling2D(function_node.FunctionNode):
    """Base class of 2-d pooling over ``(n, c, h, w)`` inputs.

    Parameters
    ----------
    ksize : int or pair of int
        Window size.
    stride : int, pair of int or None
        Window step; equal to ``ksize`` when None.
    pad : int or pair of int
        Padding on each side.
    cover_all : bool
        Add windows so that every input pixel is covered.
    """

    def __init__(self, ksize, stride=None, pad=0, cover_all=True):
        if stride is None:
            stride = ksize
        self.kh, self.kw = _pair(ksize)
        self.sy, self.sx = _pair(stride)
        self.ph, self.pw = _pair(pad)
        self.cover_all = cover_all

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].ndim == 4,
        )

    def _params(self):
        return (self.kh, self.kw), (self.sy, self.sx), (self.ph, self.pw)
