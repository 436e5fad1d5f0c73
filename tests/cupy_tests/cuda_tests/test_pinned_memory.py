"""Pinned memory: buffer protocol, pool reuse, allocator selection, async copies."""
import numpy
import pytest

from cupy import cuda
from cupy.cuda import pinned_memory


def test_frombuffer_view():
    p = cuda.alloc_pinned_memory(80)
    a = numpy.frombuffer(p, numpy.float64, 10)
    a[:] = numpy.arange(10)
    b = numpy.frombuffer(p, numpy.float64, 10)
    numpy.testing.assert_array_equal(b, numpy.arange(10))
    assert memoryview(p).nbytes == p.size() >= 80
    assert int(p) == p.ptr


def test_async_copy_through_pinned():
    src = cuda.alloc_pinned_memory(64)
    dst = cuda.alloc_pinned_memory(64)
    numpy.frombuffer(src, numpy.uint8, 64)[:] = numpy.arange(64, dtype=numpy.uint8)
    d = cuda.alloc(64)
    s = cuda.Stream()
    d.copy_from_host_async(src, 64, stream=s)
    d.copy_to_host_async(dst, 64, stream=s)
    s.synchronize()
    numpy.testing.assert_array_equal(numpy.frombuffer(dst, numpy.uint8, 64),
                                     numpy.arange(64, dtype=numpy.uint8))


def test_pool_reuses_blocks():
    pool = cuda.PinnedMemoryPool()
    p = pool.malloc(100)
    ptr = p.ptr
    assert p.mem.size == 512
    del p
    assert pool.n_free_blocks() == 1
    q = pool.malloc(300)
    assert q.ptr == ptr
    assert pool.n_free_blocks() == 0
    del q
    pool.free_all_blocks()
    assert pool.n_free_blocks() == 0
    assert pool.malloc(0).ptr == 0


def test_set_pinned_memory_allocator():
    pool = cuda.PinnedMemoryPool()
    try:
        cuda.set_pinned_memory_allocator(pool.malloc)
        p = cuda.alloc_pinned_memory(10)
        del p
        assert pool.n_free_blocks() == 1
        cuda.set_pinned_memory_allocator(None)
        p = cuda.alloc_pinned_memory(10)
        assert type(p.mem) is cuda.PinnedMemory and p.mem.size == 10
        with pytest.raises(TypeError):
            cuda.set_pinned_memory_allocator(1)
    finally:
        cuda.set_pinned_memory_allocator(pinned_memory.get_default_pinned_memory_pool().malloc)


def test_pointer_offsets():
    p = cuda.alloc_pinned_memory(1024)
    q = p + 24
    assert q.ptr == p.ptr + 24 and q.size() == p.size() - 24
    assert (q - 24).ptr == p.ptr
    with pytest.raises(ValueError):
        p + 5000
