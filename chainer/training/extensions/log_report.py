"""Extension accumulating observations into a JSON log."""
import json
import os
import tempfile
import warnings

from chainer import reporter
from chainer.training import extension
from chainer.training import util as trigger_module


class LogReport(extension.Extension):
    """Trainer extension to output the accumulated results to a log file.

    It is called every iteration and accumulates the scalar observations
    into a :class:`~chainer.reporter.DictSummary`.  When ``trigger`` fires,
    it appends the means, together with ``epoch``, ``iteration`` and
    ``elapsed_time``, to :attr:`log`, rewrites the whole log as a JSON list
    to ``out/<filename>``, and resets the summary.

    Parameters
    ----------
    keys : iterable of str, optional
        Keys to accumulate; all keys when omitted.
    trigger : tuple or callable, optional
        When to emit a log entry, ``(1, 'epoch')`` by default.
    postprocess : callable, optional
        Called with each entry (a dict) before it is stored; may modify it.
    filename : str, optional
        Log file name, formatted with the entry's fields (``'log'`` by
        default); None disables the file.  ``log_name`` is an alias.

    Examples
    --------
    >>> trainer.extend(extensions.LogReport())  # doctest: +SKIP
    """

    def __init__(self, keys=None, trigger=(1, 'epoch'), postprocess=None,
                 filename=None, **kwargs):
        log_name = kwargs.pop('log_name', 'log')
        if kwargs:
            raise TypeError('got unexpected keyword argument(s) {}'.format(
                ', '.join(sorted(kwargs))))
        self._keys = keys
        self._trigger = trigger_module.get_trigger(trigger)
        self._postprocess = postprocess
        self._log = []
        self._log_name = log_name if filename is None else filename
        self._init_summary()

    def __call__(self, trainer):
        keys = self._keys
        observation = trainer.observation
        summary = self._summary

        if keys is None:
            summary.add(observation)
        else:
            summary.add({k: observation[k] for k in keys if k in observation})

        # With ``call_before_training=True`` an entry for the untrained
        # model (iteration 0) is emitted as well.
        if trainer.is_before_training or self._trigger(trainer):
            stats = self._summary.compute_mean()
            stats_cpu = {}
            for name, value in stats.items():
                stats_cpu[name] = float(value)  # copy to CPU

            updater = trainer.updater
            stats_cpu['epoch'] = updater.epoch
            stats_cpu['iteration'] = updater.iteration
            stats_cpu['elapsed_time'] = trainer.elapsed_time

            if self._postprocess is not None:
                self._postprocess(stats_cpu)

            self._log.append(stats_cpu)

            if self._log_name is not None:
                log_name = self._log_name.format(**stats_cpu)
                _write_json_atomically(
                    self._log, os.path.join(trainer.out, log_name))

            self._init_summary()

    @property
    def log(self):
        """The current list of observation dictionaries."""
        return self._log

    def serialize(self, serializer):
        """Serializes the trigger, the pending summary and the log."""
        if hasattr(self._trigger, 'serialize'):
            self._trigger.serialize(serializer['_trigger'])

        try:
            self._summary.serialize(serializer['_summary'])
        except KeyError:
            warnings.warn('The statistics are not saved.')

        # The log is stored as JSON text; floats survive the round trip.
        if reporter._is_serializer(serializer):
            serializer('_log', json.dumps(self._log))
        else:
            log = reporter._to_str(serializer('_log', None))
            self._log = json.loads(log)

    def _init_summary(self):
        self._summary = reporter.DictSummary()


def _write_json_atomically(obj, path):
    # Readers (e.g. a user tailing the log) never see a half-written file.
    directory = os.path.dirname(path) or '.'
    fd, tmp_path = tempfile.mkstemp(
        prefix='.' + os.path.basename(path), dir=directory)
    try:
        with os.fdopen(fd, 'w') as f:
            json.dump(obj, f, indent=4)
        os.replace(tmp_path, path)
    except BaseException:
        if os.path.exists(tmp_path):
            os.remove(tmp_path)
        raise
