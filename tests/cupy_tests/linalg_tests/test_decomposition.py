"""Decompositions: cholesky, qr, svd, svdvals, eigh, eigvalsh.

Singular vectors, eigenvectors and Q are unique only up to phase, so those are checked through
what is unique: reconstructions (``u @ diag(s) @ vh == a``), orthonormality, and singular values
and eigenvalues compared with NumPy.
"""
import numpy
import pytest

import cupy
from cupy import testing

# NumPy computes single precision in double and rounds the results; we compute in single
# precision (as CuPy does), so single-precision results agree to a few float32 ulps of the
# problem's condition number, not to the last bit. The matrices below are well conditioned.
_TOL = {numpy.float32: 1e-4, numpy.complex64: 1e-4, "default": 1e-10}
_ATOL = {numpy.float32: 1e-5, numpy.complex64: 1e-5, "default": 1e-11}


def _random(shape, dtype, seed=0):
    """Deterministic entries in [-1, 1) (complex parts too), as a NumPy array."""
    rs = numpy.random.RandomState(seed)
    a = rs.uniform(-1, 1, shape)
    if numpy.dtype(dtype).kind == "c":
        a = a + 1j * rs.uniform(-1, 1, shape)
    return a.astype(dtype)


def _hpd(shape, dtype, seed=0):
    """Hermitian positive-definite matrices: x x^H + n I."""
    x = _random(shape, dtype, seed)
    n = shape[-1]
    return x @ x.conj().swapaxes(-1, -2) + n * numpy.eye(n, dtype=dtype)


def _herm(shape, dtype, seed=0):
    x = _random(shape, dtype, seed)
    return x + x.conj().swapaxes(-1, -2)


def _ct(x):
    return x.conj().swapaxes(-1, -2)


def _eye_like(xp, x, n):
    return xp.broadcast_to(xp.eye(n, dtype=x.dtype), x.shape[:-2] + (n, n))


_SQUARE = [(3, 3), (2, 4, 4), (1, 1), (0, 0), (2, 0, 0)]


def test_linalg_error_is_numpys():
    assert cupy.linalg.LinAlgError is numpy.linalg.LinAlgError


class TestCholesky:

    @pytest.mark.parametrize("shape", _SQUARE)
    @pytest.mark.parametrize("upper", [False, True])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_cholesky(self, xp, dtype, shape, upper):
        # Positive-definite factors are unique, so they compare directly.
        return xp.linalg.cholesky(xp.asarray(_hpd(shape, dtype)), upper=upper)

    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_reads_one_triangle(self, xp):
        a = _hpd((4, 4), numpy.float64)
        a_lower, a_upper = numpy.tril(a) + numpy.triu(a, 1) * 7, numpy.triu(a) - numpy.tril(a, -1)
        return (xp.linalg.cholesky(xp.asarray(a_lower)),
                xp.linalg.cholesky(xp.asarray(a_upper), upper=True))

    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_integer_input_is_float64(self, xp):
        return xp.linalg.cholesky(xp.asarray([[4, 2], [2, 3]]))

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(numpy.linalg.LinAlgError):
            xp.linalg.cholesky(xp.asarray([[1.0, 2.0], [2.0, 1.0]]))   # indefinite
        with pytest.raises(numpy.linalg.LinAlgError):
            xp.linalg.cholesky(xp.asarray(_hpd((2, 3, 3), "d") * numpy.array([1, -1])[:, None,
                                                                                 None]))
        with pytest.raises(numpy.linalg.LinAlgError):
            xp.linalg.cholesky(xp.ones((2, 3)))
        with pytest.raises(numpy.linalg.LinAlgError):
            xp.linalg.cholesky(xp.ones(3))
        with pytest.raises(TypeError):
            xp.linalg.cholesky(xp.eye(2, dtype=numpy.float16))


_QR_SHAPES = [(3, 3), (5, 3), (3, 5), (2, 4, 3), (2, 3, 4), (0, 0), (3, 0), (0, 3), (2, 0, 3)]


class TestQR:

    @pytest.mark.parametrize("shape", _QR_SHAPES)
    @pytest.mark.parametrize("mode", ["reduced", "complete"])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_q_r(self, xp, dtype, shape, mode):
        a = xp.asarray(_random(shape, dtype))
        q, r = xp.linalg.qr(a, mode=mode)
        k = q.shape[-1]
        # Q R == a, Q has orthonormal columns, R is upper triangular; |R| is unique.
        return q @ r, _ct(q) @ q - _eye_like(xp, q, k), xp.tril(r, -1), abs(r)

    @pytest.mark.parametrize("shape", [(4, 3), (3, 4), (2, 3, 3)])
    @testing.for_dtypes("dF")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_r(self, xp, dtype, shape):
        return abs(xp.linalg.qr(xp.asarray(_random(shape, dtype)), mode="r"))

    @pytest.mark.parametrize("shape", [(4, 3), (3, 4), (2, 3, 3), (3, 0)])
    @testing.for_dtypes("dF")
    def test_raw(self, dtype, shape):
        a = _random(shape, dtype)
        h, tau = cupy.linalg.qr(cupy.asarray(a), mode="raw")
        nh, ntau = numpy.linalg.qr(a, mode="raw")
        assert (h.shape, h.dtype, tau.shape, tau.dtype) == (nh.shape, nh.dtype, ntau.shape,
                                                            ntau.dtype)
        # h is the column-major factor read row-major: R is in the upper triangle of h^T.
        k = min(shape[-2:])
        r = cupy.linalg.qr(cupy.asarray(a), mode="r")
        testing.assert_allclose(cupy.triu(h.swapaxes(-1, -2)[..., :k, :]), r, rtol=1e-6)

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_integer_input(self, xp):
        q, r = xp.linalg.qr(xp.asarray([[1, 2], [3, 4], [5, 6]]))
        return q @ r, abs(r)

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(ValueError):
            xp.linalg.qr(xp.ones((2, 2)), mode="bogus")
        with pytest.raises(numpy.linalg.LinAlgError):
            xp.linalg.qr(xp.ones(3))
        with pytest.raises(TypeError):
            xp.linalg.qr(xp.ones((2, 2), numpy.float16))

    def test_deprecated_modes(self):
        a = cupy.asarray(_random((3, 2), "d"))
        with pytest.warns(DeprecationWarning):
            q, r = cupy.linalg.qr(a, mode="full")
        testing.assert_allclose(q @ r, a, rtol=1e-10)
        with pytest.warns(DeprecationWarning):
            e = cupy.linalg.qr(a, mode="economic")
        assert e.shape == (3, 2)


_SVD_SHAPES = [(3, 3), (4, 2), (2, 4), (2, 3, 4), (3, 4, 2), (1, 1), (0, 0), (3, 0), (0, 3),
               (2, 0, 3), (0, 2, 2)]


class TestSVD:

    @pytest.mark.parametrize("shape", _SVD_SHAPES)
    @pytest.mark.parametrize("full_matrices", [True, False])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_svd(self, xp, dtype, shape, full_matrices):
        a = xp.asarray(_random(shape, dtype))
        u, s, vh = xp.linalg.svd(a, full_matrices=full_matrices)
        k = s.shape[-1]
        us = u[..., :k] * s[..., None, :].astype(dtype)
        return (s, us @ vh[..., :k, :], _ct(u) @ u - _eye_like(xp, u, u.shape[-1]),
                vh @ _ct(vh) - _eye_like(xp, vh, vh.shape[-2]))

    @pytest.mark.parametrize("shape", _SVD_SHAPES)
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_singular_values_only(self, xp, dtype, shape):
        a = xp.asarray(_random(shape, dtype))
        return xp.linalg.svd(a, compute_uv=False), xp.linalg.svdvals(a)

    @pytest.mark.parametrize("shape", [(3, 3), (2, 4, 4), (0, 0)])
    @testing.for_dtypes("dF")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_hermitian(self, xp, dtype, shape):
        a = xp.asarray(_herm(shape, dtype))
        u, s, vh = xp.linalg.svd(a, hermitian=True)
        s2 = xp.linalg.svd(a, compute_uv=False, hermitian=True)
        return s, s2, (u * s[..., None, :].astype(dtype)) @ vh, _ct(u) @ u

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_rank_deficient(self, xp):
        a = xp.asarray(numpy.outer([1.0, 2.0, 3.0], [1.0, -1.0, 0.5, 2.0]))
        u, s, vh = xp.linalg.svd(a, full_matrices=False)
        return s, (u * s) @ vh

    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_integer_input(self, xp):
        return xp.linalg.svd(xp.asarray([[3, 0], [4, 5]]), compute_uv=False)

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(numpy.linalg.LinAlgError):
            xp.linalg.svd(xp.ones(3))
        with pytest.raises(TypeError):
            xp.linalg.svd(xp.ones((2, 2), numpy.float16))
        with pytest.raises(numpy.linalg.LinAlgError):
            xp.linalg.svd(xp.ones((2, 3)), hermitian=True)


class TestEigh:

    @pytest.mark.parametrize("shape", _SQUARE)
    @pytest.mark.parametrize("UPLO", ["L", "U"])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_eigh(self, xp, dtype, shape, UPLO):
        # Only the UPLO triangle is read: the other one holds garbage.
        h = _herm(shape, dtype)
        garbage = _random(shape, dtype, seed=1)
        a = numpy.tril(h) + numpy.triu(garbage, 1) if UPLO == "L" \
            else numpy.triu(h) + numpy.tril(garbage, -1)
        w, v = xp.linalg.eigh(xp.asarray(a), UPLO=UPLO)
        hx = xp.asarray(h)
        return w, xp.linalg.eigvalsh(xp.asarray(a), UPLO=UPLO), hx @ v - v * w[..., None, :], \
            _ct(v) @ v

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_integer_input(self, xp):
        w, v = xp.linalg.eigh(xp.asarray([[2, 1], [1, 2]]))
        return w, abs(v)

    def test_result_fields(self):
        res = cupy.linalg.eigh(cupy.eye(2))
        assert res.eigenvalues.shape == (2,) and res.eigenvectors.shape == (2, 2)

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(ValueError):
            xp.linalg.eigh(xp.eye(2), UPLO="X")
        with pytest.raises(numpy.linalg.LinAlgError):
            xp.linalg.eigh(xp.ones((2, 3)))
        with pytest.raises(numpy.linalg.LinAlgError):
            xp.linalg.eigvalsh(xp.ones(3))
        with pytest.raises(TypeError):
            xp.linalg.eigvalsh(xp.eye(2, dtype=numpy.float16))
