"""Driver bindings: importable without libcuda; the rest runs where a CUDA device exists."""
import numpy
import pytest

from cupy_backends.cuda._softlink import MISSING_STATUS, SoftLink
from cupy_backends.cuda.api import driver
from cupy_backends.cuda.api._errors import CUDADriverError

needs_gpu = pytest.mark.skipif(not driver.is_available(), reason="no CUDA device")


def test_imports_and_answers_without_raising():
    assert isinstance(driver.is_available(), bool)
    assert driver.get_build_version() >= 12000
    assert driver.CUDADriverError is CUDADriverError


@pytest.mark.skipif(SoftLink("libcuda.so.1", system=True).available,
                    reason="a CUDA driver is installed")
def test_without_libcuda():
    assert driver.is_available() is False
    assert "libcuda.so.1" in str(driver.get_load_error())
    with pytest.raises(RuntimeError, match="CUDA driver"):
        driver.driverGetVersion()


def test_check_status():
    assert driver.check_status(0) is None
    with pytest.raises(CUDADriverError) as info:
        driver.check_status(2, "cuMemAlloc")
    assert info.value.status == 2 and info.value.call == "cuMemAlloc"
    assert "CUDA_ERROR_OUT_OF_MEMORY" in str(info.value)
    # An entry point the driver lacks reports CUDA_ERROR_NOT_SUPPORTED naming the call.
    with pytest.raises(CUDADriverError) as info:
        driver.check_status(MISSING_STATUS, "cuSomethingNew")
    assert info.value.status == 801 and "cuSomethingNew" in str(info.value)


@needs_gpu
def test_versions_and_devices():
    assert driver.driverGetVersion() >= 12000
    n = driver.deviceGetCount()
    assert n >= 1
    dev = driver.deviceGet(0)
    assert driver.deviceGetAttribute(10, dev) == 32    # warp size
    with pytest.raises(CUDADriverError) as info:
        driver.deviceGet(n)
    assert info.value.status == 101 and info.value.call == "cuDeviceGet"


@needs_gpu
def test_context_and_pointer_attributes():
    from cupy_backends.cuda._cuda_backend import CudaBackend
    b = CudaBackend()
    b.set_device(0)
    ctx = driver.ctxGetCurrent()
    assert ctx != 0 and driver.ctxGetDevice() == 0
    assert driver.devicePrimaryCtxRetain(0) == ctx
    driver.devicePrimaryCtxRelease(0)
    ptr = b.malloc(256)
    try:
        assert driver.pointerGetAttribute(driver.CU_POINTER_ATTRIBUTE_MEMORY_TYPE, ptr) == \
            driver.CU_MEMORYTYPE_DEVICE
        assert driver.pointerGetAttribute(driver.CU_POINTER_ATTRIBUTE_DEVICE_ORDINAL, ptr) == 0
        assert driver.pointerGetAttribute(driver.CU_POINTER_ATTRIBUTE_CONTEXT, ptr) == ctx
        with pytest.raises(ValueError):
            driver.pointerGetAttribute(5, ptr)   # P2P tokens: a struct, not a scalar
    finally:
        b.free(ptr)
    driver.ctxSynchronize()


@needs_gpu
def test_stream_ordered_allocation():
    from cupy_backends.cuda._cuda_backend import CudaBackend
    b = CudaBackend()
    stream = b.stream_create(True, 0)
    try:
        ptr = driver.memAllocAsync(1024, stream)
        b.memset_async(ptr, 7, 1024, stream)
        out = numpy.zeros(1024, numpy.uint8)
        b.memcpy_async(out.ctypes.data, ptr, 1024, 2, stream)
        driver.memFreeAsync(ptr, stream)
        b.stream_synchronize(stream)
        assert (out == 7).all()
    finally:
        b.stream_destroy(stream)
