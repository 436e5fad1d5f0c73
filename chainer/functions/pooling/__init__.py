"""Pooling functions."""
from chainer.functions.pooling.average_pooling_2d import average_pooling_2d  # NOQA
from chainer.functions.pooling.max_pooling_2d import max_pooling_2d  # NOQA
from chainer.functions.pooling.unpooling_2d import unpooling_2d  # NOQA

__all__ = [
    'average_pooling_2d',
    'max_pooling_2d',
    'unpooling_2d',
]
