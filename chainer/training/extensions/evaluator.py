"""Extension evaluating models on a validation dataset."""
import copy
import datetime
import warnings

from chainer import backend
from chainer import configuration
from chainer.dataset import convert
from chainer import function
from chainer import reporter as reporter_module
from chainer.training import extension
from chainer.training.extensions import util


class Evaluator(extension.Extension):
    """Trainer extension to evaluate models on a validation set.

    On each call it sweeps the ``'main'`` iterator once (after resetting
    it) with ``chainer.config.train`` set to False and backprop disabled,
    calling ``eval_func`` (the ``'main'`` target by default) on every
    converted batch.  Values reported inside the sweep are averaged over the
    batches; the means are returned and reported to the current reporter,
    prefixed with the extension name, e.g. ``'validation/main/loss'``.

    Parameters
    ----------
    iterator : Iterator or dict
        Dataset iterator (``repeat=False``) or a dictionary of them.
    target : Link or dict
        Link to evaluate, or a dictionary of links.
    converter : callable, optional
        Converter of batches, ``concat_examples`` by default.
    device : device specifier, optional
        Device to which the batches are sent.
    eval_hook : callable, optional
        Called as ``eval_hook(evaluator)`` at the start of each evaluation.
    eval_func : callable, optional
        Function evaluating a batch; the ``'main'`` target by default.
    progress_bar : bool, optional
        Print a progress bar of the evaluation.

    Attributes
    ----------
    converter, device, eval_hook, eval_func
        As given.

    Examples
    --------
    >>> trainer.extend(extensions.Evaluator(  # doctest: +SKIP
    ...     test_iter, model, device=device))
    """

    trigger = 1, 'epoch'
    default_name = 'validation'
    priority = extension.PRIORITY_WRITER

    name = None

    def __init__(self, iterator, target, converter=convert.concat_examples,
                 device=None, eval_hook=None, eval_func=None, **kwargs):
        progress_bar = kwargs.pop('progress_bar', False)
        if kwargs:
            raise TypeError('got unexpected keyword argument(s) {}'.format(
                ', '.join(sorted(kwargs))))

        if device is not None:
            device = backend.get_device(device)

        if not isinstance(iterator, dict):
            iterator = {'main': iterator}
        self._iterators = iterator

        if not isinstance(target, dict):
            target = {'main': target}
        self._targets = target

        self.converter = converter
        self.device = device
        self.eval_hook = eval_hook
        self.eval_func = eval_func
        self._progress_bar = progress_bar

        for key, it in iterator.items():
            # A repeating iterator never ends, so the sweep would not stop.
            if getattr(it, 'repeat', False):
                warnings.warn(
                    'The `repeat` property of the iterator {} '
                    'is set to `True`. Typically, the evaluator sweeps '
                    'over iterators until they stop, '
                    'but as the property being `True`, this iterator '
                    'might not stop and evaluation could go into '
                    'an infinite loop. '
                    'We recommend to check the configuration '
                    'of iterators'.format(key))

    def get_iterator(self, name):
        """Returns the iterator of the given name."""
        return self._iterators[name]

    def get_all_iterators(self):
        """Returns a dictionary of all iterators."""
        return dict(self._iterators)

    def get_target(self, name):
        """Returns the target link of the given name."""
        return self._targets[name]

    def get_all_targets(self):
        """Returns a dictionary of all target links."""
        return dict(self._targets)

    def __call__(self, trainer=None):
        """Executes the evaluator extension.

        Parameters
        ----------
        trainer : Trainer, optional
            Trainer object that invokes this extension.

        Returns
        -------
        dict
            Mean of each reported value, keyed as
            ``'<name>/<observer>/<key>'``.
        """
        # A fresh reporter names the targets with this extension's prefix.
        reporter = reporter_module.Reporter()
        if self.name is not None:
            prefix = self.name + '/'
        else:
            prefix = ''
        for name, target in self._targets.items():
            reporter.add_observer(prefix + name, target)
            if hasattr(target, 'namedlinks'):
                reporter.add_observers(prefix + name,
                                       target.namedlinks(skipself=True))

        with reporter:
            with configuration.using_config('train', False):
                result = self.evaluate()

        reporter_module.report(result)
        return result

    def evaluate(self):
        """Evaluates the model and returns a result dictionary.

        Override to customize the evaluation; the reporter created by
        :meth:`__call__` is current while this runs.

        Returns
        -------
        dict
            Mean of each reported value over the batches.
        """
        iterator = self._iterators['main']
        eval_func = self.eval_func or self._targets['main']

        if self.eval_hook:
            self.eval_hook(self)

        if hasattr(iterator, 'reset'):
            iterator.reset()
            it = iterator
        else:
            warnings.warn(
                'This iterator does not have the reset method. Evaluator '
                'copies the iterator instead of resetting. This behavior is '
                'deprecated. Please implement the reset method.',
                DeprecationWarning)
            it = copy.copy(iterator)

        summary = reporter_module.DictSummary()

        pbar = None
        if self._progress_bar:
            pbar = _IteratorProgressBar(iterator=it)

        for batch in it:
            observation = {}
            with reporter_module.report_scope(observation):
                in_arrays = convert._call_converter(
                    self.converter, batch, self.device)
                with function.no_backprop_mode():
                    if isinstance(in_arrays, tuple):
                        eval_func(*in_arrays)
                    elif isinstance(in_arrays, dict):
                        eval_func(**in_arrays)
                    else:
                        eval_func(in_arrays)

            summary.add(observation)

            if pbar is not None:
                pbar.update()

        if pbar is not None:
            pbar.close()

        return summary.compute_mean()

    def finalize(self):
        """Finalizes the evaluator's iterators."""
        for iterator in self._iterators.values():
            iterator.finalize()


class _IteratorProgressBar(util.ProgressBar):

    def __init__(self, iterator, bar_length=None, out=None):
        if not (hasattr(iterator, 'current_position') and
                hasattr(iterator, 'epoch_detail')):
            raise TypeError('Iterator must have the following attributes '
                            'to enable a progress bar: '
                            'current_position, epoch_detail')
        self._iterator = iterator
        self._bar_length = 50 if bar_length is None else bar_length
        super(_IteratorProgressBar, self).__init__(out=out)

    def get_lines(self):
        iteration = self._iterator.current_position
        epoch_detail = self._iterator.epoch_detail
        epoch_size = getattr(self._iterator, '_epoch_size', None)

        lines = []
        rate = min(epoch_detail, 1.0)
        marks = '#' * int(rate * self._bar_length)
        lines.append('validation [{}{}] {:6.2%}\n'.format(
            marks, '.' * (self._bar_length - len(marks)), rate))
        if epoch_size:
            lines.append('{:10} / {} iterations\n'.format(
                iteration, epoch_size))
        else:
            lines.append('{:10} iterations\n'.format(iteration))

        speed_t, speed_e = self.update_speed(iteration, epoch_detail)
        if speed_e > 0:
            estimated = datetime.timedelta(
                seconds=max((1.0 - epoch_detail) / speed_e, 0.0))
        else:
            estimated = 'unknown'
        lines.append('{:10.5g} iters/sec. Estimated time to finish: {}.\n'
                     .format(speed_t, estimated))
        return lines
