"""Views of an ndarray: reshape, view(dtype), transpose, swapaxes, squeeze, ravel, flatten,
diagonal and the shape setter."""
import numpy
import pytest

import cupy
from cupy import testing


def _may_share(a, b):
    return a.data.ptr <= b.data.ptr < a.data.ptr + max(a.nbytes, 1)


class TestReshape:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_reshape(self, xp, dtype):
        return testing.shaped_arange((2, 3, 4), xp, dtype).reshape(4, 6)

    @testing.numpy_cupy_array_equal()
    def test_reshape_tuple(self, xp):
        return testing.shaped_arange((2, 3, 4), xp).reshape((3, 8))

    @testing.numpy_cupy_array_equal()
    def test_reshape_unknown(self, xp):
        return testing.shaped_arange((2, 3, 4), xp).reshape(-1, 4)

    @pytest.mark.parametrize("order", ["C", "F", "A"])
    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_reshape_order(self, xp, order):
        return testing.shaped_arange((2, 3, 4), xp).reshape((4, 6), order=order)

    @pytest.mark.parametrize("order", ["C", "F", "A"])
    @testing.numpy_cupy_array_equal()
    def test_reshape_order_of_f_array(self, xp, order):
        a = xp.asfortranarray(testing.shaped_arange((2, 3, 4), xp))
        return a.reshape((4, 6), order=order)

    @testing.numpy_cupy_array_equal()
    def test_reshape_noncontiguous_copies(self, xp):
        a = testing.shaped_arange((4, 6), xp)[:, ::2]
        return a.reshape(12)

    def test_reshape_is_view(self):
        a = testing.shaped_arange((2, 3, 4), cupy)
        b = a.reshape(6, 4)
        assert b.base is a
        b[0, 0] = 100
        assert int(a[0, 0, 0]) == 100

    def test_reshape_transposed_view(self):
        a = testing.shaped_arange((3, 4), cupy).T
        # (4, 3) F-ordered memory: (4, 3) -> (2, 2, 3) needs no copy in C order.
        b = a.reshape(2, 2, 3)
        assert b.data.ptr == a.data.ptr
        testing.assert_array_equal(b, testing.shaped_arange((3, 4), numpy).T.reshape(2, 2, 3))

    @testing.numpy_cupy_array_equal()
    def test_reshape_0d(self, xp):
        return xp.array(5).reshape(1, 1)

    @testing.numpy_cupy_array_equal()
    def test_reshape_to_0d(self, xp):
        return xp.array([5]).reshape(())

    @testing.numpy_cupy_array_equal()
    def test_reshape_empty(self, xp):
        return xp.zeros((0, 3)).reshape(3, 0, 1)

    @pytest.mark.parametrize("shape", [(5,), (-1, -1), (4, -2), (0, -1)])
    def test_reshape_invalid(self, shape):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.zeros((2, 3)).reshape(shape)

    def test_reshape_bad_order(self):
        with pytest.raises(ValueError):
            cupy.zeros(3).reshape(3, order="X")


class TestShapeSetter:

    def test_set_shape(self):
        a = cupy.arange(6)
        a.shape = (2, 3)
        assert a.shape == (2, 3)
        testing.assert_array_equal(a, numpy.arange(6).reshape(2, 3))

    def test_set_shape_needs_copy(self):
        for xp in (numpy, cupy):
            a = xp.zeros((4, 6))[:, :3]
            with pytest.raises(AttributeError):
                a.shape = (12,)

    @testing.numpy_cupy_array_equal()
    def test_set_shape_strided_no_copy(self, xp):
        a = testing.shaped_arange((4, 6), xp)[:, ::2]
        a.shape = (12,)
        return a

    def test_set_shape_bad_size(self):
        a = cupy.arange(6)
        with pytest.raises(ValueError):
            a.shape = (4,)


class TestViewDtype:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_view_same_size(self, xp, dtype):
        a = testing.shaped_arange((2, 4), xp, numpy.int64)
        return a.view(numpy.float64) if numpy.dtype(dtype).itemsize != 8 else a.view(dtype)

    @pytest.mark.parametrize("dtype", [numpy.int8, numpy.int16, numpy.complex128])
    @testing.numpy_cupy_array_equal()
    def test_view_resize_last_axis(self, xp, dtype):
        return testing.shaped_arange((2, 4), xp, numpy.int32).view(dtype)

    def test_view_none(self):
        a = cupy.arange(3)
        v = a.view()
        assert v is not a and v.base is a and v.dtype == a.dtype

    def test_view_bad_size(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.zeros(3, numpy.int8).view(numpy.int16)

    def test_view_0d_size_change(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.zeros((), numpy.int32).view(numpy.int16)

    def test_view_noncontiguous_last_axis(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.zeros((3, 4), numpy.int32)[:, ::2].view(numpy.int16)


class TestTranspose:

    @testing.numpy_cupy_array_equal()
    def test_transpose_default(self, xp):
        return testing.shaped_arange((2, 3, 4), xp).transpose()

    @testing.numpy_cupy_array_equal()
    def test_transpose_axes(self, xp):
        return testing.shaped_arange((2, 3, 4), xp).transpose(1, 2, 0)

    @testing.numpy_cupy_array_equal()
    def test_transpose_tuple_negative(self, xp):
        return testing.shaped_arange((2, 3, 4), xp).transpose((-1, 0, 1))

    def test_transpose_errors(self):
        for xp in (numpy, cupy):
            a = xp.zeros((2, 3))
            with pytest.raises(ValueError):
                a.transpose(0)
            with pytest.raises(ValueError):
                a.transpose(0, 0)
            with pytest.raises(numpy.exceptions.AxisError):
                a.transpose(0, 2)

    @testing.numpy_cupy_array_equal()
    def test_swapaxes(self, xp):
        return testing.shaped_arange((2, 3, 4), xp).swapaxes(0, -1)

    def test_swapaxes_error(self):
        for xp in (numpy, cupy):
            with pytest.raises(numpy.exceptions.AxisError):
                xp.zeros((2, 3)).swapaxes(0, 2)


class TestSqueeze:

    @testing.numpy_cupy_array_equal()
    def test_squeeze_all(self, xp):
        return testing.shaped_arange((1, 3, 1, 2), xp).squeeze()

    @testing.numpy_cupy_array_equal()
    def test_squeeze_axis(self, xp):
        return testing.shaped_arange((1, 3, 1, 2), xp).squeeze(axis=2)

    @testing.numpy_cupy_array_equal()
    def test_squeeze_axes(self, xp):
        return testing.shaped_arange((1, 3, 1, 2), xp).squeeze(axis=(0, -2))

    def test_squeeze_bad_axis(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.zeros((1, 3)).squeeze(axis=1)


class TestRavelFlatten:

    @pytest.mark.parametrize("order", ["C", "F", "A", "K"])
    @testing.numpy_cupy_array_equal()
    def test_ravel(self, xp, order):
        return testing.shaped_arange((2, 3, 4), xp).transpose(2, 0, 1).ravel(order)

    @pytest.mark.parametrize("order", ["C", "F", "A", "K"])
    @testing.numpy_cupy_array_equal()
    def test_flatten(self, xp, order):
        return testing.shaped_arange((2, 3, 4), xp)[:, ::2].flatten(order)

    def test_ravel_is_view(self):
        a = cupy.zeros((2, 3))
        assert a.ravel().base is a

    def test_flatten_copies(self):
        a = cupy.zeros((2, 3))
        f = a.flatten()
        assert f.base is None
        f[0] = 1
        assert float(a[0, 0]) == 0

    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_flatten_empty(self, xp):
        return xp.zeros((0, 3)).flatten()


class TestDiagonal:

    @pytest.mark.parametrize("offset", [0, 1, -1, 3, -5])
    @testing.numpy_cupy_array_equal()
    def test_diagonal(self, xp, offset):
        return testing.shaped_arange((3, 4), xp).diagonal(offset)

    @testing.numpy_cupy_array_equal()
    def test_diagonal_axes(self, xp):
        return testing.shaped_arange((2, 3, 4), xp).diagonal(1, 2, 0)

    def test_diagonal_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.zeros(3).diagonal()
            with pytest.raises(ValueError):
                xp.zeros((3, 3)).diagonal(0, 1, 1)
