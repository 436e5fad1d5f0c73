"""The pooling kernels on cupy arrays against the NumPy path.

Max pooling selects and moves elements, so its results (including the
argmax indexes, NaN and ties) are compared exactly; the window sums of
average pooling and unpooling may add in another order, so they are
compared with a tolerance.
"""
import numpy
import pytest

import chainer
from chainer.backends import cuda
import chainer.functions as F
from chainer import testing

CONFS = [
    # ksize, stride, pad
    ((2, 2), None, (0, 0)),
    ((3, 3), (2, 2), (1, 1)),
    ((3, 2), (1, 2), (1, 0)),
    ((2, 3), (2, 3), (0, 1)),
]
SHAPE = (2, 3, 6, 7)


def _tol(dtype):
    if dtype == numpy.float16:
        return {'atol': 1e-3, 'rtol': 1e-3}
    return {'atol': 1e-6, 'rtol': 1e-6}


def _grads(f, x, gy, double=False):
    """y, gx (and, with ``double``, the gradient of sum(gx * ggx) w.r.t.
    gy, which goes through the double-backward nodes)."""
    x = chainer.Variable(x)
    y = f(x)
    gy = chainer.Variable(gy)
    gx, = chainer.grad([y], [x], [gy], enable_double_backprop=double)
    out = [y.array, gx.array]
    if double:
        xp = chainer.backend.get_array_module(gx)
        ggx = xp.ones_like(gx.array)
        ggy, = chainer.grad([gx], [gy], [chainer.Variable(ggx)])
        out.append(ggy.array)
    return [cuda.to_cpu(a) for a in out]


def _inputs(dtype, special=False):
    rng = numpy.random.RandomState(0)
    # Few distinct values: many ties, to check that both paths keep the
    # first maximum of a window.
    x = rng.randint(-3, 3, SHAPE).astype(dtype)
    if special:
        x[0, 0, 1, 1] = numpy.nan
        x[0, 1, :3, :3] = -numpy.inf
        x[1, 2, 2:4, 2:5] = numpy.inf
    return x


@testing.attr.gpu
@pytest.mark.parametrize('conf', CONFS)
@pytest.mark.parametrize('cover_all', [True, False])
@pytest.mark.parametrize('special', [False, True])
def test_max_pooling_2d(conf, cover_all, special):
    ksize, stride, pad = conf
    x = _inputs(numpy.float32, special)

    def f(x):
        return F.max_pooling_2d(x, ksize, stride, pad, cover_all)

    y, idx = F.max_pooling_2d(x, ksize, stride, pad, cover_all,
                              return_indices=True)
    gy = numpy.random.RandomState(1).uniform(-1, 1, y.shape).astype(
        numpy.float32)
    expected = _grads(f, x, gy, double=True)
    gy_, gidx = F.max_pooling_2d(cuda.to_gpu(x), ksize, stride, pad,
                                 cover_all, return_indices=True)
    assert isinstance(gidx, cuda.ndarray)
    numpy.testing.assert_array_equal(cuda.to_cpu(gidx), idx)
    actual = _grads(f, cuda.to_gpu(x), cuda.to_gpu(gy), double=True)
    for a, e in zip(actual, expected):
        numpy.testing.assert_array_equal(a, e)


@testing.attr.gpu
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float64])
def test_max_pooling_2d_dtypes(dtype):
    x = _inputs(dtype, special=True)

    def f(x):
        return F.max_pooling_2d(x, 3, 2, 1)

    gy = numpy.random.RandomState(1).uniform(-1, 1, (2, 3, 4, 4)).astype(
        dtype)
    for a, e in zip(_grads(f, cuda.to_gpu(x), cuda.to_gpu(gy)),
                    _grads(f, x, gy)):
        assert a.dtype == dtype
        numpy.testing.assert_array_equal(a, e)


@testing.attr.gpu
@pytest.mark.parametrize('conf', CONFS)
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_average_pooling_2d(conf, dtype):
    ksize, stride, pad = conf
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, SHAPE).astype(dtype)

    def f(x):
        return F.average_pooling_2d(x, ksize, stride, pad)

    gy = rng.uniform(-1, 1, f(x).shape).astype(dtype)
    for a, e in zip(_grads(f, cuda.to_gpu(x), cuda.to_gpu(gy), True),
                    _grads(f, x, gy, True)):
        assert a.dtype == dtype
        numpy.testing.assert_allclose(a, e, **_tol(dtype))


@testing.attr.gpu
@pytest.mark.parametrize('conf', CONFS)
@pytest.mark.parametrize('cover_all', [True, False])
def test_unpooling_2d(conf, cover_all):
    ksize, stride, pad = conf
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 3, 3, 4)).astype(numpy.float32)

    def f(x):
        return F.unpooling_2d(x, ksize, stride, pad, cover_all=cover_all)

    gy = rng.uniform(-1, 1, f(x).shape).astype(numpy.float32)
    for a, e in zip(_grads(f, cuda.to_gpu(x), cuda.to_gpu(gy), True),
                    _grads(f, x, gy, True)):
        numpy.testing.assert_allclose(a, e, **_tol(numpy.float32))
