"""Initializers drawing from a symmetric uniform distribution."""
import numpy

from chainer import backend
from chainer import initializer
from chainer.initializers.constant import _check_dtype


def _fill_uniform(array, scale, rng):
    if rng is None:
        xp = backend.get_array_module(array)
        array[...] = xp.random.uniform(low=-scale, high=scale,
                                       size=array.shape)
    else:
        # A user-supplied generator is NumPy-based: draw on the host.
        backend.copyto(array, numpy.asarray(
            rng.uniform(low=-scale, high=scale, size=array.shape),
            dtype=array.dtype))


class Uniform(initializer.Initializer):
    """Draw from :math:`U(-\\mathrm{scale}, \\mathrm{scale})`.

    Examples
    --------
    >>> a = numpy.empty(1000, numpy.float32)
    >>> chainer.initializers.Uniform(0.1)(a)
    >>> bool(abs(a).max() <= 0.1)
    True
    """

    def __init__(self, scale=0.05, dtype=None, rng=None):
        self.scale = scale
        self.rng = rng
        super(Uniform, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        _fill_uniform(array, self.scale, self.rng)


class LeCunUniform(initializer.Initializer):
    """Uniform with bound ``scale * sqrt(3 / fan_in)``.

    Examples
    --------
    >>> a = numpy.empty((10, 12), numpy.float32)
    >>> chainer.initializers.LeCunUniform()(a)
    >>> bool(abs(a).max() <= 0.5)
    True
    """

    def __init__(self, scale=1.0, dtype=None, rng=None):
        self.scale = scale
        self.rng = rng
        super(LeCunUniform, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, _ = initializer.get_fans(array.shape)
        _fill_uniform(array, self.scale * numpy.sqrt(3. / fan_in), self.rng)


class GlorotUniform(initializer.Initializer):
    """Uniform with bound ``scale * sqrt(6 / (fan_in + fan_out))``.

    Examples
    --------
    >>> a = numpy.empty((10, 14), numpy.float32)
    >>> chainer.initializers.GlorotUniform()(a)
    >>> bool(abs(a).max() <= 0.5)
    True
    """

    def __init__(self, scale=1.0, dtype=None, rng=None):
        self.scale = scale
        self.rng = rng
        super(GlorotUniform, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, fan_out = initializer.get_fans(array.shape)
        s = self.scale * numpy.sqrt(6. / (fan_in + fan_out))
        _fill_uniform(array, s, self.rng)


class HeUniform(initializer.Initializer):
    """Uniform with bound ``scale * sqrt(6 / fan_in)``.

    Examples
    --------
    >>> a = numpy.empty((10, 24), numpy.float32)
    >>> chainer.initializers.HeUniform()(a)
    >>> bool(abs(a).max() <= 0.5)
    True
    """

    def __init__(self, scale=1.0, dtype=None, rng=None):
        self.scale = scale
        self.rng = rng
        super(HeUniform, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, _ = initializer.get_fans(array.shape)
        _fill_uniform(array, self.scale * numpy.sqrt(6. / fan_in), self.rng)
