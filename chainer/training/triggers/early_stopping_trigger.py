"""Stop trigger that ends training when a monitored value stops improving."""
import operator
import warnings

from chainer import reporter
from chainer.training import util


class EarlyStoppingTrigger(object):
    """Trigger for early stopping.

    Use it as the ``stop_trigger`` of a trainer.  The monitored value is
    averaged over each ``check_trigger`` interval; training stops when it
    has not improved for ``patience`` consecutive checks, or when
    ``max_trigger`` fires.

    Parameters
    ----------
    check_trigger : tuple or callable, optional
        Interval of the checks, ``(1, 'epoch')`` by default.
    monitor : str, optional
        Observation key to monitor, ``'main/loss'`` by default.
    patience : int, optional
        Number of checks without improvement before stopping (3).
    mode : {'auto', 'max', 'min'}, optional
        Whether larger or smaller is better; ``'auto'`` chooses ``'max'``
        if ``'accuracy'`` is in ``monitor`` and ``'min'`` otherwise.
    verbose : bool, optional
        Print messages about the decisions.
    max_trigger : tuple or callable, optional
        Upper bound of the training length, ``(100, 'epoch')`` by default.
    """

    def __init__(self, check_trigger=(1, 'epoch'), monitor='main/loss',
                 patience=None, mode='auto', verbose=False,
                 max_trigger=(100, 'epoch'), **kwargs):
        # ``patients`` is the spelling accepted by older Chainer versions.
        patients = kwargs.pop('patients', None)
        if kwargs:
            raise TypeError('got unexpected keyword argument(s) {}'.format(
                ', '.join(sorted(kwargs))))
        if patients is not None:
            if patience is not None:
                raise TypeError(
                    'Both \'patience\' and \'patients\' arguments are '
                    'specified. \'patients\' is an alias of the former. '
                    'Specify only \'patience\'.')
            patience = patients
        if patience is None:
            patience = 3

        self.count = 0
        self.patience = patience
        self.monitor = monitor
        self.verbose = verbose
        self.already_warning = False
        self._max_trigger = util.get_trigger(max_trigger)
        self._interval_trigger = util.get_trigger(check_trigger)

        self._init_summary()

        if mode == 'max':
            self._compare = operator.gt
        elif mode == 'min':
            self._compare = operator.lt
        elif 'accuracy' in monitor:
            self._compare = operator.gt
        else:
            self._compare = operator.lt

        if self._compare == operator.gt:
            if verbose:
                print('early stopping: operator is greater')
            self.best = float('-inf')
        else:
            if verbose:
                print('early stopping: operator is less')
            self.best = float('inf')

    def __call__(self, trainer):
        """Decides whether the training loop should be stopped.

        Parameters
        ----------
        trainer : Trainer
            Trainer object that this trigger is associated with.

        Returns
        -------
        bool
            True if the training loop should be stopped.
        """
        observation = trainer.observation
        summary = self._summary

        if self.monitor in observation:
            summary.add({self.monitor: observation[self.monitor]})

        if self._max_trigger(trainer):
            return True

        if not self._interval_trigger(trainer):
            return False

        if self.monitor not in observation.keys():
            warnings.warn('{} is not in observation'.format(self.monitor))
            return False

        stat = self._summary.compute_mean()
        current_val = float(stat[self.monitor])
        self._init_summary()

        if self._compare(current_val, self.best):
            self.best = current_val
            self.count = 0
        else:
            self.count += 1

        if self._stop_condition():
            if self.verbose:
                print('Epoch {}: early stopping'.format(trainer.updater.epoch))
            return True

        return False

    def _stop_condition(self):
        return self.count >= self.patience

    def _init_summary(self):
        self._summary = reporter.DictSummary()

    def get_training_length(self):
        """Returns the training length of ``max_trigger``."""
        return self._max_trigger.get_training_length()
