"""CuPy's ``cupy.cuda.runtime`` functions over the active backend.

Handles are plain ints; errors raise ``CUDADriverError`` / ``CUDARuntimeError`` like CuPy.
"""
from cupy.cuda._backend import active as _active
from cupy_backends.cuda.api._errors import CUDADriverError, CUDARuntimeError  # NOQA

is_hip = False

memcpyHostToHost = 0
memcpyHostToDevice = 1
memcpyDeviceToHost = 2
memcpyDeviceToDevice = 3
memcpyDefault = 4

hostAllocDefault = 0
hostAllocPortable = 1
hostAllocMapped = 2
hostAllocWriteCombined = 4

streamDefault = 0
streamNonBlocking = 1
streamLegacy = 1
streamPerThread = 2

eventDefault = 0
eventBlockingSync = 1
eventDisableTiming = 2
eventInterprocess = 4

# cudaDeviceAttr values -> the property that holds them.
cudaDevAttrMaxThreadsPerBlock = 1
cudaDevAttrMaxBlockDimX = 2
cudaDevAttrMaxBlockDimY = 3
cudaDevAttrMaxBlockDimZ = 4
cudaDevAttrMaxGridDimX = 5
cudaDevAttrMaxGridDimY = 6
cudaDevAttrMaxGridDimZ = 7
cudaDevAttrMaxSharedMemoryPerBlock = 8
cudaDevAttrTotalConstantMemory = 9
cudaDevAttrWarpSize = 10
cudaDevAttrMaxRegistersPerBlock = 12
cudaDevAttrClockRate = 13
cudaDevAttrMultiProcessorCount = 16
cudaDevAttrIntegrated = 18
cudaDevAttrCanMapHostMemory = 19
cudaDevAttrComputeMode = 20
cudaDevAttrConcurrentKernels = 31
cudaDevAttrEccEnabled = 32
cudaDevAttrPciBusId = 33
cudaDevAttrPciDeviceId = 34
cudaDevAttrL2CacheSize = 38
cudaDevAttrMaxThreadsPerMultiProcessor = 39
cudaDevAttrUnifiedAddressing = 41
cudaDevAttrComputeCapabilityMajor = 75
cudaDevAttrComputeCapabilityMinor = 76
cudaDevAttrManagedMemory = 83
cudaDevAttrMaxSharedMemoryPerBlockOptin = 97

_ATTRIBUTE_PROPERTY = {
    cudaDevAttrMaxThreadsPerBlock: ("maxThreadsPerBlock", None),
    cudaDevAttrMaxBlockDimX: ("maxThreadsDim", 0),
    cudaDevAttrMaxBlockDimY: ("maxThreadsDim", 1),
    cudaDevAttrMaxBlockDimZ: ("maxThreadsDim", 2),
    cudaDevAttrMaxGridDimX: ("maxGridSize", 0),
    cudaDevAttrMaxGridDimY: ("maxGridSize", 1),
    cudaDevAttrMaxGridDimZ: ("maxGridSize", 2),
    cudaDevAttrMaxSharedMemoryPerBlock: ("sharedMemPerBlock", None),
    cudaDevAttrTotalConstantMemory: ("totalConstMem", None),
    cudaDevAttrWarpSize: ("warpSize", None),
    cudaDevAttrMaxRegistersPerBlock: ("regsPerBlock", None),
    cudaDevAttrClockRate: ("clockRate", None),
    cudaDevAttrMultiProcessorCount: ("multiProcessorCount", None),
    cudaDevAttrIntegrated: ("integrated", None),
    cudaDevAttrCanMapHostMemory: ("canMapHostMemory", None),
    cudaDevAttrComputeMode: ("computeMode", None),
    cudaDevAttrConcurrentKernels: ("concurrentKernels", None),
    cudaDevAttrEccEnabled: ("ECCEnabled", None),
    cudaDevAttrPciBusId: ("pciBusID", None),
    cudaDevAttrPciDeviceId: ("pciDeviceID", None),
    cudaDevAttrL2CacheSize: ("l2CacheSize", None),
    cudaDevAttrMaxThreadsPerMultiProcessor: ("maxThreadsPerMultiProcessor", None),
    cudaDevAttrUnifiedAddressing: ("unifiedAddressing", None),
    cudaDevAttrComputeCapabilityMajor: ("major", None),
    cudaDevAttrComputeCapabilityMinor: ("minor", None),
    cudaDevAttrManagedMemory: ("managedMemory", None),
    cudaDevAttrMaxSharedMemoryPerBlockOptin: ("sharedMemPerBlockOptin", None),
}

_CUDA_ERROR_INVALID_VALUE = 1


# --- devices -------------------------------------------------------------------------------
def getDeviceCount():
    return _active().device_count()


def getDevice():
    return _active().get_device()


def setDevice(int_device):
    _active().set_device(int_device)


def deviceSynchronize():
    _active().device_synchronize()


def memGetInfo():
    """``(free, total)`` bytes of the current device."""
    be = _active()
    return be.mem_info(be.get_device())


def getDeviceProperties(device):
    """Properties of ``device`` as a dict; ``name`` is bytes, as in CuPy."""
    props = _active().device_properties(device)
    name = props.get("name", "")
    if isinstance(name, str):
        props["name"] = name.encode()
    return props


def deviceGetAttribute(attrib, device):
    """The value of the ``cudaDeviceAttr`` ``attrib`` on ``device``."""
    try:
        key, index = _ATTRIBUTE_PROPERTY[attrib]
    except KeyError:
        raise CUDARuntimeError(_CUDA_ERROR_INVALID_VALUE, "cudaDeviceGetAttribute") from None
    value = _active().device_properties(device).get(key, 0)
    return int(value[index] if index is not None else value)


def runtimeGetVersion():
    return _active().versions()[1]


def driverGetVersion():
    return _active().versions()[0]


# --- memory --------------------------------------------------------------------------------
def malloc(size):
    return _active().malloc(size)


def free(ptr):
    _active().free(ptr)


def memcpy(dst, src, size, kind):
    _active().memcpy(dst, src, size, kind)


def memcpyAsync(dst, src, size, kind, stream):
    _active().memcpy_async(dst, src, size, kind, stream)


def memset(ptr, value, size):
    _active().memset(ptr, value, size)


def memsetAsync(ptr, value, size, stream):
    _active().memset_async(ptr, value, size, stream)


def hostAlloc(size, flags=0):
    return _active().host_alloc(size)


def mallocHost(size):
    return _active().host_alloc(size)


def freeHost(ptr):
    _active().host_free(ptr)


# --- streams and events --------------------------------------------------------------------
def streamCreate():
    return _active().stream_create(False, 0)


def streamCreateWithFlags(flags):
    return _active().stream_create(bool(flags & streamNonBlocking), 0)


def streamDestroy(stream):
    _active().stream_destroy(stream)


def streamSynchronize(stream):
    _active().stream_synchronize(stream)


def streamQuery(stream):
    """0 (success) when the stream is idle, else 600 (``cudaErrorNotReady``)."""
    return 0 if _active().stream_query(stream) else 600


def streamWaitEvent(stream, event, flags=0):
    _active().stream_wait_event(stream, event)


def eventCreate():
    return _active().event_create(False, False, False)


def eventCreateWithFlags(flags):
    return _active().event_create(bool(flags & eventBlockingSync),
                                  bool(flags & eventDisableTiming),
                                  bool(flags & eventInterprocess))


def eventDestroy(event):
    _active().event_destroy(event)


def eventRecord(event, stream):
    _active().event_record(event, stream)


def eventSynchronize(event):
    _active().event_synchronize(event)


def eventQuery(event):
    """0 (success) when the event has completed, else 600 (``cudaErrorNotReady``)."""
    return 0 if _active().event_query(event) else 600


def eventElapsedTime(start, end):
    return _active().event_elapsed_time(start, end)
