import numpy
import pytest

from chainer.backends import cuda
from chainer import testing
from chainer.utils import conv
from chainer.utils import conv_nd


def _ref_im2col(img, kh, kw, sy, sx, ph, pw, pval, cover_all, dy, dx):
    # Direct definition: col[..., i, j, y, x] = img[..., y*sy + i*dy - ph,
    # x*sx + j*dx - pw], or pval outside the image.
    n, c, h, w = img.shape
    dkh, dkw = (kh - 1) * dy + 1, (kw - 1) * dx + 1
    extra_y = sy - 1 if cover_all else 0
    extra_x = sx - 1 if cover_all else 0
    out_h = (h + 2 * ph - dkh + extra_y) // sy + 1
    out_w = (w + 2 * pw - dkw + extra_x) // sx + 1
    col = numpy.empty((n, c, kh, kw, out_h, out_w), img.dtype)
    for i in range(kh):
        for j in range(kw):
            for y in range(out_h):
                for x in range(out_w):
                    r = y * sy + i * dy - ph
                    s = x * sx + j * dx - pw
                    if 0 <= r < h and 0 <= s < w:
                        col[:, :, i, j, y, x] = img[:, :, r, s]
                    else:
                        col[:, :, i, j, y, x] = pval
    return col


@testing.parameterize(*testing.product({
    'params': [
        # kh, kw, sy, sx, ph, pw, dy, dx
        (1, 1, 1, 1, 0, 0, 1, 1),
        (3, 2, 1, 1, 1, 0, 1, 1),
        (3, 3, 2, 3, 1, 2, 1, 1),
        (2, 3, 2, 1, 0, 1, 2, 3),
        (3, 2, 3, 2, 2, 1, 2, 1),
    ],
    'cover_all': [False, True],
    'pval': [0, -1.5],
}))
class TestIm2Col(object):

    def setup_method(self):
        self.img = numpy.random.uniform(-1, 1, (2, 3, 7, 8)).astype(
            numpy.float32)

    def test_against_reference(self):
        kh, kw, sy, sx, ph, pw, dy, dx = self.params
        col = conv.im2col(self.img, kh, kw, sy, sx, ph, pw, pval=self.pval,
                          cover_all=self.cover_all, dy=dy, dx=dx)
        expected = _ref_im2col(self.img, kh, kw, sy, sx, ph, pw, self.pval,
                               self.cover_all, dy, dx)
        assert col.dtype == self.img.dtype
        numpy.testing.assert_array_equal(col, expected)

    def test_portable_path_matches_strided(self):
        # The slice-per-offset path is what non-NumPy arrays use.
        kh, kw, sy, sx, ph, pw, dy, dx = self.params
        args = (self.img, (kh, kw), (sy, sx), (ph, pw), self.pval,
                self.cover_all, (dy, dx))
        numpy.testing.assert_array_equal(
            conv._im2col_nd(*args, use_strides=True),
            conv._im2col_nd(*args, use_strides=False))

    def test_col2im_is_adjoint(self):
        # <im2col(x), c> == <x, col2im(c)> for zero padding.
        kh, kw, sy, sx, ph, pw, dy, dx = self.params
        x = self.img.astype(numpy.float64)
        col = conv.im2col(x, kh, kw, sy, sx, ph, pw,
                          cover_all=self.cover_all, dy=dy, dx=dx)
        c = numpy.random.uniform(-1, 1, col.shape)
        img = conv.col2im(c, sy, sx, ph, pw, 7, 8, dy=dy, dx=dx)
        assert img.shape == x.shape
        testing.assert_allclose((col * c).sum(), (x * img).sum(),
                                atol=1e-10, rtol=1e-10)

    def test_outsize_matches(self):
        kh, kw, sy, sx, ph, pw, dy, dx = self.params
        col = conv.im2col(self.img, kh, kw, sy, sx, ph, pw,
                          cover_all=self.cover_all, dy=dy, dx=dx)
        assert col.shape[4] == conv.get_conv_outsize(
            7, kh, sy, ph, self.cover_all, dy)
        assert col.shape[5] == conv.get_conv_outsize(
            8, kw, sx, pw, self.cover_all, dx)


@testing.attr.gpu
@testing.parameterize(*testing.product({
    'params': [
        # kh, kw, sy, sx, ph, pw, dy, dx
        (1, 1, 1, 1, 0, 0, 1, 1),
        (3, 2, 1, 1, 1, 0, 1, 1),
        (3, 3, 2, 3, 1, 2, 1, 1),
        (2, 3, 2, 1, 0, 1, 2, 3),
        (3, 2, 3, 2, 2, 1, 2, 1),
        (4, 4, 3, 3, 3, 3, 1, 1),
    ],
    'cover_all': [False, True],
}))
class TestIm2ColGPU(object):
    # The kernels against the NumPy path: im2col copies, and col2im adds
    # in the same order, so both are exact.

    def setup_method(self):
        rng = numpy.random.RandomState(0)
        self.img = rng.uniform(-1, 1, (2, 3, 7, 8)).astype(numpy.float32)
        kh, kw, sy, sx, ph, pw, dy, dx = self.params
        col = conv.im2col_cpu(self.img, kh, kw, sy, sx, ph, pw,
                              cover_all=self.cover_all, dy=dy, dx=dx)
        self.col = rng.uniform(-1, 1, col.shape).astype(numpy.float32)

    def test_im2col_gpu(self):
        kh, kw, sy, sx, ph, pw, dy, dx = self.params
        for pval in (0, -numpy.inf):
            expected = conv.im2col_cpu(self.img, kh, kw, sy, sx, ph, pw,
                                       pval=pval, cover_all=self.cover_all,
                                       dy=dy, dx=dx)
            col = conv.im2col_gpu(cuda.to_gpu(self.img), kh, kw, sy, sx,
                                  ph, pw, self.cover_all, dy, dx, pval=pval)
            assert isinstance(col, cuda.ndarray)
            numpy.testing.assert_array_equal(cuda.to_cpu(col), expected)
            # The generic entry point dispatches to the kernel as well.
            col = conv.im2col(cuda.to_gpu(self.img), kh, kw, sy, sx, ph, pw,
                              pval=pval, cover_all=self.cover_all, dy=dy,
                              dx=dx)
            numpy.testing.assert_array_equal(cuda.to_cpu(col), expected)

    def test_col2im_gpu(self):
        kh, kw, sy, sx, ph, pw, dy, dx = self.params
        expected = conv.col2im_cpu(self.col, sy, sx, ph, pw, 7, 8, dy, dx)
        img = conv.col2im_gpu(cuda.to_gpu(self.col), sy, sx, ph, pw, 7, 8,
                              dy, dx)
        assert isinstance(img, cuda.ndarray)
        assert img.shape == expected.shape
        numpy.testing.assert_array_equal(cuda.to_cpu(img), expected)

    def test_col2im_gpu_strided_views(self):
        # Transposed and broadcast patch arrays are read in place.
        kh, kw, sy, sx, ph, pw, dy, dx = self.params
        expected = conv.col2im_cpu(self.col, sy, sx, ph, pw, 7, 8, dy, dx)
        gcol = cuda.to_gpu(numpy.ascontiguousarray(self.col.T)).T
        img = conv.col2im_gpu(gcol, sy, sx, ph, pw, 7, 8, dy, dx)
        numpy.testing.assert_array_equal(cuda.to_cpu(img), expected)
        shape = self.col.shape
        small = self.col[:, :, :1, :1]
        expected = conv.col2im_cpu(numpy.broadcast_to(small, shape), sy, sx,
                                   ph, pw, 7, 8, dy, dx)
        gcol = cuda.cupy.broadcast_to(cuda.to_gpu(small), shape)
        img = conv.col2im_gpu(gcol, sy, sx, ph, pw, 7, 8, dy, dx)
        numpy.testing.assert_array_equal(cuda.to_cpu(img), expected)


@testing.attr.gpu
def test_im2col_gpu_out_size():
    # Windows past the padded image read zero.
    img = numpy.arange(16, dtype=numpy.float32).reshape(1, 1, 4, 4)
    col = conv.im2col_gpu(cuda.to_gpu(img), 2, 2, 2, 2, 0, 0, out_h=3,
                          out_w=2)
    assert col.shape == (1, 1, 2, 2, 3, 2)
    col = cuda.to_cpu(col)
    numpy.testing.assert_array_equal(
        col[:, :, :, :, :2], conv.im2col_cpu(img, 2, 2, 2, 2, 0, 0))
    assert (col[:, :, :, :, 2] == 0).all()


@testing.attr.gpu
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float64])
def test_im2col_col2im_gpu_dtypes(dtype):
    rng = numpy.random.RandomState(1)
    img = rng.uniform(-1, 1, (2, 2, 5, 6)).astype(dtype)
    expected = conv.im2col_cpu(img, 3, 2, 2, 1, 1, 1, cover_all=True)
    col = conv.im2col_gpu(cuda.to_gpu(img), 3, 2, 2, 1, 1, 1, True)
    numpy.testing.assert_array_equal(cuda.to_cpu(col), expected)
    c = rng.uniform(-1, 1, expected.shape).astype(dtype)
    numpy.testing.assert_array_equal(
        cuda.to_cpu(conv.col2im_gpu(cuda.to_gpu(c), 2, 1, 1, 1, 5, 6)),
        conv.col2im_cpu(c, 2, 1, 1, 1, 5, 6))


class TestOutsize(object):

    def test_conv_outsize(self):
        assert conv.get_conv_outsize(5, 3, 1, 0) == 3
        assert conv.get_conv_outsize(5, 3, 1, 1) == 5
        assert conv.get_conv_outsize(5, 3, 2, 0) == 2
        assert conv.get_conv_outsize(6, 3, 2, 0) == 2
        assert conv.get_conv_outsize(6, 3, 2, 0, cover_all=True) == 3
        # Dilation 2 turns a 3-tap filter into a 5-wide one.
        assert conv.get_conv_outsize(7, 3, 1, 0, d=2) == 3

    def test_deconv_outsize(self):
        assert conv.get_deconv_outsize(3, 3, 1, 0) == 5
        assert conv.get_deconv_outsize(2, 3, 2, 0) == 5
        assert conv.get_deconv_outsize(2, 3, 2, 0, cover_all=True) == 4
        assert conv.get_deconv_outsize(3, 3, 1, 0, d=2) == 7

    @pytest.mark.parametrize('cover_all', [False, True])
    def test_round_trip(self, cover_all):
        for size in range(1, 8):
            for k in range(1, 4):
                for s in range(1, 4):
                    for p in range(0, 2):
                        for d in (1, 2):
                            out = conv.get_deconv_outsize(
                                size, k, s, p, cover_all, d)
                            if out <= 0:
                                continue
                            assert conv.get_conv_outsize(
                                out, k, s, p, cover_all, d) == size


class TestConvND(object):

    def test_im2col_nd_3d(self):
        img = numpy.random.uniform(-1, 1, (1, 2, 4, 5, 3))
        col = conv_nd.im2col_nd(img, (2, 3, 1), (2, 1, 1), (0, 1, 0),
                                dilate=(1, 1, 1))
        assert col.shape == (1, 2, 2, 3, 1, 2, 5, 3)
        # Window offset (1, 2, 0) at output (1, 3, 2) reads
        # img[..., 1*2 + 1, 3 + 2 - 1, 2].
        numpy.testing.assert_array_equal(col[:, :, 1, 2, 0, 1, 3, 2],
                                         img[:, :, 3, 4, 2])
        # Output x = 0 with offset 0 reads padding.
        assert (col[:, :, 0, 0, 0, 0, 0, 0] == 0).all()

    def test_col2im_nd_adjoint(self):
        x = numpy.random.uniform(-1, 1, (2, 1, 5, 4, 3))
        ksize, stride, pad = (2, 2, 3), (2, 1, 1), (1, 0, 1)
        col = conv_nd.im2col_nd(x, ksize, stride, pad, cover_all=True,
                                dilate=(1, 2, 1))
        c = numpy.random.uniform(-1, 1, col.shape)
        img = conv_nd.col2im_nd(c, stride, pad, x.shape[2:],
                                dilate=(1, 2, 1))
        testing.assert_allclose((col * c).sum(), (x * img).sum(),
                                atol=1e-10, rtol=1e-10)

    def test_as_tuple(self):
        assert conv_nd.as_tuple(2, 3) == (2, 2, 2)
        assert conv_nd.as_tuple([1, 2], 2) == (1, 2)
        with pytest.raises(AssertionError):
            conv_nd.as_tuple((1, 2), 3)


@testing.attr.gpu
@pytest.mark.parametrize('shape,ksize,stride,pad,dilate', [
    ((2, 3, 5, 4, 6), (2, 2, 3), (2, 1, 1), (1, 0, 1), (1, 2, 1)),
    ((2, 2, 9), (3,), (2,), (1,), (2,)),
])
@pytest.mark.parametrize('cover_all', [False, True])
def test_im2col_col2im_nd_gpu(shape, ksize, stride, pad, dilate, cover_all):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, shape).astype(numpy.float32)
    expected = conv_nd.im2col_nd_cpu(x, ksize, stride, pad,
                                     cover_all=cover_all, dilate=dilate)
    col = conv_nd.im2col_nd_gpu(cuda.to_gpu(x), ksize, stride, pad,
                                cover_all, dilate)
    assert isinstance(col, cuda.ndarray)
    numpy.testing.assert_array_equal(cuda.to_cpu(col), expected)
    c = rng.uniform(-1, 1, expected.shape).astype(numpy.float32)
    img = conv_nd.col2im_nd_gpu(cuda.to_gpu(c), stride, pad, shape[2:],
                                dilate)
    numpy.testing.assert_array_equal(
        cuda.to_cpu(img),
        conv_nd.col2im_nd_cpu(c, stride, pad, shape[2:], dilate))
