"""Mathematical functions."""
from chainer.functions.math.basic_math import absolute  # NOQA
from chainer.functions.math.basic_math import add  # NOQA
from chainer.functions.math.exponential import exp  # NOQA
from chainer.functions.math.exponential import log  # NOQA
from chainer.functions.math.exponential import log10  # NOQA
from chainer.functions.math.exponential import log2  # NOQA
from chainer.functions.math.identity import identity  # NOQA
from chainer.functions.math.matmul import matmul  # NOQA
from chainer.functions.math.sqrt import rsqrt  # NOQA
from chainer.functions.math.sqrt import sqrt  # NOQA
from chainer.functions.math.square import square  # NOQA
from chainer.functions.math.sum import sum  # NOQA
from chainer.functions.math.sum import sum_to  # NOQA

__all__ = [
    'absolute',
    'add',
    'exp',
    'identity',
    'log',
    'log10',
    'log2',
    'matmul',
    'rsqrt',
    'sqrt',
    'square',
    'sum',
    'sum_to',
]
