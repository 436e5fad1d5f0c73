"""Solvers and inverses: solve, inv, det, slogdet, lstsq, pinv, matrix_rank, matrix_power,
tensorsolve, tensorinv."""
import numpy
import pytest

import cupy
from cupy import testing

# NumPy computes single precision in double and rounds the results; we compute in single
# precision (as CuPy does): single-precision results agree to a few ulps times the condition
# number of these (well-conditioned) matrices.
_TOL = {numpy.float32: 1e-4, numpy.complex64: 1e-4, "default": 1e-10}
_ATOL = {numpy.float32: 1e-5, numpy.complex64: 1e-5, "default": 1e-12}


def _random(shape, dtype, seed=0):
    rs = numpy.random.RandomState(seed)
    a = rs.uniform(-1, 1, shape)
    if numpy.dtype(dtype).kind == "c":
        a = a + 1j * rs.uniform(-1, 1, shape)
    return a.astype(dtype)


def _well_conditioned(shape, dtype, seed=0):
    """Random square matrices with a dominant diagonal (condition number ~ 3)."""
    n = shape[-1]
    return (_random(shape, dtype, seed) + 2 * n * numpy.eye(n)).astype(dtype)


_LinAlgError = numpy.linalg.LinAlgError


class TestSolve:

    @pytest.mark.parametrize("sa,sb", [
        ((3, 3), (3,)),
        ((3, 3), (3, 2)),
        ((2, 3, 3), (2, 3, 1)),
        ((2, 3, 3), (3,)),                  # a 1-d b is one vector for every matrix
        ((1, 3, 3), (4, 3, 2)),             # batches broadcast
        ((4, 1, 3, 3), (2, 3, 2)),
        ((0, 0), (0,)),
        ((2, 0, 0), (2, 0, 3)),
        ((3, 3), (2, 3, 0)),
        ((0, 3, 3), (3, 1)),
    ])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_solve(self, xp, dtype, sa, sb):
        a = xp.asarray(_well_conditioned(sa, dtype))
        b = xp.asarray(_random(sb, dtype, seed=1))
        return xp.linalg.solve(a, b)

    @pytest.mark.parametrize("dtype_a,dtype_b", [
        (numpy.int64, numpy.float32), (numpy.float32, numpy.complex64),
        (numpy.float32, numpy.float64), (numpy.bool_, numpy.int32)])
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_mixed_types(self, xp, dtype_a, dtype_b):
        a = xp.asarray([[1, 0], [1, 1]], dtype=dtype_a)
        b = xp.asarray([9, 8], dtype=dtype_b)
        return xp.linalg.solve(a, b)

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        singular = xp.asarray([[1.0, 2.0], [2.0, 4.0]])
        with pytest.raises(_LinAlgError):
            xp.linalg.solve(singular, xp.ones(2))
        with pytest.raises(_LinAlgError):
            xp.linalg.solve(xp.stack([xp.eye(2), singular]), xp.ones(2))
        with pytest.raises(_LinAlgError):
            xp.linalg.solve(xp.ones((2, 3)), xp.ones(2))
        with pytest.raises(_LinAlgError):
            xp.linalg.solve(xp.ones(3), xp.ones(3))
        with pytest.raises(ValueError):
            xp.linalg.solve(xp.eye(3), xp.ones(2))
        with pytest.raises(ValueError):
            xp.linalg.solve(xp.eye(3), xp.ones((2, 2)))
        with pytest.raises(TypeError):
            xp.linalg.solve(xp.eye(2, dtype=numpy.float16), xp.ones(2))


class TestInv:

    @pytest.mark.parametrize("shape", [(3, 3), (2, 4, 4), (1, 1), (0, 0), (2, 0, 0)])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_inv(self, xp, dtype, shape):
        return xp.linalg.inv(xp.asarray(_well_conditioned(shape, dtype)))

    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_integer_input(self, xp):
        return xp.linalg.inv(xp.asarray([[1, 2], [3, 4]]))

    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_transposed_input(self, xp):
        return xp.linalg.inv(xp.asarray(_well_conditioned((3, 3), "d")).T)

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(_LinAlgError):
            xp.linalg.inv(xp.zeros((2, 2)))
        with pytest.raises(_LinAlgError):
            xp.linalg.inv(xp.ones((2, 3)))
        with pytest.raises(_LinAlgError):
            xp.linalg.inv(xp.ones(2))
        with pytest.raises(TypeError):
            xp.linalg.inv(xp.eye(2, dtype=numpy.float16))


class TestDet:

    @pytest.mark.parametrize("shape", [(3, 3), (2, 4, 4), (1, 1), (0, 0), (2, 0, 0), (0, 2, 2)])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_det_slogdet(self, xp, dtype, shape):
        a = xp.asarray(_random(shape, dtype))
        sign, logdet = xp.linalg.slogdet(a)
        return xp.linalg.det(a), sign, logdet

    @testing.for_dtypes("dF")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_singular(self, xp, dtype):
        a = xp.asarray([[[1, 2], [2, 4]], [[0, 0], [0, 1]], [[2, 0], [0, 3]]], dtype=dtype)
        sign, logdet = xp.linalg.slogdet(a)
        return xp.linalg.det(a), sign, logdet

    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_permutation_signs(self, xp):
        # Row interchanges decide the sign.
        p = numpy.eye(4)[[[1, 0, 2, 3], [1, 2, 3, 0], [3, 2, 1, 0], [0, 1, 2, 3]]]
        a = xp.asarray(p * numpy.array([1.0, 2.0, 3.0, 4.0]))
        return xp.linalg.det(a), xp.linalg.slogdet(a)[0]

    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_no_overflow_in_slogdet(self, xp):
        a = xp.eye(300) * 0.1
        return xp.linalg.slogdet(a)

    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_integer_input(self, xp):
        return xp.linalg.det(xp.asarray([[1, 2], [3, 4]]))

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(_LinAlgError):
            xp.linalg.det(xp.ones((2, 3)))
        with pytest.raises(_LinAlgError):
            xp.linalg.slogdet(xp.ones(3))
        with pytest.raises(TypeError):
            xp.linalg.det(xp.eye(2, dtype=numpy.float16))


class TestLstsq:

    @pytest.mark.parametrize("sa,sb", [
        ((4, 3), (4,)),                  # overdetermined: residuals
        ((4, 3), (4, 2)),
        ((3, 4), (3,)),                  # underdetermined: minimum norm, no residuals
        ((3, 3), (3, 2)),
        ((0, 2), (0,)),
        ((3, 0), (3,)),
        ((3, 2), (3, 0)),
    ])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_lstsq(self, xp, dtype, sa, sb):
        a = xp.asarray(_random(sa, dtype) + numpy.eye(*sa, dtype=dtype))
        b = xp.asarray(_random(sb, dtype, seed=1))
        x, resids, rank, s = xp.linalg.lstsq(a, b)
        return x, resids, s

    @pytest.mark.parametrize("sa,sb", [((4, 3), (4,)), ((3, 4), (3, 2))])
    @testing.for_dtypes("dD")
    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_rank_deficient(self, xp, dtype, sa, sb):
        # Rank 1: the minimum-norm solution, and residuals only for full column rank.
        u = _random(sa[:1], dtype)
        v = _random(sa[1:], dtype, seed=2)
        a = xp.asarray(numpy.outer(u, v))
        b = xp.asarray(_random(sb, dtype, seed=1))
        x, resids, rank, s = xp.linalg.lstsq(a, b, rcond=1e-8)
        return x, resids, s

    @pytest.mark.parametrize("sa", [(4, 3), (3, 4), (0, 2)])
    def test_rank(self, sa):
        for a in (_random(sa, "d"), numpy.zeros(sa)):
            b = numpy.ones(sa[0])
            rank = cupy.linalg.lstsq(cupy.asarray(a), cupy.asarray(b))[2]
            expected = numpy.linalg.lstsq(a, b)[2]
            # A 0-d device array (as in CuPy) of NumPy's value and type.
            assert isinstance(rank, cupy.ndarray) and rank.shape == ()
            assert rank.dtype == expected.dtype == numpy.int32
            assert int(rank) == int(expected)

    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_integer_input(self, xp):
        a = xp.asarray([[0, 1], [1, 1], [2, 1], [3, 1]])
        return xp.linalg.lstsq(a, xp.asarray([-1, 0, 1, 2]))[0]

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(_LinAlgError):
            xp.linalg.lstsq(xp.ones((2, 2, 2)), xp.ones(2))
        with pytest.raises(_LinAlgError):
            xp.linalg.lstsq(xp.ones((3, 2)), xp.ones(2))
        with pytest.raises(_LinAlgError):
            xp.linalg.lstsq(xp.ones((3, 2)), xp.ones((3, 2, 1)))


class TestPinv:

    @pytest.mark.parametrize("shape", [(3, 3), (4, 2), (2, 4), (2, 3, 4), (0, 0), (0, 3),
                                       (2, 3, 0)])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_pinv(self, xp, dtype, shape):
        return xp.linalg.pinv(xp.asarray(_random(shape, dtype)))

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_cutoffs(self, xp):
        # A stack of diag(1, 1e-3, 1e-9): the cut-off decides which values are inverted.
        a = xp.asarray(numpy.stack([numpy.diag([1.0, 1e-3, 1e-9])] * 2))
        return (xp.linalg.pinv(a), xp.linalg.pinv(a, rcond=xp.asarray([1e-2, 1e-6])),
                xp.linalg.pinv(a, rtol=1e-2), xp.linalg.pinv(a, rtol=None))

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_hermitian(self, xp):
        a = _random((3, 3), "D")
        return xp.linalg.pinv(xp.asarray(a + a.conj().T), hermitian=True)

    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_integer_input(self, xp):
        return xp.linalg.pinv(xp.asarray([[1, 2], [2, 4], [0, 1]]))

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(ValueError):
            xp.linalg.pinv(xp.eye(2), rcond=1e-3, rtol=1e-3)


class TestMatrixRank:

    @pytest.mark.parametrize("shape", [(3, 3), (4, 2), (2, 3, 4), (0, 0), (2, 0, 3)])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose()
    def test_matrix_rank(self, xp, dtype, shape):
        a = _random(shape, dtype)
        if a.shape[-1] > 1:
            a[..., -1] = a[..., 0] * 2        # one dependent column
        return xp.linalg.matrix_rank(xp.asarray(a))

    @testing.numpy_cupy_allclose()
    def test_tolerances(self, xp):
        a = xp.asarray(numpy.stack([numpy.diag([1.0, 1e-3, 1e-9])] * 2))
        return (xp.linalg.matrix_rank(a), xp.linalg.matrix_rank(a, tol=1e-2),
                xp.linalg.matrix_rank(a, tol=xp.asarray([1e-2, 1e-4])),
                xp.linalg.matrix_rank(a, rtol=1e-6),
                xp.linalg.matrix_rank(a, hermitian=True))

    @testing.numpy_cupy_equal()
    def test_vectors(self, xp):
        return (xp.linalg.matrix_rank(xp.ones(4)), xp.linalg.matrix_rank(xp.zeros(4)),
                xp.linalg.matrix_rank(xp.asarray(0.0)))

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(ValueError):
            xp.linalg.matrix_rank(xp.eye(2), tol=1, rtol=1)


class TestMatrixPower:

    @pytest.mark.parametrize("n", [0, 1, 2, 3, 5, 8])
    @testing.for_dtypes("lfdD")
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_nonnegative(self, xp, dtype, n):
        a = xp.asarray([[[1, 2], [0, 1]], [[1, 0], [1, 1]]], dtype=dtype)
        return xp.linalg.matrix_power(a, n)

    @pytest.mark.parametrize("n", [-1, -2, -5])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_negative(self, xp, dtype, n):
        return xp.linalg.matrix_power(xp.asarray(_well_conditioned((2, 3, 3), dtype)), n)

    @testing.numpy_cupy_allclose()
    def test_numpy_integer_exponent(self, xp):
        return xp.linalg.matrix_power(xp.asarray([[0, 1], [-1, 0]]), numpy.int8(2))

    def test_power_one_returns_input(self):
        a = cupy.eye(2)
        assert cupy.linalg.matrix_power(a, 1) is a

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(TypeError):
            xp.linalg.matrix_power(xp.eye(2), 1.5)
        with pytest.raises(_LinAlgError):
            xp.linalg.matrix_power(xp.ones((2, 3)), 2)
        with pytest.raises(_LinAlgError):
            xp.linalg.matrix_power(xp.zeros((2, 2)), -1)


class TestTensorSolveInv:

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_tensorsolve(self, xp):
        a = xp.asarray(_well_conditioned((6, 6), "d").reshape(2, 3, 6))
        b = xp.asarray(_random((2, 3), "d"))
        return xp.linalg.tensorsolve(a, b), xp.linalg.tensorsolve(a.reshape(6, 2, 3), b.ravel())

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_tensorsolve_axes(self, xp):
        a = xp.asarray(_well_conditioned((6, 6), "d").reshape(2, 3, 2, 3))
        b = xp.asarray(_random((2, 3), "d"))
        return xp.linalg.tensorsolve(a, b, axes=(0,))

    @pytest.mark.parametrize("shape,ind", [((4, 6, 8, 3), 2), ((24, 8, 3), 1)])
    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_tensorinv(self, xp, shape, ind):
        n = int(numpy.prod(shape[:ind]))
        a = xp.asarray(_well_conditioned((n, n), "d").reshape(shape))
        return xp.linalg.tensorinv(a, ind=ind)

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(_LinAlgError):
            xp.linalg.tensorsolve(xp.ones((2, 3, 4)), xp.ones((2, 3)))
        with pytest.raises(ValueError):
            xp.linalg.tensorinv(xp.ones((2, 2)), ind=0)
