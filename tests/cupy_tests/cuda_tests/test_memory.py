"""Memory, UnownedMemory, MemoryPointer copies/memset/arithmetic, allocator selection."""
import ctypes
import pickle
import threading

import numpy
import pytest

from cupy import cuda
from cupy.cuda import memory


def to_host(p, n):
    out = numpy.empty(n, numpy.uint8)
    p.copy_to_host(out.ctypes.data, n)
    return out


def test_memory_allocates_and_frees():
    m = memory.Memory(1000)
    assert m.size == 1000
    assert m.ptr != 0
    assert m.device_id == cuda.Device().id
    assert memory.Memory(0).ptr == 0


def test_pointer_arithmetic():
    p = memory.MemoryPointer(memory.Memory(1024), 0)
    q = p + 100
    assert q.ptr == p.ptr + 100 and q.mem is p.mem
    assert (100 + p).ptr == q.ptr
    assert (q - 40).ptr == p.ptr + 60
    r = p
    r += 8
    assert r.ptr == p.ptr + 8
    assert int(q) == q.ptr
    assert q == memory.MemoryPointer(p.mem, 100)
    assert hash(q) == hash(memory.MemoryPointer(p.mem, 100))
    assert q != p
    assert bool(p)
    assert not memory.MemoryPointer(memory.Memory(0), 0)


def test_host_copies_roundtrip():
    src = numpy.arange(256, dtype=numpy.uint8)
    p = memory.alloc(256)
    p.copy_from_host(src.ctypes.data, 256)
    numpy.testing.assert_array_equal(to_host(p, 256), src)
    q = memory.alloc(256)
    q.copy_from_host(ctypes.c_void_p(src.ctypes.data + 10), 100)
    numpy.testing.assert_array_equal(to_host(q, 100), src[10:110])


def test_device_copies_and_offsets():
    src = numpy.arange(256, dtype=numpy.uint8)
    a = memory.alloc(256)
    a.copy_from(src.ctypes.data, 256)
    b = memory.alloc(256)
    b.memset(7, 256)
    (b + 16).copy_from_device(a + 32, 64)
    expected = numpy.full(256, 7, numpy.uint8)
    expected[16:80] = src[32:96]
    numpy.testing.assert_array_equal(to_host(b, 256), expected)
    c = memory.alloc(256)
    c.copy_from(b, 256)
    numpy.testing.assert_array_equal(to_host(c, 256), expected)


def test_async_copies_on_stream():
    s = cuda.Stream()
    src = numpy.arange(128, dtype=numpy.uint8)
    out = numpy.zeros(128, numpy.uint8)
    a, b = memory.alloc(128), memory.alloc(128)
    a.copy_from_host_async(src.ctypes.data, 128, stream=s)
    b.copy_from_device_async(a, 128, stream=s)
    b.memset_async(1, 8, stream=s)
    b.copy_to_host_async(out.ctypes.data, 128, stream=s)
    s.synchronize()
    expected = src.copy()
    expected[:8] = 1
    numpy.testing.assert_array_equal(out, expected)
    c = memory.alloc(128)
    with s:
        c.copy_from_async(a, 128)
        s.synchronize()
    numpy.testing.assert_array_equal(to_host(c, 128), src)


def test_memset():
    p = memory.alloc(100)
    p.memset(0xAB, 100)
    assert (to_host(p, 100) == 0xAB).all()


def test_bad_host_pointer_type():
    p = memory.alloc(8)
    with pytest.raises(TypeError):
        p.copy_from_host("not a pointer", 8)
    with pytest.raises(TypeError):
        p.copy_from_device(123, 8)


def test_unowned_memory_keeps_owner():
    owner = memory.Memory(512)
    u = memory.UnownedMemory(owner.ptr, 512, owner)
    p = memory.MemoryPointer(u, 0)
    p.memset(3, 512)
    assert (to_host(memory.MemoryPointer(owner, 0), 512) == 3).all()
    del owner
    assert u._owner is not None
    assert u.device_id == cuda.Device().id


def test_set_allocator_and_get_allocator():
    original = memory.get_allocator()
    calls = []

    def allocator(size):
        calls.append(size)
        return memory.MemoryPointer(memory.Memory(size), 0)

    try:
        memory.set_allocator(allocator)
        assert memory.get_allocator() is allocator
        p = memory.alloc(123)
        assert calls == [123]
        assert type(p.mem) is memory.Memory
        memory.set_allocator(None)
        p = memory.alloc(10)
        assert type(p.mem) is memory.Memory and calls == [123]
        with pytest.raises(TypeError):
            memory.set_allocator(5)
    finally:
        memory.set_allocator(original)
    assert memory.get_allocator() == original


def test_using_allocator_is_per_thread():
    pool = memory.MemoryPool()
    seen = {}

    def other():
        seen["other"] = memory.get_allocator()

    with memory.using_allocator(pool.malloc):
        p = memory.alloc(100)
        assert pool.used_bytes() == 512
        t = threading.Thread(target=other)
        t.start()
        t.join()
        with pytest.raises(ValueError):
            memory.set_allocator(None)
        with memory.using_allocator():
            assert type(memory.alloc(10).mem) is memory.Memory
        assert memory.get_allocator() == pool.malloc
    assert seen["other"] != pool.malloc
    assert memory.get_allocator() != pool.malloc
    del p
    assert pool.used_bytes() == 0


def test_pooled_memory_explicit_free():
    pool = memory.SingleDeviceMemoryPool()
    p = pool.malloc(100)
    p.mem.free()
    assert pool.used_bytes() == 0
    p.mem.free()                       # idempotent
    assert pool.n_free_blocks() == 1


def test_out_of_memory_error():
    e = memory.OutOfMemoryError(1024, 2048)
    assert isinstance(e, MemoryError)
    assert str(e) == "Out of memory allocating 1,024 bytes (allocated so far: 2,048 bytes)."
    e2 = pickle.loads(pickle.dumps(memory.OutOfMemoryError(1, 2, 3)))
    assert str(e2) == ("Out of memory allocating 1 bytes (allocated so far: 2 bytes, "
                       "limit set to: 3 bytes).")


def test_exports():
    assert cuda.alloc is memory.alloc
    assert cuda.MemoryPointer is memory.MemoryPointer
    assert issubclass(cuda.OutOfMemoryError, MemoryError)
