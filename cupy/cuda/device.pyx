# cython: language_level=3
"""Devices of the active backend: ``Device`` and the current device.

The current device is a property of the calling thread (the backend keeps it per thread, as the
CUDA runtime does). ``with Device(n):`` makes ``n`` current and restores the previous device on
exit; the stack of previous devices is thread-local, so one ``Device`` object may be entered from
several threads at once.
"""
import threading

from cupy.cuda._backend cimport active
from cupy_backends.backend cimport Backend

_tls = threading.local()

# Device-attribute names of CuPy's ``Device.attributes`` -> the property that holds them.
_ATTRIBUTES = {
    "MaxThreadsPerBlock": "maxThreadsPerBlock",
    "MaxSharedMemoryPerBlock": "sharedMemPerBlock",
    "MaxSharedMemoryPerBlockOptin": "sharedMemPerBlockOptin",
    "TotalConstantMemory": "totalConstMem",
    "WarpSize": "warpSize",
    "MaxRegistersPerBlock": "regsPerBlock",
    "ClockRate": "clockRate",
    "MultiProcessorCount": "multiProcessorCount",
    "Integrated": "integrated",
    "CanMapHostMemory": "canMapHostMemory",
    "ComputeMode": "computeMode",
    "ConcurrentKernels": "concurrentKernels",
    "EccEnabled": "ECCEnabled",
    "PciBusId": "pciBusID",
    "PciDeviceId": "pciDeviceID",
    "PciDomainId": "pciDomainID",
    "L2CacheSize": "l2CacheSize",
    "MaxThreadsPerMultiProcessor": "maxThreadsPerMultiProcessor",
    "UnifiedAddressing": "unifiedAddressing",
    "ManagedMemory": "managedMemory",
    "ComputeCapabilityMajor": "major",
    "ComputeCapabilityMinor": "minor",
}

# Properties never change while the process runs; cached per device id.
cdef dict _props_cache = {}


cdef dict _properties(int device_id):
    props = _props_cache.get(device_id)
    if props is None:
        props = active().device_properties(device_id)
        _props_cache[device_id] = props
    return props


cpdef int get_device_id() except -1:
    """Return the id of the current device of the calling thread."""
    return active().get_device()


cdef list _stack():
    try:
        return _tls.device_stack
    except AttributeError:
        _tls.device_stack = []
        return _tls.device_stack


cdef class Device:
    """A device of the active backend.

    Args:
        device (int or None): the device id; the current device when None.

    ``with Device(1):`` makes device 1 current in the block and restores the previous one after.

    Example:
        >>> import cupy
        >>> with cupy.cuda.Device(0) as dev:
        ...     dev.synchronize()
    """

    def __init__(self, device=None):
        cdef Backend be = active()
        if device is None:
            self.id = be.get_device()
            return
        if hasattr(device, "id") and not isinstance(device, int):   # a Device-like object
            device = device.id
        try:
            self.id = int(device)
        except (TypeError, ValueError):
            raise TypeError(f"device must be an int or None, got {type(device).__name__}") from None
        if self.id < 0:
            raise ValueError(f"Invalid device ID: {self.id}")

    def __int__(self):
        return self.id

    def __index__(self):
        return self.id

    def __repr__(self):
        return f"<CUDA Device {self.id}>"

    def __eq__(self, other):
        if not isinstance(other, Device):
            return NotImplemented
        return self.id == (<Device>other).id

    def __hash__(self):
        return hash((Device, self.id))

    def __reduce__(self):
        return (Device, (self.id,))

    def __enter__(self):
        cdef Backend be = active()
        prev = be.get_device()
        _stack().append(prev)
        if prev != self.id:
            try:
                be.set_device(self.id)
            except BaseException:
                _stack().pop()
                raise
        return self

    def __exit__(self, *exc):
        prev = _stack().pop()
        cdef Backend be = active()
        if be.get_device() != prev:
            be.set_device(prev)

    def use(self):
        """Make this device the current device of the calling thread."""
        active().set_device(self.id)

    def synchronize(self):
        """Wait until all work queued on this device has completed."""
        with self:
            active().device_synchronize()

    @property
    def compute_capability(self):
        """Compute capability as a string, e.g. ``'90'`` for an H100."""
        props = _properties(self.id)
        return f"{props['major']}{props['minor']}"

    @property
    def attributes(self):
        """A dict of device attributes (CuPy's names, e.g. ``'MaxThreadsPerBlock'``)."""
        props = _properties(self.id)
        return {name: props[key] for name, key in _ATTRIBUTES.items() if key in props}

    @property
    def mem_info(self):
        """``(free, total)`` device memory in bytes."""
        return active().mem_info(self.id)

    @property
    def pci_bus_id(self):
        """The PCI bus id as ``'DDDD:BB:DD.0'``."""
        props = _properties(self.id)
        return "%04x:%02x:%02x.0" % (props.get("pciDomainID", 0), props.get("pciBusID", 0),
                                     props.get("pciDeviceID", 0))
