"""State shared by triggers that compare the current and previous counters.

Interval and schedule triggers fire when a point is crossed between the
previous call and the current one.  Keeping the previous counters (instead
of testing ``iteration % period == 0``) makes them correct even when the
trainer is resumed or the trigger is not called every iteration.
"""
import warnings


class _PreviousCounters(object):

    def _init_previous(self):
        self._previous_iteration = 0
        self._previous_epoch_detail = 0.

    def _previous_values(self, updater):
        # Negative values mark counters lost when loading an old snapshot;
        # they are then estimated from the updater.
        previous_iteration = self._previous_iteration
        if previous_iteration < 0:
            previous_iteration = updater.iteration - 1
        previous_epoch_detail = self._previous_epoch_detail
        if previous_epoch_detail < 0:
            previous_epoch_detail = updater.previous_epoch_detail
            if previous_epoch_detail is None:
                previous_epoch_detail = 0.
        return previous_iteration, previous_epoch_detail

    def _save_current(self, updater):
        self._previous_iteration = updater.iteration
        if hasattr(updater, 'epoch_detail'):
            self._previous_epoch_detail = updater.epoch_detail

    def _serialize_previous(self, serializer):
        name = type(self).__name__
        try:
            self._previous_iteration = serializer(
                'previous_iteration', self._previous_iteration)
        except KeyError:
            warnings.warn(
                'The previous value of iteration is not saved. '
                '{} guesses it using current iteration. '
                'If this trigger is not called at every iteration, '
                'it may not work correctly.'.format(name))
            self._previous_iteration = -1

        try:
            self._previous_epoch_detail = serializer(
                'previous_epoch_detail', self._previous_epoch_detail)
        except KeyError:
            warnings.warn(
                'The previous value of epoch_detail is not saved. '
                '{} uses the value of '
                'trainer.updater.previous_epoch_detail. '
                'If this trigger is not called at every iteration, '
                'it may not work correctly.'.format(name))
            self._previous_epoch_detail = -1.
