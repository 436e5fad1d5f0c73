"""Optimizers (``chainer.optimizers``).

Examples
--------
>>> opt = chainer.optimizers.Adam()
>>> opt.setup(chainer.links.Linear(2, 2))  # doctest: +ELLIPSIS
<chainer.optimizers.adam.Adam object at ...>
"""
from chainer.optimizers.ada_grad import AdaGrad  # NOQA
from chainer.optimizers.adam import AdaBound  # NOQA
from chainer.optimizers.adam import Adam  # NOQA
from chainer.optimizers.adam import AdamW  # NOQA
from chainer.optimizers.adam import AMSBound  # NOQA
from chainer.optimizers.adam import AMSGrad  # NOQA
from chainer.optimizers.momentum_sgd import MomentumSGD  # NOQA
from chainer.optimizers.nesterov_ag import NesterovAG  # NOQA
from chainer.optimizers.rmsprop import RMSprop  # NOQA
from chainer.optimizers.sgd import SGD  # NOQA
