"""The transforms of cupy.fft against numpy.fft: every function, type, norm, n/s padding and
cropping, axes, layouts and out=."""
import warnings

import numpy
import pytest

import cupy
from cupy import testing

_NORMS = (None, "backward", "ortho", "forward")
# Single precision is computed in single precision on both sides (NumPy 2 keeps float32);
# the two backends may order the butterflies differently.
_RTOL = {numpy.complex64: 2e-5, numpy.float32: 2e-5, "default": 1e-10}
_ATOL = {numpy.complex64: 2e-5, numpy.float32: 2e-5, "default": 1e-10}

_C2C = ("fft", "ifft")
_R2C = ("rfft", "ihfft")
_C2R = ("irfft", "hfft")


def _input(xp, shape, dtype, seed=0):
    return testing.shaped_random(shape, xp, dtype, seed=seed)


def _half_as_single(xp, a):
    # CuPy transforms float16 as float32 (it has no half-precision transforms). NumPy also
    # computes in float32 but scales in float16 and returns float16 from irfft/hfft, so the
    # reference is NumPy's transform of the float32 input.
    if xp is numpy and a.dtype == numpy.float16:
        return a.astype(numpy.float32)
    return a


def _no_complex(func, dtype):
    return func in _R2C + ("rfft2", "rfftn") and numpy.dtype(dtype).kind == "c"


class TestOneAxisTypesAndNorms:

    @pytest.mark.parametrize("func", _C2C + _R2C + _C2R)
    @pytest.mark.parametrize("norm", _NORMS)
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_types_and_norms(self, xp, dtype, func, norm):
        if _no_complex(func, dtype):
            pytest.skip("real transforms reject complex input (tested below)")
        a = _half_as_single(xp, _input(xp, (3, 10), dtype))
        return getattr(xp.fft, func)(a, norm=norm)

    @pytest.mark.parametrize("func", _R2C)
    @testing.for_complex_dtypes()
    @testing.numpy_cupy_allclose(accept_error=TypeError)
    def test_real_transforms_reject_complex(self, xp, dtype, func):
        return getattr(xp.fft, func)(_input(xp, (4,), dtype))


class TestOneAxisSizes:

    @pytest.mark.parametrize("func", _C2C + _R2C + _C2R)
    @pytest.mark.parametrize("n", [None, 1, 2, 5, 7, 8, 16, 31])
    @pytest.mark.parametrize("dtype", [numpy.float32, numpy.complex128])
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_n_pads_and_crops(self, xp, func, n, dtype):
        if _no_complex(func, dtype):
            dtype = numpy.float64
        return getattr(xp.fft, func)(_input(xp, (2, 8), dtype), n=n)

    @pytest.mark.parametrize("func", _C2C + _R2C + _C2R)
    @pytest.mark.parametrize("shape,axis", [
        ((10,), 0), ((10,), -1), ((4, 6), 0), ((4, 6), -2), ((2, 3, 5), 1), ((2, 3, 5), 0),
        ((1, 7), 0), ((7, 1), 1), ((1,), 0), ((3, 1, 2), -2)])
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_axes_and_shapes(self, xp, func, shape, axis):
        if func in _C2R and shape[axis] == 1:
            pytest.skip("the default n is 0 (tested in the errors)")
        return getattr(xp.fft, func)(_input(xp, shape, numpy.float64), axis=axis)

    @pytest.mark.parametrize("func", _C2C + _R2C + _C2R)
    @pytest.mark.parametrize("shape,axis,n", [
        ((0, 4), 1, None), ((3, 0), 0, None), ((0, 4), 1, 6), ((3, 0), 1, 4), ((2, 0, 3), 2, 2)])
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_empty(self, xp, func, shape, axis, n):
        return getattr(xp.fft, func)(_input(xp, shape, numpy.float64), n=n, axis=axis)

    @pytest.mark.parametrize("func", _C2C + _R2C + _C2R)
    @pytest.mark.parametrize("view", ["reversed", "strided", "transposed", "reversed_axis0"])
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_non_contiguous_input(self, xp, func, view):
        a = _input(xp, (6, 10), numpy.float32)
        a = {"reversed": a[:, ::-1], "strided": a[::2, ::3], "transposed": a.T,
             "reversed_axis0": a[::-1]}[view]
        return (getattr(xp.fft, func)(a), getattr(xp.fft, func)(a, axis=0))

    @testing.for_all_dtypes(no_bool=True)
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_input_is_not_modified(self, xp, dtype):
        a = _input(xp, (3, 8), dtype)
        b = a.copy()
        xp.fft.ifft(a)
        xp.fft.hfft(a)
        if a.dtype.kind != "c":
            xp.fft.rfft(a)
        xp.fft.irfftn(a)
        xp.fft.irfft(a, axis=0, n=5)
        testing.assert_array_equal(a, b)
        return a


class TestOneAxisErrors:

    @pytest.mark.parametrize("func", _C2C + _R2C + _C2R)
    @pytest.mark.parametrize("n", [0, -1])
    @testing.numpy_cupy_allclose(accept_error=ValueError)
    def test_bad_n(self, xp, func, n):
        return getattr(xp.fft, func)(_input(xp, (4,), numpy.float64), n=n)

    @pytest.mark.parametrize("func", _C2C + _R2C + _C2R)
    def test_bad_n_message(self, func):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError,
                               match=r"Invalid number of FFT data points \(0\) specified\."):
                getattr(xp.fft, func)(_input(xp, (4,), numpy.float64), n=0)

    @pytest.mark.parametrize("func", _C2R)
    @testing.numpy_cupy_allclose(accept_error=ValueError)
    def test_default_n_of_one_point_is_zero(self, xp, func):
        return getattr(xp.fft, func)(_input(xp, (3, 1), numpy.complex64))

    @pytest.mark.parametrize("func", _C2C + _R2C)
    @testing.numpy_cupy_allclose(accept_error=ValueError)
    def test_empty_axis_without_n(self, xp, func):
        return getattr(xp.fft, func)(xp.zeros((3, 0)))

    @pytest.mark.parametrize("func", _C2C + _R2C + _C2R)
    @pytest.mark.parametrize("axis,n", [(2, None), (-3, None), (2, 4), (-3, 4)])
    @testing.numpy_cupy_allclose(accept_error=IndexError)
    def test_bad_axis(self, xp, func, axis, n):
        return getattr(xp.fft, func)(_input(xp, (3, 4), numpy.float64), n=n, axis=axis)

    @pytest.mark.parametrize("func", _C2C + _R2C + _C2R)
    @testing.numpy_cupy_allclose(accept_error=IndexError)
    def test_zero_dim(self, xp, func):
        return getattr(xp.fft, func)(xp.asarray(3.0))

    @pytest.mark.parametrize("func", _C2C + _R2C + _C2R)
    @testing.numpy_cupy_allclose(accept_error=ValueError)
    def test_bad_norm(self, xp, func):
        return getattr(xp.fft, func)(_input(xp, (4,), numpy.float64), norm="both")

    @testing.numpy_cupy_allclose(accept_error=TypeError)
    def test_float_n(self, xp):
        return xp.fft.fft(_input(xp, (4,), numpy.float64), n=3.0)


class TestManyAxes:

    @pytest.mark.parametrize("func", ["fft2", "ifft2", "fftn", "ifftn", "rfft2", "irfft2",
                                      "rfftn", "irfftn"])
    @pytest.mark.parametrize("norm", _NORMS)
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_types_and_norms(self, xp, dtype, func, norm):
        if _no_complex(func, dtype):
            pytest.skip("real transforms reject complex input")
        a = _half_as_single(xp, _input(xp, (2, 4, 6), dtype))
        return getattr(xp.fft, func)(a, norm=norm)

    @pytest.mark.parametrize("func", ["fftn", "ifftn", "rfftn", "irfftn"])
    @pytest.mark.parametrize("s,axes", [
        (None, None), (None, (0,)), (None, (-1, 0)), (None, (2, 0, 1)), (None, (1, 2)),
        ((3, 5), (0, 2)), ((4, 4, 4), (0, 1, 2)), ((1, 1), (1, 2)), ((6,), (1,)),
        ((-1, 7), (0, 2)), ((2, 3, 4), (2, 1, 0)), (None, (0, 1, 2, 3)),
        ((3, 2, 5, 4), (3, 2, 1, 0)), (None, (3, 1))])
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_s_and_axes(self, xp, func, s, axes):
        return getattr(xp.fft, func)(_input(xp, (3, 4, 5, 2), numpy.float64), s=s, axes=axes)

    @pytest.mark.parametrize("func", ["fftn", "ifftn", "rfftn", "irfftn"])
    @pytest.mark.parametrize("s,axes", [(None, (0, 0)), (None, (1, 0, 1)), ((3, 4), (-1, 1)),
                                        (None, (-2, 1))])
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_repeated_axes(self, xp, func, s, axes):
        return getattr(xp.fft, func)(_input(xp, (3, 4), numpy.complex128 if func in (
            "fftn", "ifftn", "irfftn") else numpy.float64), s=s, axes=axes)

    @pytest.mark.parametrize("func", ["fftn", "ifftn"])
    @testing.numpy_cupy_allclose()
    def test_no_axes_returns_the_input(self, xp, func):
        a = _input(xp, (3, 4), numpy.float32)
        b = getattr(xp.fft, func)(a, axes=())
        assert b is a
        return b

    @pytest.mark.parametrize("func", ["rfftn", "irfftn"])
    @testing.numpy_cupy_allclose(accept_error=IndexError)
    def test_no_axes_real(self, xp, func):
        return getattr(xp.fft, func)(_input(xp, (3, 4), numpy.float32), axes=())

    @pytest.mark.parametrize("func", ["fftn", "rfftn", "irfftn", "fft2"])
    @pytest.mark.parametrize("s,axes", [((2,), (0, 1)), ((2, 2), (0,))])
    @testing.numpy_cupy_allclose(accept_error=ValueError)
    def test_s_axes_length_mismatch(self, xp, func, s, axes):
        return getattr(xp.fft, func)(_input(xp, (3, 4), numpy.float64), s=s, axes=axes)

    @pytest.mark.parametrize("func", ["fftn", "rfftn", "irfftn"])
    @pytest.mark.parametrize("s,axes", [(None, (2,)), (None, (0, -3)), ((2, 2), (0, 2)),
                                        ((2, 0), (0, 1))])
    @testing.numpy_cupy_allclose(accept_error=(IndexError, ValueError))
    def test_bad_axes_and_sizes(self, xp, func, s, axes):
        return getattr(xp.fft, func)(_input(xp, (3, 4), numpy.float64), s=s, axes=axes)

    @pytest.mark.parametrize("func", ["fftn", "rfftn", "irfftn"])
    def test_deprecated_s_without_axes_warns(self, func):
        for xp in (numpy, cupy):
            with pytest.warns(DeprecationWarning, match="`axes` should not be `None`"):
                getattr(xp.fft, func)(_input(xp, (3, 4), numpy.float64), s=(3, 4))

    @pytest.mark.parametrize("func", ["fftn", "rfftn", "irfftn"])
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_none_in_s_warns_and_takes_the_default(self, xp, func):
        with pytest.warns(DeprecationWarning, match="containing `None`"):
            return getattr(xp.fft, func)(_input(xp, (3, 4), numpy.float64), s=(None, None),
                                         axes=(0, 1))

    @pytest.mark.parametrize("func", ["fft2", "rfft2", "irfft2", "ifftn"])
    @pytest.mark.parametrize("view", ["reversed", "strided", "transposed"])
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_non_contiguous_input(self, xp, func, view):
        a = _input(xp, (4, 6, 8), numpy.complex64 if func == "irfft2" else numpy.float32)
        a = {"reversed": a[::-1, :, ::-1], "strided": a[:, ::2, ::2],
             "transposed": a.transpose(2, 0, 1)}[view]
        return getattr(xp.fft, func)(a)

    @pytest.mark.parametrize("func", ["fftn", "ifftn", "rfftn", "irfftn"])
    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_empty_batch(self, xp, func):
        return getattr(xp.fft, func)(xp.zeros((0, 4, 6)), axes=(1, 2))


class TestOut:

    @pytest.mark.parametrize("func,shape,out_dtype", [
        ("fft", (3, 8), numpy.complex128), ("ifft", (3, 8), numpy.complex128),
        ("fft", (3, 8), numpy.complex64), ("rfft", (3, 5), numpy.complex128),
        ("irfft", (3, 8), numpy.float64), ("irfft", (3, 8), numpy.complex128),
        ("ihfft", (3, 5), numpy.complex128), ("fftn", (3, 8), numpy.complex128),
        ("rfftn", (3, 5), numpy.complex64), ("irfftn", (3, 8), numpy.float32)])
    @testing.numpy_cupy_allclose(rtol=1e-6, atol=1e-6, type_check=False)
    def test_out(self, xp, func, shape, out_dtype):
        a = _input(xp, (3, 8) if func not in ("irfft", "irfftn") else (3, 5), numpy.float64)
        out = xp.full(shape, 7, out_dtype)
        r = getattr(xp.fft, func)(a, out=out)
        assert r is out
        return out

    @pytest.mark.parametrize("func", ["hfft", "ifft2", "irfft2"])
    def test_out_is_honoured_where_numpy_ignores_it(self, func):
        a = _input(cupy, (4, 5), numpy.complex128)
        expected = getattr(numpy.fft, func)(a.get())
        out = cupy.empty(expected.shape, expected.dtype)
        assert getattr(cupy.fft, func)(a, out=out) is out
        testing.assert_allclose(out, expected, rtol=1e-10, atol=1e-10)

    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_out_may_be_the_input(self, xp):
        a = _input(xp, (4, 8), numpy.complex128)
        xp.fft.fft(a, out=a)
        b = _input(xp, (4, 8), numpy.complex128)
        xp.fft.ifft(b, axis=0, out=b[:, :])
        return a, b

    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_strided_out(self, xp):
        out = xp.zeros((8, 6), numpy.complex128)
        xp.fft.fft(_input(xp, (4, 6), numpy.float64), axis=0, out=out[::2])
        return out

    @pytest.mark.parametrize("shape", [(3, 7), (8,), (3, 8, 1)])
    @testing.numpy_cupy_allclose(accept_error=ValueError)
    def test_out_wrong_shape(self, xp, shape):
        return xp.fft.fft(_input(xp, (3, 8), numpy.float64), out=xp.empty(shape, numpy.complex128))

    @testing.numpy_cupy_allclose(accept_error=TypeError)
    def test_out_wrong_kind(self, xp):
        return xp.fft.fft(_input(xp, (3, 8), numpy.float64), out=xp.empty((3, 8)))


class TestFrequencies:

    @pytest.mark.parametrize("func", ["fftfreq", "rfftfreq"])
    @pytest.mark.parametrize("n", [1, 2, 5, 8, numpy.int64(9)])
    @pytest.mark.parametrize("d", [1.0, 0.25, 3, numpy.float32(0.5), 1j])
    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_freq(self, xp, func, n, d):
        return getattr(xp.fft, func)(n, d)

    @pytest.mark.parametrize("func", ["fftfreq", "rfftfreq"])
    @testing.numpy_cupy_allclose(accept_error=(ValueError, ZeroDivisionError))
    def test_freq_errors(self, xp, func):
        return getattr(xp.fft, func)(4.0)

    @pytest.mark.parametrize("func", ["fftfreq", "rfftfreq"])
    def test_freq_of_zero_points(self, func):
        for xp in (numpy, cupy):
            with pytest.raises(ZeroDivisionError):
                getattr(xp.fft, func)(0)

    @pytest.mark.parametrize("func", ["fftshift", "ifftshift"])
    @pytest.mark.parametrize("shape,axes", [
        ((5,), None), ((6,), None), ((4, 5), None), ((4, 5), 0), ((4, 5), -1),
        ((4, 5, 3), (0, 2)), ((4, 5, 3), [1]), ((0, 3), None), ((2, 3), ())])
    @testing.for_all_dtypes(no_float16=True)
    @testing.numpy_cupy_array_equal()
    def test_shift(self, xp, dtype, func, shape, axes):
        return getattr(xp.fft, func)(testing.shaped_arange(shape, xp, dtype), axes)

    @testing.numpy_cupy_array_equal()
    def test_shift_round_trip(self, xp):
        a = testing.shaped_arange((5, 4, 3), xp)
        return xp.fft.ifftshift(xp.fft.fftshift(a, axes=(0, 2)), axes=(0, 2))


class TestRoundTrips:

    @pytest.mark.parametrize("norm", _NORMS)
    @pytest.mark.parametrize("n", [7, 8])
    def test_inverses(self, norm, n):
        a = _input(cupy, (3, n), numpy.float64)
        testing.assert_allclose(cupy.fft.ifft(cupy.fft.fft(a, norm=norm), norm=norm), a,
                                atol=1e-12)
        testing.assert_allclose(cupy.fft.irfft(cupy.fft.rfft(a, norm=norm), n, norm=norm),
                                a, atol=1e-12)
        testing.assert_allclose(cupy.fft.hfft(cupy.fft.ihfft(a, norm=norm), n, norm=norm),
                                a, atol=1e-12)
        testing.assert_allclose(
            cupy.fft.irfftn(cupy.fft.rfftn(a, norm=norm), a.shape, axes=(0, 1), norm=norm),
            a, atol=1e-12)

    def test_array_like_input(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            r = cupy.fft.fft([1, 2, 3, 4])
        assert isinstance(r, cupy.ndarray)
        testing.assert_allclose(r, numpy.fft.fft([1, 2, 3, 4]))

    @testing.numpy_cupy_allclose(rtol=_RTOL, atol=_ATOL)
    def test_large_prime_and_composite(self, xp):
        a = _input(xp, (2, 1009), numpy.complex64)
        return xp.fft.fft(a), xp.fft.rfft(a.real, n=1000), xp.fft.irfft(a, n=2017)
