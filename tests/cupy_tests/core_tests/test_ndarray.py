"""ndarray attributes, flags, memory views and the CUDA Array Interface."""
import numpy
import pytest

import cupy
from cupy import testing


class TestNdarrayInit:

    def test_shape_and_dtype(self):
        a = cupy.ndarray((2, 3), dtype=numpy.float32)
        assert a.shape == (2, 3)
        assert a.dtype == numpy.float32
        assert a.strides == (12, 4)
        assert a.size == 6
        assert a.flags.owndata

    def test_int_shape(self):
        assert cupy.ndarray(4).shape == (4,)

    def test_order_f(self):
        a = cupy.ndarray((2, 3), dtype=numpy.int16, order="F")
        assert a.strides == (2, 4)
        assert a.flags.f_contiguous and not a.flags.c_contiguous

    def test_negative_shape(self):
        with pytest.raises(ValueError):
            cupy.ndarray((2, -1))

    def test_memptr_and_strides(self):
        a = cupy.arange(6, dtype=numpy.int32)
        b = cupy.ndarray((3,), dtype=numpy.int32, memptr=a.data, strides=(8,))
        testing.assert_array_equal(b, numpy.array([0, 2, 4], dtype=numpy.int32))

    def test_strides_without_memptr(self):
        with pytest.raises(ValueError):
            cupy.ndarray((3,), strides=(8,))

    def test_unsupported_dtype(self):
        with pytest.raises(TypeError):
            cupy.ndarray((3,), dtype=object)


@testing.parameterize(*testing.product({
    "shape": [(), (0,), (3,), (2, 3), (2, 0, 4), (1, 3, 1, 2)],
}))
class TestNdarrayAttributes:

    @testing.for_all_dtypes()
    def test_attributes(self, dtype):
        a = testing.shaped_arange(self.shape, cupy, dtype)
        n = testing.shaped_arange(self.shape, numpy, dtype)
        assert a.shape == n.shape
        assert a.strides == numpy.empty(self.shape, dtype).strides
        assert a.ndim == n.ndim
        assert a.size == n.size
        assert a.itemsize == n.itemsize
        assert a.nbytes == n.nbytes
        assert a.dtype == n.dtype
        assert a.flags.c_contiguous == n.flags.c_contiguous
        assert a.flags.f_contiguous == n.flags.f_contiguous
        assert len(a.shape) == a.ndim

    @testing.numpy_cupy_array_equal()
    def test_T(self, xp):
        return testing.shaped_arange(self.shape, xp).T

    def test_device(self):
        a = cupy.zeros(self.shape)
        assert a.device == cupy.cuda.Device()


class TestNdarrayFlagsBase:

    def test_base(self):
        a = cupy.arange(6)
        assert a.base is None
        v = a[1:]
        assert v.base is a
        w = v[1:]
        assert w.base is a
        assert not v.flags.owndata

    def test_flags_getitem(self):
        a = cupy.zeros((2, 3))
        assert a.flags["C_CONTIGUOUS"]
        assert a.flags["C"]
        assert not a.flags["F_CONTIGUOUS"]
        assert a.flags["OWNDATA"]
        with pytest.raises(KeyError):
            a.flags["NOPE"]
        assert "C_CONTIGUOUS : True" in repr(a.flags)

    @pytest.mark.parametrize("index", [
        (slice(None), slice(None, None, 2)), (slice(None, None, -1),), (0,), (slice(1, 2),)])
    def test_view_flags_match_numpy(self, index):
        a = cupy.zeros((4, 6), dtype=numpy.float32)[index]
        n = numpy.zeros((4, 6), dtype=numpy.float32)[index]
        assert a.flags.c_contiguous == n.flags.c_contiguous
        assert a.flags.f_contiguous == n.flags.f_contiguous
        assert a.strides == n.strides

    def test_data_offset(self):
        a = cupy.arange(10, dtype=numpy.int64)
        assert a[3:].data.ptr == a.data.ptr + 24
        assert a[::-1].data.ptr == a.data.ptr + 72


class TestMatrixTranspose:

    @testing.numpy_cupy_array_equal()
    def test_mT(self, xp):
        return testing.shaped_arange((2, 3, 4), xp).mT

    def test_mT_1d(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.arange(3).mT


class TestRealImag:

    @testing.for_complex_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_real(self, xp, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype) * (1 + 2j)
        return a.real

    @testing.for_complex_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_imag(self, xp, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype) * (1 + 2j)
        return a.imag

    @testing.for_complex_dtypes()
    def test_real_is_view(self, dtype):
        a = cupy.zeros(3, dtype)
        r = a.real
        r[1] = 5
        assert a[1] == 5
        assert r.dtype == numpy.dtype(dtype).char.lower()
        assert r.strides == (numpy.dtype(dtype).itemsize,)

    @testing.for_complex_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_set_real(self, xp, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype) * 1j
        a.real = xp.array([7, 8, 9])
        return a

    @testing.for_complex_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_set_imag(self, xp, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype)
        a.imag = 4
        return a

    @testing.for_all_dtypes(no_complex=True)
    @testing.numpy_cupy_array_equal()
    def test_real_of_real(self, xp, dtype):
        return testing.shaped_arange((2, 3), xp, dtype).real

    @testing.for_all_dtypes(no_complex=True)
    @testing.numpy_cupy_array_equal()
    def test_imag_of_real(self, xp, dtype):
        return testing.shaped_arange((2, 3), xp, dtype).imag

    @testing.for_all_dtypes(no_complex=True)
    def test_set_imag_of_real(self, dtype):
        for xp in (numpy, cupy):
            a = xp.zeros(3, dtype)
            with pytest.raises(TypeError):
                a.imag = 1

    @testing.numpy_cupy_array_equal()
    def test_real_of_noncontiguous(self, xp):
        a = testing.shaped_arange((3, 4), xp, numpy.complex64)[:, ::2] * (2 - 1j)
        return a.real


class TestCudaArrayInterface:

    def test_contiguous(self):
        a = cupy.zeros((2, 3), dtype=numpy.float32)
        d = a.__cuda_array_interface__
        assert d["shape"] == (2, 3)
        assert d["typestr"] == "<f4"
        assert d["data"] == (a.data.ptr, False)
        assert d["strides"] is None
        assert d["version"] == 3

    def test_noncontiguous(self):
        a = cupy.zeros((4, 6), dtype=numpy.int16)[:, ::2]
        d = a.__cuda_array_interface__
        assert d["strides"] == (12, 4)
        assert d["shape"] == (4, 3)

    def test_empty(self):
        assert cupy.zeros((0,)).__cuda_array_interface__["data"][0] == 0


class TestHostConversionErrors:

    def test_numpy_asarray_raises(self):
        with pytest.raises(TypeError):
            numpy.asarray(cupy.arange(3))

    def test_numpy_array_raises(self):
        with pytest.raises(TypeError):
            numpy.array(cupy.arange(3))

    def test_asnumpy(self):
        a = cupy.arange(6).reshape(2, 3)
        n = cupy.asnumpy(a)
        assert isinstance(n, numpy.ndarray)
        numpy.testing.assert_array_equal(n, numpy.arange(6).reshape(2, 3))

    def test_asnumpy_of_numpy(self):
        n = numpy.arange(3)
        numpy.testing.assert_array_equal(cupy.asnumpy(n), n)

    def test_asnumpy_order_f(self):
        n = cupy.asnumpy(cupy.arange(6).reshape(2, 3), order="F")
        assert n.flags.f_contiguous

    def test_asnumpy_out(self):
        out = numpy.empty(3, dtype=numpy.int64)
        r = cupy.asnumpy(cupy.arange(3), out=out)
        assert r is out
        numpy.testing.assert_array_equal(out, [0, 1, 2])
