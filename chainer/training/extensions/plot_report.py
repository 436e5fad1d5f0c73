"""Extension plotting observed values with matplotlib."""
import json
import os
import warnings

import numpy

from chainer import reporter
from chainer.training import extension
from chainer.training import util as trigger_module

try:
    import matplotlib  # NOQA
    _available = True
except (ImportError, TypeError):
    _available = False


def _check_available():
    if not _available:
        warnings.warn('matplotlib is not installed on your environment, '
                      'so nothing will be plotted at this time. '
                      'Please install matplotlib to plot figures.\n\n'
                      '  $ pip install matplotlib\n')


class PlotReport(extension.Extension):
    """Trainer extension to output plots.

    Observations of ``y_keys`` are averaged over each ``trigger`` interval
    and appended, against ``x_key`` (``'iteration'`` or ``'epoch'``), to the
    series drawn into ``out/<filename>``.  Figures are rendered with the Agg
    canvas, so no display is needed and the global pyplot state is not
    touched.

    Parameters
    ----------
    y_keys : str or iterable of str
        Keys of the values to plot.
    x_key : str, optional
        ``'iteration'`` (default) or ``'epoch'``.
    trigger : tuple or callable, optional
        Interval of the plot updates, ``(1, 'epoch')`` by default.
    postprocess : callable, optional
        Called as ``postprocess(figure, axes, summary)`` before saving.
    filename : str, optional
        Output file name, ``'plot.png'`` by default; ``file_name`` is an
        alias.
    marker : str, optional
        Marker of the data points.
    grid : bool, optional
        Draw a grid.

    Examples
    --------
    >>> if extensions.PlotReport.available():  # doctest: +SKIP
    ...     trainer.extend(extensions.PlotReport(
    ...         ['main/loss', 'validation/main/loss'], 'epoch',
    ...         filename='loss.png'))
    """

    def __init__(self, y_keys, x_key='iteration', trigger=(1, 'epoch'),
                 postprocess=None, filename=None, marker='x',
                 grid=True, **kwargs):
        file_name = kwargs.pop('file_name', 'plot.png')
        if kwargs:
            raise TypeError('got unexpected keyword argument(s) {}'.format(
                ', '.join(sorted(kwargs))))
        if filename is None:
            filename = file_name

        _check_available()

        self._x_key = x_key
        if isinstance(y_keys, str):
            y_keys = (y_keys,)

        self._y_keys = y_keys
        self._trigger = trigger_module.get_trigger(trigger)
        self._file_name = filename
        self._marker = marker
        self._grid = grid
        self._postprocess = postprocess
        self._init_summary()
        self._data = {k: [] for k in y_keys}

    @staticmethod
    def available():
        """Returns whether matplotlib is installed (warns if not)."""
        _check_available()
        return _available

    def __call__(self, trainer):
        if not _available:
            return
        from matplotlib.backends import backend_agg
        from matplotlib import figure

        keys = self._y_keys
        observation = trainer.observation
        summary = self._summary

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
            x = stats_cpu[self._x_key]
            data = self._data

            for k in keys:
                if k in stats_cpu:
                    data[k].append((x, stats_cpu[k]))

            f = figure.Figure()
            backend_agg.FigureCanvasAgg(f)
            a = f.add_subplot(111)
            a.set_xlabel(self._x_key)
            if self._grid:
                a.grid()

            for k in keys:
                xy = data[k]
                if len(xy) == 0:
                    continue
                xy = numpy.array(xy)
                a.plot(xy[:, 0], xy[:, 1], marker=self._marker, label=k)

            if a.has_data():
                if self._postprocess is not None:
                    self._postprocess(f, a, summary)
                legend = a.legend(bbox_to_anchor=(1.05, 1), loc=2,
                                  borderaxespad=0.)
                f.savefig(os.path.join(trainer.out, self._file_name),
                          bbox_extra_artists=(legend,), bbox_inches='tight')

            self._init_summary()

    def serialize(self, serializer):
        """Serializes the plotted series as JSON text."""
        key = '_plot_{}'.format(self._file_name)
        if reporter._is_serializer(serializer):
            serializer(key, json.dumps(self._data))
        else:
            self._data = json.loads(reporter._to_str(serializer(key, None)))

    def _init_summary(self):
        self._summary = reporter.DictSummary()
