"""Dense factorizations on the host device: LAPACK (through SciPy) over views of the buffers.

Host "device memory" is ordinary host memory, so each column-major matrix at a device pointer
is wrapped as a Fortran-ordered ``numpy.ndarray`` without copying (``_blas._view``), handed to
SciPy's LAPACK wrappers, and the results are written straight back into the caller's buffers.

The functions follow cuSOLVER's conventions (see ``cupy._core._solver``, which validates the
arguments) so that one code path above the boundary serves both backends: column-major
matrices with leading dimensions and batch strides in elements, packed per-matrix vectors,
1-based ``int32`` pivots, and one ``int32`` status per matrix in ``info`` instead of
exceptions. Batches loop over the matrices.

SVDs use LAPACK's divide-and-conquer ``gesdd`` (NumPy's choice); it computes the same
factorization as cuSOLVER's ``gesvd`` (vectors are unique up to phase either way).

``geev`` returns LAPACK's real-type ``wr``/``wi`` for real matrices; they are written into the
complex ``w`` that cuSOLVER's ``Xgeev`` fills, so callers see one layout.
"""
import numpy

from cupy_backends.host._blas import _view

_lapack = None


def _lib():
    global _lapack
    if _lapack is None:
        try:
            from scipy.linalg import lapack
        except ImportError as e:  # pragma: no cover - SciPy is a test dependency
            raise RuntimeError("the host device's linear algebra needs SciPy "
                               "(pip install scipy)") from e
        _lapack = lapack
    return _lapack


_PREFIX = {"f": "s", "d": "d", "F": "c", "D": "z"}


def _func(name, dtype):
    return getattr(_lib(), _PREFIX[dtype.char] + name)


def _mat(ptr, i, stride, rows, cols, ld, dtype, readonly=False):
    """Matrix ``i`` of a column-major batch as a (rows, cols) view."""
    return _view(ptr + i * stride * dtype.itemsize, (rows, cols), (1, ld), dtype, readonly)


def _vec(ptr, i, length, dtype, readonly=False):
    """Vector ``i`` of a packed batch."""
    return _view(ptr + i * length * dtype.itemsize, (length,), (1,), dtype, readonly)


def _info(info, batch):
    return _view(info, (batch,), (1,), numpy.dtype(numpy.int32))


def _real(dtype):
    return numpy.dtype(dtype.char.lower())


def _complex(dtype):
    return numpy.dtype(dtype.char.upper())


def getrf(m, n, a, lda, stride_a, ipiv, info, batch, dtype):
    """LU with partial pivoting in place; pivots 1-based (``cupy._core._solver.getrf``)."""
    if batch <= 0 or m <= 0 or n <= 0:
        return
    f, k, st = _func("getrf", dtype), min(m, n), _info(info, batch)
    i32 = numpy.dtype(numpy.int32)
    for i in range(batch):
        am = _mat(a, i, stride_a, m, n, lda, dtype)
        lu, piv, st[i] = f(am)
        am[...] = lu
        # SciPy's wrapper returns 0-based pivots; cuSOLVER's and LAPACK's are 1-based.
        _vec(ipiv, i, k, i32)[...] = piv + 1


def getrs(trans, n, nrhs, a, lda, stride_a, ipiv, b, ldb, stride_b, info, batch, dtype):
    """Solves ``op(A) X = B`` from getrf's output (``cupy._core._solver.getrs``)."""
    if batch <= 0 or n <= 0 or nrhs <= 0:
        return
    f, st = _func("getrs", dtype), _info(info, batch)
    code = {"N": 0, "T": 1, "C": 2}[trans]
    i32 = numpy.dtype(numpy.int32)
    for i in range(batch):
        lu = _mat(a, i, stride_a, n, n, lda, dtype, readonly=True)
        piv = _vec(ipiv, i, n, i32, readonly=True) - 1
        bm = _mat(b, i, stride_b, n, nrhs, ldb, dtype)
        x, st[i] = f(lu, piv, bm, trans=code)
        bm[...] = x


def potrf(uplo, n, a, lda, stride_a, info, batch, dtype):
    """Cholesky factor in the ``uplo`` triangle (``cupy._core._solver.potrf``)."""
    if batch <= 0 or n <= 0:
        return
    f, st = _func("potrf", dtype), _info(info, batch)
    for i in range(batch):
        am = _mat(a, i, stride_a, n, n, lda, dtype)
        # clean=0: the other triangle keeps its values, as in cuSOLVER.
        c, st[i] = f(am, lower=uplo == "L", clean=0)
        am[...] = c


def geqrf(m, n, a, lda, stride_a, tau, info, batch, dtype):
    """Householder QR in place (``cupy._core._solver.geqrf``)."""
    if batch <= 0 or m <= 0 or n <= 0:
        return
    f, k, st = _func("geqrf", dtype), min(m, n), _info(info, batch)
    for i in range(batch):
        am = _mat(a, i, stride_a, m, n, lda, dtype)
        qr, t, _, st[i] = f(am)
        am[...] = qr
        _vec(tau, i, k, dtype)[...] = t


def orgqr(m, n, k, a, lda, stride_a, tau, info, batch, dtype):
    """The first ``n`` columns of Q (``cupy._core._solver.orgqr``)."""
    if batch <= 0 or m <= 0 or n <= 0 or k <= 0:
        return
    name = "ungqr" if dtype.kind == "c" else "orgqr"
    f, st = _func(name, dtype), _info(info, batch)
    for i in range(batch):
        am = _mat(a, i, stride_a, m, n, lda, dtype)
        q, _, st[i] = f(am, _vec(tau, i, k, dtype, readonly=True))
        am[...] = q


def gesvd(jobu, jobvt, m, n, a, lda, stride_a, s, u, ldu, stride_u, vt, ldvt, stride_vt,
          info, batch, dtype):
    """``A = U diag(s) VT`` (``cupy._core._solver.gesvd``)."""
    if batch <= 0 or m <= 0 or n <= 0:
        return
    f, st = _func("gesdd", dtype), _info(info, batch)
    vectors = jobu != "N"
    full = jobu == "A"
    ucols = m if full else n
    for i in range(batch):
        am = _mat(a, i, stride_a, m, n, lda, dtype)
        uu, ss, vv, st[i] = f(am, compute_uv=vectors, full_matrices=full)
        _vec(s, i, n, _real(dtype))[...] = ss
        if vectors:
            _mat(u, i, stride_u, m, ucols, ldu, dtype)[...] = uu
            _mat(vt, i, stride_vt, n, n, ldvt, dtype)[...] = vv


def syevd(jobz, uplo, n, a, lda, stride_a, w, info, batch, dtype):
    """Hermitian eigenproblem (``cupy._core._solver.syevd``)."""
    if batch <= 0 or n <= 0:
        return
    name = "heevd" if dtype.kind == "c" else "syevd"
    f, st = _func(name, dtype), _info(info, batch)
    vectors = jobz == "V"
    for i in range(batch):
        am = _mat(a, i, stride_a, n, n, lda, dtype)
        ww, v, st[i] = f(am, compute_v=vectors, lower=uplo == "L")
        _vec(w, i, n, _real(dtype))[...] = ww
        if vectors:
            am[...] = v


def geev(jobvr, n, a, lda, stride_a, w, vr, ldvr, stride_vr, info, batch, dtype):
    """General eigenproblem, right eigenvectors only (``cupy._core._solver.geev``)."""
    if batch <= 0 or n <= 0:
        return
    f, st = _func("geev", dtype), _info(info, batch)
    vectors = jobvr == "V"
    cdtype = _complex(dtype)
    for i in range(batch):
        # A is destroyed by contract, so SciPy may work in it instead of a copy.
        am = _mat(a, i, stride_a, n, n, lda, dtype)
        wv = _vec(w, i, n, cdtype)
        if dtype.kind == "c":
            ww, _, v, st[i] = f(am, compute_vl=0, compute_vr=int(vectors), overwrite_a=1)
            wv[...] = ww
        else:
            wr, wi, _, v, st[i] = f(am, compute_vl=0, compute_vr=int(vectors), overwrite_a=1)
            wv.real = wr
            wv.imag = wi
        if vectors:
            _mat(vr, i, stride_vr, n, n, ldvr, dtype)[...] = v
