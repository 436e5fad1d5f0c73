"""copy/astype/fill/get/set, Python conversions, iteration, repr/str and pickling."""
import copy
import pickle

import numpy
import pytest

import cupy
from cupy import testing


class TestCopy:

    @pytest.mark.parametrize("order", ["C", "F", "A", "K"])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_copy_order(self, xp, dtype, order):
        a = testing.shaped_arange((2, 3, 4), xp, dtype).transpose(2, 0, 1)
        return a.copy(order)

    @testing.numpy_cupy_array_equal()
    def test_copy_noncontiguous(self, xp):
        return testing.shaped_arange((4, 6), xp)[::-2, 1::2].copy()

    def test_copy_is_independent(self):
        a = cupy.arange(3)
        b = a.copy()
        b[0] = 10
        assert int(a[0]) == 0
        assert b.base is None

    def test_copy_module(self):
        a = cupy.arange(3)
        for b in (copy.copy(a), copy.deepcopy(a)):
            assert b.data.ptr != a.data.ptr
            testing.assert_array_equal(a, b)


class TestAstype:

    @testing.for_all_dtypes_combination(("src", "dst"))
    @testing.numpy_cupy_array_equal()
    def test_astype(self, xp, src, dst):
        a = testing.shaped_arange((2, 3), xp, src)
        if numpy.dtype(src).kind == "c" and numpy.dtype(dst).kind != "c":
            a = a.real
        return a.astype(dst)

    @testing.for_all_dtypes(no_bool=True, no_complex=True)
    @testing.numpy_cupy_array_equal()
    def test_astype_negative_to_bool(self, xp, dtype):
        return testing.shaped_reverse_arange((5,), xp, dtype).astype(numpy.bool_)

    @pytest.mark.parametrize("order", ["C", "F", "A", "K"])
    @testing.numpy_cupy_array_equal(strides_check=True)
    def test_astype_order(self, xp, order):
        a = testing.shaped_arange((2, 3, 4), xp).transpose(2, 0, 1)
        return a.astype(numpy.float32, order=order)

    def test_astype_copy_false(self):
        a = cupy.arange(3, dtype=numpy.int32)
        assert a.astype(numpy.int32, copy=False) is a
        assert a.astype(numpy.int32) is not a
        assert a.astype(numpy.int64, copy=False) is not a

    @pytest.mark.parametrize("casting", ["no", "equiv", "safe", "same_kind"])
    def test_astype_casting_error(self, casting):
        for xp in (numpy, cupy):
            with pytest.raises(TypeError):
                xp.zeros(3, numpy.float64).astype(numpy.int32, casting=casting)

    @testing.numpy_cupy_array_equal()
    def test_astype_casting_ok(self, xp):
        return xp.zeros(3, numpy.int16).astype(numpy.int64, casting="safe")

    def test_astype_complex_warns(self):
        with pytest.warns(numpy.exceptions.ComplexWarning):
            cupy.zeros(3, numpy.complex64).astype(numpy.float32)


class TestFill:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_fill(self, xp, dtype):
        a = xp.empty((2, 3), dtype)
        a.fill(1)
        return a

    @testing.numpy_cupy_array_equal()
    def test_fill_noncontiguous(self, xp):
        a = xp.zeros((4, 6), numpy.float32)
        a[:, ::2].fill(2.5)
        return a

    @testing.numpy_cupy_array_equal()
    def test_fill_0d_array(self, xp):
        a = xp.zeros(3, numpy.int8)
        a.fill(xp.array(7))
        return a

    def test_fill_nd_array(self):
        with pytest.raises(ValueError):
            cupy.zeros(3).fill(cupy.zeros(3))

    def test_fill_overflow(self):
        for xp in (numpy, cupy):
            with pytest.raises(OverflowError):
                xp.zeros(3, numpy.int8).fill(1000)


class TestGetSet:

    @testing.for_all_dtypes()
    def test_get(self, dtype):
        a = testing.shaped_arange((2, 3), cupy, dtype)
        n = a.get()
        assert isinstance(n, numpy.ndarray)
        numpy.testing.assert_array_equal(n, testing.shaped_arange((2, 3), numpy, dtype))

    def test_get_noncontiguous(self):
        a = testing.shaped_arange((4, 6), cupy)[::2, ::-3]
        numpy.testing.assert_array_equal(a.get(), testing.shaped_arange((4, 6), numpy)[::2, ::-3])

    def test_get_order(self):
        a = testing.shaped_arange((2, 3), cupy)
        assert a.get(order="F").flags.f_contiguous
        assert a.T.get(order="A").flags.f_contiguous

    def test_get_stream(self):
        s = cupy.cuda.Stream()
        a = testing.shaped_arange((2, 3), cupy)
        numpy.testing.assert_array_equal(a.get(stream=s), testing.shaped_arange((2, 3), numpy))

    def test_get_out(self):
        a = testing.shaped_arange((2, 3), cupy, numpy.float32)
        out = numpy.empty((2, 3), numpy.float32)
        assert a.get(out=out) is out
        numpy.testing.assert_array_equal(out, testing.shaped_arange((2, 3), numpy, numpy.float32))

    def test_get_out_errors(self):
        a = cupy.zeros((2, 3), numpy.float32)
        with pytest.raises(TypeError):
            a.get(out=numpy.empty((2, 3), numpy.float64))
        with pytest.raises(ValueError):
            a.get(out=numpy.empty((3, 2), numpy.float32))
        with pytest.raises(TypeError):
            a.get(out=[1, 2])

    def test_get_empty(self):
        assert cupy.zeros((0, 3)).get().shape == (0, 3)

    @testing.for_all_dtypes()
    def test_set(self, dtype):
        a = cupy.zeros((2, 3), dtype)
        a.set(testing.shaped_arange((2, 3), numpy, dtype))
        testing.assert_array_equal(a, testing.shaped_arange((2, 3), numpy, dtype))

    def test_set_noncontiguous(self):
        a = cupy.zeros((4, 6))
        a[:, ::2].set(numpy.ones((4, 3)))
        expected = numpy.zeros((4, 6))
        expected[:, ::2] = 1
        testing.assert_array_equal(a, expected)

    def test_set_from_f_order(self):
        a = cupy.zeros((2, 3), numpy.float32)
        n = numpy.asfortranarray(testing.shaped_arange((2, 3), numpy))
        a.set(n)
        testing.assert_array_equal(a, n)

    def test_set_errors(self):
        a = cupy.zeros((2, 3))
        with pytest.raises(TypeError):
            a.set([1, 2, 3])
        with pytest.raises(TypeError):
            a.set(numpy.zeros((2, 3), numpy.float32))
        with pytest.raises(ValueError):
            a.set(numpy.zeros((3, 2)))


class TestScalarConversion:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_equal()
    def test_tolist(self, xp, dtype):
        return testing.shaped_arange((2, 3), xp, dtype).tolist()

    @testing.for_all_dtypes()
    @testing.numpy_cupy_equal()
    def test_item(self, xp, dtype):
        return testing.shaped_arange((1, 1), xp, dtype).item()

    @testing.numpy_cupy_equal()
    def test_item_index(self, xp):
        a = testing.shaped_arange((2, 3), xp)
        return a.item(4), a.item(-1), a.item(1, 2), a.item((0, 1)), a.item((5,))

    def test_item_out_of_bounds(self):
        for xp in (numpy, cupy):
            with pytest.raises(IndexError):
                xp.zeros((2, 3)).item(6)

    def test_item_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.zeros(2).item()

    @testing.numpy_cupy_equal()
    def test_len(self, xp):
        return len(xp.zeros((4, 2)))

    def test_len_0d(self):
        for xp in (numpy, cupy):
            with pytest.raises(TypeError):
                len(xp.zeros(()))

    @testing.numpy_cupy_array_list_equal()
    def test_iter(self, xp):
        return list(testing.shaped_arange((3, 2), xp))

    def test_iter_0d(self):
        for xp in (numpy, cupy):
            with pytest.raises(TypeError):
                iter(xp.zeros(()))

    @testing.for_all_dtypes()
    def test_python_scalars(self, dtype):
        n = numpy.full((), 3, dtype)
        a = cupy.array(n)
        assert bool(a) == bool(n)
        assert complex(a) == complex(n)
        if numpy.dtype(dtype).kind != "c":
            assert int(a) == int(n)
            assert float(a) == float(n)

    @pytest.mark.parametrize("shape", [(1,), (1, 1)])
    def test_python_scalars_of_size_1(self, shape):
        # NumPy 2 converts only 0-d arrays to numbers; bool() accepts any size-1 array.
        for xp in (numpy, cupy):
            a = xp.full(shape, 2.0)
            assert bool(a)
            for conv in (int, float, complex):
                with pytest.raises(TypeError):
                    conv(a)

    def test_bool_errors(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                bool(xp.zeros(2))
            with pytest.raises(ValueError):
                bool(xp.zeros(0))

    def test_int_error(self):
        for xp in (numpy, cupy):
            with pytest.raises(TypeError):
                int(xp.zeros(2))

    def test_index(self):
        assert [10, 20, 30][cupy.array(1)] == 20
        for xp in (numpy, cupy):
            with pytest.raises(TypeError):
                [1, 2][xp.array(1.0)]
            with pytest.raises(TypeError):
                [1, 2][xp.array([1])]


@testing.parameterize(*testing.product({
    "shape": [(), (0,), (3,), (2, 3), (2, 0, 3), (30, 40)],
}))
class TestReprStr:

    @testing.for_all_dtypes()
    def test_repr(self, dtype):
        n = testing.shaped_arange(self.shape, numpy, dtype)
        assert repr(cupy.array(n)) == repr(n)

    @testing.for_all_dtypes()
    def test_str(self, dtype):
        n = testing.shaped_arange(self.shape, numpy, dtype)
        assert str(cupy.array(n)) == str(n)

    def test_format_0d(self):
        assert f"{cupy.array(1.5):.2f}" == "1.50"


class TestPickle:

    @testing.for_all_dtypes()
    def test_pickle(self, dtype):
        a = testing.shaped_arange((2, 3), cupy, dtype)
        b = pickle.loads(pickle.dumps(a))
        assert isinstance(b, cupy.ndarray)
        testing.assert_array_equal(a, b)
        assert a.dtype == b.dtype
