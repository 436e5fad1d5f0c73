"""Trigger helpers, importable as ``chainer.training.trigger``."""

from chainer.training.triggers.interval_trigger import IntervalTrigger  # NOQA
from chainer.training.util import _never_fire_trigger  # NOQA
from chainer.training.util import get_trigger  # NOQA
