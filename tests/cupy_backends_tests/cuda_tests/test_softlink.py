"""SoftLink: loading libraries at run time, and its failure modes."""
import ctypes
import os

import pytest

from cupy_backends.cuda._softlink import MISSING_STATUS, SoftLink


def test_system_loader_resolves_symbols():
    link = SoftLink("libc.so.6", system=True)
    assert link.available and link.error is None
    assert link.path == "libc.so.6"
    assert link.has("malloc")
    assert not link.has("cupy_no_such_symbol")


def test_nvidia_wheel_library_through_pathfinder():
    pytest.importorskip("cuda.pathfinder")
    link = SoftLink("nvrtc")
    if not link.available:
        pytest.skip(f"NVRTC not installed: {link.error}")
    assert os.path.isfile(link.path) and "nvrtc" in os.path.basename(link.path)
    assert link.has("nvrtcVersion")
    major, minor = ctypes.c_int(), ctypes.c_int()
    version = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(
        link.address("nvrtcVersion"))
    assert version(ctypes.byref(major), ctypes.byref(minor)) == 0
    assert major.value >= 12
    assert link.missing == set()


def test_missing_symbol_resolves_to_a_stub():
    link = SoftLink("libc.so.6", system=True)
    address = link.address("cupy_no_such_symbol")
    assert address != 0
    assert link.missing == {"cupy_no_such_symbol"}
    # The stub ignores its arguments and reports the missing symbol through its status.
    stub = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p)(address)
    assert stub(7, None) == MISSING_STATUS


def test_unavailable_library():
    link = SoftLink("libcupy_no_such_library.so.1", system=True)
    assert not link.available
    assert link.path is None
    assert "libcupy_no_such_library.so.1" in link.error
    assert not link.has("anything")
    with pytest.raises(RuntimeError, match="libcupy_no_such_library"):
        link.require()
    # Symbols of an unavailable library are stubs too: calling one cannot crash.
    stub = ctypes.CFUNCTYPE(ctypes.c_int)(link.address("anything"))
    assert stub() == MISSING_STATUS


def test_unknown_wheel_library_is_unavailable():
    pytest.importorskip("cuda.pathfinder")
    link = SoftLink("cupy_no_such_nvidia_library")
    assert not link.available
    assert "cupy_no_such_nvidia_library" in link.error


def test_mandatory_library_raises():
    with pytest.raises(RuntimeError, match="libcupy_no_such_library"):
        SoftLink("libcupy_no_such_library.so.1", system=True, mandatory=True)
