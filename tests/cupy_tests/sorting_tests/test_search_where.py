import numpy
import pytest

import cupy
from cupy import testing


class TestWhere:

    @testing.for_all_dtypes_combination(names=("cond_type", "x_type", "y_type"))
    @testing.numpy_cupy_allclose()
    def test_three_arrays(self, xp, cond_type, x_type, y_type):
        m = testing.shaped_random((2, 3), xp, xp.bool_)
        cond = testing.shaped_arange((2, 3), xp, cond_type) * m
        x = testing.shaped_arange((2, 3), xp, x_type)
        y = testing.shaped_reverse_arange((2, 3), xp, y_type)
        return xp.where(cond, x, y)

    @pytest.mark.parametrize("x,y", [(1, 2.5), (1, 2), (1.5, 2j)])
    @testing.numpy_cupy_array_equal()
    def test_python_scalars(self, xp, x, y):
        return xp.where(xp.asarray([True, False]), x, y)

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_weak_scalar(self, xp, dtype):
        return xp.where(xp.asarray([[True], [False]]), testing.shaped_arange((3,), xp, dtype), 0)

    @testing.numpy_cupy_array_equal()
    def test_numpy_scalar_is_strong(self, xp):
        return xp.where(xp.asarray([True, False]), xp.arange(2, dtype=xp.int8), numpy.int16(3))

    @testing.numpy_cupy_allclose(accept_error=ValueError)
    def test_one_of_x_y(self, xp):
        return xp.where(xp.asarray([True]), 1)

    def test_host_condition_is_rejected(self):
        # No implicit host-to-device copy, as for every ufunc operand.
        with pytest.raises(TypeError, match="Unsupported type"):
            cupy.where(numpy.array([True, False]), cupy.ones(2), cupy.zeros(2))
