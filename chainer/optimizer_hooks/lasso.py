"""L1 regularisation hook."""
import chainer
from chainer.backends import cuda


class Lasso(object):
    """Add ``rate * sign(param)`` to each gradient (L1 regularisation).

    Parameters
    ----------
    rate : float

    Examples
    --------
    >>> p = chainer.Parameter(numpy.array([2., -3.], numpy.float32))
    >>> p.grad = numpy.zeros(2, numpy.float32)
    >>> Lasso(0.1)(None, p)
    >>> p.grad
    array([ 0.1, -0.1], dtype=float32)
    """

    name = 'Lasso'
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
            rate *= param._loss_scale
        with chainer.using_device(param.device):
            if isinstance(g, cuda.ndarray):
                # sign(p) inline, with NumPy's sign of 0 (0) and of NaN
                # (NaN).
                cuda.elementwise(
                    'T p, T decay', 'T g',
                    '''T s = p > T(0) ? T(1) : p < T(0) ? T(-1) :
                             p == T(0) ? T(0) : p;
                       g += decay * s;''',
                    'lasso')(p, rate, g)
            else:
                g += rate * param.device.xp.sign(p)
