"""The new API: ``Generator`` over a bit generator, and ``default_rng``."""
import numpy

import cupy
from cupy.random import _bit_generator
from cupy.random import _distributions as _d
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
        """Gamma floats with scale 1."""
        if out is not None:
            raise NotImplementedError("out is not supported by standard_gamma")
        return _d.gamma(self._bit_generator, shape, 1.0, size, dtype)

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
