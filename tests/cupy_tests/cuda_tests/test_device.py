"""Device: ids, current device (per thread), context manager, properties."""
import threading

import pytest

from cupy import cuda


def test_default_is_current():
    d = cuda.Device()
    assert d.id == cuda.get_device_id() == cuda.runtime.getDevice()
    assert int(d) == d.id


def test_eq_hash_repr():
    assert cuda.Device(0) == cuda.Device(0)
    assert hash(cuda.Device(0)) == hash(cuda.Device(0))
    assert cuda.Device(0) != cuda.Device(1)
    assert repr(cuda.Device(0)) == "<CUDA Device 0>"
    assert cuda.Device(cuda.Device(0)).id == 0


def test_bad_device_arguments():
    with pytest.raises(ValueError):
        cuda.Device(-1)
    with pytest.raises(TypeError):
        cuda.Device("zero")


def test_context_manager_restores():
    before = cuda.get_device_id()
    with cuda.Device(0) as d:
        assert cuda.get_device_id() == 0
        assert d.id == 0
    assert cuda.get_device_id() == before


def test_invalid_device_use_raises():
    n = cuda.runtime.getDeviceCount()
    with pytest.raises(cuda.runtime.CUDADriverError):
        with cuda.Device(n):
            pass
    assert cuda.get_device_id() == 0


def test_per_thread_device_stack():
    d = cuda.Device(0)
    errors = []

    def worker():
        try:
            for _ in range(200):
                with d:
                    assert cuda.get_device_id() == 0
        except Exception as e:   # reported below
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_properties():
    d = cuda.Device()
    props = cuda.runtime.getDeviceProperties(d.id)
    assert d.compute_capability == f"{props['major']}{props['minor']}"
    attrs = d.attributes
    assert attrs["MaxThreadsPerBlock"] == props["maxThreadsPerBlock"]
    assert attrs["MultiProcessorCount"] == props["multiProcessorCount"]
    assert attrs["WarpSize"] == 32
    free, total = d.mem_info
    assert 0 < free <= total
    d.synchronize()
    d.use()
    assert len(d.pci_bus_id.split(":")) == 3
