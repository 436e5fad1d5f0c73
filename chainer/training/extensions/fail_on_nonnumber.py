"""Extension stopping training when parameters become NaN or infinite."""

from chainer import backend
from chainer.training import extension


class FailOnNonNumber(extension.Extension):
    """Trainer extension raising RuntimeError on NaN or Inf parameters.

    Parameters
    ----------
    check_grad : bool, optional
        Also check the gradients.
    """

    def __init__(self, check_grad=True):
        self._check_grad = check_grad

    def __call__(self, trainer):
        optimizers = trainer.updater.get_all_optimizers()
        for name, optimizer in optimizers.items():
            target = optimizer.target
            for param in target.params():
                xp = backend.get_array_module(param.array)
                if param.array is not None and \
                        not xp.isfinite(param.array).all():
                    raise RuntimeError(
                        'Kill the process since parameters in optimizer'
                        ' \'{}\' diverge. R.I.P.'.format(name))
                if self._check_grad and param.grad is not None and \
                        not xp.isfinite(param.grad).all():
                    raise RuntimeError(
                        'Kill the process since grads in optimizer'
                        ' \'{}\' diverge. R.I.P.'.format(name))
