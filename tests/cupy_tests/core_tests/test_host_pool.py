"""Generated kernels on a host device with a two-thread pool (the suite otherwise runs with one
thread): launches of several long blocks run on both threads (host_parallel_threshold)."""
import numpy
import pytest

import cupy
from cupy import testing
from cupy.cuda import _backend

pytestmark = pytest.mark.skipif(cupy.cuda.get_backend_name() != "host",
                                reason="the host device's thread pool")


@pytest.fixture(autouse=True)
def two_threads():
    backend = _backend.active()
    backend.set_num_threads(2, -1)
    yield
    backend.set_num_threads(0, -1)


_N = 300_007     # several 16384-element blocks, the last one partial


@pytest.mark.parametrize("dtype", [numpy.float32, numpy.int64, numpy.complex128])
@testing.numpy_cupy_array_equal()
def test_contiguous_broadcast_and_strided_operands(xp, dtype):
    a = testing.shaped_arange((_N,), xp, dtype)
    m = testing.shaped_random((701, 430), xp, dtype, seed=1)
    row = testing.shaped_arange((430,), xp, dtype)
    return a * 3 + a[::-1], m + row, m.T - row[:, None], m[::3, ::-2] * 2


@testing.numpy_cupy_array_equal()
def test_casts_and_in_place(xp):
    a = testing.shaped_random((1000, 333), xp, numpy.float64, seed=2)
    b = a.astype(numpy.float32)
    b[:, 1::2] += 1
    return b, a.T.astype(numpy.int32)


def test_elementwise_kernel_index_and_raw():
    k = cupy.ElementwiseKernel("T x, raw T w", "T y", "y = x * w[i % w.size()] + i",
                               "host_pool_index")
    x = testing.shaped_random((517, 391), numpy, numpy.float64, seed=3)
    w = testing.shaped_random((13,), numpy, numpy.float64, seed=4)
    i = numpy.arange(x.size).reshape(x.shape)
    expected = x * w[i % w.size] + i
    testing.assert_allclose(k(cupy.array(x), cupy.array(w)).get(), expected, rtol=1e-15)
    # A transposed input: i is still the C-order position in the (transposed) output.
    it = numpy.arange(x.size).reshape(x.T.shape)
    testing.assert_allclose(k(cupy.array(x).T, cupy.array(w)).get(),
                            x.T * w[it % w.size] + it, rtol=1e-15)


@pytest.mark.parametrize("axis", [None, 0, 1])
@testing.for_dtypes([numpy.float32, numpy.float64, numpy.int64])
@testing.numpy_cupy_allclose(rtol=1e-5)
def test_reductions(xp, dtype, axis):
    a = testing.shaped_random((601, 517), xp, dtype, seed=5)
    return a.sum(axis=axis), a.max(axis=axis), a.argmin(axis=axis), a.T.sum(axis=axis)


def test_launches_across_idle_workers_and_threads():
    # Pauses longer than the workers' polling make them sleep, so launches start while they
    # wake (a worker that wakes after the caller took every block must not join the launch);
    # three Python threads launch at once.
    import random
    import threading
    import time
    x = cupy.arange(_N, dtype=cupy.float32)
    expected = numpy.arange(_N, dtype=numpy.float32) * 2
    bad = []

    def run(seed):
        rng = random.Random(seed)
        for _ in range(150):
            y = x * 2
            if not numpy.array_equal(y.get(), expected):
                bad.append(seed)
            if rng.random() < 0.3:
                time.sleep(rng.random() * 1e-3)

    threads = [threading.Thread(target=run, args=(s,)) for s in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert bad == []
