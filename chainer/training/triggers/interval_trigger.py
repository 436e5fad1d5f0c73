"""Trigger firing at a fixed interval of iterations or epochs."""

from chainer.training.triggers import _state


class IntervalTrigger(_state._PreviousCounters):
    """Trigger based on a fixed interval.

    Fires each time the iteration or epoch count crosses a multiple of
    ``period``.  For ``unit='epoch'`` fractional periods (e.g. 0.5) are
    allowed, using ``updater.epoch_detail``.

    Parameters
    ----------
    period : int or float
        Length of the interval.
    unit : {'epoch', 'iteration'}
        Unit of the interval.

    Examples
    --------
    >>> trigger = chainer.training.triggers.IntervalTrigger(2, 'epoch')
    >>> trigger.get_training_length()
    (2, 'epoch')
    """

    def __init__(self, period, unit):
        if unit not in ('epoch', 'iteration'):
            raise ValueError(
                'Trigger unit must be either \'epoch\' or \'iteration\'.')
        self.period = period
        self.unit = unit
        self._init_previous()
        # Kept for code that reads it (it was public in older Chainer).
        self.count = 0

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
        """
        updater = trainer.updater
        previous_iteration, previous_epoch_detail = \
            self._previous_values(updater)
        if self.unit == 'epoch':
            epoch_detail = updater.epoch_detail
            self.count = epoch_detail // self.period
            fire = previous_epoch_detail // self.period != \
                epoch_detail // self.period
        else:
            iteration = updater.iteration
            fire = previous_iteration // self.period != \
                iteration // self.period
        self._save_current(updater)
        return fire

    def serialize(self, serializer):
        """Serializes the previous counters."""
        self._serialize_previous(serializer)

    def get_training_length(self):
        """Returns ``(period, unit)``, used by the progress bar."""
        return (self.period, self.unit)

    def __str__(self):
        return '{}({}, \'{}\')'.format(
            self.__class__.__name__, self.period, self.unit)
