"""Nesterov's accelerated gradient."""
from chainer.backends import cuda
from chainer import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.momentum = 0.9


class NesterovAGRule(optimizer.UpdateRule):
    """Nesterov update in the reformulation of Bengio et al. (2013)::

        v = momentum * v - lr * grad
        param += momentum ** 2 * v - (1 + momentum) * lr * grad
    """

    def __init__(self, parent_hyperparam=None, lr=None, momentum=None):
        super(NesterovAGRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr
        if momentum is not None:
            self.hyperparam.momentum = momentum

    def init_state(self, param):
        with param.device:
            self.state['v'] = param.device.xp.zeros_like(param.array)

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        v = self.state['v']
        lr, momentum = self.hyperparam.lr, self.hyperparam.momentum
        v *= momentum
        v -= lr * grad
        param.array += momentum * momentum * v
        param.array -= (1 + momentum) * lr * grad

    def update_core_gpu(self, param):
        grad = param.grad
        if grad is None:
            return
        lr, momentum = self.hyperparam.lr, self.hyperparam.momentum
        # The coefficients are formed in double precision, as on the CPU,
        # so both paths round the same products.
        cuda.elementwise(
            'T grad, T lr, T momentum, T momentum_sq, T grad_coeff',
            'T param, T v',
            '''v = momentum * v - lr * grad;
               param += momentum_sq * v;
               param -= grad_coeff * grad;''',
            'nesterov_ag')(grad, lr, momentum, momentum * momentum,
                           (1 + momentum) * lr, param.array,
                           self.state['v'])


class NesterovAG(optimizer.GradientMethod):
    """Nesterov's accelerated gradient.

    Parameters
    ----------
    lr : float
    momentum : float

    Examples
    --------
    >>> chainer.optimizers.NesterovAG(lr=0.1).lr
    0.1
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 momentum=_default_hyperparam.momentum):
        super(NesterovAG, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.momentum = momentum

    lr = optimizer.HyperparameterProxy('lr')
    momentum = optimizer.HyperparameterProxy('momentum')

    def create_update_rule(self):
        return NesterovAGRule(self.hyperparam)
