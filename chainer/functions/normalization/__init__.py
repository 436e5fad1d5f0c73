"""Normalization functions."""
from chainer.functions.normalization.batch_normalization import batch_normalization  # NOQA
from chainer.functions.normalization.batch_normalization import fixed_batch_normalization  # NOQA
from chainer.functions.normalization.layer_normalization import layer_normalization  # NOQA

__all__ = [
    'batch_normalization',
    'fixed_batch_normalization',
    'layer_normalization',
]
