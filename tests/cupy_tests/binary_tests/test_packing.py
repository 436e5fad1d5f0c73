import numpy
import pytest

import cupy
from cupy import testing


class TestPackbits:

    @pytest.mark.parametrize("axis", [None, 0, 1, -1])
    @pytest.mark.parametrize("bitorder", ["big", "little"])
    @testing.for_dtypes("?i")
    @testing.numpy_cupy_array_equal()
    def test_pack(self, xp, axis, bitorder, dtype):
        a = (testing.shaped_arange((3, 11, 4), xp, numpy.int64) % 3).astype(dtype)
        return xp.packbits(a, axis=axis, bitorder=bitorder)

    @testing.numpy_cupy_array_equal()
    def test_edge_shapes(self, xp):
        return (xp.packbits(xp.array(5)), xp.packbits(xp.zeros((0, 3), bool), axis=1),
                xp.packbits(xp.zeros((0, 3), bool), axis=0), xp.packbits([1, 0, 1]))

    def test_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(TypeError):
                xp.packbits(xp.ones(3))
            with pytest.raises(ValueError):
                xp.packbits(xp.ones(3, bool), bitorder="middle")
            with pytest.raises(numpy.exceptions.AxisError):
                xp.packbits(xp.ones(3, bool), axis=1)


class TestUnpackbits:

    @pytest.mark.parametrize("axis,count", [
        (None, None), (1, None), (2, None), (0, 5), (1, 20), (1, -3), (None, 0), (2, -40)])
    @pytest.mark.parametrize("bitorder", ["big", "little"])
    @testing.numpy_cupy_array_equal()
    def test_unpack(self, xp, axis, count, bitorder):
        a = (testing.shaped_arange((3, 2, 5), xp, numpy.int64) * 37 % 256).astype(xp.uint8)
        return xp.unpackbits(a, axis=axis, count=count, bitorder=bitorder)

    @testing.numpy_cupy_array_equal()
    def test_round_trip(self, xp):
        a = testing.shaped_arange((4, 13), xp, numpy.int64) % 2 == 0
        packed = xp.packbits(a, axis=1, bitorder="little")
        return xp.unpackbits(packed, axis=1, count=13, bitorder="little"), \
            xp.unpackbits(xp.array(200, dtype=xp.uint8))

    def test_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(TypeError):
                xp.unpackbits(xp.ones(3, xp.int8))
            with pytest.raises(ValueError):
                xp.unpackbits(xp.ones(1, xp.uint8), count=-9)
