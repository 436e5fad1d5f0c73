"""RawKernel / RawModule: compile, argument packing, launch, globals, errors, attributes.

Data moves through cupy.cuda.memory (alloc + copies), so these tests need only the backend.
"""
import ctypes
import os
import subprocess
import sys
import textwrap

import numpy
import pytest

import cupy
from cupy.cuda import memory
from cupy.cuda import stream as stream_module
from cupy_backends.cuda.api._errors import CUDADriverError
from cupy_backends.cuda.api._errors import CUDADriverError


def to_device(a):
    a = numpy.ascontiguousarray(a)
    mp = memory.alloc(max(a.nbytes, 1))
    mp.copy_from_host(a.ctypes.data_as(ctypes.c_void_p), a.nbytes)
    return mp


def to_host(mp, shape, dtype):
    out = numpy.empty(shape, dtype)
    mp.copy_to_host(out.ctypes.data_as(ctypes.c_void_p), out.nbytes)
    return out


ADD = r'''
extern "C" __global__ void add(const float* x, const float* y, float* z, int n) {
    int i = blockDim.x * blockIdx.x + threadIdx.x;
    if (i < n) z[i] = x[i] + y[i];
}
'''


def test_elementwise_add():
    n = 1000
    x = numpy.arange(n, dtype=numpy.float32) * 0.5
    y = numpy.arange(n, dtype=numpy.float32)[::-1].copy()
    dx, dy, dz = to_device(x), to_device(y), memory.alloc(n * 4)
    k = cupy.RawKernel(ADD, "add")
    k(((n + 127) // 128,), (128,), (dx, dy, dz, numpy.int32(n)))
    numpy.testing.assert_array_equal(to_host(dz, n, numpy.float32), x + y)


def test_2d_grid_and_block():
    src = r'''
    extern "C" __global__ void index2d(int* out, int width) {
        int col = blockIdx.x * blockDim.x + threadIdx.x;
        int row = blockIdx.y * blockDim.y + threadIdx.y;
        out[row * width + col] = row * 1000 + col;
    }'''
    h, w = 12, 16
    d = memory.alloc(h * w * 4)
    cupy.RawKernel(src, "index2d")((2, 3), (8, 4), (d, numpy.int32(w)))
    rows, cols = numpy.mgrid[0:h, 0:w]
    numpy.testing.assert_array_equal(to_host(d, (h, w), numpy.int32), rows * 1000 + cols)


def test_linear_launch_and_kernel_property():
    n = 300
    x = numpy.ones(n, numpy.float32)
    dx, dz = to_device(x), memory.alloc(n * 4)
    k = cupy.RawKernel(ADD, "add")
    f = k.kernel
    assert isinstance(f, cupy.cuda.Function)
    f.linear_launch(n, (dx, dx, dz, numpy.int32(n)), block_max_size=64)
    numpy.testing.assert_array_equal(to_host(dz, n, numpy.float32), x * 2)


TEMPLATE = r'''
template<typename T>
__global__ void axpy(T a, const T* x, T* y, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = a * x[i] + y[i];
}
template<typename T, int N>
__global__ void fill_n(T* y) { y[threadIdx.x] = T(N) + T(threadIdx.x); }
'''


@pytest.mark.parametrize("dtype", [numpy.float32, numpy.float64, numpy.int64])
def test_template_kernels_via_name_expressions(dtype):
    ctype = {numpy.float32: "float", numpy.float64: "double", numpy.int64: "long long"}[dtype]
    names = (f"axpy<{ctype}>", f"fill_n<{ctype}, 7>")
    mod = cupy.RawModule(code=TEMPLATE, name_expressions=names)
    n = 100
    x = numpy.arange(n).astype(dtype)
    y = (numpy.arange(n) * 3).astype(dtype)
    dx, dy = to_device(x), to_device(y)
    mod.get_function(names[0])((1,), (128,), (dtype(2), dx, dy, numpy.int32(n)))
    numpy.testing.assert_array_equal(to_host(dy, n, dtype), dtype(2) * x + y)
    df = memory.alloc(32 * numpy.dtype(dtype).itemsize)
    mod.get_function(names[1])(1, 32, (df,))
    numpy.testing.assert_array_equal(to_host(df, 32, dtype), numpy.arange(32).astype(dtype) + 7)


REDUCE = r'''
extern "C" __global__ void block_sum(const float* x, float* total, int n) {
    __shared__ float warp_sums[32];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float v = i < n ? x[i] : 0.0f;
    for (int off = 16; off > 0; off >>= 1)
        v += __shfl_down_sync(0xffffffff, v, off);
    int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
    if (lane == 0) warp_sums[warp] = v;
    __syncthreads();
    if (warp == 0) {
        int nwarps = blockDim.x / 32;
        v = lane < nwarps ? warp_sums[lane] : 0.0f;
        for (int off = 16; off > 0; off >>= 1)
            v += __shfl_down_sync(0xffffffff, v, off);
        if (lane == 0) atomicAdd(total, v);
    }
}
'''


@pytest.mark.parametrize("block", [32, 128, 256])
def test_block_reduction_with_shuffles(block):
    n = 5000
    # multiples of 0.25 below 2**20: every summation order gives the exact result
    x = (numpy.arange(n) % 97 * 0.25).astype(numpy.float32)
    dx, dt = to_device(x), to_device(numpy.zeros(1, numpy.float32))
    cupy.RawKernel(REDUCE, "block_sum")(((n + block - 1) // block,), (block,),
                                        (dx, dt, numpy.int32(n)))
    assert to_host(dt, 1, numpy.float32)[0] == x.sum(dtype=numpy.float64)


ATOMICS = r'''
extern "C" __global__ void atomics(const int* v, int* isum, float* fsum, double* dsum,
                                   int* imax, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    atomicAdd(isum, v[i]);
    atomicAdd(fsum, (float)v[i]);
    atomicAdd(dsum, 0.5 * v[i]);
    atomicMax(imax, v[i]);
}
'''


def test_atomics():
    n = 4096
    v = ((numpy.arange(n) * 7919) % 1000 - 300).astype(numpy.int32)
    dv = to_device(v)
    isum, fsum, dsum = (to_device(numpy.zeros(1, t))
                        for t in (numpy.int32, numpy.float32, numpy.float64))
    imax = to_device(numpy.array([numpy.iinfo(numpy.int32).min], numpy.int32))
    cupy.RawKernel(ATOMICS, "atomics")((n // 256,), (256,), (dv, isum, fsum, dsum, imax, numpy.int32(n)))
    total = int(v.sum())
    assert to_host(isum, 1, numpy.int32)[0] == total
    assert to_host(fsum, 1, numpy.float32)[0] == total    # |partial sums| < 2**24: exact
    assert to_host(dsum, 1, numpy.float64)[0] == 0.5 * total
    assert to_host(imax, 1, numpy.int32)[0] == v.max()


STRUCT = r'''
struct Params {
    char flag;      // offset 0, then 7 bytes of padding
    double scale;   // offset 8
    int count;      // offset 16
    short tag;      // offset 20, then 2 bytes of padding: sizeof == 24
};
extern "C" __global__ void use_struct(Params p, double* out) {
    out[0] = p.flag;
    out[1] = p.scale;
    out[2] = p.count;
    out[3] = p.tag;
    out[4] = sizeof(Params);
}
'''


def test_struct_by_value():
    dt = numpy.dtype([("flag", "i1"), ("scale", "f8"), ("count", "i4"), ("tag", "i2")],
                     align=True)
    assert dt.itemsize == 24
    arr = numpy.zeros(1, dt)
    arr["flag"], arr["scale"], arr["count"], arr["tag"] = 3, -2.75, 123456, -7
    k = cupy.RawKernel(STRUCT, "use_struct")
    expected = [3, -2.75, 123456, -7, 24]
    for value in (arr, arr[0]):     # a size-1 structured array and a numpy.void
        out = memory.alloc(5 * 8)
        k(1, 1, (value, out))
        numpy.testing.assert_array_equal(to_host(out, 5, numpy.float64), expected)


SCALARS = r'''
struct cdouble { double re, im; };
extern "C" __global__ void scalars(bool b, long long i, double f, cdouble c,
                                   signed char i8, unsigned short u16, unsigned short half_bits,
                                   float f32, unsigned long long u64, double* out) {
    out[0] = b; out[1] = (double)i; out[2] = f; out[3] = c.re; out[4] = c.im;
    out[5] = i8; out[6] = u16; out[7] = half_bits; out[8] = f32; out[9] = (double)u64;
}
'''


def test_scalar_argument_types():
    out = memory.alloc(10 * 8)
    cupy.RawKernel(SCALARS, "scalars")(1, 1, (
        True, -(2 ** 40), 0.1, 1.5 - 2.25j, numpy.int8(-5), numpy.uint16(65000),
        numpy.float16(1.0), numpy.float32(0.375), numpy.uint64(2 ** 63), out))
    numpy.testing.assert_array_equal(
        to_host(out, 10, numpy.float64),
        [1, -(2 ** 40), 0.1, 1.5, -2.25, -5, 65000, 0x3C00, 0.375, 2.0 ** 63])


def test_many_arguments_and_zero_dim_array():
    params = ", ".join(f"int a{i}" for i in range(20))
    body = " + ".join(f"a{i} * {i + 1}" for i in range(20))
    src = f'extern "C" __global__ void many({params}, double d, long long* out) ' \
          f'{{ out[0] = {body}; out[1] = (long long)(d * 4); }}'
    out = memory.alloc(16)
    args = tuple(numpy.int32(i - 10) for i in range(20)) + (numpy.array(2.25), out)
    cupy.RawKernel(src, "many")(1, 1, args)
    expected = sum((i - 10) * (i + 1) for i in range(20))
    numpy.testing.assert_array_equal(to_host(out, 2, numpy.int64), [expected, 9])


DYN_SMEM = r'''
extern "C" __global__ void reverse_block(const int* x, int* y) {
    extern __shared__ int buf[];
    int t = threadIdx.x, base = blockIdx.x * blockDim.x;
    buf[t] = x[base + t];
    __syncthreads();
    y[base + t] = buf[blockDim.x - 1 - t];
}
'''


@pytest.mark.parametrize("block", [64, 256])
def test_dynamic_shared_memory(block):
    nblocks = 3
    x = numpy.arange(block * nblocks, dtype=numpy.int32)
    dx, dy = to_device(x), memory.alloc(x.nbytes)
    cupy.RawKernel(DYN_SMEM, "reverse_block")(nblocks, block, (dx, dy), shared_mem=block * 4)
    expected = x.reshape(nblocks, block)[:, ::-1].ravel()
    numpy.testing.assert_array_equal(to_host(dy, x.size, numpy.int32), expected)



def test_large_dynamic_shared_memory_needs_the_attribute():
    # As on a GPU: more than 48 KiB of dynamic shared memory is refused until the kernel's
    # max_dynamic_shared_size_bytes is raised.
    block, nbytes = 64, 64 * 1024
    k = cupy.RawKernel(DYN_SMEM, "reverse_block")
    x = numpy.arange(block, dtype=numpy.int32)
    dx, dy = to_device(x), memory.alloc(x.nbytes)
    with pytest.raises(CUDADriverError):
        k(1, block, (dx, dy), shared_mem=nbytes)
        cupy.cuda.Device().synchronize()
    k.max_dynamic_shared_size_bytes = nbytes
    assert k.max_dynamic_shared_size_bytes == nbytes
    k(1, block, (dx, dy), shared_mem=nbytes)
    numpy.testing.assert_array_equal(to_host(dy, block, numpy.int32), x[::-1])


GLOBALS = r'''
__device__ int counter;
__device__ float table[4];
extern "C" __global__ void lookup(const int* idx, float* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) { out[i] = table[idx[i]]; atomicAdd(&counter, 1); }
}
'''


def test_get_global_read_write():
    mod = cupy.RawModule(code=GLOBALS)
    table = mod.get_global("table")
    counter = mod.get_global("counter")
    assert isinstance(table, memory.MemoryPointer)
    assert table.mem.size == 16 and counter.mem.size == 4
    values = numpy.array([1.5, -2.0, 8.25, 100.0], numpy.float32)
    table.copy_from_host(values.ctypes.data_as(ctypes.c_void_p), values.nbytes)
    zero = numpy.zeros(1, numpy.int32)
    counter.copy_from_host(zero.ctypes.data_as(ctypes.c_void_p), 4)
    idx = numpy.array([3, 0, 2, 2, 1, 0, 3], numpy.int32)
    out = memory.alloc(idx.size * 4)
    mod.get_function("lookup")(1, 32, (to_device(idx), out, numpy.int32(idx.size)))
    numpy.testing.assert_array_equal(to_host(out, idx.size, numpy.float32), values[idx])
    assert to_host(counter, 1, numpy.int32)[0] == idx.size
    assert to_host(table, 4, numpy.float32).tolist() == values.tolist()


def test_raw_module_from_path(tmp_path):
    """A compiled image written to a file loads with RawModule(path=...)."""
    from cupy.cuda import _backend
    from cupy_backends.program import ProgramSpec
    be = _backend.active()
    code = be.compile(ProgramSpec(ADD, arch=be.target_arch(be.get_device())))
    path = tmp_path / "add.bin"
    path.write_bytes(code.image)
    mod = cupy.RawModule(path=str(path))
    n = 10
    x = numpy.arange(n, dtype=numpy.float32)
    dx, dz = to_device(x), memory.alloc(n * 4)
    mod.get_function(code.lowered_names.get("add", "add"))(1, 32, (dx, dx, dz, numpy.int32(n)))
    numpy.testing.assert_array_equal(to_host(dz, n, numpy.float32), 2 * x)


def test_device_assert_raises_cuda_driver_error():
    # On a GPU an assert poisons the context, so the launch runs in its own process.
    script = textwrap.dedent(r'''
        import cupy
        from cupy.cuda import memory, stream
        from cupy_backends.cuda.api._errors import CUDADriverError
        src = r"""
        extern "C" __global__ void check(const int* x) { assert(x[threadIdx.x] >= 0); }
        """
        import numpy, ctypes
        x = numpy.array([1, 2, -3, 4], numpy.int32)
        d = memory.alloc(16)
        d.copy_from_host(x.ctypes.data_as(ctypes.c_void_p), 16)
        try:
            cupy.RawKernel(src, "check")(1, 4, (d,))
            stream.get_current_stream().synchronize()
        except CUDADriverError as e:
            print("STATUS", e.status)
        else:
            print("NO ERROR")
    ''')
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       env=dict(os.environ), timeout=300)
    assert "STATUS 710" in r.stdout, r.stdout + r.stderr


def test_compile_error_carries_log_and_source():
    src = 'extern "C" __global__ void broken(float* x) { x[0] = undefined_name; }'
    k = cupy.RawKernel(src, "broken")
    with pytest.raises(cupy.cuda.CompileException) as e:
        k.compile()
    assert "undefined_name" in e.value.log
    assert e.value.source == src
    assert "undefined_name" in str(e.value)


def test_wrong_argument_count_and_type():
    k = cupy.RawKernel(ADD, "add")
    d = memory.alloc(64)
    with pytest.raises(TypeError, match=r"takes 4 arguments \(3 given\)"):
        k(1, 1, (d, d, d))
    with pytest.raises(TypeError, match=r"takes 4 arguments \(5 given\)"):
        k(1, 1, (d, d, d, 1, 2))
    with pytest.raises(TypeError, match="argument 2: unsupported type builtins.str"):
        k(1, 1, (d, d, "z", 1))
    with pytest.raises(TypeError, match="argument 0: a numpy.ndarray"):
        k(1, 1, (numpy.zeros(4, numpy.float32), d, d, 1))
    with pytest.raises(TypeError, match="args must be a tuple"):
        k(1, 1, d)
    with pytest.raises(ValueError, match="1 to 3 dimensions"):
        k((1, 1, 1, 1), 1, (d, d, d, 1))
    with pytest.raises(TypeError, match="grid must be an int or a tuple"):
        k(1.5, 1, (d, d, d, 1))


def test_template_argument_count_checked():
    mod = cupy.RawModule(code=TEMPLATE, name_expressions=("axpy<float>",))
    with pytest.raises(TypeError, match=r"takes 4 arguments \(2 given\)"):
        mod.get_function("axpy<float>")(1, 1, (numpy.float32(1), memory.alloc(4)))


def test_kernel_attributes():
    k = cupy.RawKernel(ADD, "add")
    attrs = k.attributes
    for name in ("max_threads_per_block", "shared_size_bytes", "const_size_bytes",
                 "local_size_bytes", "num_regs", "ptx_version", "binary_version",
                 "cache_mode_ca", "max_dynamic_shared_size_bytes",
                 "preferred_shared_memory_carveout"):
        assert isinstance(attrs[name], int), name
        assert getattr(k, name) == attrs[name]
    assert 1 <= k.max_threads_per_block <= 1024
    assert k.num_regs >= 0


def test_raw_kernel_attributes_and_memo():
    k = cupy.RawKernel(ADD, "add", options=("-DUNUSED=1",))
    assert (k.code, k.name, k.options, k.backend) == (ADD, "add", ("-DUNUSED=1",), "nvrtc")
    assert k.file_path is None and not k.enable_cooperative_groups and not k.jitify
    assert k.kernel is k.kernel


def test_raw_module_argument_validation():
    with pytest.raises(TypeError, match="Exactly one of code and path"):
        cupy.RawModule()
    with pytest.raises(TypeError, match="Exactly one of code and path"):
        cupy.RawModule(code=ADD, path="x.cubin")
    with pytest.raises(ValueError, match="backend"):
        cupy.RawKernel(ADD, "add", backend="clang")


def test_explicit_stream():
    n = 64
    x = numpy.arange(n, dtype=numpy.float32)
    dx, dz = to_device(x), memory.alloc(n * 4)
    stream = stream_module.get_current_stream()
    cupy.RawKernel(ADD, "add")(1, n, (dx, dx, dz, numpy.int32(n)), stream=stream)
    stream.synchronize()
    numpy.testing.assert_array_equal(to_host(dz, n, numpy.float32), 2 * x)
    with pytest.raises(TypeError, match="stream"):
        cupy.RawKernel(ADD, "add")(1, n, (dx, dx, dz, numpy.int32(n)), stream="s")


class DeviceVector:
    """A foreign device array exposing ``__cuda_array_interface__`` (version 3)."""

    def __init__(self, n):
        self.mem = memory.alloc(n * 4)
        self.__cuda_array_interface__ = {
            "shape": (n,), "typestr": "<f4", "data": (self.mem.ptr, False), "version": 3}


class Pair:
    """A user type passed to kernels as ``struct {int a; float b;}`` via register_packer."""

    def __init__(self, a, b):
        self.a, self.b = a, b


def test_cuda_array_interface_and_registered_packer():
    from cupy.cuda import function
    function.register_packer(Pair, lambda p: numpy.array(
        (p.a, p.b), numpy.dtype([("a", "i4"), ("b", "f4")])).tobytes())
    src = r'''
    struct Pair { int a; float b; };
    extern "C" __global__ void affine(float* y, Pair p) {
        y[threadIdx.x] = p.a * threadIdx.x + p.b;
    }'''
    v = DeviceVector(16)
    cupy.RawKernel(src, "affine")(1, 16, (v, Pair(3, 0.5)))
    numpy.testing.assert_array_equal(to_host(v.mem, 16, numpy.float32),
                                     numpy.arange(16, dtype=numpy.float32) * 3 + 0.5)
    with pytest.raises(TypeError):
        function.register_packer("Pair", str)


@pytest.mark.parametrize("src, name, expected", [
    ('extern "C" __global__ void k(float* x, int n) {}', "k", 2),
    ('extern "C" __global__ void __launch_bounds__(256, 2) k(void) {}', "k", 0),
    ("template<typename T, int N> __global__ void f(CArray<T, N> a, T (*g)[4], int n) {}",
     "f<float, 2>", 3),
    ("namespace ns { template<class T> __global__ void f(T x) {} }", "ns::f<int>", 1),
    ("// __global__ void k(int a, int b, int c)\n__global__ void k(int a) {}", "k", 1),
    ("__global__ void k(int a);\n__global__ void k(int a, int b) {}", "k", -1),  # overloads
    ("template<class... A> __global__ void k(A... a) {}", "k<int>", -1),       # variadic
    ("#define KERNEL(n) __global__ void n(int x) {}\nKERNEL(k)", "k", -1),       # macro
    ('__device__ int k(int a, int b) { return a; }\n__global__ void g(int* o) { o[0] = k(1, 2); }',
     "k", -1),                                                                   # not a kernel
])
def test_kernel_signature_parsing(src, name, expected):
    from cupy._core.raw import _kernel_num_params
    assert _kernel_num_params(src, name) == expected
