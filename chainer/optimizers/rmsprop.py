"""RMSprop."""
from chainer.backends import cuda
from chainer import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.alpha = 0.99
_default_hyperparam.eps = 1e-8
_default_hyperparam.eps_inside_sqrt = False


class RMSpropRule(optimizer.UpdateRule):
    """RMSprop update::

        ms = alpha * ms + (1 - alpha) * grad ** 2
        param -= lr * grad / (sqrt(ms) + eps)      # or sqrt(ms + eps)
    """

    def __init__(self, parent_hyperparam=None, lr=None, alpha=None,
                 eps=None, eps_inside_sqrt=None):
        super(RMSpropRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr
        if alpha is not None:
            self.hyperparam.alpha = alpha
        if eps is not None:
            self.hyperparam.eps = eps
        if eps_inside_sqrt is not None:
            self.hyperparam.eps_inside_sqrt = eps_inside_sqrt

    def init_state(self, param):
        with param.device:
            self.state['ms'] = param.device.xp.zeros_like(param.array)

    def _check_eps(self, dtype):
        hp = self.hyperparam
        eps = dtype.type(hp.eps)
        if hp.eps != 0 and eps == 0:
            # eps would vanish in the parameter's precision and divisions
            # by zero would follow.
            raise ValueError(
                'eps of RMSprop optimizer is too small for {} ({})'.format(
                    dtype.name, hp.eps))
        return eps

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        hp = self.hyperparam
        eps = self._check_eps(grad.dtype)
        xp = param.device.xp
        ms = self.state['ms']
        ms *= hp.alpha
        ms += (1 - hp.alpha) * grad * grad
        if hp.eps_inside_sqrt:
            denom = xp.sqrt(ms + eps)
        else:
            denom = xp.sqrt(ms) + eps
        param.array -= hp.lr * grad / denom

    def update_core_gpu(self, param):
        grad = param.grad
        if grad is None:
            return
        hp = self.hyperparam
        eps = self._check_eps(grad.dtype)
        if hp.eps_inside_sqrt:
            denom = 'T(sqrt(ms + eps))'
        else:
            denom = 'T(sqrt(ms)) + eps'
        # ``1 - alpha`` is formed in double precision, as on the CPU.
        cuda.elementwise(
            'T grad, T lr, T alpha, T one_minus_alpha, T eps',
            'T param, T ms',
            '''ms = alpha * ms + one_minus_alpha * grad * grad;
               param -= lr * grad / ({});'''.format(denom),
            'rmsprop')(grad, hp.lr, hp.alpha, 1 - hp.alpha, eps,
                       param.array, self.state['ms'])


class RMSprop(optimizer.GradientMethod):
    """RMSprop (Tieleman and Hinton, 2012).

    Parameters
    ----------
    lr : float
    alpha : float
        Decay of the squared-gradient average.
    eps : float
    eps_inside_sqrt : bool
        Put ``eps`` inside the square root (TensorFlow style).

    Examples
    --------
    >>> chainer.optimizers.RMSprop().alpha
    0.99
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 alpha=_default_hyperparam.alpha, eps=_default_hyperparam.eps,
                 eps_inside_sqrt=_default_hyperparam.eps_inside_sqrt):
        super(RMSprop, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.alpha = alpha
        self.hyperparam.eps = eps
        self.hyperparam.eps_inside_sqrt = eps_inside_sqrt

    lr = optimizer.HyperparameterProxy('lr')
    alpha = optimizer.HyperparameterProxy('alpha')
    eps = optimizer.HyperparameterProxy('eps')
    eps_inside_sqrt = optimizer.HyperparameterProxy('eps_inside_sqrt')

    def create_update_rule(self):
        return RMSpropRule(self.hyperparam)
