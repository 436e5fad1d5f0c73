"""Triggers firing when an observed value reaches a new best."""

from chainer import reporter
from chainer.training import util


class BestValueTrigger(object):
    """Trigger invoked when a value becomes best.

    Observations of ``key`` are averaged over each interval of ``trigger``;
    at the end of the interval the mean is compared with the best so far.

    Parameters
    ----------
    key : str
        Key of the value in the observation.
    compare : callable
        ``compare(best_value, new_value)`` returns True if the new value
        is better.
    trigger : tuple or callable, optional
        Interval at which the value is checked, ``(1, 'epoch')`` by default.
    """

    def __init__(self, key, compare, trigger=(1, 'epoch')):
        self._key = key
        self._best_value = None
        self._interval_trigger = util.get_trigger(trigger)
        self._init_summary()
        self._compare = compare

    def __call__(self, trainer):
        """Decides whether the extension should be called on this iteration.

        Parameters
        ----------
        trainer : Trainer
            Trainer object that this trigger is associated with.

        Returns
        -------
        bool
            True if the corresponding extension should be invoked.

        Raises
        ------
        KeyError
            If ``key`` was never observed during the interval.
        """
        observation = trainer.observation
        summary = self._summary
        key = self._key
        if key in observation:
            summary.add({key: observation[key]})

        if not self._interval_trigger(trainer):
            return False

        stats = summary.compute_mean()
        if key not in stats:
            raise KeyError('Key "{}" not found in the observation '
                           '(current available keys are {})'.format(
                               key, list(stats.keys())))
        value = float(stats[key])  # copy to CPU
        self._init_summary()

        if self._best_value is None or self._compare(self._best_value, value):
            self._best_value = value
            return True
        return False

    def _init_summary(self):
        self._summary = reporter.DictSummary()

    def serialize(self, serializer):
        """Serializes the interval trigger, summary and best value."""
        self._interval_trigger.serialize(serializer['interval_trigger'])
        self._summary.serialize(serializer['summary'])
        self._best_value = serializer('best_value', self._best_value)


class MaxValueTrigger(BestValueTrigger):
    """Trigger invoked when a value becomes maximum.

    Parameters
    ----------
    key : str
        Key of the value in the observation.
    trigger : tuple or callable, optional
        Interval at which the value is checked.

    Examples
    --------
    >>> trigger = chainer.training.triggers.MaxValueTrigger(
    ...     'validation/main/accuracy', trigger=(1, 'epoch'))
    """

    def __init__(self, key, trigger=(1, 'epoch')):
        super(MaxValueTrigger, self).__init__(
            key, lambda max_value, new_value: new_value > max_value, trigger)


class MinValueTrigger(BestValueTrigger):
    """Trigger invoked when a value becomes minimum.

    Parameters
    ----------
    key : str
        Key of the value in the observation.
    trigger : tuple or callable, optional
        Interval at which the value is checked.
    """

    def __init__(self, key, trigger=(1, 'epoch')):
        super(MinValueTrigger, self).__init__(
            key, lambda min_value, new_value: new_value < min_value, trigger)
