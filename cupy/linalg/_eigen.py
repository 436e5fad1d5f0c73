"""Eigenvalue problems: ``eig`` and ``eigvals`` for general matrices, ``eigh`` and
``eigvalsh`` for Hermitian ones.

Like the decompositions, each works on stacks ``(..., M, M)``: the input is copied once into a
column-major batch, the dense solver (``cupy._core._solver``: cuSOLVER on a GPU, LAPACK on the
host device) works in place, and the results are read out of its buffers. Types follow NumPy 2.
"""
import collections

import cupy
from cupy._core import _solver
from cupy.linalg import _util
from cupy.linalg._util import LinAlgError

__all__ = ["eig", "eigvals", "eigh", "eigvalsh"]

EigResult = collections.namedtuple("EigResult", ["eigenvalues", "eigenvectors"])
EighResult = collections.namedtuple("EighResult", ["eigenvalues", "eigenvectors"])


def _assert_finite(a):
    # The general eigensolvers do not stop on NaN or inf; NumPy refuses them up front.
    if not bool(cupy.isfinite(a).all()):
        raise LinAlgError("Array must not contain infs or NaNs")


def _complex_type(dtype):
    return cupy.result_type(dtype, cupy.complex64)


def _unpack_pairs(cols, w):
    """Complex eigenvectors from real LAPACK-packed columns.

    ``cols`` (B, n, n) holds the columns of the solver's real ``vr`` as rows (column-major
    storage); the eigenvalues ``w`` (B, n) come in conjugate pairs with the positive imaginary
    part first, and such a pair's vectors are ``col[j] +- i col[j+1]``. Returns the complex
    vectors, again one per row.
    """
    wi = w.imag[..., None]
    nxt = cupy.roll(cols, -1, axis=-2)      # col[j + 1] in row j
    prv = cupy.roll(cols, 1, axis=-2)       # col[j - 1] in row j
    # First of a pair: re = col[j], im = col[j+1]; second: re = col[j-1], im = -col[j].
    re = cupy.where(wi < 0, prv, cols)
    im = cupy.where(wi > 0, nxt, cupy.where(wi < 0, -cols, 0))
    out = cupy.empty(cols.shape, w.dtype)
    out.real = re
    out.imag = im
    return out


def _eig(a, vectors):
    a = _util.asarray(a)
    _util.assert_stacked_square(a)
    _assert_finite(a)
    dtype = _util.linalg_type(a)
    cdtype = _complex_type(dtype)
    n = a.shape[-1]
    if a.size == 0:
        # No eigenvalue has an imaginary part: real input stays real, as in NumPy.
        w = cupy.empty(a.shape[:-1], dtype)
        return (w, cupy.empty(a.shape, dtype)) if vectors else w
    x = _util.column_major(a, dtype)
    batch = x.shape[0]
    w = cupy.empty((batch, n), cdtype)
    vr = cupy.empty((batch, n, n), dtype) if vectors else None     # column-major
    info = _util.new_info(batch)
    _solver.geev("V" if vectors else "N", n, x.data.ptr, n, n * n, w.data.ptr,
                 vr.data.ptr if vectors else 0, n, n * n, info.data.ptr, batch, dtype)
    _util.check_info(info, "Eigenvalues did not converge")
    # NumPy's rule: real input gives real results unless some eigenvalue of the whole stack
    # is complex (one decision for the stack; it needs the flag on the host).
    real = dtype.kind != "c" and not bool(cupy.any(w.imag != 0))
    if real:
        w = w.real
    w = cupy.ascontiguousarray(w).reshape(a.shape[:-1])
    if not vectors:
        return w
    if not real and dtype.kind != "c":
        vr = _unpack_pairs(vr, w.reshape(batch, n))
    # Row j of the column-major buffer is the eigenvector of w[j]: NumPy's column j.
    return w, cupy.ascontiguousarray(vr.swapaxes(-1, -2)).reshape(a.shape)


def eig(a):
    """Eigenvalues and right eigenvectors of general square matrices.

    Args:
        a (cupy.ndarray): ``(..., M, M)`` matrices (finite).

    Returns:
        EigResult: ``eigenvalues`` ``(..., M)``, in no particular order, and ``eigenvectors``
        ``(..., M, M)`` with the eigenvector of ``eigenvalues[..., j]`` in column ``j``,
        normalized to unit length with its largest component real (as LAPACK's ``geev``
        returns them). For real input both are real when no eigenvalue of the stack has an
        imaginary part, and complex otherwise (NumPy 2's rule); complex input gives complex
        results. float32 and complex64 stay single precision; integers become float64.

    Raises:
        LinAlgError: ``a`` is not a stack of square matrices, contains inf or NaN, or the
            eigenvalue computation did not converge.

    Example:
        >>> w, v = cupy.linalg.eig(cupy.array([[0., -1.], [1., 0.]]))    # a rotation
        >>> w
        array([0.+1.j, 0.-1.j])

    .. seealso:: :func:`numpy.linalg.eig`
    """
    return EigResult(*_eig(a, True))


def eigvals(a):
    """Eigenvalues of general square matrices (see :func:`eig`), in no particular order.

    Returns:
        cupy.ndarray: ``(..., M)``, real when no eigenvalue of a real stack has an imaginary
        part, complex otherwise.

    Example:
        >>> cupy.linalg.eigvals(cupy.array([[2., 1.], [0., 3.]]))
        array([2., 3.])

    .. seealso:: :func:`numpy.linalg.eigvals`
    """
    return _eig(a, False)


def _eigh(a, UPLO, vectors):
    uplo = UPLO.upper()
    if uplo not in ("L", "U"):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    a = _util.asarray(a)
    _util.assert_stacked_square(a)
    dtype = _util.linalg_type(a)
    rdtype = _util.real_type(dtype)
    n = a.shape[-1]
    if a.size == 0:
        w = cupy.empty(a.shape[:-1], rdtype)
        return (w, cupy.empty(a.shape, dtype)) if vectors else w
    x = _util.column_major(a, dtype)
    batch = x.shape[0]
    w = cupy.empty((batch, n), rdtype)
    info = _util.new_info(batch)
    _solver.syevd("V" if vectors else "N", uplo, n, x.data.ptr, n, n * n, w.data.ptr,
                  info.data.ptr, batch, dtype)
    _util.check_info(info, "Eigenvalues did not converge")
    w = w.reshape(a.shape[:-1])
    if not vectors:
        return w
    # Column j of the column-major buffer is the eigenvector of w[j].
    return w, cupy.ascontiguousarray(x.swapaxes(-1, -2)).reshape(a.shape)


def eigh(a, UPLO="L"):
    """Eigenvalues and eigenvectors of Hermitian (real symmetric) matrices.

    Args:
        a (cupy.ndarray): ``(..., M, M)`` matrices; only the ``UPLO`` triangle is read.
        UPLO ({'L', 'U'}): the triangle to read.

    Returns:
        EighResult: ``eigenvalues`` ``(..., M)`` real and ascending, ``eigenvectors``
        ``(..., M, M)`` with the normalized eigenvector of ``eigenvalues[..., j]`` in column
        ``j``.

    Example:
        >>> w, v = cupy.linalg.eigh(cupy.array([[2., 1.], [1., 2.]]))
        >>> w
        array([1., 3.])
    """
    return EighResult(*_eigh(a, UPLO, True))


def eigvalsh(a, UPLO="L"):
    """Eigenvalues of Hermitian (real symmetric) matrices, ascending (see :func:`eigh`).

    Example:
        >>> cupy.linalg.eigvalsh(cupy.array([[2., 1.], [1., 2.]]))
        array([1., 3.])
    """
    return _eigh(a, UPLO, False)
