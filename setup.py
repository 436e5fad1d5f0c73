"""Build script: Cython extensions of cupy/cupy_backends and the host device's C++ runtime.

No CUDA toolkit is needed to build: CUDA libraries are loaded at run time.
"""
import glob
import os
import sys

from setuptools import Extension, setup

ROOT = os.path.dirname(os.path.abspath(__file__))
PACKAGES_WITH_EXTENSIONS = ("cupy", "cupy_backends", "cupyx")
CXX_FLAGS = ["-std=c++17", "-O2", "-Wno-unused-function", "-Wno-deprecated-declarations"]


def _module_name(path):
    return os.path.splitext(os.path.relpath(path, ROOT))[0].replace(os.sep, ".")


def cython_extensions():
    from Cython.Build import cythonize

    pyx = []
    for pkg in PACKAGES_WITH_EXTENSIONS:
        pyx += glob.glob(os.path.join(ROOT, pkg, "**", "*.pyx"), recursive=True)
    only = os.environ.get("CUPY_BUILD_ONLY")  # comma-separated path prefixes, for quick rebuilds
    if only:
        prefixes = tuple(os.path.join(ROOT, x) for x in only.split(","))
        pyx = [p for p in pyx if p.startswith(prefixes)]
    exts = [
        Extension(
            _module_name(p),
            [os.path.relpath(p, ROOT)],
            language="c++",
            extra_compile_args=CXX_FLAGS,
            libraries=["dl"],
        )
        for p in sorted(pyx)
    ]
    return cythonize(
        exts,
        compiler_directives={"language_level": "3", "embedsignature": True},
        nthreads=int(os.environ.get("CUPY_NUM_BUILD_JOBS", "0")) or None,
    )


def host_runtime_extension():
    """The host device's launcher (thread pool, fibers, built-in TLS variables).

    Built as an extension module so that every install mode places it beside the package;
    it is dlopen'ed RTLD_GLOBAL by the host backend so that kernel modules bind to its symbols.
    """
    sources = sorted(glob.glob(os.path.join("cupy_backends", "host", "runtime", "*.cpp")))
    only = os.environ.get("CUPY_BUILD_ONLY")
    if not sources or (only and not any("cupy_backends/host".startswith(x.rstrip("/")) or x.startswith("cupy_backends/host") for x in only.split(","))):
        return []
    return [
        Extension(
            "cupy_backends.host._runtime",
            sources,
            language="c++",
            include_dirs=[os.path.join("cupy_backends", "host", "include")],
            extra_compile_args=CXX_FLAGS + ["-ftls-model=initial-exec", "-fno-omit-frame-pointer", "-pthread"],
            extra_link_args=["-pthread"],
        )
    ]


if sys.platform != "linux":
    raise RuntimeError("this package builds on Linux only")

setup(ext_modules=cython_extensions() + host_runtime_extension())
