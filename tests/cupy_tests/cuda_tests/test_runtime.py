"""cupy.cuda.runtime over the active backend."""
import numpy
import pytest

from cupy.cuda import runtime


def test_device_queries():
    assert runtime.getDeviceCount() >= 1
    dev = runtime.getDevice()
    runtime.setDevice(dev)
    runtime.deviceSynchronize()
    free, total = runtime.memGetInfo()
    assert 0 < free <= total
    props = runtime.getDeviceProperties(dev)
    assert isinstance(props["name"], bytes)
    assert props["totalGlobalMem"] > 0
    assert runtime.deviceGetAttribute(runtime.cudaDevAttrMaxThreadsPerBlock, dev) == \
        props["maxThreadsPerBlock"]
    assert runtime.deviceGetAttribute(runtime.cudaDevAttrComputeCapabilityMajor, dev) == \
        props["major"]
    assert runtime.deviceGetAttribute(runtime.cudaDevAttrMaxBlockDimX, dev) == \
        props["maxThreadsDim"][0]
    with pytest.raises(runtime.CUDARuntimeError):
        runtime.deviceGetAttribute(-5, dev)
    assert runtime.is_hip is False


def test_invalid_device():
    with pytest.raises(runtime.CUDADriverError):
        runtime.setDevice(runtime.getDeviceCount())


def test_versions():
    assert runtime.runtimeGetVersion() > 0
    assert runtime.driverGetVersion() > 0


def test_memory_roundtrip():
    src = numpy.arange(64, dtype=numpy.uint8)
    out = numpy.zeros(64, numpy.uint8)
    a = runtime.malloc(64)
    b = runtime.malloc(64)
    try:
        runtime.memcpy(a, src.ctypes.data, 64, runtime.memcpyHostToDevice)
        runtime.memcpy(b, a, 64, runtime.memcpyDeviceToDevice)
        runtime.memset(b, 9, 4)
        runtime.memcpy(out.ctypes.data, b, 64, runtime.memcpyDeviceToHost)
        expected = src.copy()
        expected[:4] = 9
        numpy.testing.assert_array_equal(out, expected)
        s = runtime.streamCreate()
        runtime.memsetAsync(a, 1, 64, s)
        runtime.memcpyAsync(out.ctypes.data, a, 64, runtime.memcpyDeviceToHost, s)
        runtime.streamSynchronize(s)
        assert runtime.streamQuery(s) == 0
        assert (out == 1).all()
        runtime.streamDestroy(s)
    finally:
        runtime.free(a)
        runtime.free(b)


def test_host_alloc():
    p = runtime.hostAlloc(128, runtime.hostAllocDefault)
    buf = (numpy.ctypeslib.as_array((numpy.ctypeslib.ctypes.c_uint8 * 128).from_address(p)))
    buf[:] = 5
    d = runtime.malloc(128)
    runtime.memcpy(d, p, 128, runtime.memcpyHostToDevice)
    out = numpy.zeros(128, numpy.uint8)
    runtime.memcpy(out.ctypes.data, d, 128, runtime.memcpyDeviceToHost)
    assert (out == 5).all()
    runtime.free(d)
    runtime.freeHost(p)


def test_events():
    s = runtime.streamCreateWithFlags(runtime.streamNonBlocking)
    e1 = runtime.eventCreate()
    e2 = runtime.eventCreateWithFlags(runtime.eventDefault)
    runtime.eventRecord(e1, s)
    runtime.eventRecord(e2, s)
    runtime.streamWaitEvent(s, e2)
    runtime.eventSynchronize(e2)
    assert runtime.eventQuery(e2) == 0
    assert runtime.eventElapsedTime(e1, e2) >= 0
    runtime.eventDestroy(e1)
    runtime.eventDestroy(e2)
    runtime.streamDestroy(s)
