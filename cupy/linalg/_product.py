"""Matrix and vector products: ``dot``, ``vdot``, ``inner``, ``outer``, ``matmul``,
``tensordot``, ``kron``, ``trace``.

Every product reduces to one batched core, ``C[i] = A[i] @ B[i]`` on 3-d operands, which runs
on BLAS (``cupy._core._blas``: cuBLAS on a GPU, NumPy's BLAS on the host device) for float16,
float32, float64, complex64 and complex128, and on a generated kernel for bool and integers
(BLAS has no integer GEMM). Types follow NumPy's promotion; float16 accumulates in float32.
"""
import numpy

import cupy
from cupy._core import _blas
from cupy._core.core import ndarray
from cupy._logic.extras import may_share_memory

__all__ = ["dot", "vdot", "inner", "outer", "matmul", "tensordot", "kron", "trace"]

_SIGNATURE = "(n?,k),(k,m?)->(n?,m?)"


# --- helpers ---------------------------------------------------------------------------------

def _asarray(x):
    return x if isinstance(x, ndarray) else cupy.asarray(x)


def _prod(shape):
    p = 1
    for s in shape:
        p *= s
    return p


def _copy_into(dst, src):
    """``dst[...] = src`` with NumPy's unsafe cast (callers checked the casting rule)."""
    if dst.size:
        from cupy._core import _kernel
        if src.dtype != dst.dtype:
            src = src.astype(dst.dtype)
        _kernel.elementwise_copy(src, dst)


def _check_out(out, shape, dtype, casting, name):
    if not isinstance(out, ndarray):
        raise TypeError(f"{name}: 'out' must be a cupy.ndarray, got {type(out).__name__}")
    if out.shape != tuple(shape):
        raise ValueError(f"{name}: Output operand 0 has a mismatch in its core dimension or "
                         f"shape: expected {tuple(shape)}, got {out.shape}")
    if not numpy.can_cast(dtype, out.dtype, casting):
        raise TypeError(f"Cannot cast ufunc '{name}' output from {dtype!r} to "
                        f"{out.dtype!r} with casting rule '{casting}'")


# --- the batched core ------------------------------------------------------------------------

_int_kernel = None


def _integer_gemm():
    """out[b, i, j] = sum_k a[b, i, k] * b[b, k, j] for bool and integer types.

    Offsets are passed in elements so that any strided (even negative or broadcast) operand
    is read in place. Bool accumulates with ``+=`` on ``bool``, which is a logical or, as in
    NumPy; integers wrap in their own type, as in NumPy.
    """
    global _int_kernel
    if _int_kernel is None:
        _int_kernel = cupy.ElementwiseKernel(
            "raw T a, raw T b, int64 m, int64 n, int64 k, int64 sab, int64 sam, int64 sak, "
            "int64 sbb, int64 sbk, int64 sbn",
            "T c",
            """
            const long long col = i % n;
            const long long t = i / n;
            const long long row = t % m;
            const long long bat = t / m;
            const T* pa = &a[0] + bat * sab + row * sam;
            const T* pb = &b[0] + bat * sbb + col * sbn;
            T acc = T(0);
            for (long long q = 0; q < k; ++q) {
                acc += pa[q * sak] * pb[q * sbk];
            }
            c = acc;
            """,
            "cupy_matmul_integer")
    return _int_kernel


def _elem_strides(x):
    return [s // x.itemsize for s in x.strides]


def _blas_operand(x):
    """How BLAS reads the batch of row-major matrices ``x`` (batch, rows, cols).

    Returns ``(x, trans, ld, batch_stride)`` such that the column-major ``op(stored)`` is
    ``x[i].T`` ('N': ``x[i]`` is row-major with leading dimension ``ld``; 'T': ``x[i]`` is
    column-major). Operands that are neither are copied to C order.
    """
    batch, rows, cols = x.shape
    sb, sr, sc = _elem_strides(x)
    # A length-1 axis may carry any stride; give it the one BLAS expects.
    if rows == 1:
        sr = max(cols, 1)
    if cols == 1:
        sc = 1 if sr != 1 or rows == 1 else max(rows, 1)
    if batch == 1:
        sb = 0
    if sc == 1 and sr >= max(cols, 1) and sb >= 0 and x.strides[0] % x.itemsize == 0:
        return x, "N", sr, sb
    if sr == 1 and sc >= max(rows, 1) and sb >= 0:
        return x, "T", sc, sb
    x = x.copy()
    return x, "N", max(cols, 1), rows * cols if batch > 1 else 0


def _matmul3(a, b, c):
    """``c[i] = a[i or 0] @ b[i or 0]``: a (Ba, m, k), b (Bb, k, n), c (B, m, n)
    C-contiguous, one dtype; Ba and Bb are 1 or B."""
    batch, m, n = c.shape
    k = a.shape[2]
    if c.size == 0:
        return
    dtype = c.dtype
    if dtype not in _blas.SUPPORTED:
        sa, sb = _elem_strides(a), _elem_strides(b)
        _integer_gemm()(a, b, m, n, k,
                        sa[0] if a.shape[0] > 1 else 0, sa[1], sa[2],
                        sb[0] if b.shape[0] > 1 else 0, sb[1], sb[2], c)
        return
    if k == 0:
        c.fill(0)
        return
    # Row-major C = A B is column-major C^T = B^T A^T: B goes first.
    b, tb, ldb, sbb = _blas_operand(b)
    a, ta, lda, sba = _blas_operand(a)
    if batch == 1:
        _blas.gemm(tb, ta, n, m, k, 1, b.data.ptr, ldb, a.data.ptr, lda, 0, c.data.ptr, n,
                   dtype)
    else:
        _blas.gemm_strided_batched(tb, ta, n, m, k, 1, b.data.ptr, ldb, sbb, a.data.ptr, lda,
                                   sba, 0, c.data.ptr, n, m * n, batch, dtype)


def _to3(x, batch_shape, rows, cols):
    """``x`` (..., rows, cols) broadcast to ``batch_shape`` as (B or 1, rows, cols)."""
    xb = x.shape[:-2]
    if _prod(xb) == 1:
        return x.reshape(1, rows, cols)
    if xb == tuple(batch_shape):
        return x.reshape(_prod(batch_shape), rows, cols)
    # Partial broadcasting: a zero-stride view, materialized by the reshape.
    nd = len(batch_shape)
    strides = [0] * (nd - len(xb)) + [
        0 if (s == 1 and t != 1) else st
        for s, t, st in zip(xb, batch_shape[nd - len(xb):], x.strides[:-2])]
    view = ndarray(tuple(batch_shape) + (rows, cols), x.dtype, memptr=x.data,
                   strides=tuple(strides) + x.strides[-2:])
    return view.reshape(_prod(batch_shape), rows, cols)


# --- public functions ------------------------------------------------------------------------

def matmul(x1, x2, /, out=None, *, casting="same_kind", order="K", dtype=None):
    """Matrix product of two arrays, with NumPy's ``matmul`` semantics.

    The last two axes are the matrices and the leading axes broadcast as batches. A 1-d first
    operand is a row vector and a 1-d second operand a column vector; the added axis is
    removed from the result. Scalars are not allowed (use ``*``).

    Args:
        x1, x2 (cupy.ndarray): operands; ``x1.shape[-1]`` must equal ``x2.shape[-2]`` (or
            ``x2.shape[0]`` when ``x2`` is 1-d).
        out (cupy.ndarray): array of the exact result shape to write to.
        casting (str): rule for casting inputs to ``dtype`` and the result to ``out``.
        order (str): only ``'K'`` (results are C-contiguous).
        dtype: type of the computation and the result (default: NumPy's promotion).

    Returns:
        cupy.ndarray: the product; 0-d when both operands are 1-d.

    Example:
        >>> a = cupy.arange(6).reshape(2, 3)
        >>> cupy.matmul(a, cupy.ones(3, dtype=a.dtype))
        array([ 3, 12])
        >>> (cupy.ones((4, 1, 2, 3)) @ cupy.ones((5, 3, 2))).shape
        (4, 5, 2, 2)
    """
    a, b = _asarray(x1), _asarray(x2)
    for i, x in enumerate((a, b)):
        if x.ndim == 0:
            raise ValueError(
                f"matmul: Input operand {i} does not have enough dimensions (has 0, gufunc "
                f"core with signature {_SIGNATURE} requires 1)")
    if order not in ("K", "A", "C", "F", None):
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
    if dtype is None:
        dtype = numpy.result_type(a.dtype, b.dtype)
    else:
        dtype = numpy.dtype(dtype)
        for x in (a, b):
            if not numpy.can_cast(x.dtype, dtype, casting):
                raise TypeError(f"Cannot cast ufunc 'matmul' input from {x.dtype!r} to "
                                f"{dtype!r} with casting rule '{casting}'")
    if dtype.kind not in "biufc":
        raise TypeError(f"ufunc 'matmul' did not contain a loop with signature matching "
                        f"types {dtype}")
    a_vec, b_vec = a.ndim == 1, b.ndim == 1
    if a_vec:
        a = a.reshape(1, a.shape[0])
    if b_vec:
        b = b.reshape(b.shape[0], 1)
    m, k = a.shape[-2:]
    if b.shape[-2] != k:
        raise ValueError(
            f"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
            f"signature {_SIGNATURE} (size {b.shape[-2]} is different from {k})")
    n = b.shape[-1]
    batch_shape = numpy.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    out_shape = tuple(batch_shape) + ((m,) if not a_vec else ()) + ((n,) if not b_vec else ())
    if out is not None:
        _check_out(out, out_shape, dtype, casting, "matmul")
    a = a.astype(dtype, copy=False)
    b = b.astype(dtype, copy=False)
    a3 = _to3(a, batch_shape, m, k)
    b3 = _to3(b, batch_shape, k, n)
    direct = (out is not None and out.dtype == dtype and out.flags.c_contiguous
              and not may_share_memory(out, a) and not may_share_memory(out, b))
    c = out if direct else cupy.empty(out_shape, dtype)
    _matmul3(a3, b3, c.reshape(_prod(batch_shape), m, n))
    if out is None:
        return c
    if not direct:
        _copy_into(out, c)
    return out


def _shape_str(shape):
    # NumPy's formatting in its messages: "(2,3)", "(3,)".
    return "(" + ",".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def _is_scalar_like(x):
    return not isinstance(x, ndarray) and numpy.ndim(x) == 0


def dot(a, b, out=None):
    """Dot product of two arrays (NumPy's ``dot``).

    * 1-d and 1-d: inner product of vectors (a 0-d array);
    * 2-d and 2-d: matrix product;
    * 0-d operand: elementwise multiplication;
    * N-d and 1-d: sum product over the last axis of ``a`` and ``b``;
    * N-d and M-d (M >= 2): sum product over the last axis of ``a`` and the second-to-last
      of ``b``; the result has shape ``a.shape[:-1] + b.shape[:-2] + b.shape[-1:]``.

    Args:
        a, b (cupy.ndarray): operands.
        out (cupy.ndarray): C-contiguous array of the result's shape and exact dtype.

    Returns:
        cupy.ndarray: the product.

    Example:
        >>> cupy.dot(cupy.array([1, 2, 3]), cupy.array([4, 5, 6]))
        array(32)
        >>> cupy.dot(cupy.ones((2, 3)), cupy.ones((4, 3, 5))).shape
        (2, 4, 5)
    """
    if _is_scalar_like(a) or _is_scalar_like(b) or a.ndim == 0 or b.ndim == 0:
        return cupy.multiply(a, b, out=out)
    a, b = _asarray(a), _asarray(b)
    ax_b = 0 if b.ndim == 1 else b.ndim - 2
    if a.shape[-1] != b.shape[ax_b]:
        raise ValueError(f"shapes {_shape_str(a.shape)} and {_shape_str(b.shape)} not "
                         f"aligned: {a.shape[-1]} (dim {a.ndim - 1}) != {b.shape[ax_b]} "
                         f"(dim {ax_b})")
    dtype = numpy.result_type(a.dtype, b.dtype)
    shape = a.shape[:-1] + b.shape[:ax_b] + b.shape[ax_b + 1:]
    if out is not None:
        if (not isinstance(out, ndarray) or out.shape != shape or out.dtype != dtype
                or not out.flags.c_contiguous):
            raise ValueError("output array is not acceptable (must have the right datatype, "
                             "number of dimensions, and be a C-contiguous array)")
    if b.ndim <= 2:
        # a's leading axes are the rows of one matrix: a single (un-batched) product.
        a2 = a.reshape(_prod(a.shape[:-1]), a.shape[-1])
        res = matmul(a2, b)
        res = res.reshape(shape)
    else:
        res = tensordot(a, b, axes=((a.ndim - 1,), (ax_b,)))
    if out is None:
        return res
    _copy_into(out, res)
    return out


def vdot(a, b):
    """Dot product of two vectors, conjugating the first (NumPy's ``vdot``).

    Multidimensional operands are flattened in C order first.

    Returns:
        cupy.ndarray: a 0-d array.

    Example:
        >>> cupy.vdot(cupy.array([1 + 2j, 3j]), cupy.array([1j, 2]))
        array(2.-5.j)
    """
    a, b = _asarray(a).ravel(), _asarray(b).ravel()
    if a.size != b.size:
        raise ValueError("cannot reshape array: vdot operands must have the same size "
                         f"({a.size} != {b.size})")
    dtype = numpy.result_type(a.dtype, b.dtype)
    a = a.astype(dtype, copy=False)
    b = b.astype(dtype, copy=False)
    if dtype not in _blas.SUPPORTED:
        return matmul(a, b)
    out = cupy.empty((), dtype)
    n = a.size
    inc_a = a.strides[0] // a.itemsize if n > 1 else 1
    inc_b = b.strides[0] // b.itemsize if n > 1 else 1
    if inc_a <= 0:
        a, inc_a = a.copy(), 1
    if inc_b <= 0:
        b, inc_b = b.copy(), 1
    _blas.dot(n, a.data.ptr, inc_a, b.data.ptr, inc_b, out.data.ptr, dtype,
              conj=dtype.kind == "c")
    return out


def inner(a, b):
    """Inner product over the last axes (NumPy's ``inner``).

    The result has shape ``a.shape[:-1] + b.shape[:-1]``; with a 0-d operand it is the
    elementwise product.

    Example:
        >>> cupy.inner(cupy.arange(6).reshape(2, 3), cupy.arange(3))
        array([ 5, 14])
    """
    if _is_scalar_like(a) or _is_scalar_like(b) or a.ndim == 0 or b.ndim == 0:
        return cupy.multiply(a, b)
    a, b = _asarray(a), _asarray(b)
    if a.shape[-1] != b.shape[-1]:
        raise ValueError(f"shapes {_shape_str(a.shape)} and {_shape_str(b.shape)} not "
                         f"aligned: {a.shape[-1]} (dim {a.ndim - 1}) != {b.shape[-1]} "
                         f"(dim {b.ndim - 1})")
    return tensordot(a, b, axes=((a.ndim - 1,), (b.ndim - 1,)))


def outer(a, b, out=None):
    """Outer product of two vectors (inputs are flattened): ``out[i, j] = a[i] * b[j]``.

    Example:
        >>> cupy.outer(cupy.array([1, 2]), cupy.array([3, 4, 5]))
        array([[ 3,  4,  5],
               [ 6,  8, 10]])
    """
    a, b = _asarray(a).ravel(), _asarray(b).ravel()
    return cupy.multiply(a.reshape(a.size, 1), b.reshape(1, b.size), out=out)


def _normalize_tensordot_axes(axes, a_ndim, b_ndim):
    try:
        iter(axes)
    except TypeError:
        # NumPy's rule: the last N axes of a with the first N of b; N <= 0 sums over none.
        n = max(int(axes), 0)
        if n > a_ndim or n > b_ndim:
            raise IndexError("tuple index out of range") from None
        return list(range(a_ndim - n, a_ndim)), list(range(n))
    axes_a, axes_b = axes
    axes_a = [axes_a] if numpy.ndim(axes_a) == 0 else list(axes_a)
    axes_b = [axes_b] if numpy.ndim(axes_b) == 0 else list(axes_b)
    if len(axes_a) != len(axes_b):
        raise ValueError("shape-mismatch for sum")
    norm = []
    for axs, nd in ((axes_a, a_ndim), (axes_b, b_ndim)):
        out = []
        for ax in axs:
            ax = int(ax)
            if not -nd <= ax < nd:
                raise numpy.exceptions.AxisError(ax, nd)
            out.append(ax % nd)
        norm.append(out)
    return norm[0], norm[1]


def tensordot(a, b, axes=2):
    """Sum products over the given axes (NumPy's ``tensordot``).

    Args:
        a, b (cupy.ndarray): operands.
        axes (int or (sequence, sequence)): ``N`` sums over the last ``N`` axes of ``a`` and
            the first ``N`` of ``b``; a pair lists the axes of ``a`` and of ``b`` to sum over.

    Returns:
        cupy.ndarray: shape = free axes of ``a`` followed by free axes of ``b``.

    Example:
        >>> a = cupy.arange(24.).reshape(2, 3, 4)
        >>> cupy.tensordot(a, cupy.ones((3, 4)), axes=2)
        array([ 66., 210.])
        >>> cupy.tensordot(a, cupy.ones((4, 2)), axes=([2], [0])).shape
        (2, 3, 2)
    """
    a, b = _asarray(a), _asarray(b)
    axes_a, axes_b = _normalize_tensordot_axes(axes, a.ndim, b.ndim)
    for i, j in zip(axes_a, axes_b):
        if a.shape[i] != b.shape[j]:
            raise ValueError("shape-mismatch for sum")
    free_a = [i for i in range(a.ndim) if i not in axes_a]
    free_b = [j for j in range(b.ndim) if j not in axes_b]
    shape_a = [a.shape[i] for i in free_a]
    shape_b = [b.shape[j] for j in free_b]
    k = _prod(a.shape[i] for i in axes_a)
    a2 = a.transpose(free_a + axes_a).reshape(_prod(shape_a), k)
    b2 = b.transpose(axes_b + free_b).reshape(k, _prod(shape_b))
    return matmul(a2, b2).reshape(shape_a + shape_b)


def kron(a, b):
    """Kronecker product (NumPy's ``kron``): blocks ``a[i, j] * b`` tiled by ``a``'s shape.

    The operand with fewer axes gets leading length-1 axes first.

    Example:
        >>> cupy.kron(cupy.eye(2, dtype=int), cupy.array([[1, 2], [3, 4]]))
        array([[1, 2, 0, 0],
               [3, 4, 0, 0],
               [0, 0, 1, 2],
               [0, 0, 3, 4]])
    """
    a, b = _asarray(a), _asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        return cupy.multiply(a, b)
    nd = max(a.ndim, b.ndim)
    sa = (1,) * (nd - a.ndim) + a.shape
    sb = (1,) * (nd - b.ndim) + b.shape
    res = outer(a, b).reshape(sa + sb)
    # Interleave (a0, b0, a1, b1, ...) so that each a-index selects a block of b.
    perm = [p for i in range(nd) for p in (i, nd + i)]
    return res.transpose(perm).reshape(tuple(x * y for x, y in zip(sa, sb)))


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """Sum along a diagonal (NumPy's ``trace``).

    Args:
        a (cupy.ndarray): array with at least two axes.
        offset (int): diagonal offset (positive: above the main diagonal).
        axis1, axis2 (int): the axes holding the 2-d sub-arrays.
        dtype: accumulation and result type (default as ``sum``: small integers widen).
        out (cupy.ndarray): output array.

    Example:
        >>> cupy.trace(cupy.arange(9).reshape(3, 3))
        array(12)
        >>> cupy.trace(cupy.ones((2, 3, 3)), axis1=1, axis2=2)
        array([3., 3.])
    """
    a = _asarray(a)
    return a.diagonal(offset, axis1, axis2).sum(axis=-1, dtype=dtype, out=out)
