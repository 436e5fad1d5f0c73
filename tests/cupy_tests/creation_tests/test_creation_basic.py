"""empty/zeros/ones/full and their _like forms."""
import numpy
import pytest

import cupy
from cupy import testing


@testing.parameterize(*testing.product({
    "shape": [(), 0, 3, (2, 3), (2, 0, 4)],
    "order": ["C", "F"],
}))
class TestFromShape:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_zeros(self, xp, dtype):
        return xp.zeros(self.shape, dtype, order=self.order)

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_ones(self, xp, dtype):
        return xp.ones(self.shape, dtype, order=self.order)

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_full(self, xp, dtype):
        return xp.full(self.shape, 1, dtype, order=self.order)

    @testing.for_all_dtypes()
    def test_empty(self, dtype):
        a = cupy.empty(self.shape, dtype, order=self.order)
        n = numpy.empty(self.shape, dtype, order=self.order)
        assert a.shape == n.shape and a.dtype == n.dtype and a.strides == n.strides


class TestDefaults:

    @testing.numpy_cupy_array_equal()
    def test_zeros_default_dtype(self, xp):
        return xp.zeros(3)

    @pytest.mark.parametrize("value", [3, 2.5, True, 1 + 2j, numpy.int8(4)])
    @testing.numpy_cupy_array_equal()
    def test_full_infers_dtype(self, xp, value):
        return xp.full((2, 2), value)

    @testing.numpy_cupy_array_equal()
    def test_full_array_value(self, xp):
        return xp.full((2, 3), xp.arange(3))

    def test_negative_shape(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.zeros((2, -1))


@testing.parameterize(*testing.product({
    "order": ["C", "F", "A", "K"],
    "layout": ["c", "f", "t", "s"],
}))
class TestLike:

    def _proto(self, xp, dtype=numpy.float32):
        a = testing.shaped_arange((2, 3, 4), xp, dtype)
        return {"c": a, "f": xp.asfortranarray(a), "t": a.transpose(2, 0, 1),
                "s": a[:, ::2]}[self.layout]

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_zeros_like(self, xp, dtype):
        return xp.zeros_like(self._proto(xp, dtype), order=self.order)

    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_ones_like(self, xp):
        return xp.ones_like(self._proto(xp), order=self.order)

    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_full_like(self, xp):
        return xp.full_like(self._proto(xp), 7, order=self.order)

    def test_empty_like(self):
        a = cupy.empty_like(self._proto(cupy), order=self.order)
        n = numpy.empty_like(self._proto(numpy), order=self.order)
        assert a.shape == n.shape and a.strides == n.strides and a.dtype == n.dtype

    @testing.numpy_cupy_array_equal()
    def test_like_dtype_shape(self, xp):
        return xp.full_like(self._proto(xp), 2, dtype=numpy.int16, shape=(3, 2),
                            order=self.order)
