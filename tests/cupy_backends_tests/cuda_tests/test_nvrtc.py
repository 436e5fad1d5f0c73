"""NVRTC bindings: run without a GPU."""
import pytest

from cupy_backends.cuda._softlink import MISSING_STATUS
from cupy_backends.cuda.libs import nvrtc

pytestmark = pytest.mark.skipif(not nvrtc.is_available(), reason="NVRTC not installed")

KERNEL = 'extern "C" __global__ void fill(int* x) { x[threadIdx.x] = VALUE; }'


def test_version_and_archs():
    major, minor = nvrtc.getVersion()
    assert major >= 12 and minor >= 0
    archs = nvrtc.getSupportedArchs()
    assert 90 in archs
    assert list(archs) == sorted(set(archs))


def test_program_to_cubin():
    prog = nvrtc.Program(KERNEL, "fill.cu")
    assert prog.compile(["--gpu-architecture=sm_90", "-DVALUE=3"]) == nvrtc.NVRTC_SUCCESS
    cubin = prog.get_cubin()
    assert cubin[:4] == b"\x7fELF"
    assert int.from_bytes(cubin[18:20], "little") == 190   # e_machine: EM_CUDA


def test_program_to_ptx():
    prog = nvrtc.Program(KERNEL, "fill.cu")
    assert prog.compile(["--gpu-architecture=compute_90", "-DVALUE=3"]) == 0
    ptx = prog.get_ptx()
    assert ".target sm_90" in ptx and ".entry fill" in ptx


def test_in_memory_headers():
    source = '#include "value.h"\n' + KERNEL
    prog = nvrtc.Program(source, "fill.cu", headers=["#define VALUE 42\n"],
                         include_names=["value.h"])
    assert prog.compile(["--gpu-architecture=sm_90"]) == 0
    with pytest.raises(ValueError):
        nvrtc.Program(source, "fill.cu", headers=["#define VALUE 1\n"], include_names=[])


def test_name_expressions():
    source = "template <typename T> __global__ void twice(T* x) { x[0] *= 2; }"
    prog = nvrtc.Program(source, "twice.cu")
    prog.add_name_expression("twice<float>")
    prog.add_name_expression("twice<long long>")
    assert prog.compile(["--gpu-architecture=sm_90"]) == 0
    assert prog.get_lowered_name("twice<float>") == "_Z5twiceIfEvPT_"
    assert prog.get_lowered_name("twice<long long>") == "_Z5twiceIxEvPT_"
    with pytest.raises(nvrtc.NVRTCError) as info:
        prog.get_lowered_name("twice<int>")   # not registered before compiling
    assert info.value.name == "NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID"


def test_compile_error_is_a_status_with_a_log():
    prog = nvrtc.Program('extern "C" __global__ void k(int* x) { x[0] = nope; }', "bad.cu")
    assert prog.compile(["--gpu-architecture=sm_90"]) == nvrtc.NVRTC_ERROR_COMPILATION
    log = prog.get_log()
    assert "bad.cu" in log and '"nope"' in log


def test_invalid_option_is_a_status_with_a_log():
    prog = nvrtc.Program(KERNEL, "fill.cu")
    assert prog.compile(["--cupy-no-such-option"]) == nvrtc.NVRTC_ERROR_INVALID_OPTION
    assert "--cupy-no-such-option" in prog.get_log()


def test_errors_carry_the_status_name():
    assert nvrtc.check_status(0) is None
    with pytest.raises(nvrtc.NVRTCError) as info:
        nvrtc.check_status(nvrtc.NVRTC_ERROR_COMPILATION, "nvrtcCompileProgram")
    err = info.value
    assert (err.status, err.name, err.call) == (6, "NVRTC_ERROR_COMPILATION", "nvrtcCompileProgram")
    assert "NVRTC_ERROR_COMPILATION" in str(err) and "nvrtcCompileProgram" in str(err)
    with pytest.raises(nvrtc.NVRTCError, match="nvrtcSomething is not exported"):
        nvrtc.check_status(MISSING_STATUS, "nvrtcSomething")
