"""Memory hooks: every pool malloc/free reaches the hooks of the thread with the right sizes."""
import io
import json
import threading

import pytest

from cupy.cuda import memory, memory_hook, memory_hooks


class Recorder(memory_hook.MemoryHook):
    name = "Recorder"

    def __init__(self):
        self.events = []

    def alloc_preprocess(self, **kw):
        self.events.append(("alloc_pre", kw))

    def alloc_postprocess(self, **kw):
        self.events.append(("alloc_post", kw))

    def malloc_preprocess(self, **kw):
        self.events.append(("malloc_pre", kw))

    def malloc_postprocess(self, **kw):
        self.events.append(("malloc_post", kw))

    def free_preprocess(self, **kw):
        self.events.append(("free_pre", kw))

    def free_postprocess(self, **kw):
        self.events.append(("free_post", kw))


def test_hooks_see_malloc_and_free():
    pool = memory.SingleDeviceMemoryPool()
    dev = pool._device_id
    hook = Recorder()
    with hook:
        p = pool.malloc(100)
        ptr, pmem = p.ptr, id(p.mem)
        del p
        q = pool.malloc(200)          # cached: no alloc events
        qptr, qmem = q.ptr, id(q.mem)
        del q
    assert [e[0] for e in hook.events] == [
        "malloc_pre", "alloc_pre", "alloc_post", "malloc_post", "free_pre", "free_post",
        "malloc_pre", "malloc_post", "free_pre", "free_post"]
    ev = [e[1] for e in hook.events]
    assert ev[0] == dict(device_id=dev, size=100, mem_size=512)
    assert ev[1] == dict(device_id=dev, mem_size=512)
    assert ev[2] == dict(device_id=dev, mem_size=512, mem_ptr=ptr)
    assert ev[3] == dict(device_id=dev, size=100, mem_size=512, mem_ptr=ptr, pmem_id=pmem)
    assert ev[4] == ev[5] == dict(device_id=dev, mem_size=512, mem_ptr=ptr, pmem_id=pmem)
    assert ev[7] == dict(device_id=dev, size=200, mem_size=512, mem_ptr=qptr, pmem_id=qmem)
    assert ev[8] == dict(device_id=dev, mem_size=512, mem_ptr=qptr, pmem_id=qmem)


def test_hooks_count_every_operation():
    pool = memory.SingleDeviceMemoryPool()
    hook = Recorder()
    with hook:
        ptrs = [pool.malloc(s) for s in range(1, 5000, 97)]
        expected = {(p.ptr, p.mem.size) for p in ptrs}
        n = len(ptrs)
        del ptrs
    mallocs = {(e[1]["mem_ptr"], e[1]["mem_size"]) for e in hook.events if e[0] == "malloc_post"}
    frees = {(e[1]["mem_ptr"], e[1]["mem_size"]) for e in hook.events if e[0] == "free_post"}
    assert mallocs == expected == frees
    assert sum(e[0] == "free_pre" for e in hook.events) == n


def test_hook_is_per_thread_and_unique():
    pool = memory.SingleDeviceMemoryPool()
    hook = Recorder()
    with hook:
        with pytest.raises(KeyError):
            with Recorder():
                pass
        t = threading.Thread(target=lambda: pool.malloc(10))
        t.start()
        t.join()
    assert hook.events == []
    assert memory_hook.get_memory_hooks() == {}
    pool.malloc(10)
    assert hook.events == []


def test_debug_print_hook():
    pool = memory.SingleDeviceMemoryPool()
    out = io.StringIO()
    with memory_hooks.DebugPrintHook(file=out):
        p = pool.malloc(10)
        ptr = p.ptr
        del p
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [d["hook"] for d in lines] == ["alloc", "malloc", "free"]
    assert lines[1]["size"] == 10 and lines[1]["mem_size"] == 512 and lines[1]["mem_ptr"] == ptr


def test_line_profile_hook():
    pool = memory.SingleDeviceMemoryPool()
    hook = memory_hooks.LineProfileHook()
    with hook:
        p = pool.malloc(1000)
        del p
        p = pool.malloc(1000)
    out = io.StringIO()
    hook.print_report(file=out)
    report = out.getvalue()
    assert "test_line_profile_hook" in report
    assert "2.00KB (1.00KB)" in report
