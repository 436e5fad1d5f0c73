"""General eigenproblems: eig and eigvals.

Eigenvalues come in no particular order and eigenvectors are unique only up to scale (phase),
so results are compared through what is unique: eigenvalues sorted, the residual
``a @ v - v * w``, unit column norms, and the result types, which must be NumPy's exactly
(real for a real stack without complex eigenvalues, complex otherwise).
"""
import numpy
import pytest

import cupy
from cupy import testing
from cupy.linalg import _eigen

# NumPy computes single precision in double and rounds; we compute in single precision.
_TOL = {numpy.float32: 1e-4, numpy.complex64: 1e-4, "default": 1e-10}
_ATOL = {numpy.float32: 1e-5, numpy.complex64: 1e-5, "default": 1e-11}
_RES = {"f": 1e-4, "F": 1e-4, "d": 1e-11, "D": 1e-11}


def _random(shape, dtype, seed=0):
    rs = numpy.random.RandomState(seed)
    a = rs.uniform(-1, 1, shape)
    if numpy.dtype(dtype).kind == "c":
        a = a + 1j * rs.uniform(-1, 1, shape)
    return a.astype(dtype)


def _rotation(theta, dtype):
    c, s = numpy.cos(theta), numpy.sin(theta)
    return numpy.array([[c, -s], [s, c]], dtype)


def _sorted(xp, w):
    # Sort by real part, then imaginary part, along the last axis.
    return xp.sort_complex(w) if w.dtype.kind == "c" else xp.sort(w, axis=-1)


def _check_residual(a, w, v, tol):
    a, w, v = (cupy.asnumpy(x) for x in (a, w, v))
    res = a.astype(v.dtype) @ v - v * w[..., None, :]
    scale = max(1.0, float(numpy.abs(a).max(initial=0)))
    assert numpy.abs(res).max(initial=0) <= tol * 10 * scale
    if v.size:
        numpy.testing.assert_allclose(numpy.linalg.norm(v, axis=-2), 1, rtol=tol * 10)


_SQUARE = [(3, 3), (2, 4, 4), (2, 2, 3, 3), (1, 1), (5, 5)]


class TestEig:

    @pytest.mark.parametrize("shape", _SQUARE)
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_eig(self, xp, dtype, shape):
        a = xp.asarray(_random(shape, dtype))
        w, v = xp.linalg.eig(a)
        assert w.shape == shape[:-1] and v.shape == shape
        _check_residual(a, w, v, _RES[numpy.dtype(dtype).char])
        return _sorted(xp, w)

    @pytest.mark.parametrize("shape", _SQUARE)
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_eigvals(self, xp, dtype, shape):
        w = xp.linalg.eigvals(xp.asarray(_random(shape, dtype, seed=3)))
        return _sorted(xp, w)

    @testing.for_dtypes("fd")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_symmetric_is_real(self, xp, dtype):
        a = _random((2, 4, 4), dtype)
        a = xp.asarray(a + a.swapaxes(-1, -2))
        w, v = xp.linalg.eig(a)
        assert w.dtype == v.dtype == numpy.dtype(dtype)
        _check_residual(a, w, v, _RES[numpy.dtype(dtype).char])
        return _sorted(xp, w), _sorted(xp, xp.linalg.eigvals(a))

    @testing.for_dtypes("fd")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_rotation_is_complex(self, xp, dtype):
        a = xp.asarray(_rotation(0.3, dtype))
        w, v = xp.linalg.eig(a)
        assert w.dtype == v.dtype == numpy.result_type(dtype, numpy.complex64)
        _check_residual(a, w, v, _RES[numpy.dtype(dtype).char])
        return _sorted(xp, w), _sorted(xp, xp.linalg.eigvals(a))

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_one_complex_matrix_makes_the_stack_complex(self, xp):
        a = numpy.stack([numpy.diag([1.0, 2.0, 3.0]), numpy.eye(3)])
        a[1, :2, :2] = _rotation(1.0, numpy.float64)
        w, v = xp.linalg.eig(xp.asarray(a))
        assert w.dtype == v.dtype == numpy.complex128
        _check_residual(a, w, v, 1e-11)
        # The real matrix's eigenvalues keep a zero imaginary part.
        return _sorted(xp, w), w[0].imag

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_real_and_complex_pairs_mixed(self, xp):
        # One real eigenvalue and one conjugate pair: the pair's vectors are unpacked from
        # LAPACK's two shared real columns.
        q = numpy.linalg.qr(_random((3, 3), numpy.float64, seed=5))[0]
        d = numpy.zeros((3, 3))
        d[0, 0] = 2.0
        d[1:, 1:] = 1.5 * _rotation(0.7, numpy.float64)
        a = xp.asarray(q @ d @ q.T)
        w, v = xp.linalg.eig(a)
        assert w.dtype == v.dtype == numpy.complex128
        _check_residual(a, w, v, 1e-11)
        # LAPACK's normalization: the largest component of each vector is real.
        vh = cupy.asnumpy(v)
        big = vh[numpy.argmax(abs(vh), axis=0), numpy.arange(3)]
        numpy.testing.assert_allclose(big.imag, 0, atol=1e-12)
        return _sorted(xp, w)

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_complex_hermitian_stays_complex(self, xp):
        a = xp.asarray(numpy.array([[1, 1j], [-1j, 1]]))
        w, v = xp.linalg.eig(a)
        assert w.dtype == v.dtype == numpy.complex128
        _check_residual(a, w, v, 1e-11)
        return _sorted(xp, w)

    @pytest.mark.parametrize("dtype", [numpy.int32, numpy.int64, numpy.bool_])
    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_integer_input_is_float64(self, xp, dtype):
        a = xp.asarray(numpy.array([[2, 1], [1, 2]], dtype))
        w, v = xp.linalg.eig(a)
        assert w.dtype == v.dtype == numpy.float64
        _check_residual(a, w, v, 1e-11)
        r = xp.asarray(numpy.array([[0, -1], [1, 0]], dtype))
        return _sorted(xp, w), _sorted(xp, xp.linalg.eigvals(r))

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_defective(self, xp):
        # A Jordan block: one eigenvalue, its eigenvectors (numerically) parallel.
        w, v = xp.linalg.eig(xp.asarray([[1.0, 1.0], [0.0, 1.0]]))
        return w, abs(v[:, 0])

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_diagonal_order_and_vectors(self, xp):
        # A triangular matrix: geev keeps the diagonal's order, vectors are unit columns.
        w, v = xp.linalg.eig(xp.asarray(numpy.diag([3.0, -1.0, 2.0])))
        return w, abs(v)

    @testing.numpy_cupy_allclose(rtol=1e-10, atol=1e-12)
    def test_non_contiguous_input(self, xp):
        a = xp.asarray(_random((4, 6, 6), numpy.float64))[::2, ::2, 1::2].swapaxes(-1, -2)
        w, v = xp.linalg.eig(a)
        _check_residual(a, w, v, 1e-11)
        return _sorted(xp, w)

    @pytest.mark.parametrize("shape", [(0, 0), (2, 0, 0), (0, 3, 3), (3, 0, 2, 2)])
    @testing.for_dtypes("fdFDi?")
    @testing.numpy_cupy_allclose()
    def test_empty(self, xp, dtype, shape):
        a = xp.zeros(shape, dtype)
        w, v = xp.linalg.eig(a)
        return w, v, xp.linalg.eigvals(a)

    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL, atol=_ATOL)
    def test_1x1(self, xp, dtype):
        a = xp.asarray(numpy.array([[[-2.5]], [[4.0]]], dtype))
        return xp.linalg.eig(a) + (xp.linalg.eigvals(a),)

    def test_result_fields(self):
        res = cupy.linalg.eig(cupy.eye(2))
        assert type(res).__name__ == "EigResult"
        assert res.eigenvalues.shape == (2,) and res.eigenvectors.shape == (2, 2)
        w, v = res
        assert w is res.eigenvalues and v is res.eigenvectors

    @pytest.mark.parametrize("xp", [numpy, cupy])
    @pytest.mark.parametrize("func", ["eig", "eigvals"])
    def test_errors(self, xp, func):
        f = getattr(xp.linalg, func)
        with pytest.raises(numpy.linalg.LinAlgError, match="at least two-dimensional"):
            f(xp.ones(3))
        with pytest.raises(numpy.linalg.LinAlgError, match="must be square"):
            f(xp.ones((2, 3)))
        with pytest.raises(numpy.linalg.LinAlgError, match="must be square"):
            f(xp.ones((2, 2, 3)))
        for bad in (numpy.nan, numpy.inf, -numpy.inf):
            a = xp.eye(3)
            a[1, 2] = bad
            with pytest.raises(numpy.linalg.LinAlgError, match="infs or NaNs"):
                f(a)
        with pytest.raises(numpy.linalg.LinAlgError, match="infs or NaNs"):
            f(xp.asarray([[1 + 1j, numpy.nan * 1j], [0, 1]]))
        with pytest.raises(TypeError):
            f(xp.eye(2, dtype=numpy.float16))

    @pytest.mark.parametrize("func", ["eig", "eigvals"])
    def test_no_convergence(self, monkeypatch, func):
        # The QR iteration rarely fails on real data: a solver that reports a failure for
        # one matrix of the stack (a positive status) must raise NumPy's error.
        def failing_info(batch):
            return cupy.asarray(numpy.arange(batch, dtype=numpy.int32) % 2)

        monkeypatch.setattr(_eigen._util, "new_info", failing_info)
        monkeypatch.setattr(_eigen._solver, "geev", lambda *args: None)
        with pytest.raises(numpy.linalg.LinAlgError, match="Eigenvalues did not converge"):
            getattr(cupy.linalg, func)(cupy.ones((2, 3, 3)))
