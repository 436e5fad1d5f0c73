"""Runtime information for ``cupy.show_config()``: versions, backend, devices, libraries found."""
import os
import platform
import shutil
import subprocess
import sys

import numpy

# NVIDIA libraries looked up through cuda-pathfinder (the wheel/conda/system locator).
_LIBRARIES = ("nvrtc", "cublas", "cudnn", "cutensor", "curand", "cufft", "cusolver", "cusparse", "nvJitLink")


def _try(fn):
    try:
        return fn()
    except Exception as e:  # report, never fail: this is a diagnostic
        return f"unavailable ({type(e).__name__}: {str(e).splitlines()[0][:120] if str(e) else ''})"


def _library_path(name):
    from cuda import pathfinder
    try:
        return pathfinder.load_nvidia_dynamic_lib(name).abs_path
    except pathfinder.DynamicLibNotFoundError:
        return "not found"


def _nvrtc_version():
    from cupy_backends.cuda.libs import nvrtc
    major, minor = nvrtc.getVersion()
    return f"{major}.{minor}"


def _gxx_version():
    gxx = shutil.which(os.environ.get("CXX", "g++"))
    if gxx is None:
        return "not found"
    return subprocess.run([gxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]


def get_runtime_info():
    """Return an ordered list of ``(key, value)`` describing this installation."""
    import cupy
    from cupy.cuda import _backend

    info = [
        ("OS", platform.platform()),
        ("Python Version", platform.python_version()),
        ("CuPy Version", cupy.__version__),
        ("CuPy Platform", "NVIDIA CUDA"),
        ("NumPy Version", numpy.__version__),
        ("Backend", _try(_backend.get_backend_name)),
        ("CUPY_BACKEND", os.environ.get("CUPY_BACKEND")),
        ("CUPY_CACHE_DIR", os.environ.get("CUPY_CACHE_DIR", os.path.expanduser("~/.cupy/kernel_cache"))),
    ]
    backend = _try(_backend.active)
    if isinstance(backend, str):
        info.append(("Device", backend))
    else:
        versions = _try(backend.versions)
        driver, runtime = versions if isinstance(versions, tuple) else (versions, versions)
        info += [("Driver Version", driver), ("Runtime Version", runtime),
                 ("Device Count", _try(backend.device_count))]
        count = _try(backend.device_count)
        for dev in range(count if isinstance(count, int) else 0):
            props = _try(lambda: backend.device_properties(dev))
            if isinstance(props, dict):
                info.append((f"Device {dev} Name", props["name"]))
                info.append((f"Device {dev} Compute Capability", f"{props['major']}{props['minor']}"))
                info.append((f"Device {dev} Target", _try(lambda: backend.target_arch(dev))))
    info.append(("NVRTC Version", _try(_nvrtc_version)))
    for lib in _LIBRARIES:
        info.append((f"{lib} Library", _try(lambda: _library_path(lib))))
    info.append(("Host C++ Compiler", _try(_gxx_version)))
    return info


def show_config(file=None):
    """Print the runtime configuration (versions, backend, devices, libraries found)."""
    file = file or sys.stdout
    rows = get_runtime_info()
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        file.write(f"{k:<{width}}  : {v}\n")
