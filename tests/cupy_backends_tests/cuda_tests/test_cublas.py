"""cuBLAS bindings. Loading and symbol resolution need only the library (``nvidia-cublas``);
handles and products need a CUDA device."""
import pickle

import numpy
import pytest

from cupy_backends.cuda._cuda_backend import is_available
from cupy_backends.cuda._softlink import MISSING_STATUS
from cupy_backends.cuda.libs import cublas

needs_cublas = pytest.mark.skipif(not cublas.is_available(), reason="cuBLAS not installed")
needs_gpu = pytest.mark.skipif(not (is_available() and cublas.is_available()),
                               reason="no CUDA device")


def test_import_never_fails_and_availability_is_a_bool():
    assert cublas.is_available() in (True, False)


def test_unavailable_library_raises_runtime_error():
    if cublas.is_available():
        pytest.skip("cuBLAS is installed")
    with pytest.raises(RuntimeError, match="cuBLAS is not available"):
        cublas.create()


def test_error_class():
    e = cublas.CUBLASError(cublas.CUBLAS_STATUS_INVALID_VALUE, "cublasSgemm_v2")
    assert e.name == "CUBLAS_STATUS_INVALID_VALUE" and "cublasSgemm_v2" in str(e)
    e2 = pickle.loads(pickle.dumps(e))
    assert (e2.status, e2.call) == (e.status, e.call)
    missing = cublas.CUBLASError(MISSING_STATUS, "cublasGemmEx")
    assert missing.name == "CUBLAS_STATUS_MISSING_SYMBOL" and "too old" in str(missing)
    with pytest.raises(cublas.CUBLASError):
        cublas.check_status(cublas.CUBLAS_STATUS_NOT_INITIALIZED, "cublasCreate_v2")
    cublas.check_status(0)


@needs_cublas
def test_symbols_resolve_and_version():
    link = cublas.library()
    for name in ("cublasCreate_v2", "cublasSgemm_v2", "cublasZgemmStridedBatched",
                 "cublasGemmEx", "cublasGemmStridedBatchedEx", "cublasSetMathMode",
                 "cublasZdotc_v2", "cublasDgemv_v2"):
        assert link.has(name), name
    assert not link.missing
    assert cublas.getProperty(cublas.MAJOR_VERSION) >= 11


@needs_cublas
def test_create_without_device_raises():
    if is_available():
        pytest.skip("a CUDA device is present")
    with pytest.raises(cublas.CUBLASError):
        cublas.create()


@needs_gpu
class TestOnDevice:

    @pytest.fixture
    def handle(self):
        import cupy
        assert cupy.cuda.get_backend_name() == "cuda"
        h = cublas.create()
        yield h
        cublas.destroy(h)

    def test_handle_settings(self, handle):
        import cupy
        assert cublas.getVersion(handle) >= 11000
        s = cupy.cuda.Stream()
        cublas.setStream(handle, s.ptr)
        assert cublas.getStream(handle) == s.ptr
        cublas.setMathMode(handle, cublas.CUBLAS_TF32_TENSOR_OP_MATH)
        assert cublas.getMathMode(handle) & 0xF == cublas.CUBLAS_TF32_TENSOR_OP_MATH
        cublas.setPointerMode(handle, cublas.CUBLAS_POINTER_MODE_DEVICE)
        assert cublas.getPointerMode(handle) == cublas.CUBLAS_POINTER_MODE_DEVICE

    @pytest.mark.parametrize("dtype", ["f", "d", "F", "D"])
    def test_gemm(self, handle, dtype):
        import cupy
        a = cupy.asarray(numpy.arange(6).reshape(2, 3), dtype)
        b = cupy.asarray(numpy.arange(12).reshape(3, 4), dtype)
        c = cupy.empty((2, 4), dtype)
        one, zero = numpy.ones(1, dtype), numpy.zeros(1, dtype)
        f = {"f": cublas.sgemm, "d": cublas.dgemm, "F": cublas.cgemm, "D": cublas.zgemm}[dtype]
        # Row-major C = A B as column-major C^T = B^T A^T.
        f(handle, 0, 0, 4, 2, 3, one.ctypes.data, b.data.ptr, 4, a.data.ptr, 3,
          zero.ctypes.data, c.data.ptr, 4)
        numpy.testing.assert_allclose(c.get(), a.get() @ b.get(), rtol=1e-6)

    def test_gemm_ex_half(self, handle):
        import cupy
        a = cupy.ones((2, 8), numpy.float16)
        b = cupy.ones((8, 3), numpy.float16)
        c = cupy.empty((2, 3), numpy.float16)
        one, zero = numpy.ones(1, numpy.float32), numpy.zeros(1, numpy.float32)
        cublas.gemmEx(handle, 0, 0, 3, 2, 8, one.ctypes.data, b.data.ptr, cublas.CUDA_R_16F, 3,
                      a.data.ptr, cublas.CUDA_R_16F, 8, zero.ctypes.data, c.data.ptr,
                      cublas.CUDA_R_16F, 3, cublas.CUBLAS_COMPUTE_32F,
                      cublas.CUBLAS_GEMM_DEFAULT)
        numpy.testing.assert_array_equal(c.get(), numpy.full((2, 3), 8, numpy.float16))

    def test_dotc_device_result(self, handle):
        import cupy
        x = cupy.asarray([1 + 1j, 2j], numpy.complex128)
        y = cupy.asarray([1j, 1], numpy.complex128)
        r = cupy.empty((), numpy.complex128)
        cublas.setPointerMode(handle, cublas.CUBLAS_POINTER_MODE_DEVICE)
        cublas.zdotc(handle, 2, x.data.ptr, 1, y.data.ptr, 1, r.data.ptr)
        assert complex(r.get()) == numpy.vdot(x.get(), y.get())
