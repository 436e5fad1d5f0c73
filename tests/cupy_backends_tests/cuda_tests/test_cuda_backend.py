"""CudaBackend and compile_nvrtc. Compilation runs without a GPU; the backend's device parts
run where a CUDA device exists."""
import os
import subprocess
import sys
import threading

import numpy
import pytest

from cupy_backends.cuda import _cuda_backend
from cupy_backends.cuda._cuda_backend import compile_nvrtc, is_available
from cupy_backends.cuda._softlink import SoftLink
from cupy_backends.cuda.api._errors import CUDADriverError
from cupy_backends.cuda.libs import nvrtc
from cupy_backends.program import CompileException, ProgramSpec

needs_nvrtc = pytest.mark.skipif(not nvrtc.is_available(), reason="NVRTC not installed")
needs_gpu = pytest.mark.skipif(not is_available(), reason="no CUDA device")

SOURCE = r'''
#include <cuda_fp16.h>
template <typename T, int N>
__global__ void scale(T* x, T a) { x[threadIdx.x] = x[threadIdx.x] * a + T(N); }
extern "C" __global__ void halves(__half* h, float* out) {
    __half v = __hadd(h[threadIdx.x], __float2half(0.5f));
    out[threadIdx.x] = __half2float(v * __float2half(2.0f));
}
__device__ int counter;
extern "C" __global__ void bump() { atomicAdd(&counter, 1); }
'''


def _spec(source=SOURCE, options=(), names=(), arch="sm_90", name="t.cu"):
    return ProgramSpec(source, name, tuple(options), tuple(names), arch)


def _is_cubin(image):
    return image[:4] == b"\x7fELF" and int.from_bytes(image[18:20], "little") == 190


# --- compile_nvrtc (no GPU needed) ------------------------------------------------------------

@needs_nvrtc
def test_compile_to_cubin_with_name_expressions():
    code = compile_nvrtc(_spec(names=("scale<float, 3>", "scale<double, 1>")))
    assert code.kind == "cubin" and _is_cubin(code.image)
    assert code.lowered_names == {"scale<float, 3>": "_Z5scaleIfLi3EEvPT_S0_",
                                  "scale<double, 1>": "_Z5scaleIdLi1EEvPT_S0_"}
    assert b"halves" in code.image and b"_Z5scaleIfLi3EEvPT_S0_" in code.image


@needs_nvrtc
def test_syntax_error_raises_compile_exception():
    source = 'extern "C" __global__ void bad(float* x) { x[0] = undefined_name; }'
    with pytest.raises(CompileException) as info:
        compile_nvrtc(_spec(source, options=("-DFOO=1",), name="bad.cu"))
    err = info.value
    assert "undefined_name" in err.log and "bad.cu" in err.log
    assert str(err) == err.log
    assert (err.source, err.name, err.options, err.backend) == (source, "bad.cu", ("-DFOO=1",),
                                                                "nvrtc")


@needs_nvrtc
def test_bad_option_raises_compile_exception():
    with pytest.raises(CompileException, match="--cupy-no-such-option"):
        compile_nvrtc(_spec(options=("--cupy-no-such-option",)))


@needs_nvrtc
def test_invalid_name_expression_raises_compile_exception():
    with pytest.raises(CompileException, match="no_such_kernel"):
        compile_nvrtc(_spec(names=("no_such_kernel<int>",)))


@needs_nvrtc
@pytest.mark.parametrize("arch", ["compute_90", "", "host", "sm90", None])
def test_target_must_be_sm(arch):
    with pytest.raises(ValueError, match="sm_XY"):
        compile_nvrtc(_spec('extern "C" __global__ void f() {}', arch=arch))


@needs_nvrtc
def test_architecture_comes_from_the_spec():
    # An architecture option in spec.options does not override spec.arch.
    source = ('extern "C" __global__ void f(int* x) {\n'
              '#if __CUDA_ARCH__ != 900\n#error wrong architecture\n#endif\n x[0] = 1; }')
    code = compile_nvrtc(_spec(source, options=("-arch=sm_75",)))
    assert _is_cubin(code.image)


@needs_nvrtc
def test_cxx17_by_default_and_std_option_respected():
    source17 = ('template <class T> __device__ int f() { if constexpr (sizeof(T) == 4) '
                'return 1; else return 2; }\nextern "C" __global__ void k(int* x) '
                '{ x[0] = f<float>(); }')
    compile_nvrtc(_spec(source17))
    source20 = ('template <class T> concept Small = sizeof(T) <= 4;\n'
                'template <Small T> __device__ T g(T v) { return v; }\n'
                'extern "C" __global__ void k(int* x) { x[0] = g(x[0]); }')
    with pytest.raises(CompileException):
        compile_nvrtc(_spec(source20))
    compile_nvrtc(_spec(source20, options=("-std=c++20",)))


@needs_nvrtc
def test_cuda_and_cccl_headers_are_found():
    source = ('#include <cuda_fp16.h>\n#include <cuda/std/type_traits>\n'
              'extern "C" __global__ void k(__half* h) {\n'
              '  static_assert(cuda::std::is_same<__half, decltype(h[0] + h[1])>::value, "");\n'
              '  h[0] = __hmul(h[0], h[1]); }')
    try:
        code = compile_nvrtc(_spec(source))
    except CompileException as e:
        if "cuda/std/type_traits" in e.log:
            pytest.skip("CCCL headers not installed")
        raise
    assert _is_cubin(code.image)


@needs_nvrtc
def test_compiler_fingerprint_names_nvrtc_and_headers():
    major, minor = nvrtc.getVersion()
    fingerprint = _cuda_backend._nvrtc_fingerprint()
    assert fingerprint.startswith(f"nvrtc-{major}.{minor}|")
    assert "cudart=" in fingerprint


# --- selection without a driver ---------------------------------------------------------------

@pytest.mark.skipif(SoftLink("libcuda.so.1", system=True).available,
                    reason="a CUDA driver is installed")
def test_forcing_cuda_backend_without_a_driver_fails_clearly():
    assert is_available() is False
    env = dict(os.environ, CUPY_BACKEND="cuda")
    proc = subprocess.run(
        [sys.executable, "-c", "import cupy; cupy.cuda.alloc(16)"],
        env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "CUDA driver (libcuda.so.1) is not available" in proc.stderr
    assert "Segmentation fault" not in proc.stderr


# --- the backend on a GPU ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def backend():
    if not is_available():
        pytest.skip("no CUDA device")
    return _cuda_backend.CudaBackend()


@pytest.fixture(scope="module")
def module(backend):
    code = backend.compile(_spec(names=("scale<float, 3>",), arch=""))
    handle = backend.module_load(code.image)
    yield handle, code
    backend.module_unload(handle)


@needs_gpu
def test_devices(backend):
    n = backend.device_count()
    assert n >= 1
    backend.set_device(0)
    assert backend.get_device() == 0
    with pytest.raises(CUDADriverError) as info:
        backend.set_device(n)
    assert info.value.status == 101
    assert backend.get_device() == 0
    props = backend.device_properties(0)
    expected = {"name", "totalGlobalMem", "sharedMemPerBlock", "sharedMemPerBlockOptin",
                "regsPerBlock", "warpSize", "maxThreadsPerBlock", "maxThreadsDim", "maxGridSize",
                "clockRate", "totalConstMem", "major", "minor", "multiProcessorCount",
                "maxThreadsPerMultiProcessor", "l2CacheSize", "pciBusID", "pciDeviceID",
                "pciDomainID", "integrated", "canMapHostMemory", "concurrentKernels",
                "unifiedAddressing", "managedMemory", "computeMode", "ECCEnabled"}
    assert expected <= set(props)
    assert props["warpSize"] == 32 and props["major"] >= 7 and props["unifiedAddressing"] == 1
    assert len(props["maxThreadsDim"]) == 3 and len(props["maxGridSize"]) == 3
    assert props["maxThreadsDim"][0] == props["maxThreadsPerBlock"] == 1024
    props["name"] = "changed"
    assert backend.device_properties(0)["name"] != "changed"
    free, total = backend.mem_info(0)
    assert 0 < free <= total <= props["totalGlobalMem"]
    arch = backend.target_arch(0)
    cc = props["major"] * 10 + props["minor"]
    assert arch == f"sm_{max(a for a in nvrtc.getSupportedArchs() if a <= cc)}"
    driver_version, runtime_version = backend.versions()
    major, minor = nvrtc.getVersion()
    assert driver_version >= 12000 and runtime_version == major * 1000 + minor * 10
    assert backend.compiler_fingerprint() == _cuda_backend._nvrtc_fingerprint()


@needs_gpu
def test_memory_round_trips(backend):
    x = numpy.arange(1000, dtype=numpy.int32)
    a, b = backend.malloc(x.nbytes), backend.malloc(x.nbytes)
    try:
        backend.memcpy(a, x.ctypes.data, x.nbytes, 1)
        backend.memcpy(b, a, x.nbytes, 3)
        out = numpy.zeros_like(x)
        backend.memcpy(out.ctypes.data, b, x.nbytes, 2)
        numpy.testing.assert_array_equal(out, x)
        backend.memset(b, 0xFF, 400)
        backend.memcpy(out.ctypes.data, b, x.nbytes, 4)   # default: direction from pointers
        numpy.testing.assert_array_equal(out[:100], -1)
        numpy.testing.assert_array_equal(out[100:], x[100:])
        with pytest.raises(ValueError):
            backend.memcpy(a, b, 4, 7)
    finally:
        backend.free(a)
        backend.free(b)
    empty = backend.malloc(0)   # a valid pointer that free() accepts
    assert empty != 0
    backend.free(empty)


@needs_gpu
def test_async_copies_pinned_memory_streams_and_events(backend):
    n = 1 << 20
    pinned = backend.host_alloc(n)
    dev = backend.malloc(n)
    stream = backend.stream_create(True, -1)
    other = backend.stream_create(False, 0)
    start, end = backend.event_create(False, False, False), backend.event_create(True, False,
                                                                                 False)
    try:
        host = numpy.frombuffer((numpy.ctypeslib.as_ctypes_type(numpy.uint8) * n).from_address(
            pinned), dtype=numpy.uint8)
        host[:] = numpy.arange(n) % 251
        expected = host.copy()
        backend.event_record(start, stream)
        backend.memcpy_async(dev, pinned, n, 1, stream)
        backend.event_record(end, stream)
        backend.stream_wait_event(other, end)
        backend.memset_async(dev, 3, 16, other)
        backend.memcpy_async(pinned, dev, n, 2, other)
        backend.stream_synchronize(other)
        assert backend.stream_query(other) and backend.event_query(end)
        expected[:16] = 3
        numpy.testing.assert_array_equal(host, expected)
        backend.event_synchronize(end)
        assert backend.event_elapsed_time(start, end) >= 0
        backend.device_synchronize()
    finally:
        backend.event_destroy(start)
        backend.event_destroy(end)
        backend.stream_destroy(stream)
        backend.stream_destroy(other)
        backend.free(dev)
        backend.host_free(pinned)


@needs_gpu
def test_launch_functions_globals_attributes(backend, module):
    handle, code = module
    func = backend.module_get_function(handle, code.lowered_names["scale<float, 3>"])
    x = numpy.arange(64, dtype=numpy.float32)
    ptr = backend.malloc(x.nbytes)
    try:
        backend.memcpy(ptr, x.ctypes.data, x.nbytes, 1)
        backend.launch_packed(func, (1,), (64,), 0, 0,
                              [ptr.to_bytes(8, "little"), numpy.float32(2).tobytes()])
        out = numpy.empty_like(x)
        backend.memcpy(out.ctypes.data, ptr, x.nbytes, 2)
        numpy.testing.assert_array_equal(out, x * 2 + 3)
        with pytest.raises(CUDADriverError) as info:
            backend.launch_packed(func, (1,), (4096,), 0, 0,
                                  [ptr.to_bytes(8, "little"), numpy.float32(2).tobytes()])
        assert info.value.call == "cuLaunchKernel" and "4096" in str(info.value)
    finally:
        backend.free(ptr)
    halves = backend.module_get_function(handle, "halves")
    h = numpy.arange(32, dtype=numpy.float16)
    hp, op = backend.malloc(h.nbytes), backend.malloc(32 * 4)
    try:
        backend.memcpy(hp, h.ctypes.data, h.nbytes, 1)
        backend.launch_packed(halves, (1,), (32,), 0, 0,
                              [hp.to_bytes(8, "little"), op.to_bytes(8, "little")])
        out = numpy.empty(32, numpy.float32)
        backend.memcpy(out.ctypes.data, op, out.nbytes, 2)
        numpy.testing.assert_array_equal(out, (h.astype(numpy.float32) + 0.5) * 2)
    finally:
        backend.free(hp)
        backend.free(op)
    with pytest.raises(CUDADriverError) as info:
        backend.module_get_function(handle, "no_such_kernel")
    assert info.value.status == 500 and "no_such_kernel" in str(info.value)

    gptr, gsize = backend.module_get_global(handle, "counter")
    assert gptr != 0 and gsize == 4
    backend.memset(gptr, 0, 4)
    backend.launch_packed(backend.module_get_function(handle, "bump"), (3,), (32,), 0, 0, [])
    count = numpy.zeros(1, numpy.int32)
    backend.memcpy(count.ctypes.data, gptr, 4, 2)
    assert count[0] == 96

    attrs = backend.function_attributes(func)
    assert set(attrs) == set(_cuda_backend._FUNC_ATTRIBUTES)
    assert attrs["max_threads_per_block"] >= 64 and attrs["num_regs"] > 0
    assert attrs["binary_version"] == int(backend.target_arch(0)[3:])
    backend.function_set_attribute(func, "max_dynamic_shared_size_bytes", 64 * 1024)
    assert backend.function_attributes(func)["max_dynamic_shared_size_bytes"] == 64 * 1024
    with pytest.raises(ValueError):
        backend.function_set_attribute(func, "num_regs", 1)
    assert backend.occupancy_max_active_blocks_per_sm(func, 64, 0) >= 1


@needs_gpu
def test_each_thread_gets_the_context(backend):
    results = []

    def work():
        try:
            ptr = backend.malloc(64)
            backend.memset(ptr, 1, 64)
            out = numpy.zeros(64, numpy.uint8)
            backend.memcpy(out.ctypes.data, ptr, 64, 2)
            backend.free(ptr)
            results.append((backend.get_device(), int(out.sum())))
        except Exception as e:  # reported below, in the test's thread
            results.append(e)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert results == [(0, 64)]


@needs_gpu
def test_cuda_backend_selected_in_a_subprocess():
    env = dict(os.environ, CUPY_BACKEND="cuda")
    code = ("from cupy.cuda import _backend; b = _backend.active(); print(b.name)")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "cuda"
