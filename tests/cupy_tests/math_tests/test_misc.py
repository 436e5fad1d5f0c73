import numpy
import pytest

import cupy
from cupy import testing


def _pair(xp, dtype):
    kind = numpy.dtype(dtype).kind
    if kind == "b":
        return (xp.asarray([True, False, True, False]), xp.asarray([True, True, False, False]))
    if kind == "c":
        return (xp.asarray([1 + 1j, numpy.nan, 2, 1j, 1 + 2j], dtype=dtype),
                xp.asarray([1 + 2j, 1, complex(0, numpy.nan), 1j, 1 + 1j], dtype=dtype))
    if kind == "f":
        return (xp.asarray([1, numpy.nan, 2, -0.5, 3], dtype=dtype),
                xp.asarray([2, 1, numpy.nan, -1, numpy.nan], dtype=dtype))
    return (xp.asarray([1, 5, 2, 7, 0], dtype=dtype), xp.asarray([2, 1, 3, 7, 9], dtype=dtype))


class TestExtrema:

    @pytest.mark.parametrize("name", ["maximum", "minimum", "fmax", "fmin"])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_nan_rules(self, xp, name, dtype):
        a, b = _pair(xp, dtype)
        return getattr(xp, name)(a, b)


class TestClip:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_arrays(self, xp, dtype):
        a, b = _pair(xp, dtype)
        return xp.clip(a, b, a[::-1])

    @testing.for_all_dtypes(no_bool=True, no_complex=True)
    @testing.numpy_cupy_array_equal()
    def test_scalars_and_none(self, xp, dtype):
        a = testing.shaped_arange((2, 4), xp, dtype)
        return xp.clip(a, 2, 5), xp.clip(a, None, 3), xp.clip(a, 4, None), a.clip(3, 6)

    @testing.numpy_cupy_array_equal()
    def test_python_int_out_of_range(self, xp):
        return xp.clip(xp.arange(5, dtype=xp.uint8), -1, 300)

    @testing.numpy_cupy_array_equal()
    def test_out(self, xp):
        out = xp.zeros(5, dtype=xp.float32)
        xp.clip(xp.arange(5), 1, 3, out=out)
        return out


class TestMisc:

    @testing.for_float_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_heaviside(self, xp, dtype):
        a = xp.asarray([-1.0, -0.0, 0.0, 2.0, numpy.nan], dtype=dtype)
        return xp.heaviside(a, dtype(0.5))

    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol={numpy.float16: 1e-3, "default": 1e-6})
    def test_angle(self, xp, dtype):
        a, _ = _pair(xp, dtype)
        return xp.angle(a), xp.angle(a, deg=True)

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_real_imag_conj(self, xp, dtype):
        a, _ = _pair(xp, dtype)
        if numpy.dtype(dtype).kind == "b":
            return xp.real(a), xp.imag(a)
        return xp.real(a), xp.imag(a), xp.conj(a), xp.conjugate(a)

    def test_real_is_view(self):
        a = cupy.asarray([1 + 2j, 3 + 4j])
        cupy.real(a)[...] = 7
        cupy.imag(a)[0] = -1
        testing.assert_array_equal(a, numpy.asarray([7 - 1j, 7 + 4j]))
