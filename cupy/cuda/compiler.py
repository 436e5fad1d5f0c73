"""Compiling CUDA C++ source to loaded modules, through two cache layers.

``compile_with_cache`` looks, in order, in

1. a per-process memo keyed by (device, backend, source, options, name expressions, arch),
   holding loaded :class:`~cupy.cuda.function.Module` objects;
2. the disk cache (:mod:`cupy.cuda._compiler_cache`), keyed by a sha256 over the source, the
   options, the name expressions, the target arch, the backend name, the backend's compiler
   fingerprint and the contents of our device headers (``cupy/_core/include``);
3. the active backend's compiler (``Backend.compile(ProgramSpec)``).

NVRTC check: the host backend compiles kernels with g++, which accepts code that NVRTC rejects.
With ``CUPY_NVRTC_CHECK=1`` (or ``require``) every source compiled on a backend other than cuda
is also compiled with NVRTC for ``sm_90``; a failure raises :class:`CompileException`, so a test
suite run on the host proves that its kernels compile for the GPU. If NVRTC cannot be loaded the
check is skipped for ``1`` and is an error for ``require``. A passed check is recorded in the
disk cache entry, so warm runs do not repeat it.
"""
from __future__ import annotations

import hashlib
import os
import threading
import warnings

from cupy.cuda import _backend
from cupy.cuda import _compiler_cache
from cupy.cuda.function import Module
from cupy_backends.program import CompileException, ObjectCode, ProgramSpec  # NOQA

#: Architecture the NVRTC check compiles for (the GPU the project targets).
NVRTC_CHECK_ARCH = "sm_90"

# Bump when the meaning of a cache key changes.
_KEY_VERSION = "1"

_INCLUDE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                            "_core", "include")

#: Counters of what compile_with_cache did in this process (tests and diagnostics read them):
#: ``compile`` backend compilations, ``disk_hit`` programs loaded from the disk cache,
#: ``memo_hit`` modules reused from the in-process memo, ``nvrtc_check`` NVRTC checks run.
_stats = {"compile": 0, "disk_hit": 0, "memo_hit": 0, "nvrtc_check": 0}

_memo = {}
_memo_lock = threading.Lock()
_headers_digest = None


def get_include_dir():
    """Directory of the device headers that kernels include as ``<cupy/...>``."""
    return _INCLUDE_DIR


def get_cache_dir():
    """The disk cache directory: ``CUPY_CACHE_DIR`` or ``~/.cupy/kernel_cache``."""
    return _compiler_cache.default_cache_dir()


def _device_headers_digest():
    """sha256 over the paths and contents of every file under the device header directory."""
    global _headers_digest
    if _headers_digest is None:
        h = hashlib.sha256()
        for root, dirs, files in os.walk(_INCLUDE_DIR):
            dirs.sort()
            for fname in sorted(files):
                path = os.path.join(root, fname)
                h.update(os.path.relpath(path, _INCLUDE_DIR).encode() + b"\0")
                with open(path, "rb") as f:
                    h.update(f.read())
                h.update(b"\0")
        _headers_digest = h.hexdigest()
    return _headers_digest


def _cache_key(spec, backend, extra_source):
    h = hashlib.sha256()
    for part in (
        _KEY_VERSION,
        backend.name,
        backend.compiler_fingerprint(),
        _device_headers_digest(),
        spec.arch,
        repr(spec.options),
        repr(spec.name_expressions),
        extra_source or "",
        spec.source,
    ):
        data = part.encode("utf-8")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _nvrtc_check_mode():
    mode = os.environ.get("CUPY_NVRTC_CHECK", "0").strip().lower()
    if mode in ("", "0"):
        return None
    if mode not in ("1", "require"):
        raise ValueError(f"CUPY_NVRTC_CHECK must be 0, 1 or require, got {mode!r}")
    return mode


def _nvrtc_check(spec, mode):
    """Compile ``spec`` with NVRTC for the GPU target. True when it compiled, False when
    NVRTC is unavailable and ``mode`` allows skipping."""
    try:
        from cupy_backends.cuda._cuda_backend import compile_nvrtc
    except ImportError as e:
        if mode == "require":
            raise RuntimeError(f"CUPY_NVRTC_CHECK=require but NVRTC is unavailable: {e}") from e
        return False
    _stats["nvrtc_check"] += 1
    # ``-pch``: NVRTC keeps the parsed headers of one compile for the next ones in this
    # process, which makes checks of kernels sharing our headers several times cheaper.
    gpu_spec = ProgramSpec(spec.source, spec.name, tuple(spec.options) + ("-pch",),
                           spec.name_expressions, NVRTC_CHECK_ARCH)
    try:
        compile_nvrtc(gpu_spec)
    except CompileException:
        raise
    except Exception as e:  # NVRTC library missing or failing to load
        if mode == "require":
            raise RuntimeError(f"CUPY_NVRTC_CHECK=require but NVRTC is unavailable: {e}") from e
        return False
    return True


def _save(cache, key, entry, source):
    # An unwritable cache directory costs recompilation later, not a failure now.
    try:
        cache.save(key, entry, source)
    except OSError as e:
        warnings.warn(f"could not write the kernel cache in {cache.cache_dir}: {e}",
                      RuntimeWarning, stacklevel=4)


def _compile_program(spec, backend, cache_dir, extra_source, log_stream):
    """ObjectCode for ``spec`` from the disk cache or the compiler, NVRTC-checked if asked."""
    check = _nvrtc_check_mode() if backend.name != "cuda" else None
    cache = None
    if _compiler_cache.is_disk_cache_enabled():
        cache = _compiler_cache.DiskKernelCache(cache_dir)
        # Create it (mode 0700) before the backend compiles: backends may keep their own
        # files (e.g. host shared objects) under the same directory.
        try:
            os.makedirs(cache.cache_dir, mode=0o700, exist_ok=True)
        except OSError:
            pass    # reported when saving
    key = _cache_key(spec, backend, extra_source) if cache is not None else None

    entry = cache.load(key) if cache is not None else None
    if entry is not None:
        _stats["disk_hit"] += 1
        if check and not entry.meta.get("nvrtc_checked"):
            if _nvrtc_check(spec, check):
                entry = _compiler_cache.CacheEntry(entry.object_code,
                                                   dict(entry.meta, nvrtc_checked=True))
                _save(cache, key, entry, spec.source)
        code = entry.object_code
    else:
        _stats["compile"] += 1
        code = backend.compile(spec)
        if not isinstance(code, ObjectCode):
            raise TypeError(f"{type(backend).__name__}.compile returned {type(code).__name__}, "
                            "expected ObjectCode")
        checked = bool(check) and _nvrtc_check(spec, check)
        if cache is not None:
            _save(cache, key, _compiler_cache.CacheEntry(code, {"nvrtc_checked": checked}),
                  spec.source)
    if log_stream is not None and code.log:
        log_stream.write(code.log)
    return code


def _normalize_options(options):
    if isinstance(options, str):
        return (options,)
    options = tuple(options)
    for o in options:
        if not isinstance(o, str):
            raise TypeError(f"compiler options must be str, got {type(o).__name__}: {o!r}")
    return options


def check_compile_request(options, backend, translate_cucomplex, enable_cooperative_groups,
                          jitify):
    """Validate the compile arguments shared by compile_with_cache, RawKernel and RawModule;
    return the options as a tuple of str."""
    if backend not in ("nvrtc", "nvcc"):
        raise ValueError(f"backend must be 'nvrtc' or 'nvcc', got {backend!r}")
    if translate_cucomplex:
        raise NotImplementedError("translate_cucomplex is not supported")
    if enable_cooperative_groups:
        raise NotImplementedError("cooperative group launches are not supported")
    if jitify:
        raise NotImplementedError("jitify is not supported")
    return _normalize_options(options)


def compile_with_cache(source, options=(), arch=None, cache_dir=None, extra_source=None,
                       backend="nvrtc", enable_cooperative_groups=False,
                       name_expressions=None, log_stream=None, jitify=False):
    """Compile CUDA C++ ``source`` for the current device and load it, reusing cached results.

    Args:
        source (str): CUDA C++ source code.
        options (tuple of str): compiler options in NVRTC spelling (``-DNAME=1``, ``-I...``,
            ``--std=c++17``); the target architecture is added from ``arch``.
        arch (str): target architecture (``'sm_90'``); the current device's by default.
        cache_dir (str): disk cache directory; ``CUPY_CACHE_DIR`` or ``~/.cupy/kernel_cache``
            by default.
        extra_source (str): extra text that only takes part in the cache key.
        backend (str): ``'nvrtc'`` (``'nvcc'`` is accepted and compiled the same way).
        enable_cooperative_groups (bool): not supported; must be False.
        name_expressions (sequence of str): C++ names of template kernels or variables to
            instantiate, e.g. ``'my_sum<float>'``; ``Module.get_function`` accepts them as is.
        log_stream: a file-like object that receives the compiler log, if any.
        jitify (bool): not supported; must be False.

    Returns:
        cupy.cuda.function.Module: the loaded module.

    Raises:
        CompileException: the source does not compile (the exception carries the log).

    Example:
        >>> mod = compile_with_cache('extern "C" __global__ void k(float* x) { x[0] = 1; }')
        >>> f = mod.get_function('k')
    """
    if not isinstance(source, str):
        raise TypeError(f"source must be str, got {type(source).__name__}")
    options = check_compile_request(options, backend, False, enable_cooperative_groups, jitify)
    names = tuple(name_expressions) if name_expressions is not None else ()
    for n in names:
        if not isinstance(n, str):
            raise TypeError(f"name_expressions must be str, got {type(n).__name__}: {n!r}")

    be = _backend.active()
    device = be.get_device()
    if arch is None:
        arch = be.target_arch(device)
    memo_key = (device, be.name, source, options, names, arch, extra_source)
    module = _memo.get(memo_key)
    if module is not None:
        _stats["memo_hit"] += 1
        return module

    spec = ProgramSpec(source=source, name="kernel.cu", options=options,
                       name_expressions=names, arch=arch)
    code = _compile_program(spec, be, cache_dir, extra_source, log_stream)
    module = Module()
    module.load(code)
    with _memo_lock:
        # Another thread may have finished first: keep one module per key.
        return _memo.setdefault(memo_key, module)
