"""cupy.ElementwiseKernel: type binding, raw parameters, broadcasting, outputs, options."""
import numpy
import pytest

import cupy
from cupy import testing
from cupy.cuda import compiler


class TestTypes:

    @testing.for_all_dtypes()
    @testing.numpy_cupy_array_equal()
    def test_placeholder(self, xp, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype)
        if xp is numpy:
            return a + a
        k = cupy.ElementwiseKernel("T x, T y", "T z", "z = x + y", "ew_add")
        return k(a, a)

    def test_explicit_types(self):
        k = cupy.ElementwiseKernel("float32 x, int32 n", "float64 z", "z = x * n", "ew_explicit")
        x = cupy.arange(4, dtype=numpy.float32)
        z = k(x, 3)
        assert z.dtype == numpy.float64
        testing.assert_array_equal(z, numpy.arange(4) * 3.0)

    def test_type_mismatch(self):
        k = cupy.ElementwiseKernel("T x, T y", "T z", "z = x + y", "ew_mismatch")
        with pytest.raises(TypeError):
            k(cupy.zeros(3, numpy.float32), cupy.zeros(3, numpy.float64))

    def test_explicit_output_type_mismatch(self):
        k = cupy.ElementwiseKernel("T x", "float32 z", "z = x", "ew_out_mismatch")
        with pytest.raises(TypeError):
            k(cupy.zeros(3), cupy.zeros(3, numpy.float64))

    def test_scalar_binds_placeholder(self):
        k = cupy.ElementwiseKernel("T x", "T z", "z = x", "ew_scalar_only")
        z = k(cupy.zeros(3, numpy.int16))
        assert z.dtype == numpy.int16

    def test_scalar_follows_array_type(self):
        k = cupy.ElementwiseKernel("T x, T y", "T z", "z = x + y", "ew_scalar_follow")
        z = k(cupy.arange(3, dtype=numpy.float32), 1.5)
        assert z.dtype == numpy.float32
        testing.assert_array_equal(z, numpy.arange(3, dtype=numpy.float32) + 1.5)

    def test_two_placeholders(self):
        k = cupy.ElementwiseKernel("T x, U y", "U z", "z = x + y", "ew_two_ph")
        z = k(cupy.arange(3, dtype=numpy.int8), cupy.ones(3, numpy.float64))
        assert z.dtype == numpy.float64
        testing.assert_array_equal(z, [1.0, 2.0, 3.0])

    def test_undecided_output_type(self):
        k = cupy.ElementwiseKernel("T x", "U z", "z = x", "ew_undecided")
        with pytest.raises(TypeError):
            k(cupy.zeros(3))

    def test_wrong_arg_count(self):
        k = cupy.ElementwiseKernel("T x, T y", "T z", "z = x + y", "ew_argc")
        with pytest.raises(TypeError):
            k(cupy.zeros(3))

    def test_unsupported_arg(self):
        k = cupy.ElementwiseKernel("T x", "T z", "z = x", "ew_bad_arg")
        with pytest.raises(TypeError):
            k([1, 2, 3])

    @pytest.mark.parametrize("params", ["T", "float33 x", "raw raw", "foo T x"])
    def test_bad_params(self, params):
        with pytest.raises(ValueError):
            cupy.ElementwiseKernel(params, "T z", "z = 0", "ew_bad_params")

    def test_duplicate_names(self):
        with pytest.raises(ValueError):
            cupy.ElementwiseKernel("T x", "T x", "x = 0", "ew_dup")


class TestRawAndIndex:

    def test_raw_input(self):
        k = cupy.ElementwiseKernel(
            "raw T x", "T y", "y = x[x.size() - 1 - i]", "ew_reverse")
        x = cupy.arange(5, dtype=numpy.float32)
        testing.assert_array_equal(k(x, cupy.empty_like(x)), numpy.arange(5)[::-1])

    def test_raw_shape(self):
        k = cupy.ElementwiseKernel(
            "raw T x", "int64 y", "y = x.shape()[0] * 100 + x.shape()[1]", "ew_raw_shape")
        y = k(cupy.zeros((3, 7)), cupy.empty(2, numpy.int64))
        testing.assert_array_equal(y, [307, 307])

    def test_raw_noncontiguous(self):
        k = cupy.ElementwiseKernel("raw T x", "T y", "y = x[i]", "ew_raw_nc")
        x = testing.shaped_arange((4, 6), cupy)[:, ::2]
        # Raw arrays are indexed by C-order element number through their strides.
        testing.assert_array_equal(k(x, cupy.empty(12, x.dtype)),
                                   testing.shaped_arange((4, 6), numpy)[:, ::2].ravel())

    def test_ind(self):
        k = cupy.ElementwiseKernel(
            "", "int64 y", "y = _ind.get()[0] * 10 + _ind.get()[1]", "ew_ind",
            reduce_dims=False)
        y = k(cupy.empty((2, 3), numpy.int64))
        testing.assert_array_equal(y, [[0, 1, 2], [10, 11, 12]])

    def test_i_is_c_order_number(self):
        k = cupy.ElementwiseKernel("", "int64 y", "y = i", "ew_i")
        # ``i`` numbers the loop in C order of the (broadcast) shape, whatever the layout.
        y = k(cupy.empty((2, 3), numpy.int64).T)
        testing.assert_array_equal(y, numpy.arange(6).reshape(3, 2))

    def test_size_for_raw_only(self):
        k = cupy.ElementwiseKernel("raw T x", "raw T y", "y[i] = x[i] * 2", "ew_size")
        x = cupy.arange(6, dtype=numpy.float32)
        y = cupy.zeros(6, numpy.float32)
        k(x, y, size=4)
        testing.assert_array_equal(y, [0, 2, 4, 6, 0, 0])

    def test_size_undecided(self):
        k = cupy.ElementwiseKernel("raw T x", "raw T y", "y[i] = x[i]", "ew_size_undecided")
        with pytest.raises(ValueError):
            k(cupy.zeros(3), cupy.zeros(3))

    def test_size_with_nonraw(self):
        k = cupy.ElementwiseKernel("T x", "T y", "y = x", "ew_size_nonraw")
        with pytest.raises(ValueError):
            k(cupy.zeros(3), size=3)


class TestOutputsAndBroadcast:

    def test_output_given(self):
        k = cupy.ElementwiseKernel("T x", "T y", "y = x * 2", "ew_out_given")
        x = cupy.arange(4, dtype=numpy.int32)
        out = cupy.zeros(4, numpy.int32)
        r = k(x, out)
        assert r is out
        testing.assert_array_equal(out, [0, 2, 4, 6])

    def test_output_noncontiguous(self):
        k = cupy.ElementwiseKernel("T x", "T y", "y = x + 1", "ew_out_nc")
        out = cupy.zeros((4, 6), numpy.float32)
        k(cupy.ones((4, 3), numpy.float32), out[:, ::2])
        expected = numpy.zeros((4, 6), numpy.float32)
        expected[:, ::2] = 2
        testing.assert_array_equal(out, expected)

    @testing.numpy_cupy_array_equal()
    def test_broadcast(self, xp):
        a = testing.shaped_arange((2, 1, 4), xp)
        b = testing.shaped_arange((3, 1), xp)
        if xp is numpy:
            return a * b
        k = cupy.ElementwiseKernel("T x, T y", "T z", "z = x * y", "ew_bcast")
        return k(a, b)

    def test_broadcast_error(self):
        k = cupy.ElementwiseKernel("T x, T y", "T z", "z = x * y", "ew_bcast_err")
        with pytest.raises(ValueError):
            k(cupy.zeros(3), cupy.zeros(4))

    def test_output_shape_error(self):
        k = cupy.ElementwiseKernel("T x", "T z", "z = x", "ew_out_shape_err")
        with pytest.raises(ValueError):
            k(cupy.zeros((2, 3)), cupy.zeros(3))

    def test_multiple_outputs(self):
        k = cupy.ElementwiseKernel("T x", "T y, T z", "y = x + 1; z = x - 1", "ew_two_out")
        y, z = k(cupy.arange(3, dtype=numpy.float64))
        testing.assert_array_equal(y, [1, 2, 3])
        testing.assert_array_equal(z, [-1, 0, 1])

    def test_return_tuple(self):
        k = cupy.ElementwiseKernel("T x", "T y", "y = x", "ew_tuple", return_tuple=True)
        r = k(cupy.arange(3))
        assert isinstance(r, tuple) and len(r) == 1

    def test_no_return(self):
        k = cupy.ElementwiseKernel("T x", "T y", "y = x", "ew_no_return", no_return=True)
        out = cupy.zeros(3, numpy.int64)
        assert k(cupy.arange(3), out) is None
        testing.assert_array_equal(out, [0, 1, 2])

    def test_scalar_only_inputs_with_output(self):
        k = cupy.ElementwiseKernel("T a", "T y", "y = a", "ew_scalar_in")
        out = cupy.zeros((2, 2), numpy.float32)
        k(numpy.float32(2.5), out)
        testing.assert_array_equal(out, numpy.full((2, 2), 2.5, numpy.float32))

    def test_0d(self):
        k = cupy.ElementwiseKernel("T x", "T y", "y = x * 3", "ew_0d")
        y = k(cupy.array(2.0))
        assert y.shape == ()
        assert float(y) == 6.0

    def test_empty(self):
        k = cupy.ElementwiseKernel("T x", "T y", "y = x", "ew_empty")
        assert k(cupy.zeros((0, 3))).shape == (0, 3)

    def test_same_array_in_and_out(self):
        k = cupy.ElementwiseKernel("T x", "T y", "y = x * 2", "ew_inplace")
        x = cupy.arange(4, dtype=numpy.float32)
        k(x, x)
        testing.assert_array_equal(x, [0, 2, 4, 6])

    def test_reduce_dims_false_keeps_axes(self):
        k = cupy.ElementwiseKernel("", "int32 y", "y = _ind.ndim", "ew_ndim",
                                   reduce_dims=False)
        testing.assert_array_equal(k(cupy.empty((2, 3, 4), numpy.int32)),
                                   numpy.full((2, 3, 4), 3))

    def test_reduce_dims_true_merges_axes(self):
        k = cupy.ElementwiseKernel("", "int32 y", "y = _ind.ndim", "ew_ndim_merge")
        testing.assert_array_equal(k(cupy.empty((2, 3, 4), numpy.int32)),
                                   numpy.full((2, 3, 4), 1))


class TestCodeOptions:

    def test_preamble(self):
        k = cupy.ElementwiseKernel(
            "T x", "T y", "y = twice(x)", "ew_preamble",
            preamble="template <typename U> __device__ U twice(U v) { return v + v; }")
        testing.assert_array_equal(k(cupy.arange(3)), [0, 2, 4])

    def test_loop_prep_after_loop(self):
        k = cupy.ElementwiseKernel(
            "T x", "raw T total", "acc += x", "ew_prep",
            loop_prep="T acc = 0", after_loop="atomicAdd(&total[0], acc)")
        total = cupy.zeros(1, numpy.float32)
        k(cupy.ones(1000, numpy.float32), total)
        assert float(total[0]) == 1000.0

    def test_options(self):
        k = cupy.ElementwiseKernel(
            "T x", "T y", "y = x * FACTOR", "ew_options", options=("-DFACTOR=3",))
        testing.assert_array_equal(k(cupy.arange(3)), [0, 3, 6])

    def test_compile_error(self):
        k = cupy.ElementwiseKernel("T x", "T y", "y = x +* ;", "ew_bad_code")
        with pytest.raises(compiler.CompileException) as e:
            k(cupy.arange(3))
        assert "ew_bad_code" in str(e.value.source) or "ew_bad_code" in str(e.value)

    def test_bad_name(self):
        with pytest.raises(ValueError):
            cupy.ElementwiseKernel("T x", "T y", "y = x", "bad name")

    def test_repeated_call_does_not_compile(self):
        k = cupy.ElementwiseKernel("T x", "T y", "y = x + 7", "ew_cached")
        x = cupy.arange(10, dtype=numpy.int16)
        k(x)
        k(x[::2])
        before = dict(compiler._stats)
        for _ in range(3):
            k(x)
            k(x[::2])
        k(x)
        assert compiler._stats["compile"] == before["compile"]
        assert compiler._stats["disk_hit"] == before["disk_hit"]

    def test_attributes(self):
        k = cupy.ElementwiseKernel("T x, raw T w", "T y", "y = x", "ew_attrs")
        assert k.nin == 2 and k.nout == 1 and k.nargs == 3
        assert k.name == "ew_attrs"
        assert k.in_params[1].raw
        assert k.out_params[0].name == "y"
