"""Loss functions."""
from chainer.functions.loss.hinge import hinge  # NOQA
from chainer.functions.loss.huber_loss import huber_loss  # NOQA
from chainer.functions.loss.mean_absolute_error import mean_absolute_error  # NOQA
from chainer.functions.loss.mean_squared_error import mean_squared_error  # NOQA
from chainer.functions.loss.sigmoid_cross_entropy import sigmoid_cross_entropy  # NOQA
from chainer.functions.loss.softmax_cross_entropy import softmax_cross_entropy  # NOQA

__all__ = [
    'hinge',
    'huber_loss',
    'mean_absolute_error',
    'mean_squared_error',
    'sigmoid_cross_entropy',
    'softmax_cross_entropy',
]
