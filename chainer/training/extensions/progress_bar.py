"""Progress bar of the training loop."""
import datetime
import sys

from chainer.training import extension
from chainer.training.extensions import util


class ProgressBar(extension.Extension):
    """Trainer extension to print a progress bar and recent training status.

    Every ``update_interval`` iterations it redraws, in place::

             total [#######...........................................] 14.00%
        this epoch [###################################...............] 70.00%
               140 iter, 2 epoch / 20 epochs
            257.62 iters/sec. Estimated time to finish: 0:00:03.338.

    The speed is measured over the recent updates, and the estimated time
    is the remaining training length divided by it.

    Parameters
    ----------
    training_length : tuple, optional
        ``(length, unit)`` of the training; read from the trainer's stop
        trigger (``get_training_length()``) when omitted.
    update_interval : int, optional
        Number of iterations between redraws.
    bar_length : int, optional
        Length of each bar in characters.
    out : file-like, optional
        Stream to write to, ``sys.stdout`` by default.
    """

    def __init__(self, training_length=None, update_interval=100,
                 bar_length=50, out=sys.stdout):
        self._training_length = training_length
        self._update_interval = update_interval
        self._bar_length = bar_length
        self._out = out
        self._pbar = None

    def __call__(self, trainer):
        if self._pbar is None:
            self._pbar = _TrainerProgressBar(
                trainer, self._training_length, self._bar_length, self._out)
        iteration = trainer.updater.iteration
        if iteration % self._update_interval == 0:
            self._pbar.update()

    def finalize(self):
        """Erases the progress bar."""
        if self._pbar is not None:
            self._pbar.close()


class _TrainerProgressBar(util.ProgressBar):

    def __init__(self, trainer, training_length, bar_length, out):
        super(_TrainerProgressBar, self).__init__(out)
        self.trainer = trainer
        self.training_length = training_length
        self.status_template = None
        self.bar_length = bar_length

    def _bar(self, title, rate):
        marks = '#' * int(rate * self.bar_length)
        return '{:>10} [{}{}] {:6.2%}\n'.format(
            title, marks, '.' * (self.bar_length - len(marks)), rate)

    def get_lines(self):
        iteration = self.trainer.updater.iteration
        epoch = self.trainer.updater.epoch_detail
        if self.training_length is None:
            t = self.trainer.stop_trigger
            if not hasattr(t, 'get_training_length'):
                raise TypeError(
                    'cannot retrieve the training length from %s' % type(t))
            self.training_length = t.get_training_length()
        length, unit = self.training_length

        if self.status_template is None:
            self.status_template = (
                '{0.iteration:10} iter, {0.epoch} epoch / %s %ss\n' %
                self.training_length)

        lines = []
        if unit == 'iteration':
            rate = iteration / length
        else:
            rate = epoch / length
        # Clamped so a stop trigger that overshoots cannot overflow the bar.
        rate = min(rate, 1.0)
        lines.append(self._bar('total', rate))
        lines.append(self._bar('this epoch', epoch - int(epoch)))
        lines.append(self.status_template.format(self.trainer.updater))

        speed_t, speed_e = self.update_speed(iteration, epoch)
        speed = speed_t if unit == 'iteration' else speed_e
        remaining = length - (iteration if unit == 'iteration' else epoch)
        if speed > 0:
            estimated = datetime.timedelta(
                seconds=max(remaining / speed, 0.0))
        else:
            # No progress since the oldest timing point: no estimate.
            estimated = 'unknown'
        lines.append('{:10.5g} iters/sec. Estimated time to finish: {}.\n'
                     .format(speed_t, estimated))
        return lines
