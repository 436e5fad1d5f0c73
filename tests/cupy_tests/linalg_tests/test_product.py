"""Matrix products: dot, vdot, inner, outer, matmul (and ``@``), tensordot, kron, trace."""
import numpy
import pytest

import cupy
from cupy import testing

# float16 products accumulate in float32 and round once on store, while NumPy's float16 loop
# may round differently; float32 sums run in a different order in BLAS than in NumPy. The
# operands below are small integers, so these bounds are loose for every other type.
_TOL = {numpy.float16: 1e-3, numpy.float32: 1e-5, "default": 1e-7}


def _pair(xp, dtype, sa, sb):
    a = testing.shaped_arange(sa, xp, dtype)
    b = testing.shaped_reverse_arange(sb, xp, dtype)
    return a, b


# --- matmul -------------------------------------------------------------------------------------

_MATMUL_SHAPES = [
    ((3,), (3,)),                        # vector . vector -> 0-d
    ((2, 3), (3,)),                      # matrix . vector
    ((3,), (3, 4)),                      # vector . matrix
    ((2, 3), (3, 4)),
    ((1, 1), (1, 1)),
    ((5, 2, 3), (5, 3, 4)),              # batched
    ((5, 2, 3), (3, 4)),                 # broadcast matrix
    ((2, 3), (5, 3, 4)),
    ((2, 1, 2, 3), (1, 4, 3, 2)),        # broadcast batches on both sides
    ((3, 1, 2, 3), (4, 3, 2)),
    ((6, 2, 3), (3,)),
    ((3,), (6, 3, 2)),
    ((0, 3), (3, 4)),                    # 0-size dims
    ((2, 0), (0, 4)),                    # k == 0: zeros
    ((2, 3), (3, 0)),
    ((0, 2, 3), (3, 4)),
    ((0,), (0,)),
    ((1, 0, 2, 3), (5, 1, 3, 2)),
]


class TestMatmul:

    @pytest.mark.parametrize("sa,sb", _MATMUL_SHAPES)
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_shapes(self, xp, dtype, sa, sb):
        a, b = _pair(xp, dtype, sa, sb)
        return xp.matmul(a, b)

    @pytest.mark.parametrize("sa,sb", _MATMUL_SHAPES[:12])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_operator(self, xp, dtype, sa, sb):
        a, b = _pair(xp, dtype, sa, sb)
        return a @ b

    @testing.for_all_dtypes_combination(names=("dtype_a", "dtype_b"))
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_mixed_dtypes(self, xp, dtype_a, dtype_b):
        a = testing.shaped_arange((2, 3, 4), xp, dtype_a)
        b = testing.shaped_reverse_arange((4, 2), xp, dtype_b)
        return xp.matmul(a, b)

    @pytest.mark.parametrize("transpose_a", [False, True])
    @pytest.mark.parametrize("transpose_b", [False, True])
    @testing.for_float_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_transposed_operands(self, xp, dtype, transpose_a, transpose_b):
        # F-ordered operands are handed to BLAS with trans flags, without copies.
        a = testing.shaped_arange((4, 3), xp, dtype)
        b = testing.shaped_reverse_arange((5, 4), xp, dtype)
        a = a.T if transpose_a else a.T.copy()
        b = b.T if transpose_b else b.T.copy()
        return xp.matmul(a, b)

    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_non_contiguous(self, xp, dtype):
        a = testing.shaped_arange((4, 6, 8), xp, dtype)[::2, 1::2, ::-2]
        b = testing.shaped_reverse_arange((2, 8, 5), xp, dtype)[:, ::2, ::-1]
        return xp.matmul(a, b)

    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_batched_transposed(self, xp, dtype):
        a = testing.shaped_arange((3, 4, 2), xp, dtype).swapaxes(1, 2)
        b = testing.shaped_reverse_arange((3, 5, 4), xp, dtype).swapaxes(1, 2)
        return xp.matmul(a, b)

    @testing.for_complex_dtypes()
    @testing.numpy_cupy_allclose(rtol=1e-6)
    def test_complex(self, xp, dtype):
        a = testing.shaped_arange((2, 3, 4), xp, dtype) * (1 - 2j)
        b = testing.shaped_reverse_arange((4, 5), xp, dtype) * (0.5 + 1j)
        return xp.matmul(a, b)

    @testing.for_float_dtypes(no_float16=True)
    @testing.numpy_cupy_allclose(rtol=1e-5)
    def test_random_large(self, xp, dtype):
        # Large enough for the BLAS kernels' blocking, and non-square.
        a = testing.shaped_random((3, 70, 129), xp, dtype, seed=0)
        b = testing.shaped_random((129, 65), xp, dtype, seed=1)
        return xp.matmul(a, b)

    @testing.numpy_cupy_allclose(rtol=2e-3)
    def test_float16_accumulates_in_float32(self, xp):
        # 4096 ones of 1/8 + ... : a float16 accumulator would stall at 256.
        a = xp.full((1, 4096), 0.125, dtype=numpy.float16)
        b = xp.full((4096, 1), 1.0, dtype=numpy.float16)
        return xp.matmul(a, b).astype(numpy.float32)

    @testing.for_int_dtypes(no_bool=True)
    @testing.numpy_cupy_array_equal()
    def test_integer_wraps(self, xp, dtype):
        a = xp.full((2, 70), 100, dtype=dtype)
        b = xp.full((70, 3), 3, dtype=dtype)
        return xp.matmul(a, b)

    @testing.numpy_cupy_array_equal()
    def test_bool(self, xp):
        a = xp.array([[True, False, False], [False, False, False]])
        b = xp.array([[True, False], [True, True], [False, True]])
        return xp.matmul(a, b)

    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_out(self, xp, dtype):
        a, b = _pair(xp, dtype, (3, 2, 3), (3, 4))
        out = xp.zeros((3, 2, 4), dtype)
        res = xp.matmul(a, b, out=out)
        assert res is out
        return out

    @testing.numpy_cupy_allclose()
    def test_out_cast_and_non_contiguous(self, xp):
        a, b = _pair(xp, numpy.float32, (2, 3), (3, 4))
        out = xp.zeros((4, 2), numpy.float64).T
        xp.matmul(a, b, out=out)
        return out

    @testing.numpy_cupy_allclose()
    def test_out_aliases_input(self, xp):
        a = testing.shaped_arange((3, 3), xp, numpy.float64)
        b = testing.shaped_reverse_arange((3, 3), xp, numpy.float64)
        xp.matmul(a, b, out=a)
        return a

    @testing.numpy_cupy_allclose()
    def test_dtype_argument(self, xp):
        a, b = _pair(xp, numpy.int32, (2, 3), (3, 2))
        return xp.matmul(a, b, dtype=numpy.float64)

    def test_scalar_operand(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError, match="does not have enough dimensions"):
                xp.matmul(xp.ones(3), 2.0)

    def test_core_mismatch_message(self):
        msg = ("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
               r"signature \(n\?,k\),\(k,m\?\)->\(n\?,m\?\) \(size 3 is different from 2\)")
        for xp in (numpy, cupy):
            with pytest.raises(ValueError, match=msg):
                xp.matmul(xp.ones((2, 2)), xp.ones((3, 2)))

    @pytest.mark.parametrize("sa,sb", [((3,), (4,)), ((2, 3), (2, 3)), ((2, 2, 3), (3, 3, 2))])
    def test_shape_errors(self, sa, sb):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.matmul(xp.ones(sa), xp.ones(sb))

    def test_out_errors(self):
        for xp in (numpy, cupy):
            a, b = xp.ones((2, 3)), xp.ones((3, 4))
            with pytest.raises(ValueError):
                xp.matmul(a, b, out=xp.empty((2, 5)))
            with pytest.raises(TypeError):
                xp.matmul(a, b, out=xp.empty((2, 4), numpy.int64))

    def test_linalg_namespace(self):
        assert cupy.linalg.matmul is cupy.matmul
        assert cupy.linalg.tensordot is cupy.tensordot


# --- dot ----------------------------------------------------------------------------------------

_DOT_SHAPES = [
    ((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)),
    ((2, 3, 4), (4,)), ((2, 3, 4), (4, 5)), ((2, 3), (4, 3, 5)), ((2, 3, 4), (5, 4, 2)),
    ((0,), (0,)), ((2, 0), (0, 3)), ((0, 3), (3, 2)), ((2, 3), (5, 3, 0)),
]


class TestDot:

    @pytest.mark.parametrize("sa,sb", _DOT_SHAPES)
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_shapes(self, xp, dtype, sa, sb):
        a, b = _pair(xp, dtype, sa, sb)
        return xp.dot(a, b)

    @testing.for_all_dtypes_combination(names=("dtype_a", "dtype_b"))
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_mixed_dtypes(self, xp, dtype_a, dtype_b):
        return xp.dot(testing.shaped_arange((2, 3), xp, dtype_a),
                      testing.shaped_arange((4, 3, 2), xp, dtype_b))

    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_scalar(self, xp, dtype):
        a = testing.shaped_arange((2, 3), xp, dtype)
        return xp.dot(a, xp.asarray(2, dtype))

    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_non_contiguous(self, xp, dtype):
        a = testing.shaped_arange((6, 4), xp, dtype)[::2].T
        b = testing.shaped_reverse_arange((3, 10), xp, dtype)[:, ::2]
        return xp.dot(a, b)

    @testing.for_float_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_out(self, xp, dtype):
        a, b = _pair(xp, dtype, (2, 3), (3, 4))
        out = xp.empty((2, 4), dtype)
        assert xp.dot(a, b, out=out) is out
        return out

    def test_out_not_acceptable(self):
        for xp in (numpy, cupy):
            a, b = xp.ones((2, 3)), xp.ones((3, 4))
            with pytest.raises(ValueError, match="output array is not acceptable"):
                xp.dot(a, b, out=xp.empty((2, 4), numpy.float32))
            with pytest.raises(ValueError, match="output array is not acceptable"):
                xp.dot(a, b, out=xp.empty((4, 2)).T)

    def test_not_aligned_message(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError,
                               match=r"shapes \(2,3\) and \(2,3\) not aligned: 3 \(dim 1\) "
                                     r"!= 2 \(dim 0\)"):
                xp.dot(xp.ones((2, 3)), xp.ones((2, 3)))


# --- vdot, inner, outer ---------------------------------------------------------------------------

class TestVdotInnerOuter:

    @pytest.mark.parametrize("shape", [(5,), (2, 3), (0,), (1,)])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_vdot(self, xp, dtype, shape):
        a, b = _pair(xp, dtype, shape, shape)
        return xp.asarray(xp.vdot(a, b))

    @testing.for_complex_dtypes()
    @testing.numpy_cupy_allclose(rtol=1e-6)
    def test_vdot_conjugates(self, xp, dtype):
        a = testing.shaped_arange((4,), xp, dtype) * (1 + 2j)
        b = testing.shaped_reverse_arange((4,), xp, dtype) * (3 - 1j)
        return xp.asarray(xp.vdot(a, b))

    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_vdot_strided(self, xp, dtype):
        a = testing.shaped_arange((12,), xp, dtype)[::3]
        b = testing.shaped_reverse_arange((8,), xp, dtype)[::-2]
        return xp.asarray(xp.vdot(a, b))

    @testing.numpy_cupy_allclose()
    def test_vdot_mixed(self, xp):
        return xp.asarray(xp.vdot(xp.arange(3, dtype=numpy.int32), xp.ones(3, numpy.complex64)))

    def test_vdot_size_mismatch(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.vdot(xp.ones(3), xp.ones(4))

    @pytest.mark.parametrize("sa,sb", [((3,), (3,)), ((2, 3), (3,)), ((2, 3), (4, 3)),
                                       ((2, 2, 3), (4, 3)), ((2, 0), (3, 0)), ((), (2, 3))])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_inner(self, xp, dtype, sa, sb):
        a, b = _pair(xp, dtype, sa, sb)
        return xp.inner(a, b)

    def test_inner_mismatch(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.inner(xp.ones((2, 3)), xp.ones((2, 4)))

    @pytest.mark.parametrize("sa,sb", [((3,), (4,)), ((2, 3), (2,)), ((0,), (3,)), ((), (2,))])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_outer(self, xp, dtype, sa, sb):
        a, b = _pair(xp, dtype, sa, sb)
        return xp.outer(a, b)

    @testing.numpy_cupy_allclose()
    def test_outer_out(self, xp):
        out = xp.empty((3, 2))
        xp.outer(xp.arange(3.), xp.arange(2.), out=out)
        return out


# --- tensordot, kron, trace -----------------------------------------------------------------------

class TestTensordot:

    @pytest.mark.parametrize("sa,sb,axes", [
        ((2, 3, 4), (3, 4, 5), 2),
        ((2, 3, 4), (4, 5), 1),
        ((2, 3), (4, 5), 0),
        ((), (2, 3), 0),
        ((2, 3, 4), (4, 3, 5), ([1, 2], [1, 0])),
        ((3, 4, 2), (2, 4), ((2, 1), (0, 1))),
        ((2, 3, 4), (5, 4), (-1, -1)),
        ((2, 3, 4), (2, 3, 4), 3),
        ((2, 3), (3,), -1),                  # N <= 0 is an outer product, as in NumPy
        ((2, 0, 4), (0, 4, 3), 2),
    ])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_tensordot(self, xp, dtype, sa, sb, axes):
        a, b = _pair(xp, dtype, sa, sb)
        return xp.tensordot(a, b, axes=axes)

    @testing.numpy_cupy_allclose()
    def test_non_contiguous(self, xp):
        a = testing.shaped_arange((4, 3, 6), xp, numpy.float64)[:, :, ::2]
        b = testing.shaped_arange((3, 5, 3), xp, numpy.float64).transpose(2, 0, 1)
        return xp.tensordot(a, b, axes=([1, 2], [1, 0]))

    @pytest.mark.parametrize("sa,sb,axes", [
        ((2, 3), (4, 3), 1), ((2, 3), (3, 2), ([0], [0, 1])), ((2, 3), (3,), ([0], [0]))])
    def test_errors(self, sa, sb, axes):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.tensordot(xp.ones(sa), xp.ones(sb), axes=axes)


class TestKronTrace:

    @pytest.mark.parametrize("sa,sb", [((2,), (3,)), ((2, 2), (3, 3)), ((2, 3), (2,)),
                                       ((3,), (2, 2)), ((2, 1, 2), (1, 3)), ((), (2, 2)),
                                       ((0, 2), (2, 2))])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_kron(self, xp, dtype, sa, sb):
        a, b = _pair(xp, dtype, sa, sb)
        return xp.kron(a, b)

    @pytest.mark.parametrize("shape,offset,axis1,axis2", [
        ((3, 3), 0, 0, 1), ((3, 4), 1, 0, 1), ((4, 3), -2, 0, 1), ((2, 3, 4), 0, 1, 2),
        ((2, 3, 4), 1, 2, 0), ((3, 3), 5, 0, 1), ((0, 2), 0, 0, 1)])
    @testing.for_all_dtypes()
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_trace(self, xp, dtype, shape, offset, axis1, axis2):
        a = testing.shaped_arange(shape, xp, dtype)
        return xp.trace(a, offset, axis1, axis2)

    @testing.numpy_cupy_allclose()
    def test_trace_dtype_out(self, xp):
        a = testing.shaped_arange((2, 3, 3), xp, numpy.int8)
        out = xp.empty((3,), numpy.float64)
        xp.trace(a, axis1=0, axis2=2, dtype=numpy.float32, out=out)
        return out

    def test_tensordot_too_many_axes(self):
        for xp in (numpy, cupy):
            with pytest.raises(IndexError):
                xp.tensordot(xp.ones((2, 3)), xp.ones(3), axes=3)

    def test_trace_1d(self):
        for xp in (numpy, cupy):
            with pytest.raises(ValueError):
                xp.trace(xp.ones(3))
