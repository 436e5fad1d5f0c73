"""The solver boundary: dense factorizations on device pointers, one interface for every backend.

Everything above this module (``cupy.linalg``) calls the functions here and never asks which
backend is active; this module is the one place that does. On the cuda backend the calls go to
cuSOLVER (``cupy_backends.cuda.libs.cusolver``) through the adapter below; on the host backend
to LAPACK over zero-copy views of the buffers (``cupy_backends.host._lapack``).

Conventions are cuSOLVER's (and LAPACK's):

* matrices are column-major with leading dimensions ``ld*`` (elements) and are overwritten in
  place; ``batch`` matrices lie ``stride_*`` elements apart;
* per-matrix vectors (pivots, ``tau``, singular values, eigenvalues) are packed: matrix ``i``'s
  vector starts at element ``i * length``; pivots are 1-based ``int32``; singular values and
  eigenvalues have the real type of ``dtype``;
* ``info`` points to ``batch`` ``int32`` on the device, one status per matrix: 0 for success,
  ``-i`` when argument ``i`` was illegal, positive for a numerical failure (exactly zero pivot,
  non-positive-definite minor, no convergence), as LAPACK defines it per routine. Nothing here
  raises for a numerical failure: the caller reads ``info``. Empty problems leave it untouched;
* flags are characters: ``trans`` 'N'/'T'/'C', ``uplo`` 'L'/'U', ``jobz`` and ``jobvr``
  'N'/'V', ``jobu`` and ``jobvt`` 'A'/'S'/'N';
* ``dtype`` is float32, float64, complex64 or complex128 (``SUPPORTED``). Work is ordered on the
  current stream.

Example:
    >>> a = cupy.array([[4., 2.], [2., 3.]])       # symmetric: column-major == row-major
    >>> info = cupy.zeros(1, numpy.int32)
    >>> potrf('L', 2, a.data.ptr, 2, 4, info.data.ptr, 1, a.dtype)
    >>> a.T                                          # the lower factor (upper left as it was)
    array([[2.        , 2.        ],
           [1.        , 1.41421356]])
"""
import threading

import numpy

from cupy._core._per_backend import PerBackend

SUPPORTED = frozenset(numpy.dtype(c) for c in "fdFD")


def _make_host():
    from cupy_backends.host import _lapack as host_lapack
    return host_lapack


# The implementation for the active backend (chosen once, on first use).
_backend = PerBackend(lambda: _CusolverSolver(), _make_host)


def _check_dtype(dtype):
    dtype = numpy.dtype(dtype)
    if dtype not in SUPPORTED:
        raise TypeError(f"the dense solvers do not support {dtype}")
    return dtype


def _check_flag(name, value, allowed):
    if value not in allowed:
        raise ValueError(f"{name} must be one of {allowed}, got {value!r}")


def getrf(m, n, a, lda, stride_a, ipiv, info, batch, dtype):
    """LU with partial pivoting ``A = P L U`` in place; ``min(m, n)`` pivots per matrix."""
    _backend().getrf(m, n, a, lda, stride_a, ipiv, info, batch, _check_dtype(dtype))


def getrs(trans, n, nrhs, a, lda, stride_a, ipiv, b, ldb, stride_b, info, batch, dtype):
    """Solves ``op(A) X = B`` with getrf's factors (n x n) and pivots; X overwrites B."""
    _check_flag("trans", trans, ("N", "T", "C"))
    _backend().getrs(trans, n, nrhs, a, lda, stride_a, ipiv, b, ldb, stride_b, info, batch,
                     _check_dtype(dtype))


def potrf(uplo, n, a, lda, stride_a, info, batch, dtype):
    """Cholesky factor of the Hermitian positive definite A in its ``uplo`` triangle
    (``A = L L^H`` or ``U^H U``); the other triangle is left as it was."""
    _check_flag("uplo", uplo, ("L", "U"))
    _backend().potrf(uplo, n, a, lda, stride_a, info, batch, _check_dtype(dtype))


def geqrf(m, n, a, lda, stride_a, tau, info, batch, dtype):
    """Householder QR in place: R on and above the diagonal, the reflectors below it and
    their ``min(m, n)`` scalars in ``tau``."""
    _backend().geqrf(m, n, a, lda, stride_a, tau, info, batch, _check_dtype(dtype))


def orgqr(m, n, k, a, lda, stride_a, tau, info, batch, dtype):
    """The first ``n`` columns of Q (m x n, ``0 < k <= n <= m``) from ``k`` reflectors that
    geqrf left in A's first ``k`` columns and in ``tau`` (``k`` per matrix); overwrites A.
    (``ungqr`` for complex types.)"""
    if not 0 < k <= n <= m:
        # k == 0 (Q = I) is not accepted by every cuSOLVER version: callers build I.
        raise ValueError(f"orgqr needs 0 < k <= n <= m, got m={m}, n={n}, k={k}")
    _backend().orgqr(m, n, k, a, lda, stride_a, tau, info, batch, _check_dtype(dtype))


def gesvd(jobu, jobvt, m, n, a, lda, stride_a, s, u, ldu, stride_u, vt, ldvt, stride_vt,
          info, batch, dtype):
    """``A = U diag(s) VT`` for ``m >= n`` (cuSOLVER's restriction, kept for both backends);
    destroys A. ``jobu``/``jobvt``: 'A' all m (n) columns of U (rows of VT), 'S' the first
    ``n``, 'N' none (``u``/``vt`` are then not touched); both 'N' or neither."""
    _check_flag("jobu", jobu, ("A", "S", "N"))
    _check_flag("jobvt", jobvt, ("A", "S", "N"))
    if (jobu == "N") != (jobvt == "N"):
        raise ValueError("gesvd computes both or neither sets of singular vectors")
    if m < n:
        raise ValueError(f"gesvd needs m >= n, got m={m}, n={n}")
    _backend().gesvd(jobu, jobvt, m, n, a, lda, stride_a, s, u, ldu, stride_u, vt, ldvt,
                     stride_vt, info, batch, _check_dtype(dtype))


def geev(jobvr, n, a, lda, stride_a, w, vr, ldvr, stride_vr, info, batch, dtype):
    """Eigenvalues and, with ``jobvr == 'V'``, right eigenvectors of the general square A
    (destroyed); with 'N', ``vr`` is not touched (it may be 0).

    ``w`` (``n`` per matrix) has the *complex* type of ``dtype`` even for real A: a real A's
    complex eigenvalues come in adjacent conjugate pairs, the one with the positive imaginary
    part first. ``vr`` has ``dtype``; eigenvectors have unit 2-norm with the largest component
    real. For complex A the eigenvector of ``w[j]`` is column ``j``. For real A, so is that of
    a real ``w[j]``, while a pair ``w[j], w[j+1] = conj(w[j])`` shares columns ``j`` and
    ``j+1``: its vectors are ``vr[:, j] + i vr[:, j+1]`` and ``vr[:, j] - i vr[:, j+1]``
    (LAPACK's packing, which cuSOLVER keeps). ``info`` is positive when the QR algorithm did
    not converge."""
    _check_flag("jobvr", jobvr, ("N", "V"))
    if jobvr == "V" and ldvr < max(n, 1):
        raise ValueError(f"geev needs ldvr >= n, got n={n}, ldvr={ldvr}")
    _backend().geev(jobvr, n, a, lda, stride_a, w, vr, ldvr, stride_vr, info, batch,
                    _check_dtype(dtype))


def syevd(jobz, uplo, n, a, lda, stride_a, w, info, batch, dtype):
    """Eigenvalues (ascending, in ``w``) of the Hermitian A read from its ``uplo`` triangle;
    with ``jobz == 'V'`` the orthonormal eigenvectors overwrite A's columns. (``heevd`` for
    complex types.)"""
    _check_flag("jobz", jobz, ("N", "V"))
    _check_flag("uplo", uplo, ("L", "U"))
    _backend().syevd(jobz, uplo, n, a, lda, stride_a, w, info, batch, _check_dtype(dtype))


# --- cuSOLVER --------------------------------------------------------------------------------

_INT_MAX = 2**31 - 1


def _ints(*values):
    # cuSOLVER's legacy entry points take 32-bit sizes; larger problems would be truncated.
    for v in values:
        if v > _INT_MAX:
            raise ValueError(f"matrix dimension {v} exceeds cuSOLVER's 32-bit interface")


class _CusolverSolver:
    """cuSOLVER behind the boundary: one handle per (thread, device), bound to the current
    stream at each call. cuSOLVER's dense routines take one matrix, so batches loop on the
    host; each call's workspace comes from the memory pool and is reused across the batch."""

    _REAL = {"f": "f", "d": "d", "F": "f", "D": "d"}
    _COMPLEX = {"f": "F", "d": "D", "F": "F", "D": "D"}

    def __init__(self):
        from cupy_backends.cuda.libs import cusolver
        self._lib = cusolver
        self._local = threading.local()
        lib = cusolver
        self._ops = {"N": lib.CUBLAS_OP_N, "T": lib.CUBLAS_OP_T, "C": lib.CUBLAS_OP_C}
        self._fill = {"L": lib.CUBLAS_FILL_MODE_LOWER, "U": lib.CUBLAS_FILL_MODE_UPPER}
        self._eig = {"N": lib.CUSOLVER_EIG_MODE_NOVECTOR, "V": lib.CUSOLVER_EIG_MODE_VECTOR}
        self._cuda_type = {"f": lib.CUDA_R_32F, "d": lib.CUDA_R_64F, "F": lib.CUDA_C_32F,
                           "D": lib.CUDA_C_64F}

        def table(fmt, names=("s", "d", "c", "z")):
            return {t: getattr(lib, fmt.format(p)) for t, p in zip("fdFD", names)}

        self._getrf_bs, self._getrf = table("{}getrf_bufferSize"), table("{}getrf")
        self._getrs = table("{}getrs")
        self._potrf_bs, self._potrf = table("{}potrf_bufferSize"), table("{}potrf")
        self._geqrf_bs, self._geqrf = table("{}geqrf_bufferSize"), table("{}geqrf")
        qr = ("sorg", "dorg", "cung", "zung")
        self._orgqr_bs, self._orgqr = table("{}qr_bufferSize", qr), table("{}qr", qr)
        self._gesvd_bs, self._gesvd = table("{}gesvd_bufferSize"), table("{}gesvd")
        ev = ("ssy", "dsy", "che", "zhe")
        self._syevd_bs, self._syevd = table("{}evd_bufferSize", ev), table("{}evd", ev)

    def _handle(self):
        from cupy.cuda import device, get_current_stream
        handles = getattr(self._local, "handles", None)
        if handles is None:
            handles = self._local.handles = {}
        dev = device.get_device_id()
        h = handles.get(dev)
        if h is None:
            h = handles[dev] = self._lib.create()
        self._lib.setStream(h, get_current_stream().ptr)
        return h

    @staticmethod
    def _workspace(lwork, dtype):
        import cupy
        return cupy.empty(max(int(lwork), 1), dtype)

    def getrf(self, m, n, a, lda, stride_a, ipiv, info, batch, dtype):
        if batch <= 0 or m <= 0 or n <= 0:
            return
        _ints(m, n, lda)
        h, t, isz = self._handle(), dtype.char, dtype.itemsize
        work = self._workspace(self._getrf_bs[t](h, m, n, a, lda), dtype)
        k = min(m, n)
        for i in range(batch):
            self._getrf[t](h, m, n, a + i * stride_a * isz, lda, work.data.ptr,
                           ipiv + i * k * 4, info + i * 4)

    def getrs(self, trans, n, nrhs, a, lda, stride_a, ipiv, b, ldb, stride_b, info, batch,
              dtype):
        if batch <= 0 or n <= 0 or nrhs <= 0:
            return
        _ints(n, nrhs, lda, ldb)
        h, t, isz = self._handle(), dtype.char, dtype.itemsize
        op = self._ops[trans]
        for i in range(batch):
            self._getrs[t](h, op, n, nrhs, a + i * stride_a * isz, lda, ipiv + i * n * 4,
                           b + i * stride_b * isz, ldb, info + i * 4)

    def potrf(self, uplo, n, a, lda, stride_a, info, batch, dtype):
        if batch <= 0 or n <= 0:
            return
        _ints(n, lda)
        h, t, isz = self._handle(), dtype.char, dtype.itemsize
        fill = self._fill[uplo]
        lwork = self._potrf_bs[t](h, fill, n, a, lda)
        work = self._workspace(lwork, dtype)
        for i in range(batch):
            self._potrf[t](h, fill, n, a + i * stride_a * isz, lda, work.data.ptr, lwork,
                           info + i * 4)

    def geqrf(self, m, n, a, lda, stride_a, tau, info, batch, dtype):
        if batch <= 0 or m <= 0 or n <= 0:
            return
        _ints(m, n, lda)
        h, t, isz = self._handle(), dtype.char, dtype.itemsize
        lwork = self._geqrf_bs[t](h, m, n, a, lda)
        work = self._workspace(lwork, dtype)
        k = min(m, n)
        for i in range(batch):
            self._geqrf[t](h, m, n, a + i * stride_a * isz, lda, tau + i * k * isz,
                           work.data.ptr, lwork, info + i * 4)

    def orgqr(self, m, n, k, a, lda, stride_a, tau, info, batch, dtype):
        if batch <= 0 or m <= 0 or n <= 0:
            return
        _ints(m, n, lda)
        h, t, isz = self._handle(), dtype.char, dtype.itemsize
        lwork = self._orgqr_bs[t](h, m, n, k, a, lda, tau)
        work = self._workspace(lwork, dtype)
        for i in range(batch):
            self._orgqr[t](h, m, n, k, a + i * stride_a * isz, lda, tau + i * k * isz,
                           work.data.ptr, lwork, info + i * 4)

    def gesvd(self, jobu, jobvt, m, n, a, lda, stride_a, s, u, ldu, stride_u, vt, ldvt,
              stride_vt, info, batch, dtype):
        if batch <= 0 or m <= 0 or n <= 0:
            return
        _ints(m, n, lda, ldu, ldvt)
        h, t, isz = self._handle(), dtype.char, dtype.itemsize
        ssz = numpy.dtype(self._REAL[t]).itemsize
        lwork = self._gesvd_bs[t](h, m, n)
        work = self._workspace(lwork, dtype)
        vectors = jobu != "N"
        for i in range(batch):
            # rwork (the unconverged superdiagonal, complex only) is optional: 0.
            self._gesvd[t](h, jobu, jobvt, m, n, a + i * stride_a * isz, lda,
                           s + i * n * ssz, u + i * stride_u * isz if vectors else 0,
                           ldu, vt + i * stride_vt * isz if vectors else 0, ldvt,
                           work.data.ptr, lwork, 0, info + i * 4)

    def syevd(self, jobz, uplo, n, a, lda, stride_a, w, info, batch, dtype):
        if batch <= 0 or n <= 0:
            return
        _ints(n, lda)
        h, t, isz = self._handle(), dtype.char, dtype.itemsize
        wsz = numpy.dtype(self._REAL[t]).itemsize
        mode, fill = self._eig[jobz], self._fill[uplo]
        lwork = self._syevd_bs[t](h, mode, fill, n, a, lda, w)
        work = self._workspace(lwork, dtype)
        for i in range(batch):
            self._syevd[t](h, mode, fill, n, a + i * stride_a * isz, lda, w + i * n * wsz,
                           work.data.ptr, lwork, info + i * 4)

    def geev(self, jobvr, n, a, lda, stride_a, w, vr, ldvr, stride_vr, info, batch, dtype):
        if batch <= 0 or n <= 0:
            return
        # The 64-bit API (cusolverDnXgeev, the only general eigensolver): no 32-bit limit.
        import cupy
        lib, h, isz = self._lib, self._handle(), dtype.itemsize
        t = self._cuda_type[dtype.char]
        ct = numpy.dtype(self._COMPLEX[dtype.char])
        tw = self._cuda_type[ct.char]
        vectors = jobvr == "V"
        no_vl, mode_r = lib.CUSOLVER_EIG_MODE_NOVECTOR, self._eig[jobvr]
        params = lib.createParams()
        try:
            dev_bytes, host_bytes = lib.xgeev_bufferSize(
                h, params, no_vl, mode_r, n, t, a, lda, tw, w, t, 0, 1, t,
                vr if vectors else 0, ldvr, t)
            dev_work = cupy.empty(max(dev_bytes, 1), numpy.uint8)
            host_work = numpy.empty(max(host_bytes, 1), numpy.uint8)
            for i in range(batch):
                lib.xgeev(h, params, no_vl, mode_r, n, t, a + i * stride_a * isz, lda, tw,
                          w + i * n * ct.itemsize, t, 0, 1, t,
                          vr + i * stride_vr * isz if vectors else 0, ldvr, t,
                          dev_work.data.ptr, dev_bytes, host_work.ctypes.data, host_bytes,
                          info + i * 4)
            if host_bytes:
                # The host workspace must outlive the work queued on the stream.
                cupy.cuda.get_current_stream().synchronize()
        finally:
            lib.destroyParams(params)
