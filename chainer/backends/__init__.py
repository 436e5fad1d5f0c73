"""Backends: :mod:`chainer.backends.cpu` and :mod:`chainer.backends.cuda`."""
from chainer.backends import cpu  # NOQA
from chainer.backends import cuda  # NOQA
