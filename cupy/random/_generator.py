"""The legacy API: ``RandomState`` and the module-level functions bound to a global one."""
import threading

import numpy

from cupy.random import _bit_generator
from cupy.random import _distributions as _d
from cupy.random import _multivariate
from cupy.random import _permutation
from cupy.random import _sampling


class RandomState:
    """A random number generator with NumPy's legacy interface (``numpy.random.RandomState``).

    Numbers come from Philox4x32-10 (:class:`cupy.random.Philox`) and are computed on the
    device; a seed gives the same numbers on every backend, though not the numbers NumPy gives.
    Methods return arrays (0-d when ``size`` is None and the parameters are scalars).

    Args:
        seed (None, int or sequence of ints): see :meth:`seed`.

    Example:
        >>> rs = cupy.random.RandomState(0)
        >>> x = rs.normal(1.0, 2.0, size=(2, 3))
        >>> x.shape, x.dtype
        ((2, 3), dtype('float64'))
    """

    def __init__(self, seed=None):
        self._bit_generator = _bit_generator.Philox(seed)

    def seed(self, seed=None):
        """Reset the generator: key from ``seed``, call counter 0.

        Args:
            seed (None, int or sequence of ints): non-negative integers below 2**64 are the
                key itself; None takes entropy from the OS.
        """
        self._bit_generator = _bit_generator.Philox(seed)

    def get_state(self, legacy=True):
        """The generator's state.

        The state is that of our Philox generator, ``{'bit_generator': 'Philox', 'state':
        {'key': int, 'offset': int}}`` (a new dict on each call), not NumPy's MT19937 tuple:
        it can be given back to :meth:`set_state` of a cupy ``RandomState`` only.

        Args:
            legacy (bool): accepted for NumPy's signature; the state is the same dict either
                way.

        Example:
            >>> rs = cupy.random.RandomState(0)
            >>> st = rs.get_state()
            >>> a = rs.rand(2); rs.set_state(st)
            >>> bool((rs.rand(2) == a).all())
            True
        """
        return self._bit_generator.state

    def set_state(self, state):
        """Restore a state returned by :meth:`get_state`.

        Raises:
            ValueError: ``state`` is not a Philox state dict (NumPy's MT19937 states are not
                accepted).
        """
        self._bit_generator.state = state

    def bytes(self, length):
        """``length`` random bytes, as a Python ``bytes`` (copied from the device).

        Example:
            >>> len(cupy.random.RandomState(0).bytes(10))
            10
        """
        return _d.random_bytes(self._bit_generator, length)

    # --- uniform ---------------------------------------------------------------------------
    def random_sample(self, size=None, dtype=float):
        """Uniform floats in [0, 1) (53 random bits for float64, 24 for float32).

        Example:
            >>> u = cupy.random.RandomState(1).random_sample(4)
            >>> bool(((0 <= u) & (u < 1)).all())
            True
        """
        return _d.random(self._bit_generator, size, dtype)

    random = random_sample
    ranf = random_sample
    sample = random_sample

    def rand(self, *size, dtype=float):
        """Uniform floats in [0, 1) of shape ``size``.

        Example:
            >>> cupy.random.RandomState(0).rand(2, 3).shape
            (2, 3)
        """
        return self.random_sample(size if size else None, dtype)

    def randn(self, *size, dtype=float):
        """Standard normal floats of shape ``size``.

        Example:
            >>> cupy.random.RandomState(0).randn(4).shape
            (4,)
        """
        return self.standard_normal(size if size else None, dtype)

    def uniform(self, low=0.0, high=1.0, size=None, dtype=float):
        """Uniform floats in [low, high).

        Example:
            >>> x = cupy.random.RandomState(0).uniform(-1, 1, 100)
            >>> bool(((-1 <= x) & (x < 1)).all())
            True
        """
        return _d.uniform(self._bit_generator, low, high, size, dtype)

    def randint(self, low, high=None, size=None, dtype=int):
        """Integers in [low, high) (in [0, low) when ``high`` is None), exactly uniform.

        Raises:
            ValueError: ``low >= high`` or a bound outside the range of ``dtype``.
            TypeError: ``dtype`` is not an integer or bool dtype.

        Example:
            >>> x = cupy.random.RandomState(0).randint(0, 6, size=10, dtype=cupy.int8)
            >>> x.dtype, bool(((0 <= x) & (x < 6)).all())
            (dtype('int8'), True)
        """
        return _sampling.integers(self._bit_generator, low, high, size, dtype, False)

    def random_integers(self, low, high=None, size=None):
        """Integers in [low, high] (in [1, low] when ``high`` is None); int64."""
        if high is None:
            low, high = 1, low
        return _sampling.integers(self._bit_generator, low, high, size, numpy.int64, True)

    def tomaxint(self, size=None):
        """Integers in [0, ``sys.maxsize``]."""
        hi = numpy.iinfo(numpy.int64).max
        return _sampling.integers(self._bit_generator, 0, hi, size, numpy.int64, True)

    # --- continuous ------------------------------------------------------------------------
    def standard_normal(self, size=None, dtype=float):
        """Standard normal floats (Box-Muller)."""
        return _d.standard_normal(self._bit_generator, size, dtype)

    def normal(self, loc=0.0, scale=1.0, size=None, dtype=float):
        """Normal floats with mean ``loc`` and standard deviation ``scale`` (>= 0).

        Example:
            >>> cupy.random.RandomState(0).normal([0, 10], 1.0).shape
            (2,)
        """
        return _d.normal(self._bit_generator, loc, scale, size, dtype)

    def lognormal(self, mean=0.0, sigma=1.0, size=None, dtype=float):
        """``exp`` of normal floats."""
        return _d.lognormal(self._bit_generator, mean, sigma, size, dtype)

    def standard_exponential(self, size=None, dtype=float):
        """Exponential floats with scale 1."""
        return _d.standard_exponential(self._bit_generator, size, dtype)

    def exponential(self, scale=1.0, size=None, dtype=float):
        """Exponential floats with scale ``scale`` (>= 0)."""
        return _d.exponential(self._bit_generator, scale, size, dtype)

    def standard_gamma(self, shape, size=None, dtype=float):
        """Gamma floats with scale 1 (Marsaglia-Tsang)."""
        return _d.gamma(self._bit_generator, shape, 1.0, size, dtype)

    def gamma(self, shape, scale=1.0, size=None, dtype=float):
        """Gamma floats.

        Example:
            >>> x = cupy.random.RandomState(0).gamma(2.0, 3.0, size=1000)
            >>> bool((x > 0).all())
            True
        """
        return _d.gamma(self._bit_generator, shape, scale, size, dtype)

    def beta(self, a, b, size=None, dtype=float):
        """Beta floats (``a``, ``b`` > 0)."""
        return _d.beta(self._bit_generator, a, b, size, dtype)

    def chisquare(self, df, size=None, dtype=float):
        """Chi-square floats with ``df`` (> 0) degrees of freedom."""
        return _d.chisquare(self._bit_generator, df, size, dtype)

    def laplace(self, loc=0.0, scale=1.0, size=None, dtype=float):
        """Laplace (double exponential) floats."""
        return _d.laplace(self._bit_generator, loc, scale, size, dtype)

    def logistic(self, loc=0.0, scale=1.0, size=None, dtype=float):
        """Logistic floats."""
        return _d.logistic(self._bit_generator, loc, scale, size, dtype)

    def gumbel(self, loc=0.0, scale=1.0, size=None, dtype=float):
        """Gumbel (extreme value type I) floats."""
        return _d.gumbel(self._bit_generator, loc, scale, size, dtype)

    def rayleigh(self, scale=1.0, size=None, dtype=float):
        """Rayleigh floats."""
        return _d.rayleigh(self._bit_generator, scale, size, dtype)

    def weibull(self, a, size=None, dtype=float):
        """Weibull floats with shape ``a`` (>= 0)."""
        return _d.weibull(self._bit_generator, a, size, dtype)

    def pareto(self, a, size=None, dtype=float):
        """Pareto II (Lomax) floats with shape ``a`` (> 0), as NumPy."""
        return _d.pareto(self._bit_generator, a, size, dtype)

    def power(self, a, size=None, dtype=float):
        """Floats in [0, 1] with density ``a x**(a-1)`` (``a`` > 0)."""
        return _d.power(self._bit_generator, a, size, dtype)

    def triangular(self, left, mode, right, size=None, dtype=float):
        """Triangular floats on [left, right] with peak at ``mode``."""
        return _d.triangular(self._bit_generator, left, mode, right, size, dtype)

    def standard_cauchy(self, size=None, dtype=float):
        """Standard Cauchy floats (inversion).

        Example:
            >>> cupy.random.RandomState(0).standard_cauchy((2, 2)).shape
            (2, 2)
        """
        return _d.standard_cauchy(self._bit_generator, size, dtype)

    def standard_t(self, df, size=None, dtype=float):
        """Student's t floats with ``df`` (> 0) degrees of freedom.

        Example:
            >>> cupy.random.RandomState(0).standard_t([1.0, 10.0]).shape
            (2,)
        """
        return _d.standard_t(self._bit_generator, df, size, dtype)

    def f(self, dfnum, dfden, size=None, dtype=float):
        """F (Fisher-Snedecor) floats (``dfnum``, ``dfden`` > 0).

        Example:
            >>> bool((cupy.random.RandomState(0).f(3.0, 5.0, size=10) > 0).all())
            True
        """
        return _d.f(self._bit_generator, dfnum, dfden, size, dtype)

    def noncentral_chisquare(self, df, nonc, size=None, dtype=float):
        """Noncentral chi-square floats (``df`` > 0, ``nonc`` >= 0).

        Example:
            >>> cupy.random.RandomState(0).noncentral_chisquare(3.0, 2.0, size=5).shape
            (5,)
        """
        return _d.noncentral_chisquare(self._bit_generator, df, nonc, size, dtype)

    def noncentral_f(self, dfnum, dfden, nonc, size=None, dtype=float):
        """Noncentral F floats (``dfnum``, ``dfden`` > 0, ``nonc`` >= 0).

        Example:
            >>> cupy.random.RandomState(0).noncentral_f(3.0, 5.0, 1.0, size=5).shape
            (5,)
        """
        return _d.noncentral_f(self._bit_generator, dfnum, dfden, nonc, size, dtype)

    def vonmises(self, mu, kappa, size=None, dtype=float):
        """Von Mises floats on [-pi, pi] with mode ``mu`` and concentration ``kappa`` (>= 0).

        Example:
            >>> x = cupy.random.RandomState(0).vonmises(0.0, 4.0, size=10)
            >>> bool((abs(x) <= cupy.pi).all())
            True
        """
        return _d.vonmises(self._bit_generator, mu, kappa, size, dtype)

    def wald(self, mean, scale, size=None, dtype=float):
        """Wald (inverse Gaussian) floats (``mean``, ``scale`` > 0).

        Example:
            >>> bool((cupy.random.RandomState(0).wald(1.0, 2.0, size=10) > 0).all())
            True
        """
        return _d.wald(self._bit_generator, mean, scale, size, dtype)

    # --- discrete --------------------------------------------------------------------------
    def binomial(self, n, p, size=None, dtype=int):
        """Binomial integers (inversion for small ``n*p``, BTRS otherwise).

        Example:
            >>> x = cupy.random.RandomState(0).binomial(10, 0.5, size=5)
            >>> bool(((0 <= x) & (x <= 10)).all())
            True
        """
        return _d.binomial(self._bit_generator, n, p, size, dtype)

    def poisson(self, lam=1.0, size=None, dtype=int):
        """Poisson integers (multiplication for ``lam`` < 10, PTRS otherwise)."""
        return _d.poisson(self._bit_generator, lam, size, dtype)

    def geometric(self, p, size=None, dtype=int):
        """Geometric integers on {1, 2, ...} (number of trials to the first success)."""
        return _d.geometric(self._bit_generator, p, size, dtype)

    def negative_binomial(self, n, p, size=None, dtype=int):
        """Negative binomial integers: failures before the ``n``-th success (``n`` > 0, may be
        real) with success probability ``p`` in [0, 1] (a Poisson-gamma mixture).

        Example:
            >>> x = cupy.random.RandomState(0).negative_binomial(3, 0.5, size=4)
            >>> x.dtype
            dtype('int64')
        """
        return _d.negative_binomial(self._bit_generator, n, p, size, dtype)

    def hypergeometric(self, ngood, nbad, nsample, size=None, dtype=int):
        """Hypergeometric integers: good items among ``nsample`` drawn without replacement
        from ``ngood`` good and ``nbad`` bad ones (``nsample`` >= 1).

        Example:
            >>> x = cupy.random.RandomState(0).hypergeometric(5, 10, 6, size=100)
            >>> bool(((0 <= x) & (x <= 5)).all())
            True
        """
        return _d.hypergeometric(self._bit_generator, ngood, nbad, nsample, size, dtype)

    def zipf(self, a, size=None, dtype=int):
        """Zipf integers on {1, 2, ...} with ``P(k) ~ k**-a`` (``a`` > 1).

        Example:
            >>> bool((cupy.random.RandomState(0).zipf(2.0, size=10) >= 1).all())
            True
        """
        return _d.zipf(self._bit_generator, a, size, dtype)

    def logseries(self, p, size=None, dtype=int):
        """Logarithmic series integers on {1, 2, ...} (``p`` in [0, 1)).

        Example:
            >>> bool((cupy.random.RandomState(0).logseries(0.6, size=10) >= 1).all())
            True
        """
        return _d.logseries(self._bit_generator, p, size, dtype)

    # --- multivariate ----------------------------------------------------------------------
    def dirichlet(self, alpha, size=None, dtype=float):
        """Dirichlet vectors: shape ``size + (len(alpha),)``, each row summing to 1.

        Args:
            alpha (sequence of floats): concentrations (> 0).
            size (int or tuple of ints): the number of vectors.
            dtype: float64 or float32.

        Example:
            >>> x = cupy.random.RandomState(0).dirichlet([1.0, 2.0, 3.0], size=4)
            >>> x.shape, bool(cupy.allclose(x.sum(axis=1), 1.0))
            ((4, 3), True)
        """
        return _multivariate.dirichlet(self._bit_generator, alpha, size, dtype)

    def multinomial(self, n, pvals, size=None):
        """Multinomial counts of ``n`` trials over ``len(pvals)`` outcomes (int64), shape
        ``size + (len(pvals),)``; the last outcome takes the mass ``pvals`` leave over.

        Example:
            >>> x = cupy.random.RandomState(0).multinomial(20, [0.2, 0.3, 0.5], size=2)
            >>> x.shape, x.sum(axis=1).tolist()
            ((2, 3), [20, 20])
        """
        return _multivariate.multinomial(self._bit_generator, n, pvals, size)

    def multivariate_normal(self, mean, cov, size=None, check_valid="ignore", tol=1e-08,
                            method="cholesky", dtype=float):
        """Multivariate normal vectors, shape ``size + (len(mean),)``.

        Args:
            mean (1-d array_like): the mean, of length N.
            cov (2-d array_like): the N x N covariance (symmetric positive semi-definite).
            size (int or tuple of ints): the number of vectors.
            check_valid ({'ignore', 'warn', 'raise'}): what to do when ``method`` is 'svd' or
                'eigh' and ``cov`` is not positive semi-definite (checked within ``tol``).
                'cholesky' checks by failing: it raises ``LinAlgError`` unless ``cov`` is
                positive definite.
            tol (float): tolerance of the check.
            method ({'cholesky', 'eigh', 'svd'}): the factorization of ``cov`` (computed
                with ``cupy.linalg``). CuPy's defaults; NumPy's legacy method is 'svd'.
            dtype: float64 or float32.

        Example:
            >>> rs = cupy.random.RandomState(0)
            >>> rs.multivariate_normal([0.0, 1.0], [[1.0, 0.5], [0.5, 2.0]], size=3).shape
            (3, 2)
        """
        return _multivariate.multivariate_normal(self._bit_generator, mean, cov, size,
                                                 check_valid, tol, method, dtype)

    # --- permutations ----------------------------------------------------------------------
    def choice(self, a, size=None, replace=True, p=None):
        """Samples of ``a`` (an int n means ``arange(n)``), with or without replacement, with
        probabilities ``p`` or uniform.

        Example:
            >>> x = cupy.random.RandomState(0).choice(5, 3, replace=False)
            >>> len(set(x.tolist()))
            3
        """
        return _d.choice(self._bit_generator, a, size, replace, p)

    def permutation(self, a):
        """A permuted ``arange(a)`` or a shuffled copy of the array ``a`` (along axis 0).

        Example:
            >>> sorted(cupy.random.RandomState(0).permutation(4).tolist())
            [0, 1, 2, 3]
        """
        return _d.permutation(self._bit_generator, a)

    def shuffle(self, a):
        """Shuffle the ``cupy.ndarray`` ``a`` in place along its first axis."""
        _permutation.shuffle_axis0(self._bit_generator, a)


# --- the global RandomState ----------------------------------------------------------------
_lock = threading.Lock()
# One global RandomState per device, as in CuPy (``reset_states`` replaces the dict, which
# ``cupy.testing`` relies on to save and restore the states).
_random_states = {}


def _device_id():
    from cupy.cuda import device
    return device.get_device_id()


def get_random_state():
    """The global :class:`RandomState` of the current device (created on first use; seeded
    from ``CUPY_SEED`` when that variable is set).

    Example:
        >>> isinstance(cupy.random.get_random_state(), cupy.random.RandomState)
        True
    """
    dev = _device_id()
    with _lock:
        rs = _random_states.get(dev)
        if rs is None:
            import os
            env = os.environ.get("CUPY_SEED")
            rs = RandomState(None if env is None else int(env))
            _random_states[dev] = rs
        return rs


def set_random_state(rs):
    """Replace the global :class:`RandomState` of the current device."""
    if not isinstance(rs, RandomState):
        raise TypeError(f"Random state must be an instance of RandomState. "
                        f"Actual: {type(rs)}")
    dev = _device_id()
    with _lock:
        _random_states[dev] = rs


def reset_states():
    """Forget the global random states of all devices (new ones are made on first use)."""
    global _random_states
    with _lock:
        _random_states = {}


def seed(seed=None):
    """Reseed the global :class:`RandomState`.

    Example:
        >>> cupy.random.seed(0); a = cupy.random.rand(3)
        >>> cupy.random.seed(0); b = cupy.random.rand(3)
        >>> bool((a == b).all())
        True
    """
    get_random_state().seed(seed)


def get_state():
    """The state of the current device's global :class:`RandomState`.

    It is the state of our Philox generator, a dict ``{'bit_generator': 'Philox', 'state':
    {'key': int, 'offset': int}}``, not NumPy's MT19937 tuple; :func:`set_state` takes it back.

    Example:
        >>> st = cupy.random.get_state()
        >>> a = cupy.random.rand(3)
        >>> cupy.random.set_state(st)
        >>> bool((cupy.random.rand(3) == a).all())
        True
    """
    return get_random_state().get_state()


def set_state(state):
    """Restore the current device's global :class:`RandomState` to ``state`` (a dict from
    :func:`get_state`).

    Raises:
        ValueError: ``state`` is not a Philox state dict.
    """
    get_random_state().set_state(state)


def _bind(name):
    def f(*args, **kwargs):
        return getattr(get_random_state(), name)(*args, **kwargs)
    method = getattr(RandomState, name)
    f.__name__ = name
    f.__qualname__ = name
    f.__doc__ = method.__doc__
    return f


_FUNCTIONS = (
    "rand", "randn", "randint", "random_integers", "random_sample", "random", "ranf", "sample",
    "uniform", "standard_normal", "normal", "lognormal", "standard_exponential", "exponential",
    "standard_gamma", "gamma", "beta", "chisquare", "laplace", "logistic", "gumbel", "rayleigh",
    "weibull", "pareto", "power", "triangular", "binomial", "poisson", "geometric", "choice",
    "permutation", "shuffle", "tomaxint", "standard_cauchy", "standard_t", "f",
    "noncentral_chisquare", "noncentral_f", "vonmises", "wald", "zipf", "logseries",
    "negative_binomial", "hypergeometric", "dirichlet", "multinomial", "multivariate_normal",
    "bytes",
)
globals().update({_n: _bind(_n) for _n in _FUNCTIONS})
__all__ = ["RandomState", "get_random_state", "set_random_state", "reset_states", "seed",
           "get_state", "set_state"] + list(_FUNCTIONS)
