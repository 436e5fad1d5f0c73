"""A short tour: NumPy code on the device, user kernels compiled at run time, results checked
against NumPy.

Run with ``python -m cupy.demo``. It prints which backend and device ran the kernels: the GPU
(``cuda``) when one is present, else the CPU ``host`` device that runs the same CUDA C++.
"""
import time

import numpy

import cupy

SAXPY = r'''
extern "C" __global__ void saxpy(float a, const float* x, const float* y, float* out, long long n) {
    long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = a * x[i] + y[i];
}
'''

# A block reduction: shared memory + __syncthreads, then warp shuffles, then one atomic per block.
BLOCK_SUM = r'''
template <typename T>
__global__ void block_sum(const T* x, T* total, long long n) {
    __shared__ T partial[32];
    long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    T v = i < n ? x[i] : T(0);
    for (int offset = 16; offset > 0; offset /= 2)
        v += __shfl_down_sync(0xffffffff, v, offset);
    if (threadIdx.x % 32 == 0) partial[threadIdx.x / 32] = v;
    __syncthreads();
    if (threadIdx.x < 32) {
        v = threadIdx.x < blockDim.x / 32 ? partial[threadIdx.x] : T(0);
        for (int offset = 16; offset > 0; offset /= 2)
            v += __shfl_down_sync(0xffffffff, v, offset);
        if (threadIdx.x == 0) atomicAdd(total, v);
    }
}
'''


def _to_device(a):
    mem = cupy.cuda.alloc(a.nbytes)
    mem.copy_from_host(a.ctypes.data, a.nbytes)
    return mem


def _to_host(mem, shape, dtype):
    out = numpy.empty(shape, dtype)
    mem.copy_to_host(out.ctypes.data, out.nbytes)
    return out


def main():
    n = 1 << 20
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal(n, dtype=numpy.float32)
    y = rng.standard_normal(n, dtype=numpy.float32)

    props = cupy.cuda.runtime.getDeviceProperties(cupy.cuda.runtime.getDevice())
    name = props["name"].decode() if isinstance(props["name"], bytes) else props["name"]
    print(f"backend: {cupy.cuda.get_backend_name()}   device: {name}")

    saxpy = cupy.RawKernel(SAXPY, "saxpy")
    module = cupy.RawModule(code=BLOCK_SUM, name_expressions=("block_sum<float>", "block_sum<double>"))
    block_sum = module.get_function("block_sum<double>")

    dx, dy, dout = _to_device(x), _to_device(y), cupy.cuda.alloc(x.nbytes)
    threads = 256
    blocks = (n + threads - 1) // threads
    t0 = time.perf_counter()
    saxpy((blocks,), (threads,), (numpy.float32(2.0), dx, dy, dout, numpy.int64(n)))
    cupy.cuda.Device().synchronize()
    t1 = time.perf_counter()
    out = _to_host(dout, n, numpy.float32)
    ok_saxpy = numpy.array_equal(out, numpy.float32(2.0) * x + y)
    print(f"saxpy on {n} floats: {'matches NumPy' if ok_saxpy else 'MISMATCH'} "
          f"(first launch incl. compile/load {1e3 * (t1 - t0):.1f} ms)")

    values = rng.integers(-1000, 1000, n).astype(numpy.float64)
    dvalues, dtotal = _to_device(values), _to_device(numpy.zeros(1))
    block_sum((blocks,), (threads,), (dvalues, dtotal, numpy.int64(n)))
    total = _to_host(dtotal, 1, numpy.float64)[0]
    ok_sum = total == values.sum()
    print(f"block_sum<double> (shared memory, warp shuffles, atomics): {total:.0f} "
          f"{'matches NumPy' if ok_sum else 'MISMATCH vs ' + str(values.sum())}")

    t0 = time.perf_counter()
    reps = 200
    for _ in range(reps):
        saxpy((blocks,), (threads,), (numpy.float32(2.0), dx, dy, dout, numpy.int64(n)))
    cupy.cuda.Device().synchronize()
    dt = (time.perf_counter() - t0) / reps
    print(f"saxpy steady state: {1e6 * dt:.1f} us per launch, {3 * x.nbytes / dt / 1e9:.1f} GB/s")
    ok_arrays = _array_tour(rng)
    if not (ok_saxpy and ok_sum and ok_arrays):
        raise SystemExit(1)


def _array_tour(rng):
    """The same NumPy expressions with ``xp = numpy`` and ``xp = cupy``."""
    host = rng.standard_normal((1000, 300)).astype(numpy.float32)

    def compute(xp):
        a = xp.asarray(host)
        b = xp.exp(-a * a / 2) + xp.abs(a[:, ::-1]) * 0.5     # ufuncs, views, broadcasting
        return [b.sum(axis=0), b.max(axis=1), (a > 0).mean(), xp.cumsum(a[:3], axis=1)]

    ok = True
    for want, got in zip(compute(numpy), compute(cupy)):
        ok &= numpy.allclose(want, cupy.asnumpy(got), rtol=1e-4, atol=1e-4)
    print(f"NumPy expressions on cupy arrays (ufuncs, views, sum/max/mean/cumsum): "
          f"{'match NumPy' if ok else 'MISMATCH'}")

    squared_diff = cupy.ElementwiseKernel(
        "T x, T y", "T z", "z = (x - y) * (x - y)", "squared_diff")
    x = cupy.arange(5, dtype=cupy.float64)
    got = squared_diff(x, 2.0)
    ok_kernel = numpy.array_equal(cupy.asnumpy(got), (numpy.arange(5.0) - 2) ** 2)
    print(f"ElementwiseKernel squared_diff(arange(5), 2.0) = {got}: "
          f"{'matches NumPy' if ok_kernel else 'MISMATCH'}")
    return ok and ok_kernel


if __name__ == "__main__":
    main()
