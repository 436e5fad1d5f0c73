"""Initializers drawing from a zero-mean normal distribution."""
import numpy

from chainer import backend
from chainer import initializer
from chainer.initializers.constant import _check_dtype


def _fill_normal(array, scale, rng):
    if rng is None:
        xp = backend.get_array_module(array)
        array[...] = xp.random.normal(loc=0.0, scale=scale, size=array.shape)
    else:
        # A user-supplied generator is NumPy-based: draw on the host and
        # copy to the array's device.
        backend.copyto(array, numpy.asarray(
            rng.normal(loc=0.0, scale=scale, size=array.shape),
            dtype=array.dtype))


class Normal(initializer.Initializer):
    """Draw from :math:`N(0, \\mathrm{scale}^2)`.

    Parameters
    ----------
    scale : float
        Standard deviation.
    dtype : dtype-like, optional
    rng : numpy.random.RandomState or Generator, optional
        Source of randomness; the array module's global one when None.

    Examples
    --------
    >>> a = numpy.empty((100, 100), numpy.float32)
    >>> chainer.initializers.Normal(0.1, rng=numpy.random.RandomState(0))(a)
    >>> bool(abs(a.std() - 0.1) < 0.01)
    True
    """

    def __init__(self, scale=0.05, dtype=None, rng=None):
        self.scale = scale
        self.rng = rng
        super(Normal, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        _fill_normal(array, self.scale, self.rng)


class LeCunNormal(initializer.Initializer):
    """Normal with std ``scale * sqrt(1 / fan_in)``.

    Examples
    --------
    >>> a = numpy.empty((200, 400), numpy.float32)
    >>> chainer.initializers.LeCunNormal(rng=numpy.random.RandomState(0))(a)
    >>> bool(abs(a.std() - 0.05) < 0.001)
    True
    """

    def __init__(self, scale=1.0, dtype=None, rng=None):
        self.scale = scale
        self.rng = rng
        super(LeCunNormal, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, _ = initializer.get_fans(array.shape)
        _fill_normal(array, self.scale * numpy.sqrt(1. / fan_in), self.rng)


class GlorotNormal(initializer.Initializer):
    """Normal with std ``scale * sqrt(2 / (fan_in + fan_out))``.

    Examples
    --------
    >>> a = numpy.empty((100, 300), numpy.float32)
    >>> chainer.initializers.GlorotNormal(rng=numpy.random.RandomState(0))(a)
    >>> bool(abs(a.std() - numpy.sqrt(2. / 400)) < 0.002)
    True
    """

    def __init__(self, scale=1.0, dtype=None, rng=None):
        self.scale = scale
        self.rng = rng
        super(GlorotNormal, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, fan_out = initializer.get_fans(array.shape)
        s = self.scale * numpy.sqrt(2. / (fan_in + fan_out))
        _fill_normal(array, s, self.rng)


class HeNormal(initializer.Initializer):
    """Normal with std ``scale * sqrt(2 / fan)`` (``fan_option`` picks fan).

    Parameters
    ----------
    scale : float
    dtype : dtype-like, optional
    fan_option : {'fan_in', 'fan_out'}
    rng : numpy.random.RandomState, optional

    Examples
    --------
    >>> a = numpy.empty((100, 200), numpy.float32)
    >>> chainer.initializers.HeNormal(rng=numpy.random.RandomState(0))(a)
    >>> bool(abs(a.std() - 0.1) < 0.002)
    True
    """

    def __init__(self, scale=1.0, dtype=None, fan_option='fan_in', rng=None):
        self.scale = scale
        self.fan_option = fan_option
        self.rng = rng
        super(HeNormal, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, fan_out = initializer.get_fans(array.shape)
        if self.fan_option == 'fan_in':
            s = self.scale * numpy.sqrt(2. / fan_in)
        elif self.fan_option == 'fan_out':
            s = self.scale * numpy.sqrt(2. / fan_out)
        else:
            raise ValueError(
                'fan_option should be either \'fan_in\' or \'fan_out\'.')
        _fill_normal(array, s, self.rng)
