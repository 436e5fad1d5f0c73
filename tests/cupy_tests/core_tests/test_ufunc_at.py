import numpy
import pytest

import cupy
from cupy import testing

_OPS = {
    "add": "hHiIlLefdFD", "subtract": "hHiIlLefdFD", "multiply": "hHiIlLefd",
    "maximum": "hHiIlLefd", "minimum": "hHiIlLefd", "bitwise_and": "hHiIlL",
    "bitwise_or": "hHiIlL", "bitwise_xor": "hHiIlL"}


class TestUfuncAt:

    @pytest.mark.parametrize("name", list(_OPS))
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol={numpy.float16: 1e-3, "default": 1e-6},
                                 accept_error=TypeError)
    def test_repeated_indices(self, xp, name, dtype):
        char = numpy.dtype(dtype).char.replace("q", "l").replace("Q", "L")
        if xp is cupy and char not in _OPS[name]:
            # Unsupported combinations raise TypeError (NumPy computes them).
            with pytest.raises(TypeError):
                getattr(xp, name).at(xp.ones(3, dtype=dtype), xp.asarray([0]), 1)
            raise TypeError
        if char not in _OPS[name]:
            raise TypeError
        a = testing.shaped_arange((3, 4), xp, dtype)
        idx = (xp.asarray([0, 2, 0, 0, -1]), xp.asarray([1, 3, 1, 1, 0]))
        b = testing.shaped_reverse_arange((5,), xp, dtype)
        getattr(xp, name).at(a, idx, b)
        return a

    @testing.numpy_cupy_allclose()
    def test_many_collisions(self, xp):
        a = xp.zeros(4, dtype=xp.int64)
        xp.add.at(a, xp.arange(4000) % 4, 1)
        return a

    @testing.numpy_cupy_allclose()
    def test_rows_and_scalar(self, xp):
        a = testing.shaped_arange((4, 3), xp, xp.float64)
        xp.add.at(a, xp.asarray([1, 1, 3]), 2.5)
        xp.maximum.at(a, slice(0, 2), 7.0)
        return a

    @testing.numpy_cupy_allclose()
    def test_non_contiguous(self, xp):
        a = testing.shaped_arange((4, 6), xp, xp.float32)[:, ::2]
        xp.add.at(a, (xp.asarray([0, 0, 3]), xp.asarray([2, 2, 1])), 1.0)
        return a

    def test_same_kind_casting(self):
        with pytest.raises(TypeError):
            cupy.add.at(cupy.zeros(3, cupy.int32), cupy.asarray([0]), 1.5)

    def test_unsupported_ufunc(self):
        with pytest.raises(NotImplementedError):
            cupy.power.at(cupy.ones(3), cupy.asarray([0]), 2.0)

    @pytest.mark.parametrize("idx", [[0, 3], [-4], [[1], [7]]])
    def test_out_of_bounds(self, idx):
        for xp in (numpy, cupy):
            a = xp.zeros(3)
            with pytest.raises(IndexError):
                xp.add.at(a, xp.asarray(idx), 1.0)
            with pytest.raises(IndexError):
                xp.add.at(xp.zeros((3, 2)), (xp.asarray([0]), xp.asarray(idx)), 1.0)
