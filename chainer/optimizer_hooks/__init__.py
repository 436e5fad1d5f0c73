"""Optimizer hooks (``chainer.optimizer_hooks``): modify gradients before
(or after) the parameter update.

Examples
--------
>>> model = chainer.links.Linear(2, 2)
>>> opt = chainer.optimizers.SGD().setup(model)
>>> opt.add_hook(chainer.optimizer_hooks.WeightDecay(1e-4))
"""
from chainer.optimizer_hooks.gradient_clipping import GradientClipping  # NOQA
from chainer.optimizer_hooks.gradient_hard_clipping import GradientHardClipping  # NOQA
from chainer.optimizer_hooks.gradient_noise import exponential_decay_noise  # NOQA
from chainer.optimizer_hooks.gradient_noise import GradientNoise  # NOQA
from chainer.optimizer_hooks.lasso import Lasso  # NOQA
from chainer.optimizer_hooks.weight_decay import WeightDecay  # NOQA
