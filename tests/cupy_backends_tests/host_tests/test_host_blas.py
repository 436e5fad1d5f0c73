"""The host BLAS (cuBLAS conventions over NumPy's BLAS), called on plain host buffers: host
"device memory" is host memory, so NumPy arrays stand in for device allocations."""
import numpy
import pytest

from cupy_backends.host import _blas

# float16 results are rounded once to float16 (accumulation is float32); single precision
# (float32, complex64) sums in BLAS order, the reference in complex128.
_TOL = {"e": 2e-3, "f": 1e-5, "F": 1e-5}


def _tol(dtype):
    return _TOL.get(numpy.dtype(dtype).char, 1e-12)


def _rand(shape, dtype, seed):
    rng = numpy.random.default_rng(seed)
    x = rng.standard_normal(shape)
    if numpy.dtype(dtype).kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dtype)


def _op(x, t):
    return {"N": x, "T": x.T, "C": x.conj().T}[t]


@pytest.mark.parametrize("dtype", ["e", "f", "d", "F", "D"])
@pytest.mark.parametrize("transa,transb", [("N", "N"), ("T", "N"), ("N", "T"), ("C", "T")])
@pytest.mark.parametrize("alpha,beta", [(1, 0), (2, 0), (0.5, -1)])
def test_gemm(dtype, transa, transb, alpha, beta):
    m, n, k = 5, 4, 7
    # Column-major storage: a Fortran-ordered NumPy array with leading dimension = rows.
    a = numpy.asfortranarray(_rand((m, k) if transa == "N" else (k, m), dtype, 0))
    b = numpy.asfortranarray(_rand((k, n) if transb == "N" else (n, k), dtype, 1))
    c = numpy.asfortranarray(_rand((m, n), dtype, 2))
    expected = (alpha * (_op(a, transa).astype(complex) @ _op(b, transb).astype(complex))
                + beta * c.astype(complex))
    _blas.gemm(transa, transb, m, n, k, alpha, a.ctypes.data, a.shape[0], b.ctypes.data,
               b.shape[0], beta, c.ctypes.data, m, numpy.dtype(dtype))
    if numpy.dtype(dtype).kind != "c":
        expected = expected.real
    numpy.testing.assert_allclose(c, expected, rtol=_tol(dtype) * 10, atol=_tol(dtype) * 10)


@pytest.mark.parametrize("dtype", ["e", "f", "d", "F", "D"])
def test_gemm_strided_batched_and_broadcast(dtype):
    batch, m, n, k = 3, 2, 4, 3
    # Row-major (batch, m, k) @ (k, n) as column-major C^T = B^T A^T; B reused (stride 0).
    a = _rand((batch, m, k), dtype, 0)
    b = _rand((k, n), dtype, 1)
    c = numpy.zeros((batch, m, n), dtype)
    _blas.gemm_strided_batched("N", "N", n, m, k, 1, b.ctypes.data, n, 0, a.ctypes.data, k,
                               m * k, 0, c.ctypes.data, n, m * n, batch, numpy.dtype(dtype))
    expected = a.astype(numpy.complex128) @ b.astype(numpy.complex128)
    if numpy.dtype(dtype).kind != "c":
        expected = expected.real
    numpy.testing.assert_allclose(c, expected, rtol=_tol(dtype) * 10, atol=_tol(dtype) * 10)


def test_gemm_k_zero_scales_c():
    c = numpy.full((2, 2), 3.0)
    a = numpy.empty(1)
    _blas.gemm("N", "N", 2, 2, 0, 1.0, a.ctypes.data, 2, a.ctypes.data, 1, 2.0, c.ctypes.data,
               2, numpy.dtype("d"))
    numpy.testing.assert_array_equal(c, numpy.full((2, 2), 6.0))


def test_gemm_float16_accumulates_in_float32():
    k = 4096
    a = numpy.full((1, k), 0.125, numpy.float16)
    b = numpy.ones((k, 1), numpy.float16)
    c = numpy.zeros((1, 1), numpy.float16)
    _blas.gemm("N", "N", 1, 1, k, 1, a.ctypes.data, 1, b.ctypes.data, k, 0, c.ctypes.data, 1,
               numpy.dtype("e"))
    assert c[0, 0] == 512


def test_bad_trans():
    a = numpy.ones((2, 2))
    with pytest.raises(ValueError):
        _blas.gemm("X", "N", 2, 2, 2, 1, a.ctypes.data, 2, a.ctypes.data, 2, 0, a.ctypes.data,
                   2, a.dtype)


@pytest.mark.parametrize("dtype", ["f", "d", "F", "D", "e"])
@pytest.mark.parametrize("trans", ["N", "T", "C"])
def test_gemv(dtype, trans):
    m, n = 4, 3
    a = numpy.asfortranarray(_rand((m, n), dtype, 0))
    rows, cols = (m, n) if trans == "N" else (n, m)
    x = _rand((2 * cols,), dtype, 1)          # incx = 2
    y = _rand((rows,), dtype, 2)
    expected = 2 * (_op(a, trans).astype(complex) @ x[::2].astype(complex)) - y
    _blas.gemv(trans, m, n, 2, a.ctypes.data, m, x.ctypes.data, 2, -1, y.ctypes.data, 1,
               numpy.dtype(dtype))
    if numpy.dtype(dtype).kind != "c":
        expected = expected.real
    numpy.testing.assert_allclose(y, expected, rtol=_tol(dtype) * 10, atol=_tol(dtype) * 10)


@pytest.mark.parametrize("dtype", ["e", "f", "d", "F", "D"])
@pytest.mark.parametrize("conj", [False, True])
def test_dot(dtype, conj):
    x = _rand((9,), dtype, 0)
    y = _rand((6,), dtype, 1)
    out = numpy.zeros(1, dtype)
    _blas.dot(3, x.ctypes.data, 3, y.ctypes.data, 2, out.ctypes.data, numpy.dtype(dtype), conj)
    xs = x[::3].astype(complex)
    expected = numpy.sum((xs.conj() if conj else xs) * y[::2])
    if numpy.dtype(dtype).kind != "c":
        expected = expected.real
    numpy.testing.assert_allclose(out[0], expected, rtol=_tol(dtype) * 10)


def test_dot_empty():
    out = numpy.ones(1)
    _blas.dot(0, 0, 1, 0, 1, out.ctypes.data, numpy.dtype("d"))
    assert out[0] == 0


def test_boundary_rejects_integer_types():
    from cupy._core import _blas as boundary
    with pytest.raises(TypeError):
        boundary.gemm("N", "N", 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1, numpy.int32)
