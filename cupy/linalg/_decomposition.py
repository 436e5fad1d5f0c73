"""Matrix decompositions: ``cholesky``, ``qr``, ``svd``, ``svdvals`` (the eigenvalue problems are
in :mod:`cupy.linalg._eigen`).

Each works on stacks of matrices ``(..., M, N)`` like NumPy 2: the input is copied once into a
column-major batch (``_util.column_major``), the dense solver (``cupy._core._solver``: cuSOLVER
on a GPU, LAPACK on the host device) factorizes it in place, and the results are read out of
the solver's buffers (C-ordered, like NumPy's). Types follow NumPy (``_util.linalg_type``); a
numerical failure raises ``LinAlgError`` with NumPy's message.
"""
import collections
import warnings

import cupy
from cupy._core import _solver
from cupy.linalg import _util
from cupy.linalg._eigen import eigh, eigvalsh

__all__ = ["cholesky", "qr", "svd", "svdvals"]

QRResult = collections.namedtuple("QRResult", ["Q", "R"])
SVDResult = collections.namedtuple("SVDResult", ["U", "S", "Vh"])


def cholesky(a, /, *, upper=False):
    """Cholesky decomposition of Hermitian positive-definite matrices.

    Returns ``L`` (lower triangular) with ``a = L @ L.conj().T``, or with ``upper=True`` the
    upper triangular ``U = L.conj().T``. Only the lower (upper) triangle of ``a`` is read.

    Args:
        a (cupy.ndarray): ``(..., M, M)`` Hermitian positive-definite matrices.
        upper (bool): return the upper factor instead of the lower one.

    Returns:
        cupy.ndarray: the factor, of ``a``'s type (float64 for integers).

    Raises:
        LinAlgError: a matrix is not positive definite, or not square.

    Example:
        >>> cupy.linalg.cholesky(cupy.array([[4., 2.], [2., 3.]]))
        array([[2.        , 0.        ],
               [1.        , 1.41421356]])
    """
    a = _util.asarray(a)
    _util.assert_stacked_square(a)
    dtype = _util.linalg_type(a)
    n = a.shape[-1]
    if a.size == 0:
        return cupy.empty(a.shape, dtype)
    x = _util.column_major(a, dtype)
    info = _util.new_info(x.shape[0])
    uplo = "U" if upper else "L"
    _solver.potrf(uplo, n, x.data.ptr, n, n * n, info.data.ptr, x.shape[0], dtype)
    _util.check_info(info, "Matrix is not positive definite")
    # The solver leaves the other triangle as it was: clear it.
    f = x.swapaxes(-1, -2).reshape(a.shape)
    return cupy.triu(f) if upper else cupy.tril(f)


_QR_MODES = ("reduced", "complete", "r", "raw")


def qr(a, mode="reduced"):
    """QR decomposition ``a = Q @ R`` with orthonormal ``Q`` and upper-triangular ``R``.

    Args:
        a (cupy.ndarray): ``(..., M, N)`` matrices.
        mode (str): ``'reduced'`` (default): Q ``(..., M, K)`` and R ``(..., K, N)`` with
            ``K = min(M, N)``; ``'complete'``: Q ``(..., M, M)``, R ``(..., M, N)``; ``'r'``:
            only R ``(..., K, N)``; ``'raw'``: LAPACK's Householder form ``(h, tau)``, ``h``
            of shape ``(..., N, M)`` (the column-major factor read as row-major) and ``tau``
            ``(..., K)``.

    Returns:
        QRResult or cupy.ndarray or tuple: ``(Q, R)``, ``R``, or ``(h, tau)``.

    Example:
        >>> q, r = cupy.linalg.qr(cupy.array([[3., 1.], [4., 2.]]))
        >>> abs(r)                      # the signs of R's rows depend on the solver
        array([[5. , 2.2],
               [0. , 0.4]])
    """
    if mode not in _QR_MODES:
        if mode in ("f", "full"):
            warnings.warn("The 'full' option is deprecated in favor of 'reduced'.\n"
                          "For backward compatibility let mode default.",
                          DeprecationWarning, stacklevel=2)
            mode = "reduced"
        elif mode in ("e", "economic"):
            warnings.warn("The 'economic' option is deprecated.", DeprecationWarning,
                          stacklevel=2)
            mode = "economic"
        else:
            raise ValueError(f"Unrecognized mode '{mode}'")
    a = _util.asarray(a)
    _util.assert_stacked_2d(a)
    dtype = _util.linalg_type(a)
    batch_shape = a.shape[:-2]
    m, n = a.shape[-2:]
    k = min(m, n)
    x = _util.column_major(a, dtype)            # (B, n, m): column-major m x n
    batch = x.shape[0]
    tau = cupy.empty((batch, k), dtype)
    info = _util.new_info(batch)
    _solver.geqrf(m, n, x.data.ptr, m, m * n, tau.data.ptr, info.data.ptr, batch, dtype)
    _util.check_info(info, "Incorrect argument found while performing QR factorization")
    rows = x.swapaxes(-1, -2)                   # the factorized matrices, (B, m, n)
    if mode == "r":
        return cupy.triu(rows[:, :k, :]).reshape(batch_shape + (k, n))
    if mode == "raw":
        return x.reshape(batch_shape + (n, m)), tau.reshape(batch_shape + (k,))
    if mode == "economic":
        return rows.reshape(batch_shape + (m, n))
    mc = m if mode == "complete" and m > n else k
    if k == 0:
        q = _util.batch_eye((batch,), mc, m, dtype)
    else:
        # Q is formed in a buffer of its own: the reflectors are A's first k columns.
        q = cupy.empty((batch, mc, m), dtype)   # column-major m x mc
        q[:, :k, :] = x[:, :k, :]
        _solver.orgqr(m, mc, k, q.data.ptr, m, m * mc, tau.data.ptr, info.data.ptr, batch,
                      dtype)
        _util.check_info(info, "Incorrect argument found while performing QR factorization")
    r = cupy.triu(rows[:, :mc, :])
    q = cupy.ascontiguousarray(q.swapaxes(-1, -2))
    return QRResult(q.reshape(batch_shape + (m, mc)), r.reshape(batch_shape + (mc, n)))


def _descending_order(x):
    """Indices that sort each row of ``x`` (..., n) in descending order, ties kept in their
    original order; built from comparisons so that it runs as array operations."""
    n = x.shape[-1]
    xi, xj = x[..., :, None], x[..., None, :]
    idx = cupy.arange(n)
    # rank[i] = #{j: x_j > x_i} + #{j < i: x_j == x_i}: the position of x_i in the order.
    before = (xj > xi) | ((xj == xi) & (idx[None, :] < idx[:, None]))
    rank = cupy.count_nonzero(before, axis=-1)
    # Invert the permutation: order[r] = the i with rank[i] == r.
    hit = rank[..., :, None] == idx
    return (hit * idx[:, None]).sum(axis=-2)


def _take_last(x, order):
    """``x[..., order]`` with a different ``order`` row for every leading index."""
    n = x.shape[-1]
    b = _util.prod(x.shape[:-1])
    x2, o2 = x.reshape(b, n), order.reshape(b, n)
    return x2[cupy.arange(x2.shape[0])[:, None], o2].reshape(x.shape)


def _hermitian_svd(a, compute_uv):
    # Singular values of a Hermitian matrix are the absolute eigenvalues; the signs move
    # into the right singular vectors, as in NumPy.
    if not compute_uv:
        s = cupy.abs(eigvalsh(a))
        return _take_last(s, _descending_order(s))
    w, u = eigh(a)
    sgn = cupy.copysign(1.0, w)                 # copysign: no zero sign for w == 0
    s = cupy.abs(w)
    order = _descending_order(s)
    s, sgn = _take_last(s, order), _take_last(sgn, order)
    u = _permute_columns(u, order)
    vh = (u * sgn[..., None, :]).swapaxes(-1, -2).conj()
    return SVDResult(u, s, vh)


def _permute_columns(u, order):
    """``u[..., :, order]`` with a different ``order`` row for every matrix of a stack."""
    r, n = u.shape[-2:]
    b = _util.prod(u.shape[:-2])
    u3, o2 = u.reshape(b, r, n), order.reshape(b, n)
    index = (cupy.arange(u3.shape[0])[:, None, None], cupy.arange(r)[None, :, None],
             o2[:, None, :])
    return u3[index].reshape(u.shape)


def svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    """Singular value decomposition ``a = U @ diag(S) @ Vh``.

    Args:
        a (cupy.ndarray): ``(..., M, N)`` matrices.
        full_matrices (bool): U ``(..., M, M)`` and Vh ``(..., N, N)``; otherwise
            ``(..., M, K)`` and ``(..., K, N)`` with ``K = min(M, N)``.
        compute_uv (bool): compute U and Vh; otherwise only S is returned.
        hermitian (bool): ``a`` is Hermitian (only its lower triangle is read), which allows
            the faster eigenvalue decomposition.

    Returns:
        SVDResult or cupy.ndarray: ``(U, S, Vh)``, S ``(..., K)`` real and descending; or S.

    Raises:
        LinAlgError: the SVD did not converge.

    Example:
        >>> u, s, vh = cupy.linalg.svd(cupy.array([[3., 0.], [4., 5.]]))
        >>> s
        array([6.70820393, 2.23606798])
    """
    a = _util.asarray(a)
    if hermitian:
        _util.assert_stacked_square(a)
        return _hermitian_svd(a, compute_uv)
    _util.assert_stacked_2d(a)
    dtype = _util.linalg_type(a)
    rdtype = _util.real_type(dtype)
    batch_shape = a.shape[:-2]
    m, n = a.shape[-2:]
    k = min(m, n)
    if a.size == 0:
        s = cupy.empty(batch_shape + (k,), rdtype)
        if not compute_uv:
            return s
        if full_matrices:
            return SVDResult(_util.batch_eye(batch_shape, m, m, dtype), s,
                             _util.batch_eye(batch_shape, n, n, dtype))
        return SVDResult(cupy.zeros(batch_shape + (m, k), dtype), s,
                         cupy.zeros(batch_shape + (k, n), dtype))
    # The solver needs rows >= columns. A C-ordered copy of a wide matrix is the column-major
    # storage of its transpose, which is tall: a^T = U' S V'^H gives a = conj(V') S U'^T, and
    # conj(V') and U'^T are exactly VT's and U's column-major buffers read row-major.
    transposed = m < n
    if transposed:
        x = cupy.empty(a.shape, dtype)
        x[...] = a
        x = x.reshape(_util.prod(batch_shape), m, n)
        rows, cols = n, m
    else:
        x = _util.column_major(a, dtype)
        rows, cols = m, n
    batch = x.shape[0]
    s = cupy.empty((batch, k), rdtype)
    info = _util.new_info(batch)
    job = ("A" if full_matrices else "S") if compute_uv else "N"
    ucols = rows if full_matrices else cols
    if compute_uv:
        u = cupy.empty((batch, ucols, rows), dtype)     # column-major rows x ucols
        vt = cupy.empty((batch, cols, cols), dtype)
        pu, pvt = u.data.ptr, vt.data.ptr
    else:
        pu = pvt = 0
    _solver.gesvd(job, job, rows, cols, x.data.ptr, rows, rows * cols, s.data.ptr, pu, rows,
                  rows * ucols, pvt, cols, cols * cols, info.data.ptr, batch, dtype)
    _util.check_info(info, "SVD did not converge")
    s = s.reshape(batch_shape + (k,))
    if not compute_uv:
        return s
    if transposed:
        u_out, vh_out = vt, u
    else:
        u_out = cupy.ascontiguousarray(u.swapaxes(-1, -2))
        vh_out = cupy.ascontiguousarray(vt.swapaxes(-1, -2))
    return SVDResult(u_out.reshape(batch_shape + u_out.shape[-2:]), s,
                     vh_out.reshape(batch_shape + vh_out.shape[-2:]))


def svdvals(x, /):
    """Singular values of stacked matrices, descending (``svd(x, compute_uv=False)``).

    Example:
        >>> cupy.linalg.svdvals(cupy.array([[3., 0.], [4., 5.]]))
        array([6.70820393, 2.23606798])
    """
    return svd(x, compute_uv=False, hermitian=False)
