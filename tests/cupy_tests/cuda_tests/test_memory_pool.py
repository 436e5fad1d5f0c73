"""MemoryPool / SingleDeviceMemoryPool: rounding, best fit, split/merge, stream-ordered reuse,
limits and the OOM ladder, and a multi-threaded stress test."""
import bisect
import gc
import os
import random
import subprocess
import sys
import threading

import numpy
import pytest

from cupy import cuda
from cupy.cuda import memory


def read_bytes(memptr, size):
    out = numpy.empty(size, numpy.uint8)
    memptr.copy_to_host(out.ctypes.data, size)
    return out


@pytest.fixture
def pool():
    return memory.SingleDeviceMemoryPool()


def test_rounding_and_stats(pool):
    p = pool.malloc(1)
    assert p.mem.size == 512
    q = pool.malloc(513)
    assert q.mem.size == 1024
    assert pool.used_bytes() == 1536
    assert pool.total_bytes() == 1536
    assert pool.free_bytes() == 0
    del p
    assert pool.used_bytes() == 1024
    assert pool.free_bytes() == 512
    assert pool.n_free_blocks() == 1
    del q
    assert pool.used_bytes() == 0
    assert pool.total_bytes() == 1536


def test_zero_size(pool):
    p = pool.malloc(0)
    assert p.ptr == 0
    assert pool.total_bytes() == 0


def test_cached_reuse_same_pointer(pool):
    p = pool.malloc(1000)
    ptr = p.ptr
    del p
    q = pool.malloc(1000)
    assert q.ptr == ptr
    assert pool.total_bytes() == 1024


def test_split_and_merge(pool):
    big = pool.malloc(3 * 1024)
    base = big.ptr
    del big
    b1, b2, b3 = pool.malloc(1024), pool.malloc(1024), pool.malloc(1024)
    assert sorted([b1.ptr, b2.ptr, b3.ptr]) == [base, base + 1024, base + 2048]
    assert pool.total_bytes() == 3072       # all three carved from the cached block
    # Free the middle block and its upper neighbour: they merge into one 2048-byte chunk.
    by_ptr = {b.ptr: b for b in (b1, b2, b3)}
    del b1, b2, b3
    low = by_ptr.pop(base)
    by_ptr.clear()
    assert pool.n_free_blocks() == 1
    assert pool.free_bytes() == 2048
    merged = pool.malloc(2048)
    assert merged.ptr == base + 1024
    assert pool.total_bytes() == 3072
    del merged, low
    assert pool.n_free_blocks() == 1        # everything merged back into the whole block
    assert pool.free_bytes() == 3072


def test_best_fit_prefers_smallest_sufficient_chunk(pool):
    small = pool.malloc(1024)
    large = pool.malloc(4096)
    small_ptr, large_ptr = small.ptr, large.ptr
    del small, large
    assert pool.malloc(1024).ptr == small_ptr     # not carved from the larger chunk
    p = pool.malloc(2048)
    assert p.ptr == large_ptr
    assert pool.total_bytes() == 5120


def test_free_all_blocks_releases_unsplit_blocks(pool):
    a = pool.malloc(1024)
    b = pool.malloc(2048)
    del a
    assert pool.total_bytes() == 3072
    pool.free_all_blocks()
    assert pool.total_bytes() == 2048
    assert pool.n_free_blocks() == 0
    assert pool.used_bytes() == 2048
    del b
    pool.free_all_blocks()
    assert pool.total_bytes() == 0


def test_split_block_is_kept_until_whole(pool):
    big = pool.malloc(2048)
    del big
    part = pool.malloc(1024)
    pool.free_all_blocks()          # the free half cannot be released alone
    assert pool.total_bytes() == 2048
    del part
    pool.free_all_blocks()
    assert pool.total_bytes() == 0


def test_stream_ordered_reuse(pool):
    sa = cuda.Stream()
    sb = cuda.Stream()
    with sa:
        p = pool.malloc(1024)
        ptr = p.ptr
        del p
    with sb:
        q = pool.malloc(1024)
        assert q.ptr != ptr                 # the block freed on A is not given to B
    assert pool.total_bytes() == 2048
    with sa:
        r = pool.malloc(1024)
        assert r.ptr == ptr                 # A gets it back
    del q, r
    pool.free_all_blocks(stream=sb)
    assert pool.total_bytes() == 1024      # only B's arena released
    pool.free_all_blocks()
    assert pool.total_bytes() == 0


def test_limit_out_of_memory_then_recovers(pool):
    pool.set_limit(size=4096)
    assert pool.get_limit() == 4096
    a = pool.malloc(4096)
    with pytest.raises(memory.OutOfMemoryError) as e:
        pool.malloc(512)
    assert isinstance(e.value, MemoryError)
    assert str(e.value) == ("Out of memory allocating 512 bytes "
                            "(allocated so far: 4,096 bytes, limit set to: 4,096 bytes).")
    del a
    b = pool.malloc(2048)
    c = pool.malloc(2048)
    assert pool.used_bytes() == 4096
    del b, c
    assert pool.used_bytes() == 0


def test_oom_ladder_frees_cached_blocks_of_other_streams(pool):
    pool.set_limit(size=4096)
    s = cuda.Stream()
    with s:
        cached = pool.malloc(2048)
        del cached
    p = pool.malloc(4096)       # needs the cached 2048 bytes of stream s released
    assert pool.total_bytes() == 4096
    del p


def test_oom_ladder_runs_gc(pool):
    pool.set_limit(size=4096)

    class Cycle:
        pass

    gc.disable()
    try:
        c = Cycle()
        c.self = c
        c.mem = pool.malloc(4096)
        del c
        p = pool.malloc(4096)      # only reachable by collecting the cycle
        assert p.mem.size == 4096
    finally:
        gc.enable()


def test_limit_fraction_and_errors(pool):
    total = cuda.Device().mem_info[1]
    pool.set_limit(fraction=0.5)
    assert pool.get_limit() == int(total * 0.5)
    pool.set_limit()
    assert pool.get_limit() == 0
    with pytest.raises(ValueError):
        pool.set_limit(size=10, fraction=0.1)
    with pytest.raises(ValueError):
        pool.set_limit(fraction=1.5)
    with pytest.raises(ValueError):
        pool.set_limit(size=-1)


def test_allocator_failure_becomes_out_of_memory():
    def failing(size):
        raise memory.OutOfMemoryError(size, 0)

    pool = memory.SingleDeviceMemoryPool(allocator=failing)
    with pytest.raises(memory.OutOfMemoryError):
        pool.malloc(100)
    assert pool.total_bytes() == 0
    assert pool.used_bytes() == 0


def test_custom_allocator_used_for_misses():
    calls = []

    def allocator(size):
        calls.append(size)
        return memory._malloc(size)

    pool = memory.SingleDeviceMemoryPool(allocator=allocator)
    p = pool.malloc(100)
    del p
    q = pool.malloc(100)
    assert calls == [512]
    del q


def test_chunk_dying_in_a_reference_cycle_keeps_its_allocation():
    # An array that dies inside a reference cycle is freed by the collector; its chunk must
    # go back to the pool with its allocation still held, and be lent again.
    owners = []

    def allocator(size):
        owner = memory._malloc(size)
        owners.append(owner)
        return memory.MemoryPointer(memory.UnownedMemory(owner.ptr, size, owner), 0)

    pool = memory.SingleDeviceMemoryPool(allocator=allocator)
    p = pool.malloc(100)
    ptr = p.ptr
    base_refs = sys.getrefcount(owners[0])
    cycle = [p]
    cycle.append(cycle)
    del p, cycle
    gc.collect()
    assert pool.used_bytes() == 0
    refs = sys.getrefcount(owners[0])
    assert refs == base_refs, "the collector released the pool's allocation"
    q = pool.malloc(100)
    assert q.ptr == ptr
    assert len(owners) == 1
    del q
    pool.free_all_blocks()
    refs = sys.getrefcount(owners[0])
    assert refs == base_refs - 1


@pytest.mark.parametrize("env,expected", [("1048576", lambda total: 1048576),
                                          ("1%", lambda total: int(total * 0.01))])
def test_env_limit(env, expected):
    code = (
        "import cupy\n"
        "from cupy.cuda import memory\n"
        "pool = memory.MemoryPool()\n"
        "print(pool.get_limit(), cupy.cuda.Device().mem_info[1])\n"
        "p = pool.malloc(pool.get_limit() // 512 * 512)\n"
        "try:\n"
        "    pool.malloc(512)\n"
        "except memory.OutOfMemoryError:\n"
        "    print('oom')\n")
    env_vars = dict(os.environ, CUPY_GPU_MEMORY_LIMIT=env)
    out = subprocess.run([sys.executable, "-c", code], env=env_vars, capture_output=True,
                         text=True, check=True).stdout.split("\n")
    limit, total = map(int, out[0].split())
    assert limit == expected(total)
    assert out[1] == "oom"


def test_memory_pool_is_per_device():
    pool = cuda.MemoryPool()
    p = pool.malloc(1000)
    assert p.device_id == cuda.Device().id
    assert pool.used_bytes() == 1024
    assert pool.device_pool() is pool.device_pool()
    pool.set_limit(size=2048)
    assert pool.get_limit() == 2048
    del p
    assert pool.n_free_blocks() == 1
    pool.free_all_blocks()
    assert pool.total_bytes() == 0


def test_default_pool_is_default_allocator():
    pool = memory.get_default_memory_pool()
    before = pool.used_bytes()
    p = cuda.alloc(700)
    assert pool.used_bytes() == before + 1024
    del p
    assert pool.used_bytes() == before


def test_stress_threads_streams():
    """100,000 random malloc/free operations from 8 threads on 4 streams: live blocks never
    overlap (interval bookkeeping and per-block byte patterns), used_bytes returns to 0."""
    pool = memory.SingleDeviceMemoryPool()
    streams = [cuda.Stream() for _ in range(4)]
    n_threads, ops_per_thread = 8, 12500
    lock = threading.Lock()
    starts, ends = [], []     # sorted live intervals [start, end)
    errors = []

    def claim(ptr, size):
        with lock:
            i = bisect.bisect_right(starts, ptr)
            if i > 0 and ends[i - 1] > ptr:
                errors.append(("overlap", ptr, size, starts[i - 1], ends[i - 1]))
            if i < len(starts) and starts[i] < ptr + size:
                errors.append(("overlap", ptr, size, starts[i], ends[i]))
            starts.insert(i, ptr)
            ends.insert(i, ptr + size)

    def release(ptr):
        with lock:
            i = bisect.bisect_left(starts, ptr)
            assert starts[i] == ptr
            del starts[i], ends[i]

    def worker(tid):
        rng = random.Random(tid)
        live = []
        with streams[tid % 4]:
            for op in range(ops_per_thread):
                if live and (len(live) > 64 or rng.random() < 0.45):
                    p, size, pattern = live.pop(rng.randrange(len(live)))
                    got = read_bytes(p, size)
                    if not (got == pattern).all():
                        errors.append(("corrupted", p.ptr, size))
                    release(p.ptr)
                    del p
                else:
                    size = rng.choice((1, 100, 512, 513, 1024, 2000, 4096, 10000))
                    p = pool.malloc(size)
                    assert p.mem.size >= size
                    claim(p.ptr, p.mem.size)
                    pattern = (tid * 31 + op) % 251
                    p.memset(pattern, size)
                    live.append((p, size, pattern))
            for p, size, pattern in live:
                if not (read_bytes(p, size) == pattern).all():
                    errors.append(("corrupted", p.ptr, size))
                release(p.ptr)
            live.clear()

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert starts == []
    assert pool.used_bytes() == 0
    assert pool.free_bytes() == pool.total_bytes()
    pool.free_all_blocks()
    assert pool.total_bytes() == 0
