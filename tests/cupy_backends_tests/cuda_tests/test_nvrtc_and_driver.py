"""NVRTC runs without a GPU; driver tests run only where a CUDA device exists."""
import os
import subprocess
import sys

import numpy
import pytest

from cupy_backends.cuda.api import driver
from cupy_backends.cuda.libs import nvrtc
from cupy_backends.cuda._cuda_backend import compile_nvrtc, is_available
from cupy_backends.program import CompileException, ProgramSpec

needs_nvrtc = pytest.mark.skipif(not nvrtc.is_available(), reason="NVRTC not installed")
needs_gpu = pytest.mark.skipif(not is_available(), reason="no CUDA device")

TEMPLATE = r'''
#include <cuda_fp16.h>
template <typename T, int N>
__global__ void scale(T* x, T a) { x[threadIdx.x] = x[threadIdx.x] * a + T(N); }
extern "C" __global__ void halves(__half* h) { h[threadIdx.x] = __float2half(threadIdx.x * 0.5f); }
__device__ int counter;
'''


@needs_nvrtc
def test_version_and_archs():
    major, minor = nvrtc.getVersion()
    assert major >= 12 and minor >= 0
    archs = nvrtc.getSupportedArchs()
    assert 90 in archs and list(archs) == sorted(archs)


@needs_nvrtc
def test_compile_to_cubin_with_name_expressions():
    spec = ProgramSpec(TEMPLATE, "t.cu", (), ("scale<float, 3>", "scale<double, 1>"), "sm_90")
    code = compile_nvrtc(spec)
    assert code.kind == "cubin"
    assert code.image[:4] == b"\x7fELF"
    assert code.lowered_names == {"scale<float, 3>": "_Z5scaleIfLi3EEvPT_S0_",
                                  "scale<double, 1>": "_Z5scaleIdLi1EEvPT_S0_"}


@needs_nvrtc
def test_compile_error_carries_log_and_source():
    source = 'extern "C" __global__ void bad(float* x) { x[0] = undefined_name; }'
    with pytest.raises(CompileException) as info:
        compile_nvrtc(ProgramSpec(source, "bad.cu", ("-DFOO=1",), (), "sm_90"))
    err = info.value
    assert "undefined_name" in err.log and "bad.cu" in err.log
    assert err.source == source
    assert err.options == ("-DFOO=1",)


@needs_nvrtc
def test_bad_arch_is_rejected():
    with pytest.raises(ValueError):
        compile_nvrtc(ProgramSpec("__global__ void f() {}", "f.cu", (), (), "compute_90"))


def test_driver_module_imports_without_a_device():
    # Importing the bindings never fails; availability is a query.
    assert isinstance(driver.is_available(), bool)
    assert driver.get_build_version() >= 12000


@pytest.mark.skipif(is_available(), reason="a CUDA device is present")
def test_forcing_cuda_backend_without_a_driver_fails_clearly():
    env = dict(os.environ, CUPY_BACKEND="cuda")
    proc = subprocess.run(
        [sys.executable, "-c", "import cupy; cupy.cuda.alloc(16)"],
        env=env, capture_output=True, text=True)
    assert proc.returncode != 0
    assert "CUDA driver" in proc.stderr or "CUDA_ERROR" in proc.stderr


@needs_gpu
def test_cuda_backend_round_trip():
    from cupy_backends.cuda._cuda_backend import CudaBackend
    b = CudaBackend()
    assert b.device_count() >= 1
    props = b.device_properties(0)
    assert props["warpSize"] == 32 and props["major"] >= 7
    arch = b.target_arch(0)
    code = b.compile(ProgramSpec(TEMPLATE, "t.cu", (), ("scale<float, 3>",), arch))
    module = b.module_load(code.image)
    func = b.module_get_function(module, code.lowered_names["scale<float, 3>"])
    assert b.function_attributes(func)["max_threads_per_block"] >= 32
    x = numpy.arange(64, dtype=numpy.float32)
    ptr = b.malloc(x.nbytes)
    try:
        b.memcpy(ptr, x.ctypes.data, x.nbytes, 1)
        b.launch_packed(func, (1,), (64,), 0, 0,
                        [ptr.to_bytes(8, "little"), numpy.float32(2).tobytes()])
        b.device_synchronize()
        out = numpy.empty_like(x)
        b.memcpy(out.ctypes.data, ptr, x.nbytes, 2)
        numpy.testing.assert_array_equal(out, x * 2 + 3)
    finally:
        b.free(ptr)
    gptr, gsize = b.module_get_global(module, "counter")
    assert gptr != 0 and gsize == 4
    start, end = b.event_create(False, False, False), b.event_create(False, False, False)
    b.event_record(start, 0)
    b.event_record(end, 0)
    b.event_synchronize(end)
    assert b.event_elapsed_time(start, end) >= 0
