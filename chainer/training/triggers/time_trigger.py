"""Trigger firing at a fixed interval of wall-clock time."""


class TimeTrigger(object):
    """Trigger based on a fixed time interval.

    Fires when at least ``period`` seconds of training time (the trainer's
    ``elapsed_time``) passed since the last time it fired.

    Parameters
    ----------
    period : float
        Interval in seconds.
    """

    def __init__(self, period):
        self._period = period
        self._next_time = self._period

    def __call__(self, trainer):
        if self._next_time < trainer.elapsed_time:
            self._next_time += self._period
            return True
        else:
            return False

    def serialize(self, serializer):
        self._next_time = serializer('next_time', self._next_time)
