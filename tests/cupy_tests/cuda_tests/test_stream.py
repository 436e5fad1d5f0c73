"""Stream / ExternalStream / Event and the per-thread current stream."""
import threading
import time

import pytest

from cupy import cuda
from cupy.cuda import stream as stream_module


def test_null_stream_is_default():
    assert cuda.get_current_stream() == cuda.Stream.null
    assert cuda.Stream.null.ptr == 0
    assert stream_module.get_current_stream_ptr() == 0


def test_context_manager_nests_and_restores():
    s1, s2 = cuda.Stream(), cuda.Stream(non_blocking=True)
    assert s1.ptr != 0 and s1 != s2
    with s1:
        assert cuda.get_current_stream() == s1
        assert stream_module.get_current_stream_ptr() == s1.ptr
        with s2:
            assert cuda.get_current_stream() == s2
        assert cuda.get_current_stream() == s1
    assert cuda.get_current_stream() == cuda.Stream.null


def test_use_and_per_thread():
    s = cuda.Stream()
    seen = {}
    try:
        s.use()
        assert cuda.get_current_stream() == s
        t = threading.Thread(target=lambda: seen.setdefault("ptr", stream_module.get_current_stream_ptr()))
        t.start()
        t.join()
        assert seen["ptr"] == 0
    finally:
        cuda.Stream.null.use()
    assert cuda.get_current_stream() == cuda.Stream.null


def test_synchronize_done_and_eq():
    s = cuda.Stream()
    s.synchronize()
    assert s.done
    assert s == s and hash(s) == hash(s)
    assert cuda.Stream.null == cuda.Stream(null=True)
    assert s != cuda.Stream.null
    with pytest.raises(ValueError):
        cuda.Stream(null=True, ptds=True)


def test_external_stream():
    s = cuda.Stream()
    e = cuda.ExternalStream(s.ptr)
    assert e.ptr == s.ptr
    assert e.device_id == cuda.Device().id
    with e:
        assert stream_module.get_current_stream_ptr() == s.ptr
    e.synchronize()


def test_record_and_wait_event():
    s1, s2 = cuda.Stream(), cuda.Stream()
    ev = s1.record()
    assert isinstance(ev, cuda.Event)
    s2.wait_event(ev)
    ev.synchronize()
    assert ev.done
    ev2 = cuda.Event()
    assert s1.record(ev2) is ev2
    with pytest.raises(TypeError):
        s1.record("x")
    with pytest.raises(TypeError):
        s1.wait_event(3)


def test_event_timing_positive_and_monotonic():
    s = cuda.Stream()
    e1, e2, e3 = cuda.Event(), cuda.Event(), cuda.Event()
    e1.record(s)
    time.sleep(0.02)
    e2.record(s)
    time.sleep(0.02)
    e3.record(s)
    e3.synchronize()
    t12 = cuda.get_elapsed_time(e1, e2)
    t13 = cuda.get_elapsed_time(e1, e3)
    t23 = cuda.get_elapsed_time(e2, e3)
    assert t12 > 0 and t23 > 0
    assert t13 > t12
    assert t13 == pytest.approx(t12 + t23, abs=0.05)


def test_event_on_current_stream():
    s = cuda.Stream()
    with s:
        e = cuda.Event()
        e.record()
    e.synchronize()
    assert e.done


def test_event_flags():
    e = cuda.Event(disable_timing=True)
    e.record()
    e.synchronize()
    with pytest.raises(ValueError):
        cuda.Event(interprocess=True)
    cuda.Event(block=True, disable_timing=True, interprocess=True)
    with pytest.raises(TypeError):
        e.record(stream=5)


def test_elapsed_time_needs_timing():
    e1 = cuda.Event(disable_timing=True)
    e2 = cuda.Event(disable_timing=True)
    e1.record()
    e2.record()
    with pytest.raises(cuda.runtime.CUDADriverError):
        cuda.get_elapsed_time(e1, e2)
