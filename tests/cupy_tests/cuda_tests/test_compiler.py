"""compile_with_cache: memo, disk cache (cross-process, corruption, races, permissions), NVRTC check;
and the cache file format of cupy.cuda._compiler_cache."""
import json
import os
import stat
import subprocess
import sys
import textwrap
import uuid

import pytest

from cupy.cuda import _compiler_cache
from cupy.cuda import compiler
from cupy_backends.program import CompileException, ObjectCode


def unique_kernel():
    """A fresh source (never memoized or cached) of an extern "C" kernel ``fill``."""
    tag = uuid.uuid4().hex
    return (f'// {tag}\nextern "C" __global__ void fill(int* x, int v) '
            '{ x[threadIdx.x] = v + threadIdx.x; }\n')


# Compiles SOURCE (env), launches it, checks the result, prints the compiler counters.
CHILD = textwrap.dedent(r'''
    import ctypes, json, os, numpy
    from cupy.cuda import compiler, memory
    mod = compiler.compile_with_cache(os.environ["TEST_SOURCE"])
    d = memory.alloc(32 * 4)
    mod.get_function("fill")(1, 32, (d, numpy.int32(5)))
    out = numpy.empty(32, numpy.int32)
    d.copy_to_host(out.ctypes.data_as(ctypes.c_void_p), out.nbytes)
    assert (out == numpy.arange(32) + 5).all(), out
    print("STATS" + json.dumps(compiler._stats))
''')


def run_child(cache_dir, source, **env):
    full_env = {k: v for k, v in os.environ.items()
                if k not in ("CUPY_CACHE_IN_MEMORY", "CUPY_NVRTC_CHECK")}
    full_env.update(CUPY_CACHE_DIR=str(cache_dir), TEST_SOURCE=source, **env)
    return subprocess.Popen([sys.executable, "-c", CHILD], env=full_env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def child_stats(proc):
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, out + err
    line = [x for x in out.splitlines() if x.startswith("STATS")][-1]
    return json.loads(line[len("STATS"):])


def cache_files(cache_dir):
    return sorted(p for p in os.listdir(cache_dir) if p.endswith(".kcache"))


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "kernel_cache"
    monkeypatch.setenv("CUPY_CACHE_DIR", str(d))
    monkeypatch.delenv("CUPY_CACHE_IN_MEMORY", raising=False)
    monkeypatch.delenv("CUPY_CACHE_SAVE_CUDA_SOURCE", raising=False)
    return d


def test_memo_second_call_does_not_compile(cache_dir):
    src = unique_kernel()
    before = dict(compiler._stats)
    m1 = compiler.compile_with_cache(src)
    assert compiler._stats["compile"] == before["compile"] + 1
    m2 = compiler.compile_with_cache(src)
    assert m2 is m1
    assert compiler._stats["compile"] == before["compile"] + 1
    assert compiler._stats["memo_hit"] == before["memo_hit"] + 1
    m3 = compiler.compile_with_cache(src, options=("-DX=1",))
    assert m3 is not m1
    assert compiler._stats["compile"] == before["compile"] + 2


def test_second_process_hits_disk_cache(cache_dir):
    src = unique_kernel()
    first = child_stats(run_child(cache_dir, src))
    assert (first["compile"], first["disk_hit"]) == (1, 0)
    assert len(cache_files(cache_dir)) == 1
    second = child_stats(run_child(cache_dir, src))
    assert (second["compile"], second["disk_hit"]) == (0, 1)


def test_cache_dir_created_with_mode_0700(tmp_path, monkeypatch):
    d = tmp_path / "a" / "b"
    monkeypatch.setenv("CUPY_CACHE_DIR", str(d))
    monkeypatch.delenv("CUPY_CACHE_IN_MEMORY", raising=False)
    compiler.compile_with_cache(unique_kernel())
    assert stat.S_IMODE(os.stat(d).st_mode) == 0o700
    assert len(cache_files(d)) == 1


@pytest.mark.parametrize("damage", ["flip_image", "flip_header", "truncate", "empty"])
def test_corrupted_cache_file_is_recompiled(cache_dir, damage):
    src = unique_kernel()
    child_stats(run_child(cache_dir, src))
    (name,) = cache_files(cache_dir)
    path = cache_dir / name
    data = bytearray(path.read_bytes())
    if damage == "flip_image":
        data[-5] ^= 0x10
    elif damage == "flip_header":
        data[50] ^= 0x01
    elif damage == "truncate":
        data = data[:len(data) // 2]
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    stats = child_stats(run_child(cache_dir, src))    # the child checks the kernel's result
    assert (stats["compile"], stats["disk_hit"]) == (1, 0)
    # overwritten with a valid entry: the next process hits it
    stats = child_stats(run_child(cache_dir, src))
    assert (stats["compile"], stats["disk_hit"]) == (0, 1)


def test_concurrent_processes_compile_same_kernel(cache_dir):
    src = unique_kernel()
    procs = [run_child(cache_dir, src) for _ in range(3)]
    for p in procs:
        child_stats(p)
    assert len(cache_files(cache_dir)) == 1
    assert not [p for p in os.listdir(cache_dir) if p.startswith(".tmp-")]
    stats = child_stats(run_child(cache_dir, src))
    assert (stats["compile"], stats["disk_hit"]) == (0, 1)


def test_cache_in_memory_writes_nothing(cache_dir):
    src = unique_kernel()
    stats = child_stats(run_child(cache_dir, src, CUPY_CACHE_IN_MEMORY="1"))
    assert stats["compile"] == 1
    assert not cache_dir.exists() or cache_files(cache_dir) == []


def test_save_cuda_source(cache_dir, monkeypatch):
    monkeypatch.setenv("CUPY_CACHE_SAVE_CUDA_SOURCE", "1")
    src = unique_kernel()
    compiler.compile_with_cache(src)
    (name,) = cache_files(cache_dir)
    cu = cache_dir / (name[:-len(".kcache")] + ".cu")
    assert cu.read_text() == src


def test_unwritable_cache_dir_warns_and_still_loads(cache_dir, tmp_path):
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("")
    with pytest.warns(RuntimeWarning, match="could not write the kernel cache"):
        mod = compiler.compile_with_cache(unique_kernel(), cache_dir=str(blocker / "cache"))
    assert mod.get_function("fill") is not None


def test_compile_exception_is_not_cached(cache_dir):
    bad = unique_kernel().replace("v + threadIdx.x", "v + not_declared")
    with pytest.raises(CompileException) as e:
        compiler.compile_with_cache(bad)
    assert "not_declared" in e.value.log and e.value.source == bad
    assert not cache_dir.exists() or cache_files(cache_dir) == []


def test_bad_arguments(cache_dir):
    with pytest.raises(TypeError):
        compiler.compile_with_cache(b"bytes source")
    with pytest.raises(TypeError):
        compiler.compile_with_cache(unique_kernel(), options=(1,))
    with pytest.raises(ValueError):
        compiler.compile_with_cache(unique_kernel(), backend="clang")


# g++ accepts std::vector in a kernel; NVRTC has no <vector>: the check must reject it.
HOST_ONLY_KERNEL = r'''
#include <vector>
extern "C" __global__ void fill(int* x, int v) {
    std::vector<int> tmp(4, v);
    x[threadIdx.x] = tmp[threadIdx.x % 4] + threadIdx.x;
}
'''


def test_nvrtc_check_rejects_code_nvrtc_cannot_compile(cache_dir, monkeypatch):
    monkeypatch.setenv("CUPY_NVRTC_CHECK", "require")
    src = "// " + uuid.uuid4().hex + HOST_ONLY_KERNEL
    with pytest.raises(CompileException):
        compiler.compile_with_cache(src)
    assert not cache_dir.exists() or cache_files(cache_dir) == []


def test_nvrtc_check_recorded_in_disk_cache(cache_dir):
    src = unique_kernel()
    child_stats(run_child(cache_dir, src, CUPY_NVRTC_CHECK="require"))
    stats = child_stats(run_child(cache_dir, src, CUPY_NVRTC_CHECK="require"))
    assert (stats["compile"], stats["disk_hit"], stats["nvrtc_check"]) == (0, 1, 0)


# --- the file format, without a compiler ------------------------------------------------

def _entry():
    code = ObjectCode(b"\x7fELF" + bytes(range(256)) * 4, {"f<int>": "_Z1fIiEvv"}, "warn", "cubin")
    return _compiler_cache.CacheEntry(code, {"nvrtc_checked": True})


def test_format_round_trip(tmp_path):
    cache = _compiler_cache.DiskKernelCache(str(tmp_path / "c"))
    key = "ab" * 32
    assert cache.load(key) is None
    cache.save(key, _entry())
    assert cache.load(key) == _entry()
    assert cache.load("cd" * 32) is None


def test_format_detects_every_single_byte_change():
    key = "ef" * 32
    data = _compiler_cache.encode(key, _entry())
    assert _compiler_cache.decode(key, data) == _entry()
    for i in range(0, len(data), 7):
        damaged = bytearray(data)
        damaged[i] ^= 0x41
        assert _compiler_cache.decode(key, bytes(damaged)) is None, i
    for n in (0, 8, 40, 44, len(data) - 1):
        assert _compiler_cache.decode(key, data[:n]) is None
    # a valid file stored under another key (e.g. renamed) is not accepted
    assert _compiler_cache.decode("00" * 32, data) is None
