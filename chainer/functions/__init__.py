"""Differentiable functions (``chainer.functions``, usually imported as F).

Each group package imports its public functions and lists them in
``__all__``; everything is re-exported here.
"""
from chainer.functions.activation import *  # NOQA
from chainer.functions.array import *  # NOQA
from chainer.functions.connection import *  # NOQA
from chainer.functions.evaluation import *  # NOQA
from chainer.functions.loss import *  # NOQA
from chainer.functions.math import *  # NOQA
from chainer.functions.noise import *  # NOQA
from chainer.functions.normalization import *  # NOQA
from chainer.functions.pooling import *  # NOQA
from chainer.functions.util import *  # NOQA
