"""arange/linspace/logspace and eye/identity/tri/tril/triu/diag/diagflat."""
import numpy
import pytest

import cupy
from cupy import testing


class TestArange:

    @testing.for_all_dtypes(no_bool=True, no_complex=True)
    @testing.numpy_cupy_array_equal()
    def test_arange(self, xp, dtype):
        return xp.arange(10, dtype=dtype)

    @pytest.mark.parametrize("args", [(5,), (2, 9), (9, 2, -2), (0, 1, 0.1), (0.5, 3),
                                      (-3, 4, 3), (5, 1), (0,)])
    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_arange_args(self, xp, args):
        return xp.arange(*args)

    def test_zero_step(self):
        for xp in (numpy, cupy):
            with pytest.raises(ZeroDivisionError):
                xp.arange(1, 5, 0)

    @testing.numpy_cupy_array_equal()
    def test_bool_arange(self, xp):
        return xp.arange(2, dtype=bool)


class TestLinspace:

    @pytest.mark.parametrize("args", [(0, 1, 5), (0, 10, 1), (3, -2, 7), (0, 1, 0)])
    @pytest.mark.parametrize("endpoint", [True, False])
    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_linspace(self, xp, args, endpoint):
        return xp.linspace(*args, endpoint=endpoint)

    @testing.for_all_dtypes(no_bool=True)
    @testing.numpy_cupy_allclose(rtol={numpy.float16: 1e-3, "default": 1e-6})
    def test_linspace_dtype(self, xp, dtype):
        return xp.linspace(0, 10, 11, dtype=dtype)

    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_retstep(self, xp):
        a, step = xp.linspace(0, 1, 7, retstep=True)
        return a * step

    def test_negative_num(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.linspace(0, 1, -1)

    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_logspace(self, xp):
        return xp.logspace(0, 3, 4)


class TestMatrix:

    @pytest.mark.parametrize("args", [(3,), (3, 4), (4, 3, 1), (3, 3, -2), (3, 3, 5)])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_eye(self, xp, dtype, args):
        return xp.eye(*args, dtype=dtype)

    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_eye_order_f(self, xp):
        return xp.eye(3, 4, order="F")

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_identity(self, xp, dtype):
        return xp.identity(4, dtype=dtype)

    @pytest.mark.parametrize("k", [-1, 0, 2])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_tri(self, xp, dtype, k):
        return xp.tri(3, 5, k, dtype=dtype)

    @pytest.mark.parametrize("func", ["tril", "triu"])
    @pytest.mark.parametrize("k", [-1, 0, 1])
    @testing.numpy_cupy_array_equal()
    def test_tril_triu(self, xp, func, k):
        return getattr(xp, func)(testing.shaped_arange((2, 3, 4), xp), k)

    @pytest.mark.parametrize("k", [-2, 0, 1])
    @testing.numpy_cupy_array_equal()
    def test_diag_from_1d(self, xp, k):
        return xp.diag(xp.arange(1, 4), k)

    @pytest.mark.parametrize("k", [-1, 0, 2])
    @testing.numpy_cupy_array_equal()
    def test_diag_from_2d(self, xp, k):
        return xp.diag(testing.shaped_arange((3, 4), xp), k)

    def test_diag_3d(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.diag(xp.zeros((2, 2, 2)))

    @testing.numpy_cupy_array_equal()
    def test_diagflat(self, xp):
        return xp.diagflat(testing.shaped_arange((2, 2), xp), -1)
