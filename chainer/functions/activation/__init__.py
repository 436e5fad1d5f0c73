"""Activation functions."""
from chainer.functions.activation.elu import elu  # NOQA
from chainer.functions.activation.hard_sigmoid import hard_sigmoid  # NOQA
from chainer.functions.activation.leaky_relu import leaky_relu  # NOQA
from chainer.functions.activation.log_softmax import log_softmax  # NOQA
from chainer.functions.activation.maxout import maxout  # NOQA
from chainer.functions.activation.relu import relu  # NOQA
from chainer.functions.activation.selu import selu  # NOQA
from chainer.functions.activation.sigmoid import sigmoid  # NOQA
from chainer.functions.activation.softmax import softmax  # NOQA
from chainer.functions.activation.softplus import softplus  # NOQA
from chainer.functions.activation.swish import swish  # NOQA
from chainer.functions.activation.tanh import tanh  # NOQA

__all__ = [
    'elu',
    'hard_sigmoid',
    'leaky_relu',
    'log_softmax',
    'maxout',
    'relu',
    'selu',
    'sigmoid',
    'softmax',
    'softplus',
    'swish',
    'tanh',
]
