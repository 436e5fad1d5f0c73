"""Gradient noise hook (Neelakantan et al., 2015)."""
import numpy

import chainer


def exponential_decay_noise(xp, shape, dtype, hook, opt):
    """Gaussian noise with std ``sqrt(eta / (1 + t) ** 0.55)``.

    ``opt`` is the update rule; its ``t`` is the step count.
    """
    std = numpy.sqrt(hook.eta / numpy.power(1 + opt.t, 0.55))
    return xp.random.normal(0, std, shape).astype(dtype)


class GradientNoise(object):
    """Add time-decaying Gaussian noise to each gradient.

    Parameters
    ----------
    eta : float
        Noise scale.
    noise_func : callable
        ``noise_func(xp, shape, dtype, hook, rule)`` returning the noise.

    Examples
    --------
    >>> p = chainer.Parameter(numpy.zeros(2, numpy.float32))
    >>> p.grad = numpy.zeros(2, numpy.float32)
    >>> rule = chainer.optimizers.SGD().create_update_rule()
    >>> GradientNoise(0.01)(rule, p)
    >>> bool((p.grad != 0).all())
    True
    """

    name = 'GradientNoise'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, eta, noise_func=exponential_decay_noise):
        self.eta = eta
        self.noise_func = noise_func

    def __call__(self, rule, param):
        g = param.grad
        if g is None:
            return
        with chainer.using_device(param.device):
            xp = param.device.xp
            g += self.noise_func(xp, g.shape, g.dtype, self, rule)
