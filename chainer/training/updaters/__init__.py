"""Updaters: the per-iteration parameter update of a trainer."""

from chainer.training.updaters.standard_updater import StandardUpdater  # NOQA
