"""cuSOLVER Dense bindings. Loading and symbol resolution need only the library
(``nvidia-cusolver``); handles and factorizations need a CUDA device."""
import pickle

import numpy
import pytest

from cupy_backends.cuda._cuda_backend import is_available
from cupy_backends.cuda._softlink import MISSING_STATUS
from cupy_backends.cuda.libs import cusolver

needs_cusolver = pytest.mark.skipif(not cusolver.is_available(),
                                    reason="cuSOLVER not installed")
needs_gpu = pytest.mark.skipif(not (is_available() and cusolver.is_available()),
                               reason="no CUDA device")


def test_import_never_fails_and_availability_is_a_bool():
    assert cusolver.is_available() in (True, False)


def test_unavailable_library_raises_runtime_error():
    if cusolver.is_available():
        pytest.skip("cuSOLVER is installed")
    with pytest.raises(RuntimeError, match="cuSOLVER is not available"):
        cusolver.create()
    with pytest.raises(RuntimeError, match="cuSOLVER is not available"):
        cusolver.dgetrf(0, 1, 1, 0, 1, 0, 0, 0)


def test_missing_symbol_fails_only_that_call():
    # Xgeev needs cuSOLVER 11.7 (CUDA 12.6): an older library resolves it to a stub whose
    # call raises CUSOLVERError naming it, while the rest of the bindings work.
    assert callable(cusolver.xgeev) and callable(cusolver.xgeev_bufferSize)
    if not cusolver.is_available():
        return
    if cusolver.library().has("cusolverDnXgeev"):
        pytest.skip("this cuSOLVER has Xgeev")
    with pytest.raises(cusolver.CUSOLVERError, match="cusolverDnXgeev_bufferSize"):
        cusolver.xgeev_bufferSize(0, 0, 0, 1, 1, 1, 0, 1, 5, 0, 1, 0, 1, 1, 0, 1, 1)


def test_error_class():
    e = cusolver.CUSOLVERError(cusolver.CUSOLVER_STATUS_INVALID_VALUE, "cusolverDnSgetrf")
    assert e.name == "CUSOLVER_STATUS_INVALID_VALUE" and "cusolverDnSgetrf" in str(e)
    e2 = pickle.loads(pickle.dumps(e))
    assert (e2.status, e2.call) == (e.status, e.call)
    missing = cusolver.CUSOLVERError(MISSING_STATUS, "cusolverDnZheevd")
    assert missing.name == "CUSOLVER_STATUS_MISSING_SYMBOL" and "too old" in str(missing)
    assert cusolver.CUSOLVERError(999).name == "CUSOLVER_STATUS_999"
    with pytest.raises(cusolver.CUSOLVERError):
        cusolver.check_status(cusolver.CUSOLVER_STATUS_NOT_INITIALIZED, "cusolverDnCreate")
    cusolver.check_status(0)


@needs_cusolver
def test_symbols_resolve_and_version():
    link = cusolver.library()
    for name in ("cusolverDnCreate", "cusolverDnSetStream", "cusolverDnDgetrf",
                 "cusolverDnZgetrs", "cusolverDnCpotrf_bufferSize", "cusolverDnSgeqrf",
                 "cusolverDnZungqr", "cusolverDnDorgqr_bufferSize", "cusolverDnCgesvd",
                 "cusolverDnCheevd", "cusolverDnDsyevd_bufferSize"):
        assert link.has(name), name
    assert not link.missing or cusolver.getVersion() < 11700    # Xgeev: cuSOLVER 11.7
    assert cusolver.getProperty(cusolver.MAJOR_VERSION) >= 10
    assert cusolver.getVersion() >= 10000


@needs_cusolver
def test_create_without_device_raises():
    if is_available():
        pytest.skip("a CUDA device is present")
    with pytest.raises(cusolver.CUSOLVERError):
        cusolver.create()


@needs_gpu
class TestOnDevice:

    @pytest.fixture
    def handle(self):
        import cupy
        assert cupy.cuda.get_backend_name() == "cuda"
        h = cusolver.create()
        yield h
        cusolver.destroy(h)

    def test_stream(self, handle):
        import cupy
        s = cupy.cuda.Stream()
        cusolver.setStream(handle, s.ptr)
        assert cusolver.getStream(handle) == s.ptr

    @pytest.mark.parametrize("t", ["s", "d", "c", "z"])
    def test_getrf_getrs(self, handle, t):
        import cupy
        dtype = {"s": "f", "d": "d", "c": "F", "z": "D"}[t]
        a_host = numpy.array([[4, 1, 0], [1, 3, 1], [0, 2, 5]], dtype)
        a = cupy.asarray(a_host.T.copy())                # column-major
        b = cupy.asarray(numpy.array([1, 2, 3], dtype))
        ipiv = cupy.empty(3, numpy.int32)
        info = cupy.zeros(1, numpy.int32)
        lwork = getattr(cusolver, t + "getrf_bufferSize")(handle, 3, 3, a.data.ptr, 3)
        work = cupy.empty(max(lwork, 1), dtype)
        getattr(cusolver, t + "getrf")(handle, 3, 3, a.data.ptr, 3, work.data.ptr,
                                       ipiv.data.ptr, info.data.ptr)
        getattr(cusolver, t + "getrs")(handle, cusolver.CUBLAS_OP_N, 3, 1, a.data.ptr, 3,
                                       ipiv.data.ptr, b.data.ptr, 3, info.data.ptr)
        assert int(info.get()[0]) == 0
        numpy.testing.assert_allclose(a_host @ b.get(), [1, 2, 3], rtol=1e-5)

    def test_zero_pivot_reported_in_info(self, handle):
        import cupy
        a = cupy.zeros((2, 2))
        ipiv = cupy.empty(2, numpy.int32)
        info = cupy.zeros(1, numpy.int32)
        work = cupy.empty(max(cusolver.dgetrf_bufferSize(handle, 2, 2, a.data.ptr, 2), 1))
        cusolver.dgetrf(handle, 2, 2, a.data.ptr, 2, work.data.ptr, ipiv.data.ptr,
                        info.data.ptr)
        assert int(info.get()[0]) > 0

    def test_potrf(self, handle):
        import cupy
        a = cupy.asarray([[4.0, 2.0], [2.0, 3.0]])
        info = cupy.zeros(1, numpy.int32)
        lo = cusolver.CUBLAS_FILL_MODE_LOWER
        lwork = cusolver.dpotrf_bufferSize(handle, lo, 2, a.data.ptr, 2)
        work = cupy.empty(max(lwork, 1))
        cusolver.dpotrf(handle, lo, 2, a.data.ptr, 2, work.data.ptr, lwork, info.data.ptr)
        numpy.testing.assert_allclose(numpy.tril(a.get().T), [[2, 0], [1, numpy.sqrt(2)]])

    def test_geqrf_orgqr(self, handle):
        import cupy
        a_host = numpy.array([[3.0, 1.0], [4.0, 2.0], [0.0, 1.0]])
        a = cupy.asarray(a_host.T.copy())
        tau = cupy.empty(2)
        info = cupy.zeros(1, numpy.int32)
        lwork = cusolver.dgeqrf_bufferSize(handle, 3, 2, a.data.ptr, 3)
        work = cupy.empty(max(lwork, 1))
        cusolver.dgeqrf(handle, 3, 2, a.data.ptr, 3, tau.data.ptr, work.data.ptr, lwork,
                        info.data.ptr)
        r = numpy.triu(a.get().T[:2])
        lwork = cusolver.dorgqr_bufferSize(handle, 3, 2, 2, a.data.ptr, 3, tau.data.ptr)
        work = cupy.empty(max(lwork, 1))
        cusolver.dorgqr(handle, 3, 2, 2, a.data.ptr, 3, tau.data.ptr, work.data.ptr, lwork,
                        info.data.ptr)
        q = a.get().T
        numpy.testing.assert_allclose(q @ r, a_host, atol=1e-12)

    def test_gesvd(self, handle):
        import cupy
        a_host = numpy.array([[3.0, 0.0], [4.0, 5.0], [0.0, 0.0]])
        a = cupy.asarray(a_host.T.copy())
        s = cupy.empty(2)
        u = cupy.empty((3, 3))
        vt = cupy.empty((2, 2))
        info = cupy.zeros(1, numpy.int32)
        lwork = cusolver.dgesvd_bufferSize(handle, 3, 2)
        work = cupy.empty(max(lwork, 1))
        cusolver.dgesvd(handle, "A", "A", 3, 2, a.data.ptr, 3, s.data.ptr, u.data.ptr, 3,
                        vt.data.ptr, 2, work.data.ptr, lwork, 0, info.data.ptr)
        numpy.testing.assert_allclose(s.get(), numpy.linalg.svd(a_host, compute_uv=False))

    @pytest.mark.parametrize("t", ["d", "z"])
    def test_xgeev(self, handle, t):
        import cupy
        if not cusolver.library().has("cusolverDnXgeev"):
            pytest.skip("cuSOLVER older than 11.7")
        real = t == "d"
        dtype = numpy.float64 if real else numpy.complex128
        ta = cusolver.CUDA_R_64F if real else cusolver.CUDA_C_64F
        tw = cusolver.CUDA_C_64F
        a_host = numpy.array([[0, -1, 0], [1, 0, 0], [0, 0, 2]], dtype)
        a = cupy.asarray(a_host.T.copy())
        w = cupy.empty(3, numpy.complex128)
        vr = cupy.empty((3, 3), dtype)
        info = cupy.full(1, 7, numpy.int32)
        no, yes = cusolver.CUSOLVER_EIG_MODE_NOVECTOR, cusolver.CUSOLVER_EIG_MODE_VECTOR
        params = cusolver.createParams()
        try:
            dev, host = cusolver.xgeev_bufferSize(
                handle, params, no, yes, 3, ta, a.data.ptr, 3, tw, w.data.ptr, ta, 0, 1, ta,
                vr.data.ptr, 3, ta)
            dwork = cupy.empty(max(dev, 1), numpy.uint8)
            hwork = numpy.empty(max(host, 1), numpy.uint8)
            cusolver.xgeev(handle, params, no, yes, 3, ta, a.data.ptr, 3, tw, w.data.ptr, ta,
                           0, 1, ta, vr.data.ptr, 3, ta, dwork.data.ptr, dev,
                           hwork.ctypes.data, host, info.data.ptr)
            cupy.cuda.get_current_stream().synchronize()
        finally:
            cusolver.destroyParams(params)
        assert int(info.get()[0]) == 0
        numpy.testing.assert_allclose(numpy.sort_complex(w.get()), [-1j, 1j, 2], atol=1e-12)

    def test_heevd(self, handle):
        import cupy
        a_host = numpy.array([[2, 1j], [-1j, 2]])
        a = cupy.asarray(a_host.T.copy())
        w = cupy.empty(2)
        info = cupy.zeros(1, numpy.int32)
        mode, lo = cusolver.CUSOLVER_EIG_MODE_VECTOR, cusolver.CUBLAS_FILL_MODE_LOWER
        lwork = cusolver.zheevd_bufferSize(handle, mode, lo, 2, a.data.ptr, 2, w.data.ptr)
        work = cupy.empty(max(lwork, 1), numpy.complex128)
        cusolver.zheevd(handle, mode, lo, 2, a.data.ptr, 2, w.data.ptr, work.data.ptr, lwork,
                        info.data.ptr)
        numpy.testing.assert_allclose(w.get(), [1, 3])
