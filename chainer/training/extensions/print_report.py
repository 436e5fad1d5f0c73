"""Extension printing the log entries as a table."""
import sys

from chainer.training import extension
from chainer.training.extensions import log_report as log_report_module


class PrintReport(extension.Extension):
    """Trainer extension to print the accumulated results.

    Prints a header line with the entry names, then one row per new
    :class:`LogReport` entry.  Each column is ``max(10, len(name))``
    characters wide, columns are separated by two spaces, and values are
    formatted with ``'{:<Wg}'``; missing values leave the column blank.

    Parameters
    ----------
    entries : list of str
        Keys of the observations to print.
    log_report : str or LogReport, optional
        Name of the registered log report extension, or the object itself
        (which is then called by this extension).
    out : file-like, optional
        Stream to print to, ``sys.stdout`` by default.

    Examples
    --------
    >>> trainer.extend(extensions.PrintReport(  # doctest: +SKIP
    ...     ['epoch', 'main/loss', 'validation/main/loss']))
    """

    def __init__(self, entries, log_report='LogReport', out=sys.stdout):
        self._entries = entries
        self._log_report = log_report
        self._log_len = 0  # number of observations already printed
        self._out = out

        entry_widths = [max(10, len(s)) for s in entries]

        header = '  '.join(('{:%d}' % w for w in entry_widths)).format(
            *entries) + '\n'
        self._header = header  # printed at the first call

        templates = []
        for entry, w in zip(entries, entry_widths):
            templates.append((entry, '{:<%dg}  ' % w, ' ' * (w + 2)))
        self._templates = templates

    def __call__(self, trainer):
        out = self._out

        if self._header:
            out.write(self._header)
            self._header = None

        log_report = self._log_report
        if isinstance(log_report, str):
            log_report = trainer.get_extension(log_report)
        elif isinstance(log_report, log_report_module.LogReport):
            log_report(trainer)  # update the log report
        else:
            raise TypeError('log report has a wrong type %s' %
                            type(log_report))

        log = log_report.log
        log_len = self._log_len
        while len(log) > log_len:
            # Clear what a progress bar may have drawn below the cursor.
            out.write('\033[J')
            self._print(log[log_len])
            log_len += 1
        self._log_len = log_len

    def serialize(self, serializer):
        """Serializes the log report when this extension owns it."""
        log_report = self._log_report
        if isinstance(log_report, log_report_module.LogReport):
            log_report.serialize(serializer['_log_report'])

    def _print(self, observation):
        out = self._out
        for entry, template, empty in self._templates:
            if entry in observation:
                out.write(template.format(observation[entry]))
            else:
                out.write(empty)
        out.write('\n')
        if hasattr(out, 'flush'):
            out.flush()
