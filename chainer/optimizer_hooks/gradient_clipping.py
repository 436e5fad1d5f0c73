"""Gradient norm clipping hook."""
import numpy

import chainer
from chainer import backend


def _sum_sqnorm(arr):
    # Sums per device first so only one scalar per device is transferred.
    sq_sum = {}
    for x in arr:
        device = backend.get_device_from_array(x)
        with chainer.using_device(device):
            x = x.ravel()
            s = device.xp.dot(x, x)
            key = str(device)
            if key in sq_sum:
                sq_sum[key] += s
            else:
                sq_sum[key] = s
    return sum(float(backend.CpuDevice().send(v)) for v in sq_sum.values())


class GradientClipping(object):
    """Rescale all gradients so their global L2 norm is <= threshold.

    Parameters
    ----------
    threshold : float

    Examples
    --------
    >>> model = chainer.links.Linear(1, 1, initialW=0., nobias=True)
    >>> opt = chainer.optimizers.SGD(lr=1.).setup(model)
    >>> opt.add_hook(GradientClipping(1.0))
    >>> model.W.grad = numpy.array([[10.]], numpy.float32)
    >>> opt.update()
    >>> model.W.array
    array([[-1.]], dtype=float32)
    """

    name = 'GradientClipping'
    timing = 'pre'

    def __init__(self, threshold):
        self.threshold = threshold

    def __call__(self, opt):
        grads = [p.grad for p in opt.target.params(False)
                 if p.grad is not None]
        norm = numpy.sqrt(_sum_sqnorm(grads))
        if norm == 0:
            return
        rate = self.threshold / norm
        if rate >= 1:
            return
        for param in opt.target.params(False):
            grad = param.grad
            if grad is None:
                continue
            with chainer.using_device(param.device):
                grad *= grad.dtype.type(rate)
