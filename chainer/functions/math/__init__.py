"""Mathematical functions."""
from chainer.functions.activation.lstm import lstm  # NOQA
from chainer.functions.math.average import average  # NOQA
from chainer.functions.math.average import mean  # NOQA
from chainer.functions.math.basic_math import absolute  # NOQA
from chainer.functions.math.basic_math import add  # NOQA
from chainer.functions.math.batch_matmul import batch_matmul  # NOQA
from chainer.functions.math.clip import clip  # NOQA
from chainer.functions.math.exponential import exp  # NOQA
from chainer.functions.math.exponential import log  # NOQA
from chainer.functions.math.exponential import log10  # NOQA
from chainer.functions.math.exponential import log2  # NOQA
from chainer.functions.math.identity import identity  # NOQA
from chainer.functions.math.linear_interpolate import linear_interpolate  # NOQA
from chainer.functions.math.logsumexp import logsumexp  # NOQA
from chainer.functions.math.matmul import matmul  # NOQA
from chainer.functions.math.maximum import maximum  # NOQA
from chainer.functions.math.minimum import minimum  # NOQA
from chainer.functions.math.minmax import argmax  # NOQA
from chainer.functions.math.minmax import argmin  # NOQA
from chainer.functions.math.minmax import max  # NOQA
from chainer.functions.math.minmax import min  # NOQA
from chainer.functions.math.sqrt import rsqrt  # NOQA
from chainer.functions.math.sqrt import sqrt  # NOQA
from chainer.functions.math.square import square  # NOQA
from chainer.functions.math.sum import sum  # NOQA
from chainer.functions.math.sum import sum_to  # NOQA

__all__ = [
    'absolute',
    'add',
    'argmax',
    'argmin',
    'average',
    'batch_matmul',
    'clip',
    'exp',
    'identity',
    'linear_interpolate',
    'log',
    'log10',
    'log2',
    'logsumexp',
    'lstm',
    'matmul',
    'max',
    'maximum',
    'mean',
    'min',
    'minimum',
    'rsqrt',
    'sqrt',
    'square',
    'sum',
    'sum_to',
]
