"""Evaluation functions (metrics)."""
from chainer.functions.evaluation.accuracy import accuracy  # NOQA

__all__ = [
    'accuracy',
]
