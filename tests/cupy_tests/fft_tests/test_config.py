"""cupy.fft.config: the plan cache's limits, eviction and report (with stand-in plans; the
cuFFT plans that fill it on a GPU are tested in test_exec.py and test_fft_cuda.py)."""
import threading

import pytest

import cupy
from cupy.fft import config
from cupy.fft._cache import PlanCache


class Plan:
    def __init__(self, memsize):
        self.memsize = memsize
        self.closed = False

    def close(self):
        self.closed = True


def test_lru_by_count():
    cache = PlanCache(size=2)
    plans = [Plan(10) for _ in range(3)]
    cache["a"] = plans[0]
    cache["b"] = plans[1]
    assert cache.get("a") is plans[0]          # "b" is now the least recently used
    cache["c"] = plans[2]
    assert "b" not in cache and plans[1].closed
    assert len(cache) == cache.get_curr_size() == 2
    assert cache.get_curr_memsize() == 20
    assert cache["a"] is plans[0]
    with pytest.raises(KeyError):
        cache["b"]


def test_memsize_limit():
    cache = PlanCache(size=10, memsize=100)
    small, big, huge = Plan(40), Plan(70), Plan(101)
    cache["s"] = small
    cache["b"] = big                            # 110 > 100: "s" goes
    assert small.closed and cache.get_curr_memsize() == 70
    assert cache.put("h", huge) is False        # never fits: refused, not closed
    assert "h" not in cache and not huge.closed
    cache.set_memsize(50)
    assert big.closed and cache.get_curr_memsize() == 0
    cache.set_memsize(-1)
    assert cache.get_memsize() == -1


def test_size_zero_disables():
    cache = PlanCache(size=3)
    p = Plan(1)
    cache["x"] = p
    cache.set_size(0)
    assert p.closed and not cache.enabled
    assert cache.put("y", Plan(1)) is False
    assert cache.get_size() == 0


def test_replacing_a_key_closes_the_old_plan():
    cache = PlanCache()
    old, new = Plan(5), Plan(7)
    cache["k"] = old
    cache["k"] = new
    assert old.closed and not new.closed and cache.get_curr_memsize() == 7


def test_clear_and_show_info(capsys):
    cache = PlanCache(size=4, dev=0)
    plans = [Plan(8), Plan(16)]
    cache["one"], cache["two"] = plans
    cache.get("one")
    cache.get("missing")
    cache.show_info()
    text = capsys.readouterr().out
    assert "cuFFT plan cache (device 0)" in text and "2 / 4" in text and "24" in text
    assert "hits / misses: 1 / 1" in text
    assert text.index("key: one") < text.index("key: two")   # most recently used first
    cache.clear()
    assert all(p.closed for p in plans) and cache.get_curr_size() == 0


@pytest.mark.parametrize("size,memsize", [(-1, -1), (1.5, -1), (True, -1), (1, -2), (1, 0.5)])
def test_bad_limits(size, memsize):
    with pytest.raises(ValueError):
        PlanCache(size=size, memsize=memsize)


def test_module_functions_use_the_current_device_cache():
    cache = config.get_plan_cache()
    assert cache is config.get_plan_cache(cupy.cuda.device.get_device_id())
    size, memsize = cache.get_size(), cache.get_memsize()
    try:
        config.set_plan_cache_size(5)
        config.set_plan_cache_max_memsize(1 << 20)
        assert config.get_plan_cache_size() == 5 == cache.get_size()
        assert config.get_plan_cache_max_memsize() == 1 << 20
        config.clear_plan_cache()
        config.show_plan_cache_info()
    finally:
        cache.set_size(size)
        cache.set_memsize(memsize)


def test_each_thread_has_its_own_cache():
    caches = []
    t = threading.Thread(target=lambda: caches.append(config.get_plan_cache()))
    t.start()
    t.join()
    assert caches[0] is not config.get_plan_cache()


def test_host_transforms_leave_the_cache_empty():
    if cupy.cuda.get_backend_name() != "host":
        pytest.skip("host backend only")
    config.clear_plan_cache()
    cupy.fft.fft(cupy.ones(8))
    assert config.get_plan_cache().get_curr_size() == 0
    assert config.enable_nd_planning is True
