"""Linear algebra (the ``numpy.linalg`` counterpart).

The products ``dot``, ``vdot``, ``inner``, ``outer``, ``matmul``, ``tensordot``, ``kron`` and
``trace`` live in :mod:`cupy.linalg._product` and are exported at the top level (``cupy.dot``),
as in NumPy. Here only those whose ``numpy.linalg`` versions have the same semantics are
re-exported (``numpy.linalg.trace`` and ``numpy.linalg.outer`` differ from the top-level ones).

Decompositions (:mod:`._decomposition`), solvers and inverses (:mod:`._solve`) and norms
(:mod:`._norms`) run on the dense solver boundary ``cupy._core._solver`` (cuSOLVER on a GPU,
LAPACK on the host device). ``einsum`` (:mod:`._einsum`) is exported at the top level.
"""
from cupy.linalg._product import matmul, tensordot  # NOQA
from cupy.linalg._util import LinAlgError  # NOQA
from cupy.linalg._decomposition import (  # NOQA
    cholesky, qr, svd, svdvals, eigh, eigvalsh)
from cupy.linalg._solve import (  # NOQA
    solve, inv, det, slogdet, lstsq, pinv, matrix_rank, matrix_power, tensorsolve, tensorinv)
from cupy.linalg._norms import norm, matrix_norm, vector_norm, cond  # NOQA
