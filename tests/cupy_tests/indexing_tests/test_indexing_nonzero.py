"""nonzero, flatnonzero, argwhere and ndarray.nonzero."""
import numpy
import pytest

import cupy
from cupy import testing


@testing.parameterize(*testing.product({
    "shape": [(0,), (1,), (7,), (3, 5), (2, 0, 3), (2, 3, 4), (1000,), (3, 300, 5)],
}))
class TestNonzero:

    def _input(self, xp, dtype):
        a = testing.shaped_random(self.shape, xp, dtype, seed=0)
        # About half of the elements are zero.
        n = a.size
        mask = (numpy.arange(n).reshape(self.shape) * 7919) % 3 == 0
        return xp.where(xp.asarray(mask), xp.zeros((), dtype), a)

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_list_equal()
    def test_nonzero(self, xp, dtype):
        return list(xp.nonzero(self._input(xp, dtype)))

    @testing.numpy_cupy_array_list_equal()
    def test_method(self, xp):
        return list(self._input(xp, numpy.float32).nonzero())

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_flatnonzero(self, xp, dtype):
        return xp.flatnonzero(self._input(xp, dtype))

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_argwhere(self, xp, dtype):
        return xp.argwhere(self._input(xp, dtype))

    @testing.numpy_cupy_array_list_equal()
    def test_nonzero_noncontiguous(self, xp):
        a = self._input(xp, numpy.int32)
        return list(xp.nonzero(a.T))


class TestNonzeroSpecial:

    @testing.numpy_cupy_array_list_equal()
    def test_all_true_large(self, xp):
        # Several levels of the chunked scan (256 per chunk).
        return list(xp.nonzero(xp.ones(256 * 256 + 3, dtype=numpy.bool_)))

    @testing.numpy_cupy_array_list_equal()
    def test_sparse_large(self, xp):
        a = xp.zeros(100003, dtype=numpy.int8)
        a[::997] = 1
        return list(xp.nonzero(a))

    @testing.numpy_cupy_array_list_equal()
    def test_nan_is_nonzero(self, xp):
        return list(xp.nonzero(xp.array([0.0, numpy.nan, -0.0, 1.0])))

    @testing.numpy_cupy_array_list_equal()
    def test_complex_imaginary_only(self, xp):
        return list(xp.nonzero(xp.array([0, 1j, 0, 2 + 0j])))

    def test_0d_raises(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.nonzero(xp.array(1))

    @pytest.mark.parametrize("value", [0, 5])
    @testing.numpy_cupy_array_equal()
    def test_argwhere_0d(self, xp, value):
        return xp.argwhere(xp.array(value))

    @testing.numpy_cupy_array_equal()
    def test_flatnonzero_list(self, xp):
        return xp.flatnonzero(xp.array([[0, 2], [3, 0]]))

    def test_result_dtype(self):
        r = cupy.nonzero(cupy.array([0, 1]))
        assert r[0].dtype == numpy.int64
