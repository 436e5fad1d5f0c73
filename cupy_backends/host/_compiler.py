"""The host device's compiler driver: CUDA C++ source -> a shared object run by the host runtime.

Pipeline of :func:`compile_program`:

1. reject constructs the host cannot run (:class:`HostNotSupportedError`);
2. find the non-template ``__global__`` kernels, rewrite ``extern __shared__`` arrays to the
   runtime's per-block dynamic shared memory, append one launch trampoline per kernel and name
   expression plus a table (``__cupy_host_kernels``) mapping names to trampolines and modes;
3. pick the mode: fibers when the source uses barriers or warp operations, else a plain loop;
4. run g++ with the prelude as a precompiled header (built once per prelude/flags/compiler);
5. a plain-mode object that still references barrier symbols (a barrier hidden in a header) is
   rebuilt in fiber mode.

The image is the bytes of the shared object; ``module_load`` needs nothing else.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import tempfile

from cupy_backends.host import HostNotSupportedError
from cupy_backends.program import CompileException, ObjectCode, ProgramSpec

_HERE = os.path.dirname(os.path.abspath(__file__))
INCLUDE_DIR = os.path.join(_HERE, "include")
CORE_INCLUDE_DIR = os.path.normpath(os.path.join(_HERE, "..", "..", "cupy", "_core", "include"))
_RUNTIME_DIR = os.path.join(_HERE, "runtime")

# -O1 (OPTIMIZE): compile time dominates for generated kernels and -O2 runs no faster, except
# where a kernel asks for vectorization (see _Options); no FMA contraction
# so results do not depend on the optimiser; -w: kernels are generated code.
# -fno-gnu-unique: function-local statics of inline functions (__shared__ variables of __device__
# helpers, say) would otherwise be STB_GNU_UNIQUE symbols, bound once per process and so shared by
# every module defining a function of the same name (see also __global__ in the prelude).
OPTIMIZE = "-O1"
BASE_FLAGS = ("-fPIC", "-fno-semantic-interposition", "-ffp-contract=off", "-fno-gnu-unique",
              "-w")
LINK_FLAGS = ("-shared", "-Wl,-Bsymbolic")
_PCH_HEADER = "cupy_host_pch.h"

MODE_PLAIN = 0
MODE_FIBERS = 1


def cache_dir() -> str:
    """``$CUPY_CACHE_DIR`` (default ``~/.cupy/kernel_cache``)."""
    return os.environ.get("CUPY_CACHE_DIR") or os.path.join(
        os.path.expanduser("~"), ".cupy", "kernel_cache")


def compiler() -> str:
    """The C++ compiler: ``$CUPY_HOST_CXX`` or ``g++``."""
    return os.environ.get("CUPY_HOST_CXX") or "g++"


@functools.lru_cache(maxsize=None)
def _compiler_version(cxx: str) -> str:
    try:
        out = subprocess.run([cxx, "--version"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        raise RuntimeError(f"the host backend needs a C++ compiler ({cxx!r}): {e}") from e
    return out.stdout.splitlines()[0].strip()


def _headers_digest() -> str:
    # Every header a kernel may see through the prelude or our include dirs, plus the runtime's
    # private ABI header: a change in any of them must invalidate cached objects and the PCH.
    h = hashlib.sha256()
    for root in (INCLUDE_DIR, CORE_INCLUDE_DIR, _RUNTIME_DIR):
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for fn in sorted(filenames):
                if not fn.endswith((".h", ".hpp", ".cuh", ".inl")):
                    continue
                path = os.path.join(dirpath, fn)
                h.update(os.path.relpath(path, root).encode())
                with open(path, "rb") as f:
                    h.update(f.read())
    return h.hexdigest()


def fingerprint() -> str:
    """Identifies everything besides the source that decides a compiled image."""
    return "g++-host; {}; headers {}; flags {}; cccl {}".format(
        _compiler_version(compiler()), _headers_digest()[:16], " ".join((OPTIMIZE,) + BASE_FLAGS + LINK_FLAGS),
        _cccl_include_dir())


# --- options -------------------------------------------------------------------------------
class _Options:
    """Compiler options translated from NVRTC spelling; NVRTC-only options are ignored."""

    def __init__(self, options):
        self.std = "c++17"
        self.optimize = OPTIMIZE
        self.flags = []        # -D / -U / -I / -include, in order
        for opt in options:
            opt = str(opt)
            if opt in ("--extra-device-vectorization", "-extra-device-vectorization"):
                # NVRTC's request for more aggressive vectorization: g++'s vectorizers run
                # from -O2.
                self.optimize = "-O2"
                continue
            m = re.fullmatch(r"--?std=(\S+)", opt)
            if m:
                # The prelude needs C++17; newer standards are honoured.
                if m.group(1) in ("c++20", "c++2a", "gnu++20", "c++23", "c++2b", "gnu++17"):
                    self.std = m.group(1)
                continue
            m = re.fullmatch(r"(?:-D|--define-macro=)(.+)", opt)
            if m:
                self.flags.append("-D" + m.group(1))
                continue
            m = re.fullmatch(r"(?:-U|--undefine-macro=)(.+)", opt)
            if m:
                self.flags.append("-U" + m.group(1))
                continue
            m = re.fullmatch(r"(?:-I|--include-path=)(.+)", opt)
            if m:
                self.flags.append("-I" + m.group(1))
                continue
            m = re.fullmatch(r"(?:-include=?|--pre-include=)(.+)", opt)
            if m:
                self.flags += ["-include", m.group(1)]
                continue
            # Anything else is an NVRTC code-generation option (-arch, --use_fast_math,
            # -lineinfo, -G, -rdc, -dopt, ...) with no meaning for g++.


# --- source analysis -----------------------------------------------------------------------
_COMMENT_OR_LITERAL = re.compile(
    r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _strip(source: str, literals: bool) -> str:
    """Comments (and, if ``literals``, string contents) replaced by spaces; offsets and line
    numbers are kept, so positions found in the result apply to ``source``."""

    def repl(m):
        s = m.group(0)
        if s.startswith("/"):
            return _blank(s)
        return s[0] + _blank(s[1:-1]) + s[-1] if literals else s

    return _COMMENT_OR_LITERAL.sub(repl, source)


_UNSUPPORTED = [
    (re.compile(r"\b(?:asm|__asm__|__asm)\s*(?:volatile\s*|__volatile__\s*)?\("), "inline PTX assembly (asm)"),
    (re.compile(r"#\s*include\s*[<\"]cooperative_groups"), "cooperative_groups"),
    (re.compile(r"\bcooperative_groups\s*::"), "cooperative_groups"),
    (re.compile(r"#\s*include\s*[<\"](?:cub|thrust)/"), "CUB/Thrust device algorithms"),
    (re.compile(r"\b(?:cub|thrust)\s*::"), "CUB/Thrust device algorithms"),
    (re.compile(r"<<<"), "dynamic parallelism (kernel launch in device code)"),
    (re.compile(r"\b(?:cudaTextureObject_t|cudaSurfaceObject_t|texture\s*<|surface\s*<|"
                r"tex[123]D\w*|tex1Dfetch|surf[123]D\w*)\b"), "texture/surface objects"),
]

_BARRIER_TOKENS = re.compile(
    r"\b(?:__syncthreads\w*|__syncwarp|__shfl\w*|__ballot\w*|__any_sync|__all_sync|__any|__all|"
    r"__activemask|__match\w*_sync|__reduce_\w+_sync)\b")
_BARRIER_SYMBOLS = re.compile(
    r"\b__cupy_host_(?:syncthreads\w*|warp_exchange|activemask)\b")

_GLOBAL_DECL = re.compile(
    r"__global__\s+(?:(?:void|static|inline|__noinline__|__forceinline__|"
    r"__launch_bounds__\s*\([^()]*\))\s*)*(\w+)\s*\(")
_TEMPLATE_BEFORE = re.compile(r"\btemplate\s*<")
_ALIGN = r"__align__\s*\((?:[^()]|\([^()]*\))*\)"
_DYN_SHARED = re.compile(
    r"extern\s+((?:" + _ALIGN + r"\s*)?)__shared__\s+([^;\[\]{}]+?)\s*(\b\w+)\s*\[\s*\]\s*;")
_NAMESPACE_OPEN = re.compile(r'(?:\bnamespace(?:\s+(\w+))?|\bextern\s*"C(?:\+\+)?")\s*$')


def check_supported(code: str) -> None:
    """Raises HostNotSupportedError if ``code`` (comment-free) uses an unsupported construct."""
    for pattern, what in _UNSUPPORTED:
        if pattern.search(code):
            raise HostNotSupportedError(f"{what} is not supported on the host backend")


def _scopes(code: str, literal_free: str):
    """For each offset of interest, whether it is inside a function body and the enclosing
    namespaces. Returns a function ``scope_at(offset) -> (in_function, [namespace names])``."""
    events = []   # (offset, stack snapshot)
    stack = []    # entries: namespace name ('' anonymous / extern "C"), or None for other braces
    for m in re.finditer(r"[{}]", literal_free):
        if m.group(0) == "{":
            head = _NAMESPACE_OPEN.search(code[max(0, m.start() - 200):m.start()])
            stack.append((head.group(1) or "") if head else None)
        elif stack:
            stack.pop()
        events.append((m.end(), tuple(stack)))

    def scope_at(offset):
        snap = ()
        lo, hi = 0, len(events)
        while lo < hi:            # last event at or before offset
            mid = (lo + hi) // 2
            if events[mid][0] <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo:
            snap = events[lo - 1][1]
        in_function = any(s is None for s in snap)
        return in_function, [s for s in snap if s]

    return scope_at


def _on_preprocessor_line(code: str, offset: int) -> bool:
    start = code.rfind("\n", 0, offset) + 1
    while start > 1 and code[start - 2] == "\\":     # continuation of a directive
        start = code.rfind("\n", 0, start - 1) + 1
    return code[start:offset].lstrip().startswith("#")


def find_kernels(code: str, scope_at) -> list:
    """Qualified names of the non-template ``__global__`` functions in ``code``."""
    names = []
    for m in _GLOBAL_DECL.finditer(code):
        if _on_preprocessor_line(code, m.start()):
            continue
        before = code[:m.start()]
        cut = max(before.rfind(";"), before.rfind("}"), before.rfind("{"))
        if _TEMPLATE_BEFORE.search(before[cut + 1:]):
            continue
        _, namespaces = scope_at(m.start())
        qual = "::".join(namespaces + [m.group(1)])
        if qual not in names:
            names.append(qual)
    return names


def rewrite_dynamic_shared(source: str, code: str, scope_at) -> str:
    """``extern __shared__ T a[];`` -> a pointer to this block's dynamic shared memory.

    Inside a function it becomes a local ``T* const``; at namespace scope a macro, since the
    buffer differs per pool thread and a namespace-scope variable would be bound once.
    """
    out = []
    pos = 0
    for m in _DYN_SHARED.finditer(code):
        if _on_preprocessor_line(code, m.start()):
            continue
        align, ctype, name = m.group(1), m.group(2), m.group(3)
        ctype = re.sub(_ALIGN, "", ctype).strip()
        in_function, _ = scope_at(m.start())
        if in_function:
            repl = f"{ctype}* const {name} = reinterpret_cast<{ctype}*>(__cupy_host_dynsmem);"
        else:
            repl = f"\n#define {name} (reinterpret_cast<{ctype}*>(__cupy_host_dynsmem))\n"
        out.append(source[pos:m.start()])
        out.append(repl)
        pos = m.end()
    out.append(source[pos:])
    return "".join(out)


class Translation:
    """The g++ translation unit generated from a ProgramSpec."""

    def __init__(self, spec: ProgramSpec):
        code = _strip(spec.source, literals=False)
        literal_free = _strip(spec.source, literals=True)
        check_supported(literal_free)
        scope_at = _scopes(code, literal_free)
        self.kernels = find_kernels(literal_free, scope_at)
        self.body = rewrite_dynamic_shared(spec.source, literal_free, scope_at)
        self.mode = MODE_FIBERS if _BARRIER_TOKENS.search(literal_free) else MODE_PLAIN
        # name shown to the user -> (exported table name, C++ expression)
        self.exports = {}
        for k in self.kernels:
            self.exports[k] = (k, k)
        self.lowered_names = {k: k for k in self.kernels}
        for i, expr in enumerate(spec.name_expressions):
            expr = str(expr)
            key = expr.strip()
            if key in self.exports:
                self.lowered_names[expr] = self.exports[key][0]
                continue
            sym = f"__cupy_host_expr{i}_" + re.sub(r"\W+", "_", key).strip("_")
            self.exports[expr] = (sym, key)
            self.lowered_names[expr] = sym

    def text(self, name: str, mode: int) -> str:
        fn = "__cupy_host_thread" if mode == MODE_FIBERS else "__cupy_host_block"
        rows = []
        for sym, expr in self.exports.values():
            target = f"&{expr}" if not expr.startswith("&") else expr
            ptr = f"&{fn}<{target}>"
            block, thread = ("nullptr", ptr) if mode == MODE_FIBERS else (ptr, "nullptr")
            rows.append(f'    {{"{sym}", {block}, {thread}, {mode}, '
                        f"cupy_host_detail::num_params({target})}},\n")
        name = name.replace("\\", "/").replace('"', "'")
        return (f'#line 1 "{name}"\n{self.body}\n'
                f'#line 1 "<host launch table of {name}>"\n'
                'extern "C" __attribute__((visibility("default")))\n'
                "const __cupy_host_kernel __cupy_host_kernels[] = {\n"
                + "".join(rows) + "    {nullptr, nullptr, nullptr, 0, 0}\n};\n")


# --- g++ -----------------------------------------------------------------------------------
_cccl_dir = None


def _cccl_include_dir():
    """CCCL's headers (cuda/std/complex, ...) from the nvidia-cuda-cccl wheel, or ''."""
    global _cccl_dir
    if _cccl_dir is None:
        _cccl_dir = ""
        try:
            from cuda import pathfinder
            _cccl_dir = pathfinder.find_nvidia_header_directory("cccl") or ""
        except Exception:  # not installed, or a pathfinder without this name
            pass
    return _cccl_dir


def _common_flags(std: str, optimize: str) -> list:
    # The precompiled prelude is built per optimization level: g++ may crash using a header
    # precompiled at another level.
    flags = [f"-std={std}", *BASE_FLAGS, optimize, "-I", INCLUDE_DIR, "-I", CORE_INCLUDE_DIR]
    if _cccl_include_dir():
        flags += ["-isystem", _cccl_include_dir()]
    return flags


def _pch_dir(std: str, optimize: str) -> str:
    """Directory holding the precompiled prelude for ``std``; built on first use.

    Built without ``-shared`` (with it g++ writes a shared object named .gch, silently unused),
    into a temporary directory renamed into place, so racing processes never see half a PCH.
    """
    cxx = compiler()
    key = hashlib.sha256("\0".join(
        [_compiler_version(cxx), _headers_digest(), *_common_flags(std, optimize)]).encode()
    ).hexdigest()[:32]
    root = os.path.join(cache_dir(), "host_pch")
    final = os.path.join(root, key)
    if os.path.exists(os.path.join(final, _PCH_HEADER + ".gch")):
        return final
    os.makedirs(root, mode=0o700, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=key + ".tmp", dir=root)
    try:
        header = os.path.join(tmp, _PCH_HEADER)
        with open(header, "w") as f:
            f.write('#include "cupy_host/prelude.h"\n')
            if _cccl_include_dir():
                # Complex kernels include CCCL's <cuda/std/complex>; parsing it costs more than
                # the rest of a typical kernel, so it is parsed once, here.
                f.write("#include <cuda/std/complex>\n")
        cmd = [cxx, *_common_flags(std, optimize), "-x", "c++-header", header, "-o",
               header + ".gch"]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError("building the host prelude failed:\n" + proc.stderr)
        try:
            os.rename(tmp, final)
        except OSError:
            if not os.path.exists(os.path.join(final, _PCH_HEADER + ".gch")):
                raise
    finally:
        if os.path.exists(tmp):
            shutil.rmtree(tmp, ignore_errors=True)
    return final


def _undefined_symbols(path: str) -> str:
    proc = subprocess.run(["nm", "-D", "--undefined-only", path], capture_output=True, text=True)
    return proc.stdout if proc.returncode == 0 else ""


def _build(tu: Translation, spec: ProgramSpec, opts: _Options, mode: int, workdir: str):
    src = os.path.join(workdir, f"kernel_{mode}.cpp")
    out = os.path.join(workdir, f"kernel_{mode}.so")
    with open(src, "w") as f:
        f.write(tu.text(spec.name, mode))
    pch = os.path.join(_pch_dir(opts.std, opts.optimize), _PCH_HEADER)
    cmd = [compiler(), *_common_flags(opts.std, opts.optimize), "-include", pch, *opts.flags,
           "-x", "c++", src, "-o", out, *LINK_FLAGS]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        log = proc.stderr.replace(src, spec.name)
        raise CompileException(log, spec.source, spec.name, spec.options, backend="g++")
    return out, proc.stderr


def compile_program(spec: ProgramSpec) -> ObjectCode:
    """Compile ``spec`` for the host device. See the module docstring."""
    if not isinstance(spec, ProgramSpec):
        raise TypeError(f"expected a ProgramSpec, got {type(spec).__name__}")
    opts = _Options(spec.options)
    tu = Translation(spec)
    with tempfile.TemporaryDirectory(prefix="cupy_host_") as workdir:
        path, log = _build(tu, spec, opts, tu.mode, workdir)
        if tu.mode == MODE_PLAIN and _BARRIER_SYMBOLS.search(_undefined_symbols(path)):
            # A barrier reached through a header the source scan cannot see.
            path, log = _build(tu, spec, opts, MODE_FIBERS, workdir)
        with open(path, "rb") as f:
            image = f.read()
    return ObjectCode(image=image, lowered_names=dict(tu.lowered_names), log=log, kind="host-so")
