"""cuFFT bindings. Loading and symbol resolution need only the library (``nvidia-cufft``);
plans need a CUDA device."""
import pickle

import numpy
import pytest

from cupy_backends.cuda._cuda_backend import is_available
from cupy_backends.cuda._softlink import MISSING_STATUS
from cupy_backends.cuda.libs import cufft

needs_cufft = pytest.mark.skipif(not cufft.is_available(), reason="cuFFT not installed")
needs_gpu = pytest.mark.skipif(not (is_available() and cufft.is_available()),
                               reason="no CUDA device")


def test_import_never_fails_and_availability_is_a_bool():
    assert cufft.is_available() in (True, False)


def test_unavailable_library_raises_runtime_error():
    if cufft.is_available():
        pytest.skip("cuFFT is installed")
    with pytest.raises(RuntimeError, match="cuFFT is not available"):
        cufft.create()
    with pytest.raises(RuntimeError, match="cuFFT is not available"):
        cufft.getVersion()


def test_error_class():
    e = cufft.CUFFTError(cufft.CUFFT_INVALID_SIZE, "cufftMakePlanMany64")
    assert e.name == "CUFFT_INVALID_SIZE" and "cufftMakePlanMany64" in str(e)
    assert isinstance(e, RuntimeError)
    e2 = pickle.loads(pickle.dumps(e))
    assert (e2.status, e2.call) == (e.status, e.call)
    missing = cufft.CUFFTError(MISSING_STATUS, "cufftMakePlanMany64")
    assert missing.name == "CUFFT_MISSING_SYMBOL" and "too old" in str(missing)
    assert cufft.CUFFTError(999).name == "CUFFT_STATUS_999"
    with pytest.raises(cufft.CUFFTError, match="CUFFT_INVALID_PLAN"):
        cufft.check_status(cufft.CUFFT_INVALID_PLAN, "cufftExecC2C")
    cufft.check_status(0)


@pytest.mark.parametrize("status,name", [
    (0, "CUFFT_SUCCESS"), (1, "CUFFT_INVALID_PLAN"), (2, "CUFFT_ALLOC_FAILED"),
    (4, "CUFFT_INVALID_VALUE"), (5, "CUFFT_INTERNAL_ERROR"), (6, "CUFFT_EXEC_FAILED"),
    (8, "CUFFT_INVALID_SIZE"), (11, "CUFFT_INVALID_DEVICE"), (13, "CUFFT_NO_WORKSPACE"),
    (16, "CUFFT_NOT_SUPPORTED")])
def test_status_names(status, name):
    assert cufft.CUFFTError.status_name(status) == name


def test_constants():
    assert (cufft.CUFFT_C2C, cufft.CUFFT_Z2Z, cufft.CUFFT_R2C, cufft.CUFFT_D2Z,
            cufft.CUFFT_C2R, cufft.CUFFT_Z2D) == (0x29, 0x69, 0x2a, 0x6a, 0x2c, 0x6c)
    assert (cufft.CUFFT_FORWARD, cufft.CUFFT_INVERSE) == (-1, 1)


def test_rank_is_checked_before_loading():
    with pytest.raises(ValueError, match="rank 1 to 3"):
        cufft.makePlanMany64(0, [2, 2, 2, 2], [2, 2, 2, 2], 1, 16, [2, 2, 2, 2], 1, 16,
                             cufft.CUFFT_C2C, 1)
    with pytest.raises(ValueError):
        cufft.makePlanMany(0, [4], [4, 4], 1, 4, [4], 1, 4, cufft.CUFFT_C2C, 1)


@needs_cufft
def test_symbols_resolve_and_version():
    link = cufft.library()
    for name in ("cufftCreate", "cufftDestroy", "cufftSetStream", "cufftSetAutoAllocation",
                 "cufftSetWorkArea", "cufftMakePlanMany", "cufftMakePlanMany64",
                 "cufftExecC2C", "cufftExecZ2Z", "cufftExecR2C", "cufftExecD2Z",
                 "cufftExecC2R", "cufftExecZ2D", "cufftGetVersion"):
        assert link.has(name), name
    assert cufft.getVersion() >= 10000
    assert cufft.getProperty(cufft.MAJOR_VERSION) >= 10


@needs_cufft
def test_create_without_device_raises():
    if is_available():
        pytest.skip("a CUDA device is present")
    with pytest.raises(cufft.CUFFTError):
        cufft.create()


@needs_gpu
class TestOnDevice:

    @pytest.fixture
    def plan(self):
        import cupy
        assert cupy.cuda.get_backend_name() == "cuda"
        h = cufft.create()
        yield h
        cufft.destroy(h)

    def test_c2c_plan(self, plan):
        import cupy
        cufft.setAutoAllocation(plan, False)
        work = cufft.makePlanMany64(plan, [8], [8], 1, 8, [8], 1, 8, cufft.CUFFT_Z2Z, 2)
        a = numpy.arange(16, dtype=numpy.complex128).reshape(2, 8)
        x = cupy.asarray(a)
        y = cupy.empty_like(x)
        w = cupy.empty(max(work, 1), numpy.uint8)
        cufft.setWorkArea(plan, w.data.ptr)
        cufft.setStream(plan, cupy.cuda.get_current_stream().ptr)
        cufft.execZ2Z(plan, x.data.ptr, y.data.ptr, cufft.CUFFT_FORWARD)
        numpy.testing.assert_allclose(y.get(), numpy.fft.fft(a), atol=1e-10)

    def test_r2c_c2r_plans(self, plan):
        import cupy
        cufft.makePlanMany(plan, [6], [6], 1, 6, [4], 1, 4, cufft.CUFFT_D2Z, 1)
        a = numpy.arange(6, dtype=numpy.float64)
        x = cupy.asarray(a)
        y = cupy.empty(4, numpy.complex128)
        cufft.execD2Z(plan, x.data.ptr, y.data.ptr)
        numpy.testing.assert_allclose(y.get(), numpy.fft.rfft(a), atol=1e-10)
        back = cufft.create()
        try:
            cufft.makePlanMany(back, [6], [4], 1, 4, [6], 1, 6, cufft.CUFFT_Z2D, 1)
            z = cupy.empty(6)
            cufft.execZ2D(back, y.data.ptr, z.data.ptr)
            numpy.testing.assert_allclose(z.get() / 6, a, atol=1e-10)
        finally:
            cufft.destroy(back)

    def test_invalid_size_raises(self, plan):
        with pytest.raises(cufft.CUFFTError):
            cufft.makePlanMany64(plan, [0], [0], 1, 1, [0], 1, 1, cufft.CUFFT_C2C, 1)
