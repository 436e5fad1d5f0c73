"""The new API: ``Generator`` over a bit generator, and ``default_rng``."""
import numpy

import cupy
from cupy.random import _bit_generator
from cupy.random import _distributions as _d
from cupy.random import _multivariate
from cupy.random import _permutation
from cupy.random import _sampling


class Generator:
    """A random number generator with NumPy's ``numpy.random.Generator`` interface.

    Args:
        bit_generator (cupy.random.BitGenerator): where the numbers come from.

    Example:
        >>> rng = cupy.random.default_rng(42)
        >>> rng.integers(0, 10, size=3).dtype
        dtype('int64')
    """

    def __init__(self, bit_generator):
        if not isinstance(bit_generator, _bit_generator.BitGenerator):
            raise TypeError("bit_generator must be a cupy.random.BitGenerator")
        self._bit_generator = bit_generator

    @property
    def bit_generator(self):
        """The bit generator."""
        return self._bit_generator

    def __repr__(self):
        return f"Generator({type(self._bit_generator).__name__})"

    def random(self, size=None, dtype=numpy.float64, out=None):
        """Uniform floats in [0, 1).

        Example:
            >>> cupy.random.default_rng(0).random((2, 2), dtype=cupy.float32).dtype
            dtype('float32')
        """
        return _d.random(self._bit_generator, size, dtype, out)

    def integers(self, low, high=None, size=None, dtype=numpy.int64, endpoint=False):
        """Integers in [low, high) (or [low, high] with ``endpoint``), exactly uniform.

        Example:
            >>> x = cupy.random.default_rng(0).integers(1, 6, size=8, endpoint=True)
            >>> bool(((1 <= x) & (x <= 6)).all())
            True
        """
        return _sampling.integers(self._bit_generator, low, high, size, dtype, endpoint)

    def standard_normal(self, size=None, dtype=numpy.float64, out=None):
        """Standard normal floats."""
        return _d.standard_normal(self._bit_generator, size, dtype, out)

    def normal(self, loc=0.0, scale=1.0, size=None):
        """Normal floats with mean ``loc`` and standard deviation ``scale``."""
        return _d.normal(self._bit_generator, loc, scale, size)

    def uniform(self, low=0.0, high=1.0, size=None):
        """Uniform floats in [low, high)."""
        return _d.uniform(self._bit_generator, low, high, size)

    def standard_exponential(self, size=None, dtype=numpy.float64, method="zig", out=None):
        """Exponential floats with scale 1 (``method`` is accepted for compatibility)."""
        if method not in ("zig", "inv"):
            raise ValueError("method must be 'zig' or 'inv'")
        return _d.standard_exponential(self._bit_generator, size, dtype, out)

    def exponential(self, scale=1.0, size=None):
        """Exponential floats with scale ``scale``."""
        return _d.exponential(self._bit_generator, scale, size)

    def standard_gamma(self, shape, size=None, dtype=numpy.float64, out=None):
        """Gamma floats with scale 1 (into ``out`` when given)."""
        return _d.gamma(self._bit_generator, shape, 1.0, size, dtype, out)

    def gamma(self, shape, scale=1.0, size=None):
        """Gamma floats."""
        return _d.gamma(self._bit_generator, shape, scale, size)

    def beta(self, a, b, size=None):
        """Beta floats."""
        return _d.beta(self._bit_generator, a, b, size)

    def chisquare(self, df, size=None):
        """Chi-square floats."""
        return _d.chisquare(self._bit_generator, df, size)

    def binomial(self, n, p, size=None):
        """Binomial integers (int64)."""
        return _d.binomial(self._bit_generator, n, p, size)

    def poisson(self, lam=1.0, size=None):
        """Poisson integers (int64)."""
        return _d.poisson(self._bit_generator, lam, size)

    def geometric(self, p, size=None):
        """Geometric integers on {1, 2, ...} (int64)."""
        return _d.geometric(self._bit_generator, p, size)

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        """``exp`` of normal floats."""
        return _d.lognormal(self._bit_generator, mean, sigma, size)

    def laplace(self, loc=0.0, scale=1.0, size=None):
        """Laplace (double exponential) floats."""
        return _d.laplace(self._bit_generator, loc, scale, size)

    def logistic(self, loc=0.0, scale=1.0, size=None):
        """Logistic floats."""
        return _d.logistic(self._bit_generator, loc, scale, size)

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        """Gumbel (extreme value type I) floats."""
        return _d.gumbel(self._bit_generator, loc, scale, size)

    def rayleigh(self, scale=1.0, size=None):
        """Rayleigh floats."""
        return _d.rayleigh(self._bit_generator, scale, size)

    def weibull(self, a, size=None):
        """Weibull floats with shape ``a`` (>= 0)."""
        return _d.weibull(self._bit_generator, a, size)

    def pareto(self, a, size=None):
        """Pareto II (Lomax) floats with shape ``a`` (> 0)."""
        return _d.pareto(self._bit_generator, a, size)

    def power(self, a, size=None):
        """Floats in [0, 1] with density ``a x**(a-1)`` (``a`` > 0)."""
        return _d.power(self._bit_generator, a, size)

    def triangular(self, left, mode, right, size=None):
        """Triangular floats on [left, right] with peak at ``mode``."""
        return _d.triangular(self._bit_generator, left, mode, right, size)

    def standard_cauchy(self, size=None):
        """Standard Cauchy floats.

        Example:
            >>> cupy.random.default_rng(0).standard_cauchy(3).shape
            (3,)
        """
        return _d.standard_cauchy(self._bit_generator, size)

    def standard_t(self, df, size=None):
        """Student's t floats with ``df`` (> 0) degrees of freedom."""
        return _d.standard_t(self._bit_generator, df, size)

    def f(self, dfnum, dfden, size=None):
        """F (Fisher-Snedecor) floats."""
        return _d.f(self._bit_generator, dfnum, dfden, size)

    def noncentral_chisquare(self, df, nonc, size=None):
        """Noncentral chi-square floats."""
        return _d.noncentral_chisquare(self._bit_generator, df, nonc, size)

    def noncentral_f(self, dfnum, dfden, nonc, size=None):
        """Noncentral F floats."""
        return _d.noncentral_f(self._bit_generator, dfnum, dfden, nonc, size)

    def vonmises(self, mu, kappa, size=None):
        """Von Mises floats on [-pi, pi]."""
        return _d.vonmises(self._bit_generator, mu, kappa, size)

    def wald(self, mean, scale, size=None):
        """Wald (inverse Gaussian) floats."""
        return _d.wald(self._bit_generator, mean, scale, size)

    def zipf(self, a, size=None):
        """Zipf integers on {1, 2, ...} (int64, ``a`` > 1)."""
        return _d.zipf(self._bit_generator, a, size)

    def logseries(self, p, size=None):
        """Logarithmic series integers on {1, 2, ...} (int64, ``p`` in [0, 1))."""
        return _d.logseries(self._bit_generator, p, size)

    def negative_binomial(self, n, p, size=None):
        """Negative binomial integers (int64; ``n`` > 0, ``p`` in (0, 1]).

        Example:
            >>> cupy.random.default_rng(0).negative_binomial(5, 0.3, size=4).dtype
            dtype('int64')
        """
        return _d.negative_binomial(self._bit_generator, n, p, size, legacy=False)

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        """Hypergeometric integers (int64; ``ngood``, ``nbad`` < 10**9, ``nsample`` >= 0)."""
        return _d.hypergeometric(self._bit_generator, ngood, nbad, nsample, size,
                                 legacy=False)

    def dirichlet(self, alpha, size=None):
        """Dirichlet vectors, shape ``size + (len(alpha),)`` (``alpha`` >= 0; components
        with ``alpha`` 0 are 0).

        Example:
            >>> x = cupy.random.default_rng(0).dirichlet([0.5, 0.5], size=3)
            >>> bool(cupy.allclose(x.sum(axis=-1), 1.0))
            True
        """
        return _multivariate.dirichlet(self._bit_generator, alpha, size, legacy=False)

    def multinomial(self, n, pvals, size=None):
        """Multinomial counts (int64). ``n`` and the rows of ``pvals`` (its last axis holds
        the probabilities) broadcast; the result has shape ``size + (pvals.shape[-1],)``, or
        the broadcast shape followed by it.

        Example:
            >>> x = cupy.random.default_rng(0).multinomial([10, 20], [0.5, 0.5])
            >>> x.sum(axis=-1).tolist()
            [10, 20]
        """
        return _multivariate.multinomial(self._bit_generator, n, pvals, size, legacy=False)

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *,
                            method="svd"):
        """Multivariate normal vectors, shape ``size + (len(mean),)``.

        ``method`` ('svd', 'eigh' or 'cholesky') picks the factorization of ``cov``, computed
        with ``cupy.linalg``; for 'svd' and 'eigh', ``check_valid`` ('warn', 'raise' or
        'ignore') says what to do when ``cov`` is not positive semi-definite within ``tol``.
        'cholesky' raises ``LinAlgError`` unless ``cov`` is positive definite.

        Example:
            >>> g = cupy.random.default_rng(0)
            >>> g.multivariate_normal([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], size=5).shape
            (5, 2)
        """
        return _multivariate.multivariate_normal(self._bit_generator, mean, cov, size,
                                                 check_valid, tol, method)

    def multivariate_hypergeometric(self, colors, nsample, size=None, method="marginals"):
        """Counts per color of ``nsample`` items drawn without replacement from a population
        with ``colors[j]`` items of color ``j`` (int64, shape ``size + (len(colors),)``).

        Each count is drawn given the earlier ones (hypergeometric marginals) in one kernel
        thread per draw. ``method`` ('marginals' or 'count') keeps NumPy's limits: 'marginals'
        needs ``sum(colors) < 10**9``; both give the same distribution.

        Example:
            >>> x = cupy.random.default_rng(0).multivariate_hypergeometric([3, 4, 5], 6, 2)
            >>> x.sum(axis=-1).tolist()
            [6, 6]
        """
        return _multivariate.multivariate_hypergeometric(self._bit_generator, colors, nsample,
                                                         size, method)

    def permuted(self, x, *, axis=None, out=None):
        """``x`` with each slice along ``axis`` shuffled independently (the flattened array
        when ``axis`` is None); into ``out`` when given (which may be ``x``).

        Example:
            >>> x = cupy.arange(6).reshape(2, 3)
            >>> y = cupy.random.default_rng(0).permuted(x, axis=1)
            >>> cupy.sort(y, axis=1).tolist()
            [[0, 1, 2], [3, 4, 5]]
        """
        return _permutation.permuted(self._bit_generator, x, axis, out)

    def bytes(self, length):
        """``length`` random bytes, as a Python ``bytes`` (copied from the device)."""
        return _d.random_bytes(self._bit_generator, length)

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        """Samples of ``a`` (an int n means ``arange(n)``) along ``axis`` 0 of a 1-d array.

        Example:
            >>> cupy.random.default_rng(0).choice([10, 20, 30], size=4, p=[0.5, 0.5, 0]).shape
            (4,)
        """
        if axis != 0:
            raise NotImplementedError("choice supports axis=0 only")
        return _d.choice(self._bit_generator, a, size, replace, p)

    def permutation(self, x, axis=0):
        """A permuted ``arange(x)``, or a copy of ``x`` shuffled along ``axis``."""
        if isinstance(x, cupy.ndarray) or numpy.ndim(x) > 0:
            arr = x if isinstance(x, cupy.ndarray) else cupy.asarray(numpy.asarray(x))
            out = arr.copy()
            self.shuffle(out, axis)
            return out
        return _d.permutation(self._bit_generator, x)

    def shuffle(self, x, axis=0):
        """Shuffle the ``cupy.ndarray`` ``x`` in place along ``axis``.

        Example:
            >>> x = cupy.arange(10)
            >>> cupy.random.default_rng(0).shuffle(x)
            >>> sorted(x.tolist()) == list(range(10))
            True
        """
        if not isinstance(x, cupy.ndarray):
            raise TypeError("x must be a cupy.ndarray")
        if x.ndim == 0:
            raise TypeError("An array with at least one dimension is required")
        axis = numpy.lib.array_utils.normalize_axis_index(axis, x.ndim)
        # A view with ``axis`` first shares x's memory, so the shuffle lands in x.
        _permutation.shuffle_axis0(self._bit_generator, x.swapaxes(0, axis) if axis else x)


def default_rng(seed=None):
    """A :class:`Generator` over :class:`Philox`.

    Args:
        seed (None, int, sequence of ints, BitGenerator or Generator): a Generator is returned
            as is; a BitGenerator is wrapped; anything else seeds a new Philox.

    Example:
        >>> a = cupy.random.default_rng(7).standard_normal(3)
        >>> b = cupy.random.default_rng(7).standard_normal(3)
        >>> bool((a == b).all())
        True
    """
    if isinstance(seed, Generator):
        return seed
    if isinstance(seed, _bit_generator.BitGenerator):
        return Generator(seed)
    return Generator(_bit_generator.Philox(seed))
