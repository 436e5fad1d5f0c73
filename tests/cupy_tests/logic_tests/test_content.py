import numpy
import pytest

import cupy
from cupy import testing


class TestContent:

    @pytest.mark.parametrize("name", ["isnan", "isinf", "isfinite"])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_values(self, xp, name, dtype):
        kind = numpy.dtype(dtype).kind
        if kind == "f":
            a = xp.asarray([0.0, numpy.nan, numpy.inf, -numpy.inf, 1.0], dtype=dtype)
        elif kind == "c":
            a = xp.asarray([0j, complex(1, numpy.nan), complex(numpy.inf, 0), 1 + 1j],
                           dtype=dtype)
        else:
            a = testing.shaped_arange((2, 3), xp, dtype)
        return getattr(xp, name)(a)

    @pytest.mark.parametrize("name", ["isreal", "iscomplex"])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_real_complex(self, xp, name, dtype):
        a = xp.asarray([1, 0, 2], dtype=dtype)
        if numpy.dtype(dtype).kind == "c":
            a = a + xp.asarray([0j, 1j, 0j], dtype=dtype)
        return getattr(xp, name)(a)

    def test_obj(self):
        assert cupy.iscomplexobj(cupy.zeros(2, cupy.complex64))
        assert not cupy.iscomplexobj(cupy.zeros(2))
        assert cupy.isrealobj(cupy.zeros(2, cupy.int8))
        assert not cupy.isrealobj(cupy.zeros(2, cupy.complex128))
