"""The training loop."""
import collections
import os
import sys
import time
import traceback

from chainer import reporter as reporter_module
from chainer.training import extension as extension_module
from chainer.training import util as trigger_module


def _get_time():
    # perf_counter is monotonic, so elapsed times never go backwards.
    return time.perf_counter()


class _ExtensionEntry(object):

    def __init__(self, extension, priority, trigger, call_before_training):
        self.extension = extension
        self.trigger = trigger
        self.priority = priority
        self.call_before_training = call_before_training


class Trainer(object):
    """The standard training loop in Chainer.

    The trainer repeats ``updater.update()`` until ``stop_trigger`` fires,
    and after each update calls the registered extensions whose triggers
    fire, in decreasing order of priority.  Each iteration's reported values
    are collected in :attr:`observation` by :attr:`reporter`, with the
    optimizers' target links registered as observers under the optimizer
    names (so a loss reported by the main model is ``'main/loss'``).

    Parameters
    ----------
    updater : Updater
        Updater object. It defines how to update the models.
    stop_trigger : tuple or callable, optional
        Trigger that determines when to stop the training loop, e.g.
        ``(20, 'epoch')``; None never stops.
    out : str, optional
        Output directory of extensions such as logs and snapshots.
    extensions : list, optional
        Extensions registered with their default settings.

    Attributes
    ----------
    updater : Updater
        The updater.
    stop_trigger : callable
        The stop trigger.
    out : str
        Output directory.
    reporter : Reporter
        Reporter that collects the observations.
    observation : dict
        Values observed in the current iteration.

    Examples
    --------
    >>> trainer = training.Trainer(  # doctest: +SKIP
    ...     updater, (20, 'epoch'), out='result')
    >>> trainer.extend(extensions.LogReport())  # doctest: +SKIP
    >>> trainer.run()  # doctest: +SKIP
    """

    def __init__(self, updater, stop_trigger=None, out='result',
                 extensions=None):
        self.updater = updater
        self.stop_trigger = trigger_module.get_trigger(stop_trigger)
        self.observation = {}
        self.out = out
        if extensions is None:
            extensions = []

        reporter = reporter_module.Reporter()
        for name, optimizer in updater.get_all_optimizers().items():
            reporter.add_observer(name, optimizer.target)
            reporter.add_observers(
                name, optimizer.target.namedlinks(skipself=True))
        self.reporter = reporter

        self._done = False
        self._extensions = collections.OrderedDict()

        self._start_at = None
        self._snapshot_elapsed_time = 0.0
        self._final_elapsed_time = None

        updater.connect_trainer(self)
        for ext in extensions:
            self.extend(ext)

    @property
    def is_before_training(self):
        """Whether no update has been performed yet."""
        return self.updater.iteration == 0

    @property
    def elapsed_time(self):
        """Total time used for the training, in seconds.

        Includes the time recorded in a snapshot the trainer was resumed
        from.

        Raises
        ------
        RuntimeError
            If the training has not been started yet.
        """
        if self._done:
            return self._final_elapsed_time
        if self._start_at is None:
            raise RuntimeError('training has not been started yet')
        return _get_time() - self._start_at + self._snapshot_elapsed_time

    def extend(self, extension, name=None, trigger=None, priority=None,
               call_before_training=False, **kwargs):
        """Registers an extension to the trainer.

        Parameters
        ----------
        extension : callable
            Extension, called as ``extension(trainer)``.
        name : str, optional
            Name of the extension; by default its ``name``,
            ``default_name`` or ``__name__`` attribute.  A name already in
            use gets a suffix ``_1``, ``_2``, ...
        trigger : tuple or callable, optional
            When to call the extension; by default its ``trigger``
            attribute or ``(1, 'iteration')``.
        priority : int, optional
            Call order within an iteration (higher first); by default its
            ``priority`` attribute or ``PRIORITY_READER``.
        call_before_training : bool, optional
            Also call the extension once before the first update.

        Raises
        ------
        TypeError
            If no name can be determined.
        ValueError
            If the name is ``'training'``.
        """
        if 'invoke_before_training' in kwargs:
            raise ValueError(
                'invoke_before_training has been removed since Chainer '
                'v2.0.0. Use initializer= instead.')
        if kwargs:
            raise TypeError('got unexpected keyword argument(s) {}'.format(
                ', '.join(sorted(kwargs))))

        if name is None:
            name = getattr(extension, 'name', None)
            if name is None:
                name = getattr(extension, 'default_name', None)
                if name is None:
                    name = getattr(extension, '__name__', None)
                    if name is None:
                        raise TypeError(
                            'name is not given for the extension')
        if name == 'training':
            raise ValueError(
                'the name "training" is prohibited as an extension name')

        if trigger is None:
            trigger = getattr(extension, 'trigger', (1, 'iteration'))
        trigger = trigger_module.get_trigger(trigger)

        if priority is None:
            priority = getattr(
                extension, 'priority', extension_module.PRIORITY_READER)

        modified_name = name
        ordinal = 0
        while modified_name in self._extensions:
            ordinal += 1
            modified_name = '%s_%d' % (name, ordinal)

        extension.name = modified_name
        self._extensions[modified_name] = _ExtensionEntry(
            extension, priority, trigger, call_before_training)

    def get_extension(self, name):
        """Returns the extension of a given name.

        Raises
        ------
        ValueError
            If no extension has that name.
        """
        extensions = self._extensions
        if name in extensions:
            return extensions[name].extension
        else:
            raise ValueError('extension %s not found' % name)

    def run(self, show_loop_exception_msg=True):
        """Executes the training loop.

        Initializes the extensions, then updates until the stop trigger
        fires.  On an exception, every extension's ``on_error`` is called
        (their own errors are ignored) and the exception is re-raised;
        extensions and the updater are always finalized.

        Parameters
        ----------
        show_loop_exception_msg : bool, optional
            Print the exception and its traceback to stderr before
            finalizing and re-raising.

        Raises
        ------
        RuntimeError
            If the trainer has already run.
        """
        if self._done:
            raise RuntimeError('cannot run training loop multiple times')

        try:
            os.makedirs(self.out)
        except OSError:
            pass

        # Stable sort: equal priorities keep their registration order.
        extension_order = sorted(
            self._extensions.keys(),
            key=lambda name: self._extensions[name].priority, reverse=True)
        extensions = [(name, self._extensions[name])
                      for name in extension_order]

        self._start_at = _get_time()

        for _, entry in extensions:
            initializer = getattr(entry.extension, 'initialize', None)
            finished = getattr(entry.trigger, 'finished', False)
            if initializer and not finished:
                initializer(self)

        self.observation = {}
        with self.reporter.scope(self.observation):
            for name, entry in extensions:
                if entry.call_before_training:
                    entry.extension(self)

        update = self.updater.update
        reporter = self.reporter
        stop_trigger = self.stop_trigger

        try:
            while not stop_trigger(self):
                self.observation = {}
                with reporter.scope(self.observation):
                    update()
                    for name, entry in extensions:
                        if entry.trigger(self):
                            entry.extension(self)
        except Exception as e:
            if show_loop_exception_msg:
                f = sys.stderr
                f.write('Exception in main training loop: {}\n'.format(e))
                f.write('Traceback (most recent call last):\n')
                traceback.print_tb(sys.exc_info()[2])
                f.write('Will finalize trainer extensions and updater before '
                        'reraising the exception.\n')
            for _, entry in extensions:
                handler = getattr(entry.extension, 'on_error', None)
                if handler:
                    try:
                        # Every handler gets its chance; their own failures
                        # must not hide the original exception.
                        handler(self, e, sys.exc_info()[2])
                    except Exception:
                        pass
            raise
        finally:
            for _, entry in extensions:
                finalize = getattr(entry.extension, 'finalize', None)
                if finalize:
                    finalize()
            self.updater.finalize()

        self._final_elapsed_time = self.elapsed_time
        self._done = True

    def serialize(self, serializer):
        """Serializes the updater, stop trigger, extensions and their triggers.

        Extensions are stored under ``extensions/<name>`` and their triggers
        under ``extension_triggers/<name>``; the elapsed time is kept so a
        resumed trainer reports the total training time.
        """
        self.updater.serialize(serializer['updater'])
        if hasattr(self.stop_trigger, 'serialize'):
            self.stop_trigger.serialize(serializer['stop_trigger'])

        s = serializer['extensions']
        t = serializer['extension_triggers']
        for name, entry in self._extensions.items():
            if hasattr(entry.extension, 'serialize'):
                entry.extension.serialize(s[name])
            if hasattr(entry.trigger, 'serialize'):
                entry.trigger.serialize(t[name])

        if reporter_module._is_serializer(serializer):
            if self._done or self._start_at is not None:
                elapsed_time = self.elapsed_time
            else:
                # Not started yet: only the restored time has elapsed.
                elapsed_time = self._snapshot_elapsed_time
            serializer('_snapshot_elapsed_time', elapsed_time)
        else:
            try:
                self._snapshot_elapsed_time = float(serializer(
                    '_snapshot_elapsed_time', self._snapshot_elapsed_time))
            except KeyError:
                # Snapshots of older trainers lack the elapsed time.
                self._snapshot_elapsed_time = 0.0
