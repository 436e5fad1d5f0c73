import numpy
import pytest

import cupy
from cupy import testing


class TestMeshgrid:

    @pytest.mark.parametrize("kwargs", [
        {}, {"indexing": "ij"}, {"sparse": True}, {"copy": False},
        {"sparse": True, "indexing": "ij"}])
    @pytest.mark.parametrize("n", [1, 2, 3])
    @testing.numpy_cupy_array_equal()
    def test_grids(self, xp, kwargs, n):
        vectors = [xp.arange(3), xp.arange(2.), xp.array([[1, 2], [3, 4]])][:n]
        out = xp.meshgrid(*vectors, **kwargs)
        assert isinstance(out, tuple)
        return out

    def test_empty_and_errors(self):
        assert cupy.meshgrid() == numpy.meshgrid() == ()
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.meshgrid(xp.arange(2), indexing="yx")

    def test_copy(self):
        x = cupy.arange(3)
        xv, _ = cupy.meshgrid(x, cupy.arange(2))
        xv[0, 0] = 7
        assert int(x[0]) == 0


class TestGeomspace:

    @pytest.mark.parametrize("args,kwargs", [
        ((1, 1000, 4), {}), ((-1, -1000, 5), {"endpoint": False}), ((2, 3, 1), {}),
        ((5, 7, 0), {}), ((1, 256, 9), {"dtype": int}), ((1000, 1, 4), {})])
    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_scalars(self, xp, args, kwargs):
        return xp.geomspace(*args, **kwargs)

    @testing.numpy_cupy_allclose(rtol=1e-14)
    def test_arrays(self, xp):
        return xp.geomspace(xp.array([1., 10.]), xp.array([100., 1000.]), 3, axis=1)

    def test_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.geomspace(0, 10)
            with pytest.raises(ValueError):
                xp.geomspace(1, 10, -1)


class TestWindows:

    @pytest.mark.parametrize("name", ["bartlett", "blackman", "hamming", "hanning"])
    @pytest.mark.parametrize("M", [-1, 0, 1, 2, 7, 8])
    @testing.numpy_cupy_allclose(rtol=1e-14, atol=1e-15)
    def test_window(self, xp, name, M):
        return getattr(xp, name)(M)

    @pytest.mark.parametrize("M,beta", [(0, 5.), (1, 5.), (7, 0.), (8, 14.)])
    @testing.numpy_cupy_allclose(rtol=1e-13)
    def test_kaiser(self, xp, M, beta):
        return xp.kaiser(M, beta)


class TestAsarrayChkfinite:

    @testing.numpy_cupy_array_equal()
    def test_finite(self, xp):
        return xp.asarray_chkfinite([1., 2.], dtype=xp.float32), \
            xp.asarray_chkfinite(xp.arange(3), order="F")

    @pytest.mark.parametrize("value", [numpy.nan, numpy.inf, complex(1, numpy.inf)])
    def test_not_finite(self, value):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.asarray_chkfinite(xp.array([1, value]))
