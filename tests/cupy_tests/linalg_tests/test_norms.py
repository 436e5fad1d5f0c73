"""Norms and condition numbers: norm, matrix_norm, vector_norm, cond."""
import numpy
import pytest

import cupy
from cupy import testing

# float16 sums accumulate in float32 here but round per step in NumPy; single precision SVDs
# run in float32 here but in float64 in NumPy (see test_decomposition.py).
_TOL = {numpy.float16: 1e-2, numpy.float32: 1e-5, numpy.complex64: 1e-5, "default": 1e-12}

_inf = numpy.inf


def _array(xp, shape, dtype):
    """Mixed-sign entries with a zero, exercising abs, zero counts and negative orders."""
    a = testing.shaped_arange(shape, numpy, dtype)
    if numpy.dtype(dtype).kind != "b":
        a = a - a.flat[a.size // 3]
    if numpy.dtype(dtype).kind == "c":
        a = a + 0.5j * testing.shaped_reverse_arange(shape, numpy, dtype)
    return xp.asarray(a)


def _random(shape, dtype):
    rs = numpy.random.RandomState(0)
    a = rs.uniform(-1, 1, shape)
    if numpy.dtype(dtype).kind == "c":
        a = a + 1j * rs.uniform(-1, 1, shape)
    return a.astype(dtype)


class TestNorm:

    @pytest.mark.parametrize("shape,ord,axis", [
        ((5,), None, None), ((2, 3), None, None), ((2, 3, 4), None, None),
        ((5,), 2, None), ((2, 3), "fro", None),
        ((5,), 0, None), ((5,), 1, None), ((5,), -1, None), ((5,), 3, None),
        ((5,), 0.5, None), ((5,), _inf, None), ((5,), -_inf, None),
        ((2, 3), 1, None), ((2, 3), -1, None), ((2, 3), _inf, None), ((2, 3), -_inf, None),
        ((2, 3, 4), 1, 1), ((2, 3, 4), 2, -1), ((2, 3, 4), _inf, 0), ((2, 3, 4), 0, 2),
        ((2, 3, 4), None, (0, 2)), ((2, 3, 4), "fro", (2, 1)), ((2, 3, 4), 1, (0, 1)),
        ((2, 3, 4), -1, (2, 0)), ((2, 3, 4), _inf, (1, 2)), ((2, 3, 4), -_inf, (-1, -3)),
    ])
    @pytest.mark.parametrize("keepdims", [False, True])
    @pytest.mark.filterwarnings("ignore:divide by zero:RuntimeWarning")   # NumPy, ord < 0
    @testing.for_dtypes("efdFD")
    @testing.numpy_cupy_allclose(rtol=_TOL)
    def test_entrywise(self, xp, dtype, shape, ord, axis, keepdims):
        return xp.linalg.norm(_array(xp, shape, dtype), ord=ord, axis=axis, keepdims=keepdims)

    @pytest.mark.parametrize("ord,axis", [(None, None), (1, None), (_inf, 0), (0, 1),
                                          (3, -1), ("fro", (0, 1))])
    @testing.for_dtypes("?bl")
    @testing.numpy_cupy_allclose(rtol=1e-12)
    def test_integer_and_bool_are_float64(self, xp, dtype, ord, axis):
        return xp.linalg.norm(_array(xp, (3, 4), dtype), ord=ord, axis=axis)

    @pytest.mark.parametrize("shape,ord,axis", [
        ((3, 4), 2, None), ((4, 3), -2, None), ((3, 3), "nuc", None),
        ((2, 3, 4), 2, (1, 2)), ((2, 3, 4), "nuc", (0, 2)), ((2, 3, 4), -2, (2, 1)),
    ])
    @pytest.mark.parametrize("keepdims", [False, True])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol={numpy.float32: 1e-4, numpy.complex64: 1e-4,
                                       "default": 1e-10})
    def test_spectral_and_nuclear(self, xp, dtype, shape, ord, axis, keepdims):
        # Full-rank matrices: the smallest singular value of a rank-deficient one is rounding
        # noise that no two SVD implementations agree on.
        return xp.linalg.norm(xp.asarray(_random(shape, dtype)), ord=ord, axis=axis,
                              keepdims=keepdims)

    @pytest.mark.parametrize("shape,ord,axis", [
        ((0,), None, None), ((0,), _inf, None), ((0,), 1, None), ((2, 0), None, None),
        ((2, 0), 1, None), ((2, 0), _inf, None), ((0, 3), "fro", None), ((2, 0), 2, None),
        ((0, 2), "nuc", None), ((2, 0, 3), 1, -1),
    ])
    @testing.numpy_cupy_allclose()
    def test_empty(self, xp, shape, ord, axis):
        return xp.linalg.norm(xp.zeros(shape), ord=ord, axis=axis)

    @testing.numpy_cupy_allclose()
    def test_non_contiguous(self, xp):
        a = _array(xp, (4, 6), numpy.float64)[::2, ::-3]
        return xp.linalg.norm(a), xp.linalg.norm(a, 1), xp.linalg.norm(a.T, axis=0)

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        a = xp.ones((2, 3, 4))
        with pytest.raises(ValueError):
            xp.linalg.norm(a, "fro", axis=0)            # string order for vectors
        with pytest.raises(ValueError):
            xp.linalg.norm(a, "nuc", axis=1)
        with pytest.raises(ValueError):
            xp.linalg.norm(a, 3, axis=(0, 1))           # no such matrix norm
        with pytest.raises(ValueError):
            xp.linalg.norm(a, axis=(0, 1, 2))
        with pytest.raises(ValueError):
            xp.linalg.norm(a, 1)                        # 3-d needs axis for ord
        with pytest.raises(ValueError):
            xp.linalg.norm(a, axis=(1, -2))             # duplicate axes
        with pytest.raises(numpy.exceptions.AxisError):
            xp.linalg.norm(a, 1, axis=(0, 3))
        with pytest.raises(TypeError):
            xp.linalg.norm(a, axis=[0, 1])
        with pytest.raises(TypeError):
            xp.linalg.norm(xp.ones((2, 2), numpy.float16), 2)   # the SVD rejects float16


class TestMatrixVectorNorm:

    @pytest.mark.parametrize("ord", ["fro", "nuc", 1, -1, 2, -2, _inf, -_inf])
    @pytest.mark.parametrize("keepdims", [False, True])
    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_matrix_norm(self, xp, ord, keepdims):
        return xp.linalg.matrix_norm(xp.asarray(_random((2, 3, 4), numpy.float64)), ord=ord,
                                     keepdims=keepdims)

    @pytest.mark.parametrize("axis", [None, 1, -1, (0, 2), (2, 0, 1)])
    @pytest.mark.parametrize("ord", [2, 1, 0, _inf, -_inf, 3])
    @pytest.mark.parametrize("keepdims", [False, True])
    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_vector_norm(self, xp, axis, ord, keepdims):
        return xp.linalg.vector_norm(_array(xp, (2, 3, 4), numpy.float64), axis=axis, ord=ord,
                                     keepdims=keepdims)

    @testing.numpy_cupy_allclose(rtol=1e-6)
    def test_vector_norm_keeps_type(self, xp):
        return xp.linalg.vector_norm(_array(xp, (3, 4), numpy.complex64), axis=(0, 1))


class TestCond:

    @pytest.mark.parametrize("p", [None, 2, -2, "fro", "nuc", 1, -1, _inf, -_inf])
    @pytest.mark.parametrize("shape", [(3, 3), (2, 4, 4)])
    @testing.for_dtypes("fdFD")
    @testing.numpy_cupy_allclose(rtol={numpy.float32: 1e-4, numpy.complex64: 1e-4,
                                       "default": 1e-10})
    def test_cond(self, xp, dtype, p, shape):
        rs = numpy.random.RandomState(0)
        a = rs.uniform(-1, 1, shape) + 2 * numpy.eye(shape[-1])
        return xp.linalg.cond(xp.asarray(a.astype(dtype)), p)

    @pytest.mark.parametrize("shape", [(3, 2), (2, 4)])
    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_rectangular(self, xp, shape):
        a = _array(xp, shape, numpy.float64)
        return xp.linalg.cond(a), xp.linalg.cond(a, -2)

    @pytest.mark.parametrize("p", [1, "fro", _inf])
    @testing.numpy_cupy_allclose()
    def test_singular_is_inf_nan_stays(self, xp, p):
        # Exactly singular: a zero pivot in LU and a zero singular value.
        a = xp.asarray([[[1.0, 0.0], [0.0, 0.0]], [[1.0, 0.0], [0.0, 2.0]],
                        [[numpy.nan, 0.0], [0.0, 1.0]]])
        return xp.linalg.cond(a, p)

    @testing.numpy_cupy_allclose()
    def test_singular_svd_is_inf(self, xp):
        return xp.linalg.cond(xp.asarray([[[1.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]]))

    @testing.numpy_cupy_allclose(rtol=1e-10)
    def test_integer_input(self, xp):
        return xp.linalg.cond(xp.asarray([[1, 2], [3, 4]]), 1)

    @pytest.mark.parametrize("xp", [numpy, cupy])
    def test_errors(self, xp):
        with pytest.raises(numpy.linalg.LinAlgError):
            xp.linalg.cond(xp.zeros((0, 0)))
        with pytest.raises(numpy.linalg.LinAlgError):
            xp.linalg.cond(xp.ones((2, 3)), 1)
