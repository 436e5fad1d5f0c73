import warnings

import numpy
import pytest

import cupy
from cupy import testing


class TestDiff:

    @testing.for_dtypes("?lf")
    @testing.numpy_cupy_array_equal()
    def test_axis_and_order(self, xp, dtype):
        a = testing.shaped_arange((3, 5), xp, dtype) % 4
        return xp.diff(a, n=2 if dtype != numpy.bool_ else 1, axis=0)

    @testing.numpy_cupy_array_equal()
    def test_prepend_append(self, xp):
        a = xp.array([[1., 4., 9.], [2., 3., 7.]])
        return xp.diff(a, prepend=0, append=xp.ones((2, 2)))

    @testing.numpy_cupy_array_equal()
    def test_order_beyond_length(self, xp):
        return xp.diff(xp.arange(3), n=5)

    def test_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.diff(xp.array(1))
            with pytest.raises(ValueError):
                xp.diff(xp.arange(3), n=-1)
            with pytest.raises(numpy.exceptions.AxisError):
                xp.diff(xp.arange(3), axis=1)

    @testing.numpy_cupy_array_equal()
    def test_ediff1d(self, xp):
        a = xp.array([[1, 4], [9, 16]], dtype=xp.int64)
        return xp.ediff1d(a, to_begin=-1, to_end=xp.array([5, 6]))

    def test_ediff1d_casting(self):
        for xp in (numpy, cupy):
            with pytest.raises(TypeError):
                xp.ediff1d(xp.arange(3), to_begin=1.5)


class TestGradient:

    @testing.for_dtypes("lf")
    @testing.numpy_cupy_allclose(rtol=1e-6)
    def test_default(self, xp, dtype):
        f = testing.shaped_arange((4, 5), xp, dtype) ** 2
        return xp.stack(xp.gradient(f))

    @pytest.mark.parametrize("edge_order", [1, 2])
    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_spacing(self, xp, edge_order):
        f = xp.array([[1., 2., 6.], [3., 4., 5.], [0., 9., 2.], [5., 5., 1.]])
        return xp.stack(xp.gradient(f, 0.5, xp.array([0., 1., 3.]), edge_order=edge_order))

    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_axis_uniform_coordinates(self, xp):
        f = xp.array([[1., 2., 6.], [3., 4., 5.]])
        return xp.gradient(f, xp.array([0., 2., 4.]), axis=-1, edge_order=2)

    def test_too_small(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.gradient(xp.array([1., 2.]), edge_order=2)
            with pytest.raises(TypeError):
                xp.gradient(xp.ones((2, 2)), 1., 1., 1.)


class TestCross:

    @testing.numpy_cupy_array_equal()
    def test_3d(self, xp):
        a = testing.shaped_arange((2, 3), xp, numpy.int64)
        b = testing.shaped_reverse_arange((4, 1, 3), xp, numpy.int64)
        return xp.cross(a, b)

    @testing.numpy_cupy_allclose()
    def test_axes(self, xp):
        a = testing.shaped_arange((3, 4), xp, numpy.float64)
        b = testing.shaped_reverse_arange((4, 3), xp, numpy.float64)
        return xp.cross(a, b, axisa=0, axisb=1, axisc=0)

    @pytest.mark.parametrize("shapes", [((2,), (2,)), ((2,), (3,)), ((3,), (2,))])
    @testing.numpy_cupy_array_equal()
    def test_2d_vectors(self, xp, shapes):
        a = xp.arange(1, shapes[0][0] + 1)
        b = xp.arange(4, shapes[1][0] + 4)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return xp.cross(a, b)

    def test_bad_length(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.cross(xp.ones(4), xp.ones(3))


class TestConvolve:

    @pytest.mark.parametrize("mode", ["full", "same", "valid"])
    @pytest.mark.parametrize("n,m", [(6, 3), (3, 6), (4, 4), (5, 2), (1, 1)])
    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_real(self, xp, mode, n, m):
        a = xp.arange(1., n + 1) * 1.5
        v = xp.arange(m, 0, -1.) + 0.25
        return xp.stack([xp.convolve(a, v, mode), xp.correlate(a, v, mode)])

    @pytest.mark.parametrize("mode", ["full", "same"])
    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_complex(self, xp, mode):
        a = xp.array([1 + 2j, 3, -1j, 2])
        v = xp.array([2 - 1j, 1j, 0.5])
        return xp.stack([xp.convolve(a, v, mode), xp.correlate(a, v, mode)])

    @testing.numpy_cupy_array_equal()
    def test_int_and_bool(self, xp):
        return xp.convolve(xp.array([1, 2, 3]), xp.array([True, False])), \
            xp.convolve(xp.array([True, False, True]), xp.array([True, True]))

    def test_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.convolve(xp.ones(0), xp.ones(3))
            with pytest.raises(ValueError):
                xp.correlate(xp.ones(3), xp.ones(2), mode="bad")
            with pytest.raises(ValueError):
                xp.convolve(xp.ones((2, 2)), xp.ones(3))


class TestInterp:

    def _data(self, xp):
        xp_ = xp.array([0., 1., 2.5, 4.])
        fp = xp.array([1., -2., 3., 5.])
        x = xp.array([[-1., 0., 0.5, 1.], [3., 4., 5., numpy.nan]])
        return x, xp_, fp

    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_default(self, xp):
        x, xp_, fp = self._data(xp)
        return xp.interp(x, xp_, fp)

    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_left_right_complex(self, xp):
        x, xp_, fp = self._data(xp)
        return xp.interp(x, xp_, fp * (1 - 2j), left=-7j, right=9)

    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_period(self, xp):
        x, xp_, fp = self._data(xp)
        return xp.interp(x[0] * 3, xp.array([3., 0.5, 1., 2.]), fp, period=-3.3)

    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_single_point(self, xp):
        return xp.interp(xp.array([-1., 0., 1.]), xp.array([0.]), xp.array([2.]))

    def test_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.interp(xp.ones(2), xp.ones(0), xp.ones(0))
            with pytest.raises(ValueError):
                xp.interp(xp.ones(2), xp.ones(3), xp.ones(2))
            with pytest.raises(ValueError):
                xp.interp(xp.ones(2), xp.arange(3.), xp.ones(3), period=0)


class TestIntegralsAndPhase:

    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_trapezoid(self, xp):
        y = testing.shaped_arange((3, 4), xp, numpy.float64) ** 2
        return xp.stack([xp.trapezoid(y, x=xp.array([0., 1., 3., 7.])),
                         xp.trapezoid(y, dx=0.5, axis=0)[:3]])

    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_trapezoid_int(self, xp):
        return xp.trapezoid(xp.array([1, 2, 4]))

    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_unwrap(self, xp):
        return xp.unwrap(xp.array([[0., 1., 4., 8., 3., 10.], [0., -3., 3.2, 0., 7., 1.]]))

    @testing.numpy_cupy_array_equal()
    def test_unwrap_int_period(self, xp):
        return xp.unwrap(xp.array([2, 3, 4, 5, 2, 3, 4, 5]), period=4)


class TestSpecial:

    @testing.for_dtypes("lf")
    @testing.numpy_cupy_allclose(rtol=1e-6)
    def test_sinc(self, xp, dtype):
        return xp.sinc(xp.array([-2, -1, 0, 1, 3], dtype=dtype) / 2)

    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_i0(self, xp):
        return xp.i0(xp.array([0., 1., 7.9, 8., 20., -3., 700.]))

    @testing.numpy_cupy_allclose(rtol=1e-6)
    def test_i0_float32(self, xp):
        return xp.i0(xp.array([0., 1., 9.], dtype=xp.float32))

    def test_i0_complex(self):
        for xp in (numpy, cupy):
            with pytest.raises(TypeError):
                xp.i0(xp.array([1j]))

    @testing.for_dtypes("fdD")
    @testing.numpy_cupy_array_equal()
    def test_nan_to_num(self, xp, dtype):
        nan, inf = numpy.nan, numpy.inf
        if numpy.dtype(dtype).kind == "c":
            a = xp.array([complex(nan, inf), complex(inf, nan), complex(-inf, 0),
                          complex(1.5, -inf)], dtype=dtype)
        else:
            a = xp.array([nan, inf, -inf, 1.5], dtype=dtype)
        return xp.nan_to_num(a), xp.nan_to_num(a, nan=3, posinf=7, neginf=-2)

    @testing.numpy_cupy_array_equal()
    def test_nan_to_num_in_place(self, xp):
        a = xp.array([numpy.nan, -numpy.inf, 2.])
        b = xp.nan_to_num(a, copy=False)
        assert b is a
        return a, xp.nan_to_num(xp.arange(3)), xp.nan_to_num(xp.array(numpy.nan))

    @testing.numpy_cupy_array_equal()
    def test_real_if_close(self, xp):
        return xp.real_if_close(xp.array([2.1 + 4e-14j, 1.])), \
            xp.real_if_close(xp.array([2.1 + 4e-10j])), xp.real_if_close(xp.arange(2))


class TestVander:

    @pytest.mark.parametrize("N,increasing", [(None, False), (4, True), (0, False)])
    @testing.for_dtypes("lf")
    @testing.numpy_cupy_array_equal()
    def test_vander(self, xp, N, increasing, dtype):
        return xp.vander(xp.array([1, 2, 3, -5], dtype=dtype), N, increasing=increasing)

    def test_vander_2d(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.vander(xp.ones((2, 2)))
