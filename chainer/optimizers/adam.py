"""Adam and its variants (AMSGrad, AdaBound, AMSBound)."""
import math

from chainer.backends import cuda
from chainer import optimizer

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.alpha = 0.001
_default_hyperparam.beta1 = 0.9
_default_hyperparam.beta2 = 0.999
_default_hyperparam.eps = 1e-8
_default_hyperparam.eta = 1.0
_default_hyperparam.weight_decay_rate = 0
_default_hyperparam.amsgrad = False
_default_hyperparam.adabound = False
_default_hyperparam.final_lr = 0.1
_default_hyperparam.gamma = 1e-3


def _learning_rate(hp, t):
    if t == 0:
        raise RuntimeError(
            'Can\'t determine the learning rate of Adam optimizer '
            'because the update steps have not been started.')
    fix1 = 1. - math.pow(hp.beta1, t)
    fix2 = 1. - math.pow(hp.beta2, t)
    return hp.alpha * math.sqrt(fix2) / fix1


class AdamRule(optimizer.UpdateRule):
    """Adam update with bias correction, decoupled weight decay and
    optional AMSGrad / AdaBound::

        m += (1 - beta1) * (grad - m)
        v += (1 - beta2) * (grad ** 2 - v)
        vhat = max(vhat, v) if amsgrad else v
        step = alpha_t / (sqrt(vhat) + eps)       # clipped if adabound
        param -= eta * (step * m + weight_decay_rate * param)

    with ``alpha_t = alpha * sqrt(1 - beta2 ** t) / (1 - beta1 ** t)``.
    State: ``m``, ``v`` and, with amsgrad, ``vhat``.
    """

    def __init__(self, parent_hyperparam=None, alpha=None, beta1=None,
                 beta2=None, eps=None, eta=None, weight_decay_rate=None,
                 amsgrad=None, adabound=None, final_lr=None, gamma=None):
        super(AdamRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        hp = self.hyperparam
        for name, value in (('alpha', alpha), ('beta1', beta1),
                            ('beta2', beta2), ('eps', eps), ('eta', eta),
                            ('weight_decay_rate', weight_decay_rate),
                            ('amsgrad', amsgrad), ('adabound', adabound),
                            ('final_lr', final_lr), ('gamma', gamma)):
            if value is not None:
                setattr(hp, name, value)
        self.initial_alpha = None

    def init_state(self, param):
        xp = param.device.xp
        with param.device:
            self.state['m'] = xp.zeros_like(param.array)
            self.state['v'] = xp.zeros_like(param.array)
            if self.hyperparam.amsgrad:
                self.state['vhat'] = xp.zeros_like(param.array)
        if self.hyperparam.adabound:
            self.initial_alpha = self.hyperparam.alpha

    def _check_eps(self, dtype):
        eps = dtype.type(self.hyperparam.eps)
        if self.hyperparam.eps != 0 and eps == 0:
            raise ValueError(
                'eps of Adam optimizer is too small for {} ({})'.format(
                    dtype.name, self.hyperparam.eps))

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        hp = self.hyperparam
        self._check_eps(grad.dtype)
        xp = param.device.xp
        m, v = self.state['m'], self.state['v']
        m += (1 - hp.beta1) * (grad - m)
        v += (1 - hp.beta2) * (grad * grad - v)
        if hp.amsgrad:
            vhat = self.state['vhat']
            xp.maximum(vhat, v, out=vhat)
        else:
            vhat = v
        step = self.alpha_t / (xp.sqrt(vhat) + hp.eps)
        if hp.adabound:
            lower, upper = self._bounds()
            step = xp.clip(step, lower, upper)
        param.array -= (hp.eta * (step * m + hp.weight_decay_rate
                                  * param.array)).astype(param.dtype,
                                                         copy=False)

    def update_core_gpu(self, param):
        grad = param.grad
        if grad is None:
            return
        hp = self.hyperparam
        self._check_eps(grad.dtype)
        if hp.adabound:
            lower, upper = self._bounds()
        else:
            lower = upper = 0
        outs = [param.array, self.state['m'], self.state['v']]
        if hp.amsgrad:
            outs.append(self.state['vhat'])
        _adam_kernel(bool(hp.amsgrad), bool(hp.adabound))(
            grad, self.alpha_t, 1 - hp.beta1, 1 - hp.beta2, hp.eps, hp.eta,
            hp.weight_decay_rate, lower, upper, *outs)

    def _bounds(self):
        hp = self.hyperparam
        initial_alpha = self.initial_alpha
        if initial_alpha is None:
            initial_alpha = hp.alpha
        # The final rate follows alpha when it is scheduled.
        final_lr = hp.final_lr * hp.alpha / initial_alpha
        lower = final_lr * (1.0 - 1.0 / (hp.gamma * self.t + 1))
        upper = final_lr * (1.0 + 1.0 / (hp.gamma * self.t))
        return lower, upper

    @property
    def alpha_t(self):
        """Bias-corrected step size of the current step."""
        return _learning_rate(self.hyperparam, self.t)

    @property
    def lr(self):
        """Alias of :attr:`alpha_t`."""
        return self.alpha_t


@cuda.memoize(for_each_device=True)
def _adam_kernel(amsgrad, adabound):
    # One kernel per parameter and step.  Every operation is done in the
    # parameter's dtype, in the order of ``update_core_cpu``, and the
    # ``1 - beta`` coefficients come in formed in double precision, so
    # that both paths round alike.  The comparisons keep NumPy's NaN
    # propagation of ``maximum`` and ``clip``.
    out_params = 'T param, T m, T v'
    body = ['m += one_minus_beta1 * (grad - m);',
            'v += one_minus_beta2 * (grad * grad - v);']
    if amsgrad:
        out_params += ', T vhat'
        body.append('vhat = (vhat >= v || vhat != vhat) ? vhat : v;')
        body.append('T step = alpha_t / (T(sqrt(vhat)) + eps);')
    else:
        body.append('T step = alpha_t / (T(sqrt(v)) + eps);')
    if adabound:
        body.append('step = step < lower ? lower : step;')
        body.append('step = step > upper ? upper : step;')
    body.append('param -= eta * (step * m + weight_decay_rate * param);')
    name = 'adam' + ('_amsgrad' if amsgrad else '') + (
        '_adabound' if adabound else '')
    return cuda.elementwise(
        'T grad, T alpha_t, T one_minus_beta1, T one_minus_beta2, T eps, '
        'T eta, T weight_decay_rate, T lower, T upper',
        out_params, '\n'.join(body), name)


class Adam(optimizer.GradientMethod):
    """Adam (Kingma and Ba, 2015) with optional AMSGrad and AdaBound.

    Parameters
    ----------
    alpha : float
        Step size.
    beta1, beta2 : float
        Decay rates of the first and second moment averages.
    eps : float
    eta : float
        Schedule multiplier of the whole step.
    weight_decay_rate : float
        Decoupled weight decay (AdamW).
    amsgrad : bool
        Use the running maximum of the second moment.
    adabound : bool
        Clip the per-element step into bounds converging to ``final_lr``.
    final_lr, gamma : float
        AdaBound's final rate and bound convergence speed.

    Examples
    --------
    >>> opt = chainer.optimizers.Adam(alpha=0.01)
    >>> opt.t = 1
    >>> round(opt.alpha_t, 6)
    0.003162
    """

    def __init__(self, alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta,
                 weight_decay_rate=_default_hyperparam.weight_decay_rate,
                 amsgrad=_default_hyperparam.amsgrad,
                 adabound=_default_hyperparam.adabound,
                 final_lr=_default_hyperparam.final_lr,
                 gamma=_default_hyperparam.gamma):
        super(Adam, self).__init__()
        self.hyperparam.alpha = alpha
        self.hyperparam.beta1 = beta1
        self.hyperparam.beta2 = beta2
        self.hyperparam.eps = eps
        self.hyperparam.eta = eta
        self.hyperparam.weight_decay_rate = weight_decay_rate
        self.hyperparam.amsgrad = amsgrad
        self.hyperparam.adabound = adabound
        self.hyperparam.final_lr = final_lr
        self.hyperparam.gamma = gamma

    alpha = optimizer.HyperparameterProxy('alpha')
    beta1 = optimizer.HyperparameterProxy('beta1')
    beta2 = optimizer.HyperparameterProxy('beta2')
    eps = optimizer.HyperparameterProxy('eps')
    eta = optimizer.HyperparameterProxy('eta')
    weight_decay_rate = optimizer.HyperparameterProxy('weight_decay_rate')
    amsgrad = optimizer.HyperparameterProxy('amsgrad')
    adabound = optimizer.HyperparameterProxy('adabound')
    final_lr = optimizer.HyperparameterProxy('final_lr')
    gamma = optimizer.HyperparameterProxy('gamma')

    def create_update_rule(self):
        return AdamRule(self.hyperparam)

    @property
    def alpha_t(self):
        """Bias-corrected step size for the optimizer's step ``t``."""
        return _learning_rate(self.hyperparam, self.t)

    @property
    def lr(self):
        """Alias of :attr:`alpha_t`."""
        return self.alpha_t


class AdamW(Adam):
    """Adam with decoupled weight decay (same as ``Adam`` with
    ``weight_decay_rate``)."""


class AMSGrad(Adam):
    """Adam with ``amsgrad=True``."""

    def __init__(self, alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 eps=_default_hyperparam.eps, eta=_default_hyperparam.eta,
                 weight_decay_rate=_default_hyperparam.weight_decay_rate):
        super(AMSGrad, self).__init__(
            alpha=alpha, beta1=beta1, beta2=beta2, eps=eps, eta=eta,
            weight_decay_rate=weight_decay_rate, amsgrad=True)


class AdaBound(Adam):
    """Adam with ``adabound=True`` (Luo et al., 2019)."""

    def __init__(self, alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 final_lr=_default_hyperparam.final_lr,
                 gamma=_default_hyperparam.gamma,
                 eps=_default_hyperparam.eps, eta=_default_hyperparam.eta,
                 weight_decay_rate=_default_hyperparam.weight_decay_rate):
        super(AdaBound, self).__init__(
            alpha=alpha, beta1=beta1, beta2=beta2, eps=eps, eta=eta,
            weight_decay_rate=weight_decay_rate, adabound=True,
            final_lr=final_lr, gamma=gamma)


class AMSBound(Adam):
    """Adam with ``amsgrad=True`` and ``adabound=True``."""

    def __init__(self, alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 final_lr=_default_hyperparam.final_lr,
                 gamma=_default_hyperparam.gamma,
                 eps=_default_hyperparam.eps, eta=_default_hyperparam.eta,
                 weight_decay_rate=_default_hyperparam.weight_decay_rate):
        super(AMSBound, self).__init__(
            alpha=alpha, beta1=beta1, beta2=beta2, eps=eps, eta=eta,
            weight_decay_rate=weight_decay_rate, amsgrad=True,
            adabound=True, final_lr=final_lr, gamma=gamma)
