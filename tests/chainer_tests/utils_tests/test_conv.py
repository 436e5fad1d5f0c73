import numpy
import pytest

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
