"""Polynomials with coefficients highest degree first (NumPy's ``numpy.poly1d`` family):
``poly1d``, ``roots``, ``poly``, ``polyval``, ``polyadd``, ``polysub``, ``polymul``,
``polydiv``, ``polyder``, ``polyint`` and ``polyfit``.

Coefficients stay on the device: roots are the eigenvalues of the companion matrix
(``cupy.linalg.eigvals``), products are convolutions and the long division runs as array
operations. The host only learns what NumPy's results need in their shape or type: where the
leading and trailing zeros end, and whether roots come in conjugate pairs (``poly``). As in
NumPy, every routine returns a ``poly1d`` when one of its polynomial arguments is one.
"""
import warnings

import numpy

import cupy
from cupy._core.core import ndarray
from cupy._math.extras import convolve, vander

__all__ = ["poly1d", "roots", "poly", "polyval", "polyadd", "polysub", "polymul", "polydiv",
           "polyder", "polyint", "polyfit"]


def _asarray(x):
    return x if isinstance(x, ndarray) else cupy.asarray(x)


def _coeffs(p):
    """The coefficients of a ``poly1d`` or an array-like, as a device array."""
    return p.coeffs if isinstance(p, poly1d) else _asarray(p)


def _is_scalar(x):
    # A 0-d device array stands where NumPy has a scalar (``p[i]``, ``polyval(p, 2.0)``).
    return numpy.isscalar(x) or (isinstance(x, ndarray) and x.ndim == 0)


# --- roots -------------------------------------------------------------------------------------

def roots(p):
    """The roots of the polynomial with coefficients ``p`` (highest degree first).

    The roots are the eigenvalues of the companion matrix, computed on the device; leading
    zeros of ``p`` are dropped and each trailing zero adds a root at 0. As in NumPy, they are
    real when they all are, complex otherwise.

    Args:
        p (cupy.ndarray or poly1d): rank-1 coefficients.

    Returns:
        cupy.ndarray: the roots, in no particular order (empty for a constant).

    Raises:
        ValueError: ``p`` is not rank 1.

    Example:
        >>> cupy.roots(cupy.array([1., -3., 2.]))
        array([2., 1.])

    .. seealso:: :func:`numpy.roots`
    """
    from cupy.linalg import eigvals
    p = cupy.atleast_1d(_coeffs(p))
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    nonzero = cupy.flatnonzero(p)
    if nonzero.size == 0:
        return cupy.array([])
    first, last = (int(i) for i in nonzero[[0, -1]].get())
    trailing_zeros = len(p) - last - 1
    p = p[first:last + 1]
    if p.dtype.kind not in "fc":
        p = p.astype(float)
    n = len(p)
    if n > 1:
        companion = cupy.diag(cupy.ones(n - 2, p.dtype), -1)
        companion[0, :] = -p[1:] / p[0]
        r = eigvals(companion)
    else:
        r = cupy.array([])
    return cupy.concatenate((r, cupy.zeros(trailing_zeros, r.dtype)))


def poly(seq_of_zeros):
    """The coefficients of the monic polynomial with the given roots.

    Args:
        seq_of_zeros (cupy.ndarray): rank-1 roots (repeated by multiplicity), or a non-empty
            square matrix, whose characteristic polynomial is returned.

    Returns:
        cupy.ndarray or float: the coefficients, highest degree first (``1.0`` when there are
        no roots). Complex roots that all come in conjugate pairs give real coefficients.

    Raises:
        ValueError: the input is neither rank 1 nor a non-empty square matrix.

    Example:
        >>> cupy.poly(cupy.array([1., 2.]))
        array([ 1., -3.,  2.])

    .. seealso:: :func:`numpy.poly`
    """
    from cupy.linalg import eigvals
    seq = cupy.atleast_1d(_coeffs(seq_of_zeros))
    sh = seq.shape
    if len(sh) == 2 and sh[0] == sh[1] and sh[0] != 0:
        seq = eigvals(seq)
    elif len(sh) == 1:
        seq = seq.astype(numpy.mintypecode(seq.dtype.char), copy=False)
    else:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    n = len(seq)
    if n == 0:
        return 1.0
    a = cupy.zeros(n + 1, seq.dtype)
    a[0] = 1
    for i in range(n):
        # Multiply by (x - z) in place: NumPy's convolution with [1, -z] term by term.
        t = seq[i] * a[:i + 1]
        a[1:i + 2] -= t
    if a.dtype.kind == "c":
        r = seq.astype(numpy.complex128)
        if bool(cupy.all(cupy.sort(r) == cupy.sort(r.conj()))):
            a = a.real.copy()
    return a


# --- evaluation and arithmetic -------------------------------------------------------------------

def polyval(p, x):
    """Evaluate the polynomial with coefficients ``p`` (highest degree first) at ``x``.

    ``x`` may be a ``poly1d``: the result is then the composition ``p(x)``.

    Example:
        >>> cupy.polyval(cupy.array([3, 0, 1]), 5)
        array(76)

    .. seealso:: :func:`numpy.polyval`
    """
    p = _coeffs(p)
    if isinstance(x, poly1d):
        y = 0
    else:
        x = _asarray(x)
        y = cupy.zeros_like(x)
    for i in range(p.shape[0]):
        y = y * x + p[i]
    return y


def _aligned(a1, a2):
    a1 = cupy.atleast_1d(_coeffs(a1))
    a2 = cupy.atleast_1d(_coeffs(a2))
    d = len(a2) - len(a1)
    if d > 0:
        a1 = cupy.concatenate((cupy.zeros(d, a1.dtype), a1))
    elif d < 0:
        a2 = cupy.concatenate((cupy.zeros(-d, a2.dtype), a2))
    return a1, a2


def _wrap(val, *args):
    return poly1d(val) if any(isinstance(a, poly1d) for a in args) else val


def polyadd(a1, a2):
    """Sum of two polynomials (coefficients highest degree first).

    Example:
        >>> cupy.polyadd(cupy.array([1, 2]), cupy.array([9, 5, 4]))
        array([9, 6, 6])

    .. seealso:: :func:`numpy.polyadd`
    """
    x1, x2 = _aligned(a1, a2)
    return _wrap(x1 + x2, a1, a2)


def polysub(a1, a2):
    """Difference of two polynomials (coefficients highest degree first).

    Example:
        >>> cupy.polysub(cupy.array([2, 10, -2]), cupy.array([3, 10, -4]))
        array([-1,  0,  2])

    .. seealso:: :func:`numpy.polysub`
    """
    x1, x2 = _aligned(a1, a2)
    return _wrap(x1 - x2, a1, a2)


def polymul(a1, a2):
    """Product of two polynomials (coefficients highest degree first; leading zeros are
    dropped first, as in NumPy).

    Example:
        >>> cupy.polymul(cupy.array([1, 2, 3]), cupy.array([9, 5, 1]))
        array([ 9, 23, 38, 17,  3])

    .. seealso:: :func:`numpy.polymul`
    """
    val = convolve(poly1d(a1).coeffs, poly1d(a2).coeffs)
    return _wrap(val, a1, a2)


def polydiv(u, v):
    """Quotient and remainder of the division of polynomial ``u`` by ``v``.

    Leading remainder coefficients that are zero to ``1e-8`` (``allclose``'s default) are
    dropped, as in NumPy.

    Returns:
        tuple: ``(q, r)`` with ``u = q * v + r``, floating point (``poly1d`` when ``u`` or
        ``v`` is one).

    Example:
        >>> q, r = cupy.polydiv(cupy.array([3., 5., 2.]), cupy.array([2., 1.]))
        >>> q, r
        (array([1.5 , 1.75]), array([0.25]))

    .. seealso:: :func:`numpy.polydiv`
    """
    u1 = cupy.atleast_1d(_coeffs(u)) + 0.0
    v1 = cupy.atleast_1d(_coeffs(v)) + 0.0
    dtype = numpy.result_type(u1.dtype, v1.dtype)
    m, n = len(u1) - 1, len(v1) - 1
    scale = 1.0 / v1[0]
    q = cupy.zeros(max(m - n + 1, 1), dtype)
    r = u1.astype(dtype)
    for k in range(m - n + 1):
        d = scale * r[k]
        q[k] = d
        r[k:k + n + 1] -= d * v1
    # Drop leading remainder terms that NumPy's ``allclose(r[0], 0, rtol=1e-14)`` calls zero
    # (|r0| <= 1e-8; never NaN), keeping at least one: one transfer instead of one per term.
    big = cupy.flatnonzero(~(abs(r) <= 1e-8))
    start = int(big[0]) if big.size else len(r) - 1
    r = r[min(start, len(r) - 1):]
    if isinstance(u, poly1d) or isinstance(v, poly1d):
        return poly1d(q), poly1d(r)
    return q, r


def polyder(p, m=1):
    """The ``m``-th derivative of a polynomial.

    Example:
        >>> cupy.polyder(cupy.array([1, 1, 1, 1]))
        array([3, 2, 1])

    .. seealso:: :func:`numpy.polyder`
    """
    m = int(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    c = _coeffs(p)
    for _ in range(m):
        c = c[:-1] * cupy.arange(len(c) - 1, 0, -1)
    return _wrap(c, p)


def polyint(p, m=1, k=None):
    """The ``m``-th antiderivative of a polynomial, with integration constants ``k``.

    Example:
        >>> cupy.polyint(cupy.array([3., 2., 1.]))
        array([1., 1., 1., 0.])

    .. seealso:: :func:`numpy.polyint`
    """
    m = int(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    if k is None:
        k = cupy.zeros(m, float)
    k = cupy.atleast_1d(_asarray(k))
    if len(k) == 1 and m > 1:
        k = k[0] * cupy.ones(m, float)
    if len(k) < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    c = _coeffs(p)
    for i in range(m):
        c = cupy.concatenate((c / cupy.arange(len(c), 0, -1), k[i:i + 1]))
    return _wrap(c, p)


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    """Least-squares polynomial fit of degree ``deg`` (coefficients highest degree first).

    Returns the coefficients; with ``full``, also the residuals, rank, singular values and
    ``rcond``; with ``cov``, also the covariance matrix of the coefficients (scaled by
    ``chi2 / (M - deg - 1)`` unless ``cov == 'unscaled'``).

    Example:
        >>> x = cupy.array([0., 1., 2., 3.])
        >>> cupy.polyfit(x, 2 * x + 1, 1)
        array([2., 1.])

    .. seealso:: :func:`numpy.polyfit`
    """
    order = int(deg) + 1
    x = _asarray(x) + 0.0
    y = _asarray(y) + 0.0
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")
    if rcond is None:
        rcond = len(x) * numpy.finfo(x.dtype).eps
    lhs = vander(x, order)
    rhs = y
    if w is not None:
        w = _asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        lhs = lhs * w[:, None]
        rhs = rhs * w if rhs.ndim == 1 else rhs * w[:, None]
    # Column scaling improves the conditioning of the Vandermonde system.
    scale = cupy.sqrt((lhs * lhs).sum(axis=0))
    lhs = lhs / scale
    c, resids, rank, s = cupy.linalg.lstsq(lhs, rhs, rcond)
    c = c / scale if c.ndim == 1 else c / scale[:, None]
    if int(rank) != order and not full:
        warnings.warn("Polyfit may be poorly conditioned", numpy.exceptions.RankWarning,
                      stacklevel=2)
    if full:
        return c, resids, rank, s, rcond
    if cov:
        Vbase = cupy.linalg.inv(lhs.T @ lhs)
        Vbase = Vbase / cupy.outer(scale, scale)
        if cov == "unscaled":
            fac = 1
        else:
            if len(x) <= order:
                raise ValueError("the number of data points must exceed order to scale the "
                                 "covariance matrix")
            fac = resids / (len(x) - order)
        if y.ndim == 1:
            return c, Vbase * fac
        return c, Vbase[:, :, None] * fac
    return c


# --- poly1d --------------------------------------------------------------------------------------

class poly1d:
    """A one-dimensional polynomial with its coefficients on the device.

    Args:
        c_or_r (array_like or poly1d): the coefficients, highest degree first (leading zeros
            are dropped), or with ``r=True`` the roots.
        r (bool): ``c_or_r`` holds the roots (see :func:`poly`).
        variable (str): the name printed for the variable (default ``'x'``).

    Attributes ``coeffs`` (``c``, ``coef``, ``coefficients``), ``order`` (``o``), ``roots``
    (``r``) and ``variable`` are NumPy's. Calling a ``poly1d`` evaluates it (:func:`polyval`),
    on arrays or on another ``poly1d`` (composition); ``+``, ``-``, ``*``, ``/`` and ``**`` work
    with scalars and polynomials (``/`` by a polynomial returns quotient and remainder).
    ``p[k]`` is the coefficient of ``x**k``. Where NumPy returns a scalar (``p(2.0)``,
    ``p[k]``), a 0-d device array is returned.

    Example:
        >>> p = cupy.poly1d([1, 2, 3])
        >>> print(p)
           2
        1 x + 2 x + 3
        >>> p(cupy.array([0, 1]))
        array([3, 6])
        >>> (p * p).coeffs
        array([ 1,  4, 10, 12,  9])

    .. seealso:: :class:`numpy.poly1d`
    """

    __hash__ = None

    def __init__(self, c_or_r, r=False, variable=None):
        if isinstance(c_or_r, poly1d):
            self._coeffs = c_or_r._coeffs
            self._variable = c_or_r._variable if variable is None else variable
            return
        if isinstance(c_or_r, numpy.poly1d) and variable is None:
            variable = c_or_r.variable
            c_or_r = c_or_r.coeffs
        if r:
            c_or_r = poly(c_or_r)
        c = cupy.atleast_1d(_asarray(c_or_r))
        if c.ndim > 1:
            raise ValueError("Polynomial must be 1d only.")
        c = cupy.trim_zeros(c, trim="f")
        if len(c) == 0:
            c = cupy.zeros(1, c.dtype)
        self._coeffs = c
        self._variable = "x" if variable is None else variable

    @property
    def coeffs(self):
        """The coefficients, highest degree first (a device array)."""
        return self._coeffs

    @coeffs.setter
    def coeffs(self, value):
        # Only in-place updates (``p.coeffs *= 2``) assign the array to itself.
        if value is not self._coeffs:
            raise AttributeError("Cannot set attribute")

    @property
    def variable(self):
        """The name of the variable, for printing."""
        return self._variable

    @property
    def order(self):
        """The degree."""
        return len(self._coeffs) - 1

    @property
    def roots(self):
        """The roots (see :func:`roots`)."""
        return roots(self._coeffs)

    r = roots
    c = coef = coefficients = coeffs
    o = order

    def get(self, stream=None):
        """The polynomial as a ``numpy.poly1d`` (its coefficients copied to the host)."""
        return numpy.poly1d(self._coeffs.get(stream=stream), variable=self._variable)

    def __array__(self, dtype=None, copy=None):
        raise TypeError("Implicit conversion to a NumPy array is not allowed. Please use "
                        "`.get()` to construct a NumPy poly1d explicitly.")

    def __repr__(self):
        vals = repr(self._coeffs)[6:-1]       # "array(" ... ")"
        return f"poly1d({vals})"

    def __str__(self):
        # NumPy's two-line layout with raised powers, from the host copy.
        return str(self.get())

    def __len__(self):
        return self.order

    def __iter__(self):
        return iter(self._coeffs)

    def __call__(self, val):
        return polyval(self._coeffs, val)

    def __neg__(self):
        return poly1d(-self._coeffs)

    def __pos__(self):
        return self

    def __mul__(self, other):
        if _is_scalar(other):
            return poly1d(self._coeffs * other)
        return poly1d(polymul(self._coeffs, poly1d(other)._coeffs))

    def __rmul__(self, other):
        if _is_scalar(other):
            return poly1d(other * self._coeffs)
        return poly1d(polymul(self._coeffs, poly1d(other)._coeffs))

    def __add__(self, other):
        return poly1d(polyadd(self._coeffs, poly1d(other)._coeffs))

    def __radd__(self, other):
        return poly1d(polyadd(self._coeffs, poly1d(other)._coeffs))

    def __sub__(self, other):
        return poly1d(polysub(self._coeffs, poly1d(other)._coeffs))

    def __rsub__(self, other):
        return poly1d(polysub(poly1d(other)._coeffs, self._coeffs))

    def __pow__(self, val):
        if not numpy.isscalar(val) or int(val) != val or val < 0:
            raise ValueError("Power to non-negative integers only.")
        res = cupy.array([1])
        for _ in range(int(val)):
            res = polymul(self._coeffs, res)
        return poly1d(res)

    def __truediv__(self, other):
        if _is_scalar(other):
            return poly1d(self._coeffs / other)
        return polydiv(self, poly1d(other))

    def __rtruediv__(self, other):
        if _is_scalar(other):
            return poly1d(other / self._coeffs)
        return polydiv(poly1d(other), self)

    def __eq__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        if self._coeffs.shape != other._coeffs.shape:
            return False
        return bool((self._coeffs == other._coeffs).all())

    def __ne__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        return not self.__eq__(other)

    def __getitem__(self, val):
        if val > self.order or val < 0:
            return self._coeffs.dtype.type(0)
        return self._coeffs[self.order - val]

    def __setitem__(self, key, val):
        if key < 0:
            raise ValueError("Does not support negative powers.")
        if key > self.order:
            zeros = cupy.zeros(key - self.order, self._coeffs.dtype)
            self._coeffs = cupy.concatenate((zeros, self._coeffs))
        self._coeffs[self.order - key] = val

    def integ(self, m=1, k=0):
        """The ``m``-th antiderivative, with integration constants ``k`` (see
        :func:`polyint`)."""
        return poly1d(polyint(self._coeffs, m=m, k=k))

    def deriv(self, m=1):
        """The ``m``-th derivative (see :func:`polyder`)."""
        return poly1d(polyder(self._coeffs, m=m))
