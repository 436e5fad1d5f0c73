"""Linear algebra (the ``numpy.linalg`` counterpart).

The products ``dot``, ``vdot``, ``inner``, ``outer``, ``matmul``, ``tensordot``, ``kron`` and
``trace`` live in :mod:`cupy.linalg._product` and are exported at the top level (``cupy.dot``),
as in NumPy. Here only ``matmul`` and ``tensordot`` are re-exported from there:
``numpy.linalg.trace``, ``outer``, ``cross``, ``diagonal`` and ``vecdot`` differ from the
top-level ones (array-API semantics: last axes, stacked inputs) and live in :mod:`._extras`.

Decompositions (:mod:`._decomposition`), eigenvalue problems (:mod:`._eigen`), solvers and
inverses (:mod:`._solve`) and norms (:mod:`._norms`) run on the dense solver boundary
``cupy._core._solver`` (cuSOLVER on a GPU, LAPACK on the host device). ``einsum`` (:mod:`._einsum`) is exported at the top level.
"""
from cupy.linalg._product import matmul, tensordot  # NOQA
from cupy.linalg._util import LinAlgError  # NOQA
from cupy.linalg._decomposition import cholesky, qr, svd, svdvals  # NOQA
from cupy.linalg._eigen import eig, eigvals, eigh, eigvalsh  # NOQA
from cupy.linalg._solve import (  # NOQA
    solve, inv, det, slogdet, lstsq, pinv, matrix_rank, matrix_power, tensorsolve, tensorinv)
from cupy.linalg._norms import norm, matrix_norm, vector_norm, cond  # NOQA
from cupy.linalg._extras import (  # NOQA
    multi_dot, cross, diagonal, matrix_transpose, outer, trace, vecdot)
