"""Trigger firing at given points of the training."""
import warnings

from chainer.training.triggers import _state


class ManualScheduleTrigger(_state._PreviousCounters):
    """Trigger invoked at specified points of iterations or epochs.

    Fires when the counter reaches or passes one of ``points`` since the
    previous call.  ``finished`` becomes True once the last point fires,
    which lets the trainer skip the extension's ``initialize`` on resume.

    Parameters
    ----------
    points : int, float or list
        Points at which to fire.
    unit : {'epoch', 'iteration'}
        Unit of ``points``.

    Attributes
    ----------
    finished : bool
        Whether the last point has already fired.
    """

    def __init__(self, points, unit):
        if unit not in ('epoch', 'iteration'):
            raise ValueError(
                'Trigger unit must be either \'epoch\' or \'iteration\'.')
        self.points = (points if isinstance(points, list) else [points])
        self.unit = unit
        self.finished = False
        self._finished_is_tmp = False
        self._init_previous()

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
            current = updater.epoch_detail
            previous = previous_epoch_detail
        else:
            current = updater.iteration
            previous = previous_iteration
        fire = any(previous < p <= current for p in self.points)

        if self._finished_is_tmp:
            # ``finished`` was missing from the snapshot; recompute it.
            self._finished_is_tmp = False
            if current >= max(self.points):
                self.finished = True
        if fire and current >= max(self.points):
            self.finished = True

        self._save_current(updater)
        return fire

    def serialize(self, serializer):
        """Serializes the previous counters and ``finished``."""
        self._serialize_previous(serializer)
        try:
            self.finished = bool(serializer('finished', self.finished))
        except KeyError:
            warnings.warn(
                'The flag of finished is not saved. ManualScheduleTrigger '
                'sets the flag to `False` and re-calculates it in the next '
                'call.')
            self.finished = False
            self._finished_is_tmp = True
