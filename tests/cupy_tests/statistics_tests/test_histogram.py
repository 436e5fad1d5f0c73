"""histogram, histogram_bin_edges, histogram2d, histogramdd, bincount and digitize
against NumPy."""

import numpy
import pytest

import cupy
from cupy import testing


def _data(xp, dtype=numpy.float64, n=60, seed=12):
    return testing.shaped_random((n,), xp, dtype, scale=20, seed=seed)


@pytest.mark.parametrize("bins", [1, 7, [0.0, 2.5, 3.0, 10.0, 19.0], "auto", "fd", "doane",
                                  "rice", "scott", "sqrt", "stone", "sturges"])
@testing.numpy_cupy_allclose(type_check=True)
def test_histogram_bins(xp, bins):
    return xp.histogram(_data(xp), bins=bins)


@pytest.mark.parametrize("n", [1, 500, 20000])
@testing.numpy_cupy_allclose(type_check=True)
def test_stone_estimator(xp, n):
    # A bimodal sample whose risk minimum is well inside [1, 100]; n=20000 raises the upper
    # bound to sqrt(n); one element gives a single bin.
    rng = numpy.random.RandomState(n)
    x = numpy.concatenate([rng.randn(n - n // 2), rng.randn(n // 2) + 6])[:n]
    return xp.histogram_bin_edges(xp.asarray(x), bins="stone")


def test_stone_estimator_at_the_upper_bound_warns():
    # Almost all the mass at one point: the risk keeps falling up to the bound (100 bins).
    x = numpy.concatenate([numpy.zeros(990), numpy.linspace(0, 1, 10)])
    for xp in (numpy, cupy):
        with pytest.warns(RuntimeWarning, match="suboptimal"):
            edges = xp.histogram_bin_edges(xp.asarray(x), bins="stone")
        assert edges.size == 101


@pytest.mark.parametrize("dtype", [numpy.int32, numpy.float64])
@testing.numpy_cupy_allclose(type_check=True)
def test_histogram_range_density(xp, dtype):
    return xp.histogram(_data(xp, dtype), bins=6, range=(2, 15), density=True)


@testing.numpy_cupy_allclose(type_check=True)
def test_histogram_weights(xp):
    w = testing.shaped_random((60,), xp, numpy.float32, seed=13)
    return xp.histogram(_data(xp).reshape(6, 10), bins=5, weights=w.reshape(6, 10))


@testing.numpy_cupy_allclose()
def test_histogram_nan_and_outside_ignored(xp):
    a = _data(xp)
    a[3] = xp.nan
    return xp.histogram(a, bins=4, range=(0.0, 10.0))


@testing.numpy_cupy_allclose(type_check=True)
def test_histogram_empty(xp):
    return xp.histogram(xp.zeros((0,)), bins=3)


@testing.numpy_cupy_allclose(type_check=True)
def test_histogram_bin_edges(xp):
    return xp.histogram_bin_edges(_data(xp, numpy.int64), bins="auto")


def test_histogram_errors():
    for xp in (numpy, cupy):
        a = xp.arange(5.0)
        with pytest.raises(ValueError):
            xp.histogram(a, bins=0)
        with pytest.raises(ValueError):
            xp.histogram(a, bins=xp.array([1.0, 0.0, 2.0]))
        with pytest.raises(ValueError):
            xp.histogram(a, range=(3, 1))
        with pytest.raises(ValueError):
            xp.histogram(a, bins="nonsense")
        with pytest.raises(ValueError):
            xp.histogram(a, weights=xp.ones(3))
        with pytest.raises(TypeError):
            xp.histogram(a, bins=2.5)
        with pytest.raises(ValueError):
            xp.histogram(xp.array([1.0, numpy.inf]))


@pytest.mark.parametrize("bins", [4, (3, 5), [[0.0, 5.0, 10.0, 20.0], 2]])
@pytest.mark.parametrize("density", [False, True])
@testing.numpy_cupy_allclose(type_check=True)
def test_histogram2d(xp, bins, density):
    x, y = _data(xp, seed=14), _data(xp, seed=15)
    return xp.histogram2d(x, y, bins=bins, density=density)


@testing.numpy_cupy_allclose(type_check=True)
def test_histogram2d_range_weights(xp):
    x, y = _data(xp, seed=16), _data(xp, seed=17)
    w = _data(xp, seed=18)
    return xp.histogram2d(x, y, bins=3, range=[[0, 10], [5, 15]], weights=w)


@testing.numpy_cupy_allclose(type_check=True)
def test_histogramdd(xp):
    s = testing.shaped_random((50, 3), xp, numpy.float64, seed=19)
    s[4, 1] = xp.nan
    h, edges = xp.histogramdd(s, bins=(2, [0.0, 0.3, 0.9], 3), range=[(0, 1), None, None],
                              density=True)
    return (h,) + tuple(edges)


def test_histogramdd_errors():
    for xp in (numpy, cupy):
        s = xp.zeros((4, 2))
        with pytest.raises(ValueError):
            xp.histogramdd(s, bins=(2, 3, 4))
        with pytest.raises(ValueError):
            xp.histogramdd(s, bins=(2, 0))
        with pytest.raises(ValueError):
            xp.histogramdd(s, bins=(2, xp.array([1.0, 0.0])))


@pytest.mark.parametrize("dtype", [numpy.uint8, numpy.int64])
@pytest.mark.parametrize("minlength", [0, 30])
@testing.numpy_cupy_array_equal(type_check=True)
def test_bincount(xp, dtype, minlength):
    x = testing.shaped_random((40,), xp, dtype, scale=20, seed=20)
    return xp.bincount(x, minlength=minlength)


@testing.numpy_cupy_allclose(type_check=True)
def test_bincount_weights(xp):
    x = testing.shaped_random((40,), xp, numpy.int64, scale=10, seed=21)
    w = testing.shaped_random((40,), xp, numpy.float32, seed=22)
    return xp.bincount(x, weights=w)


@testing.numpy_cupy_array_equal(type_check=True)
def test_bincount_empty(xp):
    return xp.bincount(xp.zeros((0,), numpy.int64), minlength=3)


def test_bincount_errors():
    for xp in (numpy, cupy):
        with pytest.raises(ValueError):
            xp.bincount(xp.array([1, -1, 2]))
        with pytest.raises(ValueError):
            xp.bincount(xp.zeros((2, 2), numpy.int64))
        with pytest.raises(ValueError):
            xp.bincount(xp.array([1, 2]), minlength=-1)
        with pytest.raises(TypeError):
            xp.bincount(xp.array([1.0, 2.0]))


@pytest.mark.parametrize("right", [False, True])
@pytest.mark.parametrize("decreasing", [False, True])
@testing.numpy_cupy_array_equal(type_check=True)
def test_digitize(xp, right, decreasing):
    x = testing.shaped_random((5, 6), xp, numpy.int64, scale=12, seed=23)
    bins = xp.array([0.0, 2.0, 5.0, 5.0, 9.0])
    return xp.digitize(x, bins[::-1] if decreasing else bins, right=right)


def test_digitize_errors():
    for xp in (numpy, cupy):
        with pytest.raises(ValueError):
            xp.digitize(xp.arange(3.0), xp.array([1.0, 3.0, 2.0]))
        with pytest.raises(TypeError):
            xp.digitize(xp.ones(3, numpy.complex128), xp.array([1.0, 2.0]))
