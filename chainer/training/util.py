"""Helpers shared by the training loop: trigger construction."""

from chainer.training.triggers import interval_trigger


def get_trigger(trigger):
    """Gets a trigger object.

    Parameters
    ----------
    trigger : callable, tuple or None
        A callable is returned as is; ``None`` gives a trigger that never
        fires; a tuple ``(period, unit)`` gives an :class:`IntervalTrigger`.

    Returns
    -------
    callable
        A trigger, called as ``trigger(trainer)`` and returning a bool.

    Examples
    --------
    >>> print(chainer.training.get_trigger((2, 'epoch')))
    IntervalTrigger(2, 'epoch')
    """
    if callable(trigger):
        return trigger
    elif trigger is None:
        return _never_fire_trigger
    else:
        return interval_trigger.IntervalTrigger(*trigger)


def _never_fire_trigger(trainer):
    return False
