"""AdaGrad."""
from chainer.backends import cuda
from chainer import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.001
_default_hyperparam.eps = 1e-8


class AdaGradRule(optimizer.UpdateRule):
    """``h += grad ** 2; param -= lr * grad / (sqrt(h) + eps)``."""

    def __init__(self, parent_hyperparam=None, lr=None, eps=None):
        super(AdaGradRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr
        if eps is not None:
            self.hyperparam.eps = eps

    def init_state(self, param):
        with param.device:
            self.state['h'] = param.device.xp.zeros_like(param.array)

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        xp = param.device.xp
        h = self.state['h']
        h += grad * grad
        param.array -= self.hyperparam.lr * grad / (
            xp.sqrt(h) + self.hyperparam.eps)

    def update_core_gpu(self, param):
        grad = param.grad
        if grad is None:
            return
        # ``T(sqrt(h))`` rounds float16 once, as NumPy's float16 sqrt does.
        cuda.elementwise(
            'T grad, T lr, T eps', 'T param, T h',
            '''h += grad * grad;
               param -= lr * grad / (T(sqrt(h)) + eps);''',
            'adagrad')(grad, self.hyperparam.lr, self.hyperparam.eps,
                       param.array, self.state['h'])


class AdaGrad(optimizer.GradientMethod):
    """AdaGrad (Duchi et al., 2011).

    Parameters
    ----------
    lr : float
    eps : float

    Examples
    --------
    >>> chainer.optimizers.AdaGrad().lr
    0.001
    """

    def __init__(self, lr=_default_hyperparam.lr, eps=_default_hyperparam.eps):
        super(AdaGrad, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.eps = eps

    lr = optimizer.HyperparameterProxy('lr')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return AdaGradRule(self.hyperparam)
