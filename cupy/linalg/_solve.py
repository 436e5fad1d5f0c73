"""Solving equations and inverting matrices: ``solve``, ``inv``, ``det``, ``slogdet``,
``lstsq``, ``pinv``, ``matrix_rank``, ``matrix_power``, ``tensorsolve``, ``tensorinv``.

``solve``, ``inv``, ``det`` and ``slogdet`` factorize with LU (``getrf``/``getrs`` behind
``cupy._core._solver``); ``lstsq``, ``pinv`` and ``matrix_rank`` go through the SVD. The glue
(determinants from the LU diagonal, cut-offs, products) is made of cupy array operations, so it
runs on the device of either backend. Stacks ``(..., M, M)`` are handled like NumPy 2.
"""
import collections
import operator

import numpy

import cupy
from cupy._core import _solver
from cupy.linalg import _util
from cupy.linalg._decomposition import svd
from cupy.linalg._util import LinAlgError

__all__ = ["solve", "inv", "det", "slogdet", "lstsq", "pinv", "matrix_rank", "matrix_power",
           "tensorsolve", "tensorinv"]

SlogdetResult = collections.namedtuple("SlogdetResult", ["sign", "logabsdet"])


def _lu(a, dtype):
    """LU factors of the stack ``a`` (..., n, n), or rather of its transposes: a C-ordered
    copy is the column-major storage of ``a^T``, which serves every caller without a
    transposing copy (``det(a^T) == det(a)``, ``a x = b`` is ``op(a^T) x = b`` with
    ``op = 'T'``). Returns (factors (B, n, n), pivots (B, n), info (B,)); statuses are not
    checked: a singular matrix has a zero on U's diagonal, which is all ``det`` needs."""
    n = a.shape[-1]
    x = cupy.empty(a.shape, dtype)
    x[...] = a
    x = x.reshape(_util.prod(a.shape[:-2]), n, n)
    batch = x.shape[0]
    ipiv = cupy.empty((batch, n), numpy.int32)
    info = _util.new_info(batch)
    _solver.getrf(n, n, x.data.ptr, n, n * n, ipiv.data.ptr, info.data.ptr, batch, dtype)
    return x, ipiv, info


def _lu_solve(a, b, dtype, trans):
    """Solve with the stack ``a`` (B, n, n) for ``b`` (B, n, k) of the same batch: ``trans``
    'T' solves ``a x = b``, 'N' solves ``a^T x = b``. Returns (x (B, n, k) as a view of a
    column-major buffer, info of the factorization)."""
    n, k = b.shape[-2:]
    lu, ipiv, info = _lu(a, dtype)
    x = _util.column_major(b, dtype)                  # (B, k, n)
    batch = x.shape[0]
    solve_info = _util.new_info(batch)
    _solver.getrs(trans, n, k, lu.data.ptr, n, n * n, ipiv.data.ptr, x.data.ptr, n, n * k,
                  solve_info.data.ptr, batch, dtype)
    return x.swapaxes(-1, -2), info


def solve(a, b):
    """Solve the linear equations ``a @ x = b``.

    Args:
        a (cupy.ndarray): ``(..., M, M)`` coefficient matrices.
        b (cupy.ndarray): ``(M,)`` right-hand side, or ``(..., M, K)`` right-hand sides
            (a 1-d ``b`` is a vector; otherwise its last two axes are matrices). Leading axes
            broadcast against ``a``'s.

    Returns:
        cupy.ndarray: ``x``, shaped like the broadcast ``b``.

    Raises:
        LinAlgError: a matrix is singular or not square.

    Example:
        >>> cupy.linalg.solve(cupy.array([[1., 2.], [3., 5.]]), cupy.array([1., 2.]))
        array([-1.,  1.])
    """
    a, b = _util.asarray(a), _util.asarray(b)
    _util.assert_stacked_square(a)
    dtype = _util.linalg_type(a, b)
    n = a.shape[-1]
    vector = b.ndim == 1
    b2 = b[:, None] if vector else b
    if b2.ndim < 2 or b2.shape[-2] != n:
        sig = "(m,m),(m)->(m)" if vector else "(m,m),(m,n)->(m,n)"
        size = b.shape[0] if vector else (b.shape[-2] if b.ndim >= 2 else b.shape[-1])
        raise ValueError(f"solve{'1' if vector else ''}: Input operand 1 has a mismatch in "
                         f"its core dimension 0, with gufunc signature {sig} (size {size} "
                         f"is different from {n})")
    k = b2.shape[-1]
    batch_shape = numpy.broadcast_shapes(a.shape[:-2], b2.shape[:-2])
    out_shape = batch_shape + (n, k)
    if _util.prod(out_shape) == 0 or n == 0:
        x = cupy.empty(out_shape, dtype)
    else:
        x, info = _lu_solve(cupy.broadcast_to(a, batch_shape + (n, n)),
                            cupy.broadcast_to(b2, out_shape), dtype, "T")
        _util.check_info(info, "Singular matrix")
        x = cupy.ascontiguousarray(x.reshape(out_shape))
    return x[..., 0] if vector else x


def _inv(a, dtype):
    """Inverses of the stack ``a`` and the LU statuses (positive for a singular matrix)."""
    n = a.shape[-1]
    eye = _util.batch_eye(a.shape[:-2], n, n, dtype)
    # Solving a^T X = I gives X = inv(a)^T in a column-major buffer: inv(a) read row-major.
    x, info = _lu_solve(a, eye, dtype, "N")
    return x.swapaxes(-1, -2).reshape(a.shape), info


def inv(a):
    """Inverse of square matrices: ``inv(a) @ a == eye``.

    Args:
        a (cupy.ndarray): ``(..., M, M)`` matrices.

    Returns:
        cupy.ndarray: the inverses, ``(..., M, M)``.

    Raises:
        LinAlgError: a matrix is singular or not square.

    Example:
        >>> cupy.linalg.inv(cupy.array([[1., 2.], [3., 4.]]))
        array([[-2. ,  1. ],
               [ 1.5, -0.5]])
    """
    a = _util.asarray(a)
    _util.assert_stacked_square(a)
    dtype = _util.linalg_type(a)
    if a.size == 0:
        return cupy.empty(a.shape, dtype)
    x, info = _inv(a, dtype)
    _util.check_info(info, "Singular matrix")
    return x


def _lu_diagonal(a, dtype):
    """(U's diagonal (B, n), the permutation's sign (B,) as +-1) of the stack ``a``."""
    lu, ipiv, _ = _lu(a, dtype)
    n = a.shape[-1]
    # Each pivot that is not its own row is one row interchange.
    swaps = cupy.count_nonzero(ipiv != cupy.arange(1, n + 1, dtype=numpy.int32), axis=-1)
    sign = 1 - 2 * (swaps % 2)
    return lu.diagonal(0, -2, -1), sign


def det(a):
    """Determinant of square matrices (from the LU factorization).

    Args:
        a (cupy.ndarray): ``(..., M, M)`` matrices.

    Returns:
        cupy.ndarray: ``(...)`` determinants (a 0-d array for one matrix); 1 for ``M == 0``.

    Example:
        >>> cupy.linalg.det(cupy.array([[1., 2.], [3., 4.]]))
        array(-2.)
    """
    a = _util.asarray(a)
    _util.assert_stacked_square(a)
    dtype = _util.linalg_type(a)
    if a.shape[-1] == 0:
        return cupy.ones(a.shape[:-2], dtype)
    if a.size == 0:
        return cupy.empty(a.shape[:-2], dtype)
    diag, sign = _lu_diagonal(a, dtype)
    return (diag.prod(axis=-1) * sign.astype(dtype)).reshape(a.shape[:-2])


def slogdet(a):
    """Sign and natural logarithm of the absolute determinant: ``det = sign * exp(logabsdet)``,
    without overflow or underflow for large matrices.

    Args:
        a (cupy.ndarray): ``(..., M, M)`` matrices.

    Returns:
        SlogdetResult: ``sign`` (of ``a``'s type: +-1 for real, a unit complex number for
        complex matrices, 0 for singular ones) and the real ``logabsdet`` (``-inf`` for
        singular matrices).

    Example:
        >>> cupy.linalg.slogdet(cupy.array([[1., 2.], [3., 4.]]))
        SlogdetResult(sign=array(-1.), logabsdet=array(0.69314718))
    """
    a = _util.asarray(a)
    _util.assert_stacked_square(a)
    dtype = _util.linalg_type(a)
    rdtype = _util.real_type(dtype)
    batch_shape = a.shape[:-2]
    if a.shape[-1] == 0:
        return SlogdetResult(cupy.ones(batch_shape, dtype), cupy.zeros(batch_shape, rdtype))
    if a.size == 0:
        return SlogdetResult(cupy.empty(batch_shape, dtype), cupy.empty(batch_shape, rdtype))
    diag, sign = _lu_diagonal(a, dtype)
    absd = cupy.abs(diag)
    logdet = cupy.log(absd).sum(axis=-1)
    if dtype.kind == "c":
        # The unit phase of each pivot; a zero pivot makes the product (the sign) zero.
        phase = cupy.where(absd == 0, 0, diag / cupy.where(absd == 0, 1, absd))
    else:
        phase = cupy.sign(diag)
    sign = sign.astype(dtype) * phase.prod(axis=-1)
    return SlogdetResult(sign.reshape(batch_shape), logdet.reshape(batch_shape))


def _max_last(s, keepdims=True):
    """``s.max(axis=-1, initial=0)``: 0 for an empty last axis."""
    if s.shape[-1] == 0:
        shape = s.shape[:-1] + ((1,) if keepdims else ())
        return cupy.zeros(shape, s.dtype)
    return s.max(axis=-1, keepdims=keepdims)


def lstsq(a, b, rcond=None):
    """Least-squares solution of ``a @ x = b`` (minimum-norm when ``a`` is rank deficient).

    Args:
        a (cupy.ndarray): ``(M, N)`` coefficient matrix.
        b (cupy.ndarray): ``(M,)`` or ``(M, K)`` right-hand sides.
        rcond (float): singular values at most ``rcond`` times the largest are treated as
            zero; ``None`` means the machine precision of the computation type times
            ``max(M, N)``.

    Returns:
        tuple: ``(x, residuals, rank, s)``: the solution ``(N,)`` or ``(N, K)``; the squared
        Euclidean norms of the residuals per column, ``(1,)`` or ``(K,)`` (empty unless
        ``rank == N < M``); the rank of ``a`` as a 0-d ``int32`` array on the device (as in
        CuPy: reading it would wait for the device; NumPy returns a ``numpy.int32`` of the
        same value); its singular values.

    Raises:
        LinAlgError: ``a`` or ``b`` has the wrong number of dimensions, their first axes
        differ, or the SVD does not converge.

    Example:
        >>> a = cupy.array([[0., 1.], [1., 1.], [2., 1.], [3., 1.]])
        >>> x, res, rank, s = cupy.linalg.lstsq(a, cupy.array([-1., 0.2, 0.9, 2.1]))
        >>> x
        array([ 1.  , -0.95])
    """
    a, b = _util.asarray(a), _util.asarray(b)
    vector = b.ndim == 1
    if vector:
        b = b[:, None]
    _util.assert_2d(a, b)
    m, n = a.shape
    if b.shape[0] != m:
        raise LinAlgError("Incompatible dimensions")
    dtype = _util.linalg_type(a, b)
    rdtype = _util.real_type(dtype)
    if rcond is None:
        # The precision the SVD is computed in (NumPy always computes in float64).
        rcond = numpy.finfo(dtype).eps * max(m, n)
    a = a.astype(dtype, copy=False)
    b = b.astype(dtype, copy=False)
    u, s, vh = svd(a, full_matrices=False)
    large = s > rcond * _max_last(s)
    s_inv = cupy.where(large, 1 / cupy.where(large, s, 1), 0).astype(rdtype)
    rank = large.sum(dtype=numpy.int32)          # NumPy's rank is int32
    x = vh.conj().T @ ((u.conj().T @ b) * s_inv[:, None])
    if m > n and int(rank) == n:
        r = b - a @ x
        resids = (r.real * r.real + r.imag * r.imag).sum(axis=0) if dtype.kind == "c" \
            else (r * r).sum(axis=0)
    else:
        resids = cupy.empty((0,), rdtype)
    return (x[:, 0] if vector else x), resids.astype(rdtype, copy=False), rank, s


_NO_VALUE = object()


def pinv(a, rcond=None, hermitian=False, *, rtol=_NO_VALUE):
    """Moore-Penrose pseudo-inverse of stacked matrices, from the SVD.

    Args:
        a (cupy.ndarray): ``(..., M, N)`` matrices.
        rcond (float or cupy.ndarray): singular values at most ``rcond`` times the largest
            are treated as zero (default ``1e-15``); broadcasts over the stack.
        hermitian (bool): ``a`` is Hermitian (its SVD comes from the eigendecomposition).
        rtol (float or cupy.ndarray): the same cut-off under its Array API name; ``None``
            means ``max(M, N) * eps``. At most one of ``rcond`` and ``rtol`` may be given.

    Returns:
        cupy.ndarray: ``(..., N, M)`` pseudo-inverses.

    Example:
        >>> cupy.linalg.pinv(cupy.array([[1., 2.], [2., 4.]]))
        array([[0.04, 0.08],
               [0.08, 0.16]])
    """
    a = _util.asarray(a)
    if rcond is None:
        if rtol is _NO_VALUE:
            rcond = 1e-15
        elif rtol is None:
            rcond = max(a.shape[-2:]) * numpy.finfo(a.dtype).eps
        else:
            rcond = rtol
    elif rtol is not _NO_VALUE:
        raise ValueError("`rtol` and `rcond` can't be both set.")
    if a.size == 0 and _util.prod(a.shape[-2:]) == 0:
        m, n = a.shape[-2:]
        return cupy.empty(a.shape[:-2] + (n, m), a.dtype)
    rcond = _util.asarray(rcond)
    u, s, vt = svd(a.conj(), full_matrices=False, hermitian=hermitian)
    cutoff = rcond[..., None] * _max_last(s)
    large = s > cutoff
    s = cupy.where(large, 1 / cupy.where(large, s, 1), 0).astype(s.dtype)
    return cupy.matmul(vt.swapaxes(-1, -2), s[..., None] * u.swapaxes(-1, -2))


def matrix_rank(A, tol=None, hermitian=False, *, rtol=None):
    """Rank of stacked matrices: the number of singular values above a tolerance.

    Args:
        A (cupy.ndarray): a vector (rank 0 or 1) or ``(..., M, N)`` matrices.
        tol (float or cupy.ndarray): absolute threshold; default ``S.max() * rtol``.
        hermitian (bool): ``A`` is Hermitian.
        rtol (float or cupy.ndarray): relative threshold; default ``max(M, N) * eps``.

    Returns:
        int or cupy.ndarray: the ranks, ``(...)``.

    Example:
        >>> cupy.linalg.matrix_rank(cupy.array([[1., 2.], [2., 4.]]))
        array(1)
    """
    if rtol is not None and tol is not None:
        raise ValueError("`tol` and `rtol` can't be both set.")
    A = _util.asarray(A)
    if A.ndim < 2:
        return int((A != 0).any())
    S = svd(A, compute_uv=False, hermitian=hermitian)
    if tol is None:
        if rtol is None:
            rtol = max(A.shape[-2:]) * numpy.finfo(S.dtype).eps
        else:
            rtol = _util.asarray(rtol)[..., None]
        tol = _max_last(S) * rtol
    else:
        tol = _util.asarray(tol)[..., None]
    return cupy.count_nonzero(S > tol, axis=-1)


def matrix_power(a, n):
    """Raise square matrices to the integer power ``n`` (by repeated squaring).

    ``n == 0`` gives identity matrices of ``a``'s type; a negative ``n`` inverts first.

    Args:
        a (cupy.ndarray): ``(..., M, M)`` matrices.
        n (int): the exponent.

    Returns:
        cupy.ndarray: ``a`` to the power ``n`` (``a`` itself for ``n == 1``).

    Example:
        >>> cupy.linalg.matrix_power(cupy.array([[0, 1], [-1, 0]]), 2)
        array([[-1,  0],
               [ 0, -1]])
    """
    a = _util.asarray(a)
    _util.assert_stacked_square(a)
    try:
        n = operator.index(n)
    except TypeError as e:
        raise TypeError("exponent must be an integer") from e
    if n == 0:
        return _util.batch_eye(a.shape[:-2], a.shape[-1], a.shape[-1], a.dtype)
    if n < 0:
        a = inv(a)
        n = -n
    if n == 1:
        return a
    if n == 2:
        return cupy.matmul(a, a)
    if n == 3:
        return cupy.matmul(cupy.matmul(a, a), a)
    # Bits of n from the least significant: z runs through a^(2^i).
    z = result = None
    while n > 0:
        z = a if z is None else cupy.matmul(z, z)
        n, bit = divmod(n, 2)
        if bit:
            result = z if result is None else cupy.matmul(result, z)
    return result


def tensorsolve(a, b, axes=None):
    """Solve the tensor equation ``tensordot(a, x, axes=x.ndim) == b`` for ``x``.

    Args:
        a (cupy.ndarray): coefficients of shape ``b.shape + Q`` with ``prod(Q) ==
            prod(b.shape)``.
        b (cupy.ndarray): right-hand side.
        axes (tuple of ints): axes of ``a`` to move to the end before solving.

    Returns:
        cupy.ndarray: ``x`` of shape ``Q``.

    Example:
        >>> a = cupy.eye(6).reshape(2, 3, 6)
        >>> cupy.linalg.tensorsolve(a, cupy.ones((2, 3))).shape
        (6,)
    """
    a, b = _util.asarray(a), _util.asarray(b)
    an = a.ndim
    if axes is not None:
        allaxes = list(range(an))
        for k in axes:
            allaxes.remove(k)
            allaxes.insert(an, k)
        a = a.transpose(allaxes)
    oldshape = a.shape[-(an - b.ndim):]
    prod = _util.prod(oldshape)
    if a.size != prod ** 2:
        raise LinAlgError("Input arrays must satisfy the requirement "
                          "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])")
    return solve(a.reshape(prod, prod), b.ravel()).reshape(oldshape)


def tensorinv(a, ind=2):
    """Inverse of an N-d array with respect to ``tensordot``: with ``ainv = tensorinv(a,
    ind)``, ``tensordot(ainv, a, ind)`` is the identity on ``a.shape[ind:]``.

    Args:
        a (cupy.ndarray): tensor with ``prod(a.shape[:ind]) == prod(a.shape[ind:])``.
        ind (int): number of leading axes that index the result (positive).

    Returns:
        cupy.ndarray: shape ``a.shape[ind:] + a.shape[:ind]``.

    Example:
        >>> cupy.linalg.tensorinv(cupy.eye(24).reshape(4, 6, 8, 3)).shape
        (8, 3, 4, 6)
    """
    a = _util.asarray(a)
    oldshape = a.shape
    if ind <= 0:
        raise ValueError("Invalid ind argument.")
    invshape = oldshape[ind:] + oldshape[:ind]
    prod = _util.prod(oldshape[ind:])
    return inv(a.reshape(prod, -1)).reshape(*invshape)
