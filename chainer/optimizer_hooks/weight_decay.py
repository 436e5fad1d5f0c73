"""L2 regularisation hook."""
import chainer
from chainer.backends import cuda


class WeightDecay(object):
    """Add ``rate * param`` to each gradient (L2 regularisation).

    Parameters
    ----------
    rate : float

    Attributes
    ----------
    name : str
        'WeightDecay'.
    timing : str
        'pre' (before the update).

    Examples
    --------
    >>> p = chainer.Parameter(numpy.array([2.], numpy.float32))
    >>> p.grad = numpy.array([1.], numpy.float32)
    >>> WeightDecay(0.5)(None, p)
    >>> p.grad
    array([2.], dtype=float32)
    """

    name = 'WeightDecay'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, rate):
        self.rate = rate

    def __call__(self, rule, param):
        p, g = param.array, param.grad
        if p is None or g is None:
            return
        rate = self.rate
        if param._loss_scale is not None:
            # The gradient is still scaled; scale the decay the same way.
            rate *= param._loss_scale
        with chainer.using_device(param.device):
            if isinstance(g, cuda.ndarray):
                cuda.elementwise('T p, T decay', 'T g', 'g += decay * p',
                                 'weight_decay')(p, rate, g)
            else:
                g += rate * p
