"""Reporting observed values during training and evaluation.

A :class:`Reporter` collects named values into an *observation*
dictionary.  Code deep inside a model calls :func:`report` without knowing
which reporter is active; the reporter made current by ``with reporter:``
or :meth:`Reporter.scope` receives the values.  :class:`Summary` and
:class:`DictSummary` accumulate scalar observations into means and
standard deviations.

Examples
--------
>>> reporter = chainer.Reporter()
>>> observer = object()
>>> reporter.add_observer('my_link', observer)
>>> observation = {}
>>> with reporter.scope(observation):
...     chainer.report({'x': 1}, observer)
>>> observation
{'my_link/x': 1}
"""
import collections
import contextlib
import copy
import json
import threading
import warnings

import numpy

from chainer import backend
from chainer import configuration
from chainer import variable


_thread_local = threading.local()


def _get_reporters():
    # Each thread has its own stack so that evaluation in a worker thread
    # cannot leak values into the trainer's observation.
    try:
        reporters = _thread_local.reporters
    except AttributeError:
        reporters = _thread_local.reporters = []
    return reporters


def _copy_variable(value):
    # A shallow copy gets a fresh node without a creator, which cuts the
    # computational graph so that reported losses do not keep it alive.
    if isinstance(value, variable.Variable):
        return copy.copy(value)
    return value


class Reporter(object):
    """Object to which observed values are reported.

    A reporter holds a current *observation*, a dictionary from names to
    values.  Observers (usually links) are registered with a name; values
    reported on behalf of an observer are stored under
    ``'<observer name>/<key>'``.

    The reporter is a context manager: inside ``with reporter:``, it is the
    current reporter that :func:`report` writes to.

    Attributes
    ----------
    observation : dict
        Dictionary of observed values of the current scope.

    Examples
    --------
    >>> reporter = chainer.Reporter()
    >>> observation = {}
    >>> with reporter:
    ...     with chainer.report_scope(observation):
    ...         chainer.report({'loss': 0.5})
    >>> observation
    {'loss': 0.5}
    """

    def __init__(self):
        self._observer_names = {}
        self.observation = {}

    def __enter__(self):
        """Makes this reporter current."""
        _get_reporters().append(self)

    def __exit__(self, exc_type, exc_value, traceback):
        """Recovers the previous reporter object to the current."""
        _get_reporters().pop()

    @contextlib.contextmanager
    def scope(self, observation):
        """Creates a scope to report observed values to ``observation``.

        The reporter is made current and its ``observation`` replaced by
        the given dictionary for the duration of the ``with`` block; both
        are restored on exit.

        Parameters
        ----------
        observation : dict
            Dictionary that receives the reported values.
        """
        old = self.observation
        self.observation = observation
        self.__enter__()
        try:
            yield
        finally:
            self.__exit__(None, None, None)
            self.observation = old

    def add_observer(self, name, observer):
        """Registers an observer of values.

        Parameters
        ----------
        name : str
            Name of the observer.
        observer : object
            The observer; it is identified by ``id(observer)``.
        """
        self._observer_names[id(observer)] = name

    def add_observers(self, prefix, observers):
        """Registers multiple observers at once.

        Parameters
        ----------
        prefix : str
            Prefix of each observer name.
        observers : iterable of (str, object)
            Pairs of names and observers, e.g. ``link.namedlinks()``.
        """
        for name, observer in observers:
            self._observer_names[id(observer)] = prefix + name

    def report(self, values, observer=None):
        """Reports observed values.

        Variables are copied without their computational graph unless
        ``chainer.config.keep_graph_on_report`` is True.

        Parameters
        ----------
        values : dict
            Dictionary of observed values.
        observer : object, optional
            Registered observer; its name prefixes the keys as
            ``'<name>/<key>'``.

        Raises
        ------
        KeyError
            If ``observer`` is not registered to this reporter.
        """
        if not configuration.config.keep_graph_on_report:
            values = {k: _copy_variable(v) for k, v in values.items()}

        if observer is not None:
            observer_id = id(observer)
            if observer_id not in self._observer_names:
                raise KeyError(
                    'Given observer is not registered to the reporter.')
            observer_name = self._observer_names[observer_id]
            for key, value in values.items():
                name = '%s/%s' % (observer_name, key)
                self.observation[name] = value
        else:
            self.observation.update(values)


def get_current_reporter():
    """Returns the current reporter object.

    Returns
    -------
    Reporter
        The innermost reporter made current by ``with`` or ``scope``.

    Raises
    ------
    IndexError
        If no reporter is current.
    """
    return _get_reporters()[-1]


def report(values, observer=None):
    """Reports observed values with the current reporter object.

    Does nothing when no reporter is current, so models may call it
    unconditionally.

    Parameters
    ----------
    values : dict
        Dictionary of observed values.
    observer : object, optional
        Observer registered to the current reporter.

    Examples
    --------
    >>> class Model(chainer.Chain):  # doctest: +SKIP
    ...     def forward(self, x, t):
    ...         loss = F.softmax_cross_entropy(self.l(x), t)
    ...         chainer.report({'loss': loss}, self)
    ...         return loss
    """
    reporters = _get_reporters()
    if reporters:
        current = reporters[-1]
        current.report(values, observer)


@contextlib.contextmanager
def report_scope(observation):
    """Returns a report scope with the current reporter.

    Equivalent to ``get_current_reporter().scope(observation)``.

    Parameters
    ----------
    observation : dict
        Dictionary that receives the reported values.
    """
    current = _get_reporters()[-1]
    with current.scope(observation):
        yield


def _get_device(x):
    if numpy.isscalar(x):
        return backend.CpuDevice()
    return backend.get_device_from_array(x)


def _is_serializer(serializer):
    # Writing and reading take different paths when the state is stored as
    # text (the names of the statistics); tell the two directions apart.
    try:
        from chainer import serializer as serializer_module
    except ImportError:
        serializer_module = None
    if serializer_module is not None and hasattr(
            serializer_module, 'Serializer'):
        return isinstance(serializer, serializer_module.Serializer)
    return not any('Deserializer' in cls.__name__
                   for cls in type(serializer).__mro__)


class Summary(object):
    """Online summarization of a sequence of scalars.

    Keeps the weighted sum of values and of their squares, from which the
    mean and standard deviation are computed.

    Examples
    --------
    >>> s = chainer.reporter.Summary()
    >>> s.add(1.)
    >>> s.add(3.)
    >>> s.compute_mean()
    2.0
    >>> [float(v) for v in s.make_statistics()]
    [2.0, 1.0]
    """

    def __init__(self):
        self._x = 0.0
        self._x2 = 0.0
        self._n = 0

    def add(self, value, weight=1):
        """Adds a scalar value.

        Parameters
        ----------
        value : scalar or 0-dim array
            Value to accumulate (kept on its device).
        weight : scalar or 0-dim array, optional
            Weight of the value.
        """
        with _get_device(value):
            self._x += weight * value
            self._x2 += weight * value * value
            self._n += weight

    def compute_mean(self):
        """Computes the mean of the accumulated values."""
        x, n = self._x, self._n
        with _get_device(x):
            return x / n

    def make_statistics(self):
        """Computes the mean and the standard deviation.

        Returns
        -------
        tuple
            ``(mean, std)``.
        """
        x, n = self._x, self._n
        xp = backend.get_array_module(x)
        with _get_device(x):
            mean = x / n
            var = self._x2 / n - mean * mean
            std = xp.sqrt(var)
            return mean, std

    def serialize(self, serializer):
        """Serializes or deserializes the accumulated sums."""
        try:
            self._x = serializer('_x', self._x)
            self._x2 = serializer('_x2', self._x2)
            self._n = serializer('_n', self._n)
        except KeyError:
            warnings.warn('The previous statistics are not saved.')


class DictSummary(object):
    """Online summarization of a sequence of dictionaries.

    Each key has its own :class:`Summary`.  Only scalar values (Python or
    NumPy scalars, 0-dim arrays and 0-dim Variables) are accumulated; other
    values are ignored.  A value given as a ``(value, weight)`` tuple is
    accumulated with that weight.

    Examples
    --------
    >>> s = chainer.reporter.DictSummary()
    >>> s.add({'a': 1., 'b': numpy.float32(2)})
    >>> s.add({'a': 3., 'c': 'ignored'})
    >>> sorted((k, float(v)) for k, v in s.compute_mean().items())
    [('a', 2.0), ('b', 2.0)]
    """

    def __init__(self):
        self._summaries = collections.defaultdict(Summary)

    def add(self, d):
        """Adds a dictionary of scalars.

        Parameters
        ----------
        d : dict
            Dictionary of scalars (or ``(scalar, weight)`` tuples).

        Raises
        ------
        ValueError
            If a weight is not a scalar.
        """
        summaries = self._summaries
        for k, v in d.items():
            w = 1
            if isinstance(v, tuple):
                w = v[1]
                v = v[0]
                if isinstance(w, variable.Variable):
                    w = w.array
                if not numpy.isscalar(w) and not getattr(w, 'ndim', -1) == 0:
                    raise ValueError(
                        'Given weight to {} was not scalar.'.format(k))
            if isinstance(v, variable.Variable):
                v = v.array
            if isinstance(v, (str, bytes)):
                # numpy.isscalar accepts strings, which cannot be averaged.
                continue
            if numpy.isscalar(v) or getattr(v, 'ndim', -1) == 0:
                summaries[k].add(v, weight=w)

    def compute_mean(self):
        """Creates a dictionary of mean values.

        Returns
        -------
        dict
            The mean of each key.
        """
        return {name: summary.compute_mean()
                for name, summary in self._summaries.items()}

    def make_statistics(self):
        """Creates a dictionary of statistics.

        Returns
        -------
        dict
            ``name`` maps to the mean and ``name + '.std'`` to the standard
            deviation of each key.
        """
        stats = {}
        for name, summary in self._summaries.items():
            mean, std = summary.make_statistics()
            stats[name] = mean
            stats[name + '.std'] = std
        return stats

    def serialize(self, serializer):
        """Serializes or deserializes the summaries.

        The key names are stored as a JSON string under ``'_names'`` and
        each summary under ``'_summaries/<index>'``.
        """
        if _is_serializer(serializer):
            names = list(self._summaries.keys())
            serializer('_names', json.dumps(names))
            for index, name in enumerate(names):
                self._summaries[name].serialize(
                    serializer['_summaries'][str(index)])
        else:
            self._summaries.clear()
            try:
                names = json.loads(_to_str(serializer('_names', None)))
            except KeyError:
                warnings.warn('The names of statistics are not saved.')
                return
            for index, name in enumerate(names):
                self._summaries[name].serialize(
                    serializer['_summaries'][str(index)])


def _to_str(value):
    # Strings are read back with ``value=None`` (the stored object as is):
    # NPZ deserializers return them as 0-dim unicode arrays.
    if isinstance(value, numpy.ndarray):
        value = value.item()
    if isinstance(value, bytes):
        value = value.decode('utf-8')
    return value
