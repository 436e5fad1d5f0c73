"""Matrix-shaped arrays: eye, identity, tri, tril, triu, diag, diagflat."""

from cupy._core import core
from cupy._core._kernel import ElementwiseKernel
from cupy._creation import basic

_tri_kernel = ElementwiseKernel(
    "int64 m, int64 k", "T out",
    "const long long row = i / m, col = i % m; out = _cupy_cast<T>(col <= row + k)",
    "cupy_tri")


def eye(N, M=None, k=0, dtype=float, order="C"):
    """A 2-d array with ones on the ``k``-th diagonal and zeros elsewhere.

    Example:
        >>> cupy.eye(2, dtype=int)
        array([[1, 0],
               [0, 1]])
    """
    if M is None:
        M = N
    a = basic.zeros((N, M), dtype, order)
    if (k >= 0 and k < M) or (k < 0 and -k < N):
        a.diagonal(k).fill(1)
    return a


def identity(n, dtype=float):
    """The ``n`` x ``n`` identity matrix."""
    return eye(n, dtype=dtype)


def tri(N, M=None, k=0, dtype=float):
    """Ones at and below the ``k``-th diagonal, zeros elsewhere."""
    if M is None:
        M = N
    out = core.ndarray((N, M), dtype)
    if out.size:
        _tri_kernel(M, k, out)
    return out


def _tri_mask(m, k, lower):
    import cupy
    shape = m.shape[-2:]
    mask = tri(*shape, k=k if lower else k - 1, dtype=bool)
    if not lower:
        mask = cupy.logical_not(mask)
    return cupy.where(mask, m, cupy.zeros(1, m.dtype))


def tril(m, k=0):
    """The lower triangle of the last two axes of ``m`` (elements above the ``k``-th
    diagonal zeroed)."""
    if m.ndim < 2:
        raise ValueError("input array must be at least 2-d")
    return _tri_mask(m, k, True)


def triu(m, k=0):
    """The upper triangle of the last two axes of ``m`` (elements below the ``k``-th
    diagonal zeroed)."""
    if m.ndim < 2:
        raise ValueError("input array must be at least 2-d")
    return _tri_mask(m, k, False)


def diag(v, k=0):
    """The ``k``-th diagonal of a 2-d array (a view), or a 2-d array with ``v`` on it.

    Example:
        >>> cupy.diag(cupy.array([1, 2]))
        array([[1, 0],
               [0, 2]])
    """
    from cupy._creation.from_data import asarray
    v = asarray(v)
    if v.ndim == 1:
        n = v.shape[0] + abs(k)
        out = basic.zeros((n, n), v.dtype)
        out.diagonal(k)[...] = v
        return out
    if v.ndim == 2:
        return v.diagonal(k)
    raise ValueError("Input must be 1- or 2-d.")


def diagflat(v, k=0):
    """A 2-d array with the flattened ``v`` on the ``k``-th diagonal."""
    from cupy._creation.from_data import asarray
    return diag(asarray(v).ravel(), k)
