"""Element-wise gradient clipping hook."""
import chainer


class GradientHardClipping(object):
    """Clip every gradient element into ``[lower_bound, upper_bound]``.

    Parameters
    ----------
    lower_bound, upper_bound : float

    Examples
    --------
    >>> p = chainer.Parameter(numpy.zeros(3, numpy.float32))
    >>> p.grad = numpy.array([-2., 0.5, 3.], numpy.float32)
    >>> GradientHardClipping(-1., 1.)(None, p)
    >>> p.grad
    array([-1. ,  0.5,  1. ], dtype=float32)
    """

    name = 'GradientHardClipping'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, lower_bound, upper_bound):
        self.lower_bound = lower_bound
        self.upper_bound = upper_bound

    def __call__(self, rule, param):
        grad = param.grad
        if grad is None:
            return
        lower, upper = self.lower_bound, self.upper_bound
        if param._loss_scale is not None:
            lower *= param._loss_scale
            upper *= param._loss_scale
        with chainer.using_device(param.device):
            param.device.xp.clip(grad, lower, upper, out=grad)
