"""cupy.fft on a GPU: cuFFT plans against numpy.fft (sizes and layouts that exercise plan
making, the 64-bit plan API, streams and the plan cache). Skipped on the host backend, whose
transforms are NumPy's own."""
import numpy
import pytest

import cupy
from cupy import testing
from cupy.fft import config

pytestmark = pytest.mark.skipif(cupy.cuda.get_backend_name() != "cuda",
                                reason="cuFFT runs on the cuda backend only")

_RTOL = {numpy.complex64: 1e-4, numpy.float32: 1e-4, "default": 1e-10}


def _random(shape, dtype, seed=0):
    return testing.shaped_random(shape, numpy, dtype, seed=seed)


@pytest.mark.parametrize("n", [1, 2, 3, 16, 97, 1000, 1024, 4093, 2 ** 20])
@pytest.mark.parametrize("dtype", [numpy.complex64, numpy.complex128])
def test_fft_sizes(n, dtype):
    a = _random((n,), dtype)
    tol = 1e-3 if dtype == numpy.complex64 else 1e-9
    for name in ("fft", "ifft"):
        r = getattr(cupy.fft, name)(cupy.asarray(a))
        e = getattr(numpy.fft, name)(a)
        scale = max(1.0, float(numpy.abs(e).max()))
        testing.assert_allclose(r, e, rtol=tol, atol=tol * scale)


@pytest.mark.parametrize("shape,axes", [
    ((1024, 1024), (0, 1)), ((8, 64, 64, 64), (1, 2, 3)), ((64, 64, 64), (0, 2)),
    ((16, 32, 8, 4), (0, 1, 2, 3)), ((33, 17), (0,)), ((5, 6, 7), (2, 0))])
@pytest.mark.parametrize("func", ["fftn", "ifftn", "rfftn", "irfftn"])
@testing.numpy_cupy_allclose(rtol=_RTOL, atol=1e-3, contiguous_check=False)
def test_multi_axis(xp, func, shape, axes):
    dtype = numpy.float32 if func == "rfftn" else numpy.complex64
    a = xp.asarray(_random(shape, dtype))
    return getattr(xp.fft, func)(a, axes=axes)


@pytest.mark.parametrize("func", ["fft", "rfft", "irfft"])
@pytest.mark.parametrize("view", ["axis0", "reversed", "strided", "transposed"])
@testing.numpy_cupy_allclose(rtol=_RTOL, atol=1e-8)
def test_layouts(xp, func, view):
    dtype = numpy.float64 if func == "rfft" else numpy.complex128
    a = xp.asarray(_random((64, 48), dtype))
    if view == "axis0":
        return getattr(xp.fft, func)(a, axis=0)
    a = {"reversed": a[:, ::-1], "strided": a[::3, ::2], "transposed": a.T}[view]
    return getattr(xp.fft, func)(a)


def test_plan_cache_fills_and_evicts():
    cache = config.get_plan_cache()
    cache.clear()
    size = cache.get_size()
    try:
        a = cupy.asarray(_random((16, 32), numpy.complex64))
        cupy.fft.fft(a)
        cupy.fft.ifft(a)
        assert cache.get_curr_size() == 1
        cupy.fft.fft(a, axis=0)
        cupy.fft.fft2(a)
        assert cache.get_curr_size() == 3
        cache.set_size(1)
        assert cache.get_curr_size() == 1
        cache.set_size(0)
        r = cupy.fft.fft(a)           # uncached plans still work
        testing.assert_allclose(r, numpy.fft.fft(a.get()), rtol=1e-4, atol=1e-4)
        assert cache.get_curr_size() == 0
    finally:
        cache.set_size(size)
        cache.clear()


def test_other_stream():
    a = cupy.asarray(_random((256, 256), numpy.complex128))
    s = cupy.cuda.Stream()
    with s:
        r = cupy.fft.fft2(a)
    s.synchronize()
    testing.assert_allclose(r, numpy.fft.fft2(a.get()), rtol=1e-10, atol=1e-8)


def test_nd_planning_off():
    a = cupy.asarray(_random((8, 16, 32), numpy.complex128))
    old = config.enable_nd_planning
    config.enable_nd_planning = False
    try:
        r = cupy.fft.fftn(a)
    finally:
        config.enable_nd_planning = old
    testing.assert_allclose(r, numpy.fft.fftn(a.get()), rtol=1e-10, atol=1e-8)


def test_irfftn_of_non_hermitian_input_matches_numpy():
    # NumPy's sequence of transforms, not cuFFT's Hermitian multi-dimensional C2R.
    a = _random((6, 8, 5), numpy.complex128) - 0.5
    r = cupy.fft.irfftn(cupy.asarray(a))
    testing.assert_allclose(r, numpy.fft.irfftn(a), rtol=1e-10, atol=1e-10)
