"""Noise injection functions."""
from chainer.functions.noise.dropout import dropout  # NOQA

__all__ = [
    'dropout',
]
