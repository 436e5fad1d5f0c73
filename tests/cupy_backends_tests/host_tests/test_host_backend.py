"""HostBackend driven directly: compile -> module_load -> module_get_function -> launch_packed.

Data lives in NumPy arrays (host memory is device memory on the host backend) and is passed by
pointer. Every kernel result is compared with NumPy.
"""
import os
import struct

import numpy as np
import pytest

from cupy_backends.cuda.api._errors import CUDADriverError
from cupy_backends.host import HostNotSupportedError
from cupy_backends.host._host_backend import HostBackend
from cupy_backends.program import CompileException, ProgramSpec


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    import os
    os.environ.setdefault("CUPY_CACHE_DIR", str(tmp_path_factory.mktemp("kernel_cache")))
    b = HostBackend()
    yield b
    b.set_num_threads(0, -1)


@pytest.fixture(params=[1, 2], ids=["pool1", "pool2"])
def pool(request, backend):
    """Run with 1 and 2 pool threads; threshold 0 so even small launches use the pool."""
    backend.set_num_threads(request.param, 0)
    yield request.param
    backend.set_num_threads(0, -1)


def compile_checked(backend, spec):
    """backend.compile, plus (under CUPY_NVRTC_CHECK, as on CI) NVRTC for sm_90: every kernel
    the host runs here must also compile for the GPU."""
    oc = backend.compile(spec)
    if os.environ.get("CUPY_NVRTC_CHECK", "0") not in ("", "0"):
        from cupy_backends.cuda._cuda_backend import compile_nvrtc
        compile_nvrtc(ProgramSpec(spec.source, spec.name, spec.options, spec.name_expressions, "sm_90"))
    return oc


def ptr(a):
    return struct.pack("P", a.ctypes.data)


def i32(v):
    return struct.pack("i", v)


def kernel(backend, source, name, name_expressions=(), options=()):
    oc = compile_checked(
        backend, ProgramSpec(source, "test.cu", tuple(options), tuple(name_expressions), "host"))
    assert oc.kind == "host-so"
    mod = backend.module_load(oc.image)
    return backend.module_get_function(mod, oc.lowered_names.get(name, name)), oc, mod


ADD = r"""
extern "C" __global__ void add(const float* __restrict__ x, const float* y, float* z, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) z[i] = x[i] + y[i];
}
"""


def test_target_and_fingerprint(backend):
    assert backend.target_arch(0) == "host"
    fp = backend.compiler_fingerprint()
    assert "g++" in fp.lower() and fp == backend.compiler_fingerprint()


@pytest.mark.parametrize("n,block", [(1000, 128), (100_003, 256), (64, 1024)])
def test_elementwise_1d(backend, pool, n, block):
    f, oc, _ = kernel(backend, ADD, "add")
    assert oc.lowered_names == {"add": "add"}
    x = np.random.default_rng(0).random(n, dtype=np.float32)
    y = np.random.default_rng(1).random(n, dtype=np.float32)
    z = np.zeros(n, np.float32)
    backend.launch_packed(f, ((n + block - 1) // block,), (block,), 0, 0, [ptr(x), ptr(y), ptr(z), i32(n)])
    np.testing.assert_array_equal(z, x + y)
    assert backend.function_attributes(f)["host_mode"] == "plain"


MEET = r"""
extern "C" __global__ void meet(int* arrived, int* saw_other) {
    atomicAdd(arrived, 1);
    // Bounded wait for the other block: it arrives only if the blocks run at the same time.
    for (long long spins = 0; atomicAdd(arrived, 0) < 2 && spins < 20000000LL; ++spins) {
    }
    saw_other[blockIdx.x] = atomicAdd(arrived, 0) >= 2;
}
"""


@pytest.mark.parametrize("threshold,parallel", [(-1, False), (2, True)])
def test_host_parallel_threshold_attribute(backend, threshold, parallel):
    # Two one-thread blocks stay under the pool's threshold (16384 threads); the kernel's
    # host_parallel_threshold attribute lowers it for its own launches.
    backend.set_num_threads(2, -1)
    try:
        f, _, _ = kernel(backend, MEET, "meet")
        backend.function_set_attribute(f, "host_parallel_threshold", threshold)
        assert backend.function_attributes(f)["host_parallel_threshold"] == threshold
        arrived, saw = np.zeros(1, np.int32), np.zeros(2, np.int32)
        backend.launch_packed(f, (2,), (1,), 0, 0, [ptr(arrived), ptr(saw)])
        assert arrived[0] == 2
        assert saw.tolist() == ([1, 1] if parallel else [0, 1])
    finally:
        backend.set_num_threads(0, -1)
    with pytest.raises(CUDADriverError):
        backend.function_set_attribute(f, "host_parallel_threshold", -2)


def test_elementwise_3d_grid_and_block(backend, pool):
    src = r"""
    extern "C" __global__ void fill(int* out, int nx, int ny, int nz) {
        unsigned x = blockIdx.x * blockDim.x + threadIdx.x;
        unsigned y = blockIdx.y * blockDim.y + threadIdx.y;
        unsigned z = blockIdx.z * blockDim.z + threadIdx.z;
        if (x < nx && y < ny && z < nz)
            out[(z * ny + y) * nx + x] = x + 100 * y + 10000 * z + 1000000 * (gridDim.x * blockDim.y);
    }"""
    f, _, _ = kernel(backend, src, "fill")
    nx, ny, nz = 37, 19, 5
    out = np.zeros((nz, ny, nx), np.int32)
    block, grid = (8, 4, 2), (5, 5, 3)
    backend.launch_packed(f, grid, block, 0, 0, [ptr(out), i32(nx), i32(ny), i32(nz)])
    z, y, x = np.indices((nz, ny, nx))
    np.testing.assert_array_equal(out, x + 100 * y + 10000 * z + 1000000 * (grid[0] * block[1]))


def test_2d_block(backend, pool):
    src = r"""
    extern "C" __global__ void transpose(const double* a, double* b, int rows, int cols) {
        int c = blockIdx.x * blockDim.x + threadIdx.x, r = blockIdx.y * blockDim.y + threadIdx.y;
        if (r < rows && c < cols) b[c * rows + r] = 2.0 * a[r * cols + c];
    }"""
    f, _, _ = kernel(backend, src, "transpose")
    a = np.arange(45 * 70, dtype=np.float64).reshape(45, 70)
    b = np.zeros((70, 45))
    backend.launch_packed(f, (5, 3), (16, 16), 0, 0, [ptr(a), ptr(b), i32(45), i32(70)])
    np.testing.assert_array_equal(b, 2.0 * a.T)


def test_template_name_expressions(backend):
    src = r"""
    template <typename T, int K>
    __global__ void scale(T* x, int n) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (i < n) x[i] = x[i] * T(K);
    }"""
    exprs = ("scale<float, 3>", "scale<double, 5>")
    oc = compile_checked(backend, ProgramSpec(src, "t.cu", (), exprs, "host"))
    assert set(oc.lowered_names) == set(exprs)
    mod = backend.module_load(oc.image)
    for expr, dtype, k in [(exprs[0], np.float32, 3), (exprs[1], np.float64, 5)]:
        f = backend.module_get_function(mod, oc.lowered_names[expr])
        x = np.arange(300, dtype=dtype)
        backend.launch_packed(f, (3,), (128,), 0, 0, [ptr(x), i32(300)])
        np.testing.assert_array_equal(x, np.arange(300, dtype=dtype) * k)


def test_struct_by_value(backend):
    src = r"""
    struct Params { double scale; int offset; char tag; long long shift; };
    extern "C" __global__ void affine(Params p, const int* x, double* y, int n) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (i < n) y[i] = p.scale * (x[i] + p.offset) + p.shift + p.tag;
    }"""
    f, _, _ = kernel(backend, src, "affine")
    x = np.arange(50, dtype=np.int32)
    y = np.zeros(50)
    params = struct.pack("@dic", 0.5, 7, b"\x03") + b"\0" * 3 + struct.pack("q", 1 << 40)
    assert len(params) == 24
    backend.launch_packed(f, (1,), (64,), 0, 0, [params, ptr(x), ptr(y), i32(50)])
    np.testing.assert_array_equal(y, 0.5 * (x + 7) + (1 << 40) + 3)


def test_device_globals(backend):
    src = r"""
    __device__ int counter;
    __constant__ float coeffs[4];
    extern "C" __global__ void use(float* out) {
        out[threadIdx.x] = coeffs[threadIdx.x % 4];
        atomicAdd(&counter, 1);
    }"""
    f, _, mod = kernel(backend, src, "use")
    addr, size = backend.module_get_global(mod, "coeffs")
    assert size == 16
    c = np.array([1.5, -2, 3, 4.25], np.float32)
    backend.memcpy(addr, c.ctypes.data, 16, 1)
    caddr, csize = backend.module_get_global(mod, "counter")
    assert csize == 4
    backend.memset(caddr, 0, 4)
    out = np.zeros(64, np.float32)
    backend.launch_packed(f, (1,), (64,), 0, 0, [ptr(out)])
    np.testing.assert_array_equal(out, np.tile(c, 16))
    cnt = np.zeros(1, np.int32)
    backend.memcpy(cnt.ctypes.data, caddr, 4, 2)
    assert cnt[0] == 64
    with pytest.raises(CUDADriverError) as e:
        backend.module_get_global(mod, "missing")
    assert e.value.status == 500


def test_static_shared_memory(backend, pool):
    src = r"""
    extern "C" __global__ void reverse(const int* x, int* y) {
        __shared__ int buf[256];
        __shared__ double aligned_probe[1];
        int t = threadIdx.x;
        buf[t] = x[blockIdx.x * 256 + t];
        __syncthreads();
        y[blockIdx.x * 256 + t] = buf[255 - t] + (((size_t)aligned_probe % 16) != 0) * 1000000;
    }"""
    f, _, _ = kernel(backend, src, "reverse")
    x = np.arange(256 * 9, dtype=np.int32)
    y = np.zeros_like(x)
    backend.launch_packed(f, (9,), (256,), 0, 0, [ptr(x), ptr(y)])
    np.testing.assert_array_equal(y, x.reshape(9, 256)[:, ::-1].ravel())
    assert backend.function_attributes(f)["host_mode"] == "fibers"


def test_dynamic_shared_memory_both_forms(backend, pool):
    src = r"""
    extern __shared__ __align__(16) float ns_buf[];
    extern "C" __global__ void scan_ns(const float* x, float* y) {
        int t = threadIdx.x, n = blockDim.x;
        ns_buf[t] = x[blockIdx.x * n + t];
        __syncthreads();
        for (int off = 1; off < n; off *= 2) {
            float v = t >= off ? ns_buf[t - off] : 0.0f;
            __syncthreads();
            ns_buf[t] += v;
            __syncthreads();
        }
        y[blockIdx.x * n + t] = ns_buf[t] + (((size_t)ns_buf % 16) != 0) * 1e6f;
    }
    extern "C" __global__ void scan_local(const double* x, double* y) {
        extern __shared__ double buf[];
        int t = threadIdx.x, n = blockDim.x;
        buf[t] = x[blockIdx.x * n + t];
        __syncthreads();
        for (int off = 1; off < n; off *= 2) {
            double v = t >= off ? buf[t - off] : 0.0;
            __syncthreads();
            buf[t] += v;
            __syncthreads();
        }
        y[blockIdx.x * n + t] = buf[t];
    }"""
    oc = compile_checked(backend, ProgramSpec(src, "scan.cu"))
    mod = backend.module_load(oc.image)
    for name, dtype, block in [("scan_ns", np.float32, 100), ("scan_local", np.float64, 256)]:
        f = backend.module_get_function(mod, name)
        x = np.arange(block * 4, dtype=dtype) % 7
        y = np.zeros_like(x)
        backend.launch_packed(f, (4,), (block,), block * x.itemsize, 0, [ptr(x), ptr(y)])
        np.testing.assert_array_equal(y, np.cumsum(x.reshape(4, block), axis=1).ravel())


REDUCE = r"""
extern "C" __global__ void block_sum(const float* x, float* out, int n) {
    __shared__ float warp_sums[32];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float v = i < n ? x[i] : 0.0f;
    for (int off = 16; off > 0; off /= 2) v += __shfl_down_sync(0xffffffff, v, off);
    int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
    if (lane == 0) warp_sums[warp] = v;
    __syncthreads();
    if (warp == 0) {
        v = lane < (blockDim.x + 31) / 32 ? warp_sums[lane] : 0.0f;
        for (int off = 16; off > 0; off /= 2) v += __shfl_down_sync(0xffffffff, v, off);
        if (lane == 0) atomicAdd(out, v);
    }
}
"""


@pytest.mark.parametrize("n,block", [(100_000, 256), (5000, 1024), (777, 96)])
def test_block_reduction(backend, pool, n, block):
    f, _, _ = kernel(backend, REDUCE, "block_sum")
    x = (np.arange(n) % 13 * 0.25).astype(np.float32)   # every summation order is exact
    out = np.zeros(1, np.float32)
    backend.launch_packed(f, ((n + block - 1) // block,), (block,), 0, 0, [ptr(x), ptr(out), i32(n)])
    assert out[0] == x.astype(np.float64).sum()


def test_shfl_xor_butterfly_and_width(backend):
    src = r"""
    extern "C" __global__ void bfly(const int* x, int* all, int* seg, int* up, int* bcast) {
        int t = threadIdx.x, v = x[t];
        int s = v;
        for (int m = 16; m > 0; m /= 2) s += __shfl_xor_sync(0xffffffff, s, m);
        all[t] = s;
        int w = v;
        for (int m = 4; m > 0; m /= 2) w += __shfl_xor_sync(0xffffffff, w, m, 8);
        seg[t] = w;
        up[t] = __shfl_up_sync(0xffffffff, v, 3, 16);
        bcast[t] = __shfl_sync(0xffffffff, v, 5, 16);
    }"""
    f, _, _ = kernel(backend, src, "bfly")
    x = (np.arange(64, dtype=np.int32) * 7919) % 1000
    outs = [np.zeros(64, np.int32) for _ in range(4)]
    backend.launch_packed(f, (1,), (64,), 0, 0, [ptr(x)] + [ptr(o) for o in outs])
    warps = x.reshape(2, 32)
    np.testing.assert_array_equal(outs[0], np.repeat(warps.sum(axis=1), 32))
    np.testing.assert_array_equal(outs[1], np.repeat(x.reshape(8, 8).sum(axis=1), 8))
    lanes = np.arange(64) % 16
    np.testing.assert_array_equal(outs[2], np.where(lanes >= 3, np.roll(x, 3), x))
    np.testing.assert_array_equal(outs[3], x.reshape(4, 16)[:, 5].repeat(16))


def test_ballot_any_all_and_syncthreads_count(backend, pool):
    src = r"""
    extern "C" __global__ void votes(const int* x, unsigned* ballot, int* anyv, int* allv, int* counts) {
        int t = threadIdx.x, p = x[blockIdx.x * blockDim.x + t] > 0;
        unsigned b = __ballot_sync(0xffffffff, p);
        int a = __any_sync(0xffffffff, p), l = __all_sync(0xffffffff, p);
        int c = __syncthreads_count(p), land = __syncthreads_and(p), lor = __syncthreads_or(p);
        if (t % 32 == 0) {
            int w = (blockIdx.x * blockDim.x + t) / 32;
            ballot[w] = b; anyv[w] = a; allv[w] = l;
        }
        if (t == 0) { counts[3 * blockIdx.x] = c; counts[3 * blockIdx.x + 1] = land; counts[3 * blockIdx.x + 2] = lor; }
    }"""
    f, _, _ = kernel(backend, src, "votes")
    x = np.zeros(4 * 64, np.int32)
    x[0:64:3] = 1                # block 0: some
    x[64:128] = 1                # block 1: all
    x[128 + 40] = 1              # block 2: one, in its second warp
    ballot, anyv, allv = np.zeros(8, np.uint32), np.zeros(8, np.int32), np.zeros(8, np.int32)
    counts = np.zeros(12, np.int32)
    backend.launch_packed(f, (4,), (64,), 0, 0, [ptr(x), ptr(ballot), ptr(anyv), ptr(allv), ptr(counts)])
    bits = (x.reshape(8, 32) > 0)
    expected = (bits * (1 << np.arange(32, dtype=np.uint64))).sum(axis=1).astype(np.uint32)
    np.testing.assert_array_equal(ballot, expected)
    np.testing.assert_array_equal(anyv, bits.any(axis=1))
    np.testing.assert_array_equal(allv, bits.all(axis=1))
    per_block = (x.reshape(4, 64) > 0)
    np.testing.assert_array_equal(counts.reshape(4, 3),
                                  np.stack([per_block.sum(1), per_block.all(1), per_block.any(1)], 1))


def test_atomics_under_pool(backend, pool):
    src = r"""
    extern "C" __global__ void hist(const int* x, unsigned long long* h, int* mx, int n) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (i < n) { atomicAdd(&h[x[i]], 1ULL); atomicMax(mx, x[i] * 3 - 5); }
    }"""
    f, _, _ = kernel(backend, src, "hist")
    n = 200_000
    x = (np.arange(n) * 2654435761 % 17).astype(np.int32)
    h = np.zeros(17, np.uint64)
    mx = np.full(1, -1000, np.int32)
    backend.launch_packed(f, ((n + 127) // 128,), (128,), 0, 0, [ptr(x), ptr(h), ptr(mx), i32(n)])
    np.testing.assert_array_equal(h, np.bincount(x, minlength=17))
    assert mx[0] == x.max() * 3 - 5


def test_early_return_before_syncthreads(backend, pool):
    src = r"""
    extern "C" __global__ void partial(const int* x, int* y, int n) {
        __shared__ int s[128];
        int t = threadIdx.x, i = blockIdx.x * blockDim.x + t;
        if (i >= n) return;
        s[t] = x[i];
        __syncthreads();
        int count = min((int)blockDim.x, n - (int)(blockIdx.x * blockDim.x));
        y[i] = s[count - 1 - t];
    }"""
    f, _, _ = kernel(backend, src, "partial")
    n = 300
    x = np.arange(n, dtype=np.int32)
    y = np.zeros(n, np.int32)
    backend.launch_packed(f, (3,), (128,), 0, 0, [ptr(x), ptr(y), i32(n)])
    expected = np.concatenate([x[:128][::-1], x[128:256][::-1], x[256:][::-1]])
    np.testing.assert_array_equal(y, expected)


@pytest.mark.parametrize("barrier", [False, True], ids=["plain", "fibers"])
def test_device_assert_then_next_launch_works(backend, pool, barrier):
    sync = "__syncthreads();" if barrier else ""
    # No #include <assert.h>: device code gets assert() built in (NVRTC has no libc headers).
    src = r"""
    extern "C" __global__ void check(const int* x, int* y) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        %s
        assert(x[i] >= 0);
        y[i] = x[i] * 2;
    }""" % sync
    f, _, _ = kernel(backend, src, "check")
    x = np.arange(128, dtype=np.int32)
    x[3 * 32 + 9] = -1
    y = np.zeros_like(x)
    with pytest.raises(CUDADriverError) as e:
        backend.launch_packed(f, (4,), (32,), 0, 0, [ptr(x), ptr(y)])
    assert e.value.status == 710
    assert e.value.call == "cuLaunchKernel"
    assert "block [3,0,0], thread [9,0,0]" in e.value.detail
    assert "x[i] >= 0" in e.value.detail
    x[3 * 32 + 9] = 5
    backend.launch_packed(f, (4,), (32,), 0, 0, [ptr(x), ptr(y)])
    np.testing.assert_array_equal(y, 2 * x)


def test_trap(backend, pool):
    src = r"""
    extern "C" __global__ void t(int* y) {
        if (blockIdx.x == 1 && threadIdx.x == 4) __trap();
        y[blockIdx.x * blockDim.x + threadIdx.x] = 1;
    }"""
    f, _, _ = kernel(backend, src, "t")
    y = np.zeros(64, np.int32)
    with pytest.raises(CUDADriverError) as e:
        backend.launch_packed(f, (2,), (32,), 0, 0, [ptr(y)])
    assert e.value.status == 715
    assert "block [1,0,0], thread [4,0,0]" in e.value.detail


def test_divergent_barrier_is_an_error(backend, pool):
    src = r"""
    extern "C" __global__ void bad(int* y) {
        int v = threadIdx.x;
        if (threadIdx.x < 16) v = __shfl_down_sync(0xffffffff, v, 1);
        else __syncthreads();
        y[threadIdx.x] = v;
    }"""
    f, _, _ = kernel(backend, src, "bad")
    y = np.zeros(32, np.int32)
    with pytest.raises(CUDADriverError) as e:
        backend.launch_packed(f, (2,), (32,), 0, 0, [ptr(y)])
    assert e.value.status == 719
    assert "barrier divergence/deadlock" in e.value.detail


def test_barrier_in_header_rebuilds_as_fibers(backend, tmp_path):
    (tmp_path / "helper.cuh").write_text(r"""
    __device__ inline int reverse_in_block(int v) {
        __shared__ int s[64];
        s[threadIdx.x] = v;
        __syncthreads();
        return s[blockDim.x - 1 - threadIdx.x];
    }""")
    src = r"""
    #include "helper.cuh"
    extern "C" __global__ void rev(int* y) { y[threadIdx.x] = reverse_in_block(threadIdx.x); }
    """
    f, _, _ = kernel(backend, src, "rev", options=(f"-I{tmp_path}",))
    assert backend.function_attributes(f)["host_mode"] == "fibers"
    y = np.zeros(64, np.int32)
    backend.launch_packed(f, (1,), (64,), 0, 0, [ptr(y)])
    np.testing.assert_array_equal(y, np.arange(64)[::-1])


@pytest.mark.parametrize("snippet,what", [
    ('asm volatile("membar.gl;");', "inline PTX"),
    ("cooperative_groups::this_grid().sync();", "cooperative_groups"),
    ("child<<<1, 1>>>();", "dynamic parallelism"),
    ("cudaTextureObject_t tex = 0; (void)tex;", "texture"),
    ("cub::WarpReduce<int> r;", "CUB"),
])
def test_unsupported_constructs(backend, snippet, what):
    src = 'extern "C" __global__ void k(int* y) { %s }' % snippet
    with pytest.raises(HostNotSupportedError) as e:
        backend.compile(ProgramSpec(src, "u.cu"))
    assert isinstance(e.value, NotImplementedError)
    assert what in str(e.value) and "is not supported on the host backend" in str(e.value)


def test_unsupported_include(backend):
    src = '#include <cooperative_groups.h>\nextern "C" __global__ void k() {}'
    with pytest.raises(HostNotSupportedError):
        backend.compile(ProgramSpec(src, "u.cu"))


def test_unsupported_token_in_comment_is_ignored(backend):
    src = '// asm("trap;") would not work here\nextern "C" __global__ void k(int* y) { y[0] = 1; }'
    f, _, _ = kernel(backend, src, "k")
    y = np.zeros(1, np.int32)
    backend.launch_packed(f, (1,), (1,), 0, 0, [ptr(y)])
    assert y[0] == 1


def test_compile_error_has_gxx_log(backend):
    src = 'extern "C" __global__ void broken(int* y) { y[0] = undeclared_name; }'
    with pytest.raises(CompileException) as e:
        backend.compile(ProgramSpec(src, "broken.cu", ("-DFOO=1",)))
    assert e.value.backend == "g++"
    assert "undeclared_name" in e.value.log and "broken.cu" in e.value.log
    assert e.value.source == src and e.value.name == "broken.cu"


def test_options_defines_and_ignored_nvrtc_flags(backend):
    src = r"""
    extern "C" __global__ void k(int* y) {
    #ifdef UNDEF_ME
        y[0] = -1;
    #else
        y[0] = VALUE * 2;
    #endif
    }"""
    opts = ("-DVALUE=21", "-DUNDEF_ME", "-UUNDEF_ME", "--use_fast_math", "-lineinfo", "-arch=sm_90",
            "--std=c++17", "-rdc=true", "--device-as-default-execution-space")
    f, _, _ = kernel(backend, src, "k", options=opts)
    y = np.zeros(1, np.int32)
    backend.launch_packed(f, (1,), (1,), 0, 0, [ptr(y)])
    assert y[0] == 42


def test_extra_device_vectorization_compiles_at_o2(backend):
    from cupy_backends.host import _compiler
    assert _compiler._Options(("--extra-device-vectorization",)).optimize == "-O2"
    assert _compiler._Options(("-DX=1",)).optimize == _compiler.OPTIMIZE
    # A separate precompiled prelude for -O2 (g++ can crash on one built at another level).
    assert _compiler._pch_dir("c++17", "-O2") != _compiler._pch_dir("c++17", "-O1")
    f, _, _ = kernel(backend, ADD, "add", options=("--extra-device-vectorization",))
    n = 1001
    x, y, z = np.arange(n, dtype=np.float32), np.ones(n, np.float32), np.zeros(n, np.float32)
    backend.launch_packed(f, (8,), (128,), 0, 0, [ptr(x), ptr(y), ptr(z), i32(n)])
    np.testing.assert_array_equal(z, x + y)


@pytest.mark.parametrize("grid,block,smem", [
    ((1,), (1025,), 0), ((1,), (32, 32, 2), 0), ((1,), (1, 1, 65), 0), ((0,), (32,), 0),
    ((1, 65536), (32,), 0), ((1,), (0,), 0), ((1,), (32,), 48 * 1024 + 1),
])
def test_bad_launch_config(backend, grid, block, smem):
    f, _, _ = kernel(backend, ADD, "add")
    x = np.zeros(1, np.float32)
    with pytest.raises(CUDADriverError) as e:
        backend.launch_packed(f, grid, block, smem, 0, [ptr(x), ptr(x), ptr(x), i32(0)])
    assert e.value.status == 1 and e.value.call == "cuLaunchKernel"


def test_unknown_names_and_handles(backend):
    f, _, mod = kernel(backend, ADD, "add")
    with pytest.raises(CUDADriverError) as e:
        backend.module_get_function(mod, "nope")
    assert e.value.status == 500
    with pytest.raises(CUDADriverError) as e:
        backend.launch_packed(12345, (1,), (1,), 0, 0, [])
    assert e.value.status == 400
    with pytest.raises(CUDADriverError):
        backend.module_load(b"not an elf image")


def test_same_extern_c_name_in_two_modules(backend):
    src = 'extern "C" __global__ void k(int* y) { y[0] = %d; }'
    f1, _, m1 = kernel(backend, src % 1, "k")
    f2, _, m2 = kernel(backend, src % 2, "k")
    assert m1 != m2
    y = np.zeros(1, np.int32)
    backend.launch_packed(f1, (1,), (1,), 0, 0, [ptr(y)])
    assert y[0] == 1
    backend.launch_packed(f2, (1,), (1,), 0, 0, [ptr(y)])
    assert y[0] == 2


def test_printf_flushed_by_launch(backend, capfd):
    src = r"""
    extern "C" __global__ void hello(int v) { if (threadIdx.x == 0) printf("hello %d from block %u\n", v, blockIdx.x); }
    """
    f, _, _ = kernel(backend, src, "hello")
    backend.launch_packed(f, (1,), (4,), 0, 0, [i32(7)])
    assert capfd.readouterr().out == "hello 7 from block 0\n"


def test_attributes_and_occupancy(backend):
    f, _, _ = kernel(backend, ADD, "add")
    attrs = backend.function_attributes(f)
    for key in ("max_threads_per_block", "shared_size_bytes", "const_size_bytes", "local_size_bytes",
                "num_regs", "ptx_version", "binary_version", "cache_mode_ca",
                "max_dynamic_shared_size_bytes", "preferred_shared_memory_carveout"):
        assert isinstance(attrs[key], int)
    assert attrs["max_threads_per_block"] == 1024
    assert attrs["num_params"] == 4
    assert backend.occupancy_max_active_blocks_per_sm(f, 256, 0) == 8


_MEMCHECK_SCRIPT = r"""
import sys
import cupy
n = int(sys.argv[1])
k = cupy.RawKernel(r'''
extern "C" __global__ void fill(float* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = 1.0f;
}''', "fill")
a = cupy.zeros(100, cupy.float32)
k((2,), (128,), (a, cupy.int32(n)))
print(float(a.sum()))
"""


@pytest.mark.parametrize("n,ok", [(100, True), (200, False)])
def test_memcheck_faults_at_an_out_of_bounds_write(tmp_path, n, ok):
    # Under CUPY_HOST_MEMCHECK=1 each allocation ends at an inaccessible page, so a kernel
    # writing past an array (beyond its 256-byte rounding) faults there instead of corrupting
    # its neighbour.
    import subprocess
    import sys
    env = dict(os.environ, CUPY_BACKEND="host", CUPY_HOST_MEMCHECK="1")
    r = subprocess.run([sys.executable, "-c", _MEMCHECK_SCRIPT, str(n)], env=env,
                       capture_output=True, text=True, timeout=300)
    if ok:
        assert r.returncode == 0, r.stderr
        assert r.stdout.strip() == "100.0"
    else:
        assert r.returncode != 0
        assert "Segmentation fault" in r.stderr or r.returncode == -11


def test_same_kernel_name_in_two_modules_has_its_own_shared_memory():
    # __global__ functions are inline on the host; their __shared__ statics must stay private to
    # their module even when another module has a kernel of the same name.
    import cupy
    if cupy.cuda.get_backend_name() != "host":
        pytest.skip("shared memory addresses are host addresses only on the host backend")
    src = r'''
extern "C" __global__ void k(unsigned long long* out) {
    __shared__ %s s[%d];
    s[threadIdx.x] = threadIdx.x;
    __syncthreads();
    out[threadIdx.x] = (unsigned long long)(s[blockDim.x - 1 - threadIdx.x]);
    if (threadIdx.x == 0) out[blockDim.x] = (unsigned long long)&s[0];
}'''
    outs = []
    for ctype, n in (("char", 16), ("double", 256)):
        k = cupy.RawModule(code=src % (ctype, n)).get_function("k")
        out = cupy.zeros(n + 1, cupy.uint64)
        k((1,), (n,), (out,))
        outs.append(out.get())
    assert outs[0][16] != outs[1][256]
    numpy_expected = np.arange(256, dtype=np.uint64)[::-1]
    np.testing.assert_array_equal(outs[1][:256], numpy_expected)
    np.testing.assert_array_equal(outs[0][:16], numpy_expected[-16:])
