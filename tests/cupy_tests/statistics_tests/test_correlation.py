"""average, cov and corrcoef against NumPy."""

import numpy
import pytest

import cupy
from cupy import testing


@pytest.mark.parametrize("dtype, axis", [(numpy.int32, 1), (numpy.float32, None),
                                         (numpy.float64, 1)])
@testing.numpy_cupy_allclose(type_check=True)
def test_average(xp, dtype, axis):
    a = testing.shaped_random((3, 4), xp, dtype, seed=24)
    w = testing.shaped_random((3, 4) if axis is None else (4,), xp, numpy.float64, seed=25)
    return xp.average(a, axis=axis, weights=w, returned=True)


@pytest.mark.parametrize("keepdims", [False, True])
@testing.numpy_cupy_allclose(type_check=True)
def test_average_unweighted(xp, keepdims):
    a = testing.shaped_arange((2, 3, 4), xp, numpy.float64)
    return xp.average(a, axis=(0, 2), returned=True, keepdims=keepdims)


@testing.numpy_cupy_allclose(type_check=True)
def test_average_multiaxis_weights(xp):
    a = testing.shaped_arange((2, 3, 4), xp, numpy.float64)
    w = testing.shaped_arange((4, 2), xp, numpy.float64)
    return xp.average(a, axis=(2, 0), weights=w)


def test_average_errors():
    for xp in (numpy, cupy):
        a = xp.ones((2, 3))
        with pytest.raises(ZeroDivisionError):
            xp.average(a, axis=1, weights=xp.zeros(3))
        with pytest.raises(TypeError):
            xp.average(a, weights=xp.ones(3))
        with pytest.raises(ValueError):
            xp.average(a, axis=1, weights=xp.ones(2))


@pytest.mark.parametrize("kw", [{}, {"rowvar": False}, {"bias": True}, {"ddof": 2},
                                {"dtype": numpy.float32}])
@testing.numpy_cupy_allclose(type_check=True)
def test_cov(xp, kw):
    a = testing.shaped_random((3, 6), xp, numpy.float64, seed=26)
    return xp.cov(a, **kw)


@pytest.mark.parametrize("weights", ["f", "a", "fa"])
@testing.numpy_cupy_allclose(type_check=True)
def test_cov_weights(xp, weights):
    a = testing.shaped_random((3, 6), xp, numpy.float64, seed=27)
    fw = xp.array([1, 0, 2, 3, 1, 1]) if "f" in weights else None
    aw = testing.shaped_random((6,), xp, numpy.float64, seed=28) if "a" in weights else None
    return xp.cov(a, fweights=fw, aweights=aw, ddof=1)


@testing.numpy_cupy_allclose(type_check=True)
def test_cov_y_int_complex(xp):
    x = testing.shaped_arange((2, 5), xp, numpy.int32)
    y = testing.shaped_random((5,), xp, numpy.complex128, seed=29)
    return xp.cov(x, y)


@testing.numpy_cupy_allclose(type_check=True)
def test_cov_1d(xp):
    return xp.cov(testing.shaped_random((7,), xp, numpy.float64, seed=30))


@testing.numpy_cupy_allclose(type_check=True)
def test_cov_empty(xp):
    return xp.cov(xp.zeros((0, 3)))


@pytest.mark.filterwarnings("ignore:divide by zero:RuntimeWarning")
def test_cov_few_samples_warns():
    with pytest.warns(RuntimeWarning, match="Degrees of freedom"):
        cupy.cov(cupy.array([[1.0], [2.0]]))


def test_cov_errors():
    for xp in (numpy, cupy):
        with pytest.raises(ValueError):
            xp.cov(xp.ones((2, 2, 2)))
        with pytest.raises(ValueError):
            xp.cov(xp.ones((2, 3)), ddof=1.5)
        with pytest.raises(TypeError):
            xp.cov(xp.ones((2, 3)), fweights=xp.array([1.0, 1.5, 1.0]))
        with pytest.raises(RuntimeError):
            xp.cov(xp.ones((2, 3)), aweights=xp.ones(2))
        with pytest.raises(ValueError):
            xp.cov(xp.ones((2, 3)), aweights=-xp.ones(3))


@pytest.mark.parametrize("dtype, rowvar", [(numpy.float32, True), (numpy.float64, False),
                                           (numpy.complex128, True)])
@testing.numpy_cupy_allclose(type_check=True)
def test_corrcoef(xp, dtype, rowvar):
    a = testing.shaped_random((3, 5), xp, dtype, seed=31)
    return xp.corrcoef(a, rowvar=rowvar)


@testing.numpy_cupy_allclose(type_check=True)
def test_corrcoef_single_variable(xp):
    return xp.corrcoef(testing.shaped_random((5,), xp, numpy.float64, seed=32))
