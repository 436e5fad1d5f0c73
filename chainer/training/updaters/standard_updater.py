"""The standard single-device updater."""

from chainer import backend
from chainer.dataset import convert
from chainer.training import updater as _updater


class StandardUpdater(_updater.Updater):
    """Standard implementation of Updater.

    Each :meth:`update` takes one mini-batch from the main iterator,
    converts it with ``converter`` on ``device``, and calls the main
    optimizer's ``update`` with the loss function and the converted arrays
    (spread as positional arguments for a tuple, keyword arguments for a
    dict).

    Parameters
    ----------
    iterator : Iterator or dict
        Dataset iterator, or a dictionary of them; ``'main'`` is used.
    optimizer : Optimizer or dict
        Optimizer, or a dictionary of them; ``'main'`` is used.
    converter : callable, optional
        Converts a list of examples into arrays; ``concat_examples`` by
        default.
    device : device specifier, optional
        Device to which the model is sent and the batches are converted
        (anything :func:`chainer.get_device` accepts).
    loss_func : callable, optional
        Loss function; the main optimizer's target by default.
    loss_scale : float, optional
        Loss scaling factor given to the optimizers.
    auto_new_epoch : bool, optional
        Call ``optimizer.new_epoch(auto=True)`` at the end of each epoch.
    input_device : device specifier, optional
        Device of the converted batches when it differs from ``device``.

    Attributes
    ----------
    converter : callable
        Converter function.
    loss_func : callable or None
        Loss function.
    iteration : int
        Current number of completed updates.

    Examples
    --------
    >>> updater = training.updaters.StandardUpdater(  # doctest: +SKIP
    ...     train_iter, optimizer, device='@numpy')
    """

    def __init__(self, iterator, optimizer, converter=convert.concat_examples,
                 device=None, loss_func=None, loss_scale=None,
                 auto_new_epoch=True, **kwargs):
        input_device = kwargs.pop('input_device', None)
        if kwargs:
            raise TypeError('got unexpected keyword argument(s) {}'.format(
                ', '.join(sorted(kwargs))))

        if device is not None:
            device = backend.get_device(device)

        # The batches go to the model's device unless told otherwise.
        if input_device is None:
            input_device = device
        else:
            input_device = backend.get_device(input_device)

        if not isinstance(iterator, dict):
            iterator = {'main': iterator}
        self._iterators = iterator

        if not isinstance(optimizer, dict):
            optimizer = {'main': optimizer}
        self._optimizers = optimizer

        if device is not None:
            for opt in self._optimizers.values():
                opt.target.to_device(device)

        self.converter = converter
        self.loss_func = loss_func
        self.iteration = 0
        self._device = device
        self._input_device = input_device

        self.loss_scale = loss_scale
        if loss_scale is not None:
            for opt in self._optimizers.values():
                opt.set_loss_scale(loss_scale)

        self.auto_new_epoch = auto_new_epoch
        if auto_new_epoch:
            for opt in self._optimizers.values():
                opt.use_auto_new_epoch = True

    @property
    def device(self):
        """Device of the model (a :class:`chainer.backend.Device`)."""
        return self._device

    @property
    def input_device(self):
        """Device to which the converted batches are sent."""
        return self._input_device

    @property
    def epoch(self):
        """Number of completed epochs of the main iterator."""
        return self._iterators['main'].epoch

    @property
    def epoch_detail(self):
        """Epochs including the fraction of the current one."""
        return self._iterators['main'].epoch_detail

    @property
    def previous_epoch_detail(self):
        """``epoch_detail`` before the last update (None before any)."""
        return self._iterators['main'].previous_epoch_detail

    @property
    def is_new_epoch(self):
        """Whether the last update finished an epoch."""
        return self._iterators['main'].is_new_epoch

    def finalize(self):
        """Finalizes all the iterators."""
        for iterator in self._iterators.values():
            iterator.finalize()

    def get_optimizer(self, name):
        """Gets the optimizer of given name."""
        return self._optimizers[name]

    def get_all_optimizers(self):
        """Gets a dictionary of all optimizers."""
        return dict(self._optimizers)

    def get_iterator(self, name):
        """Gets the dataset iterator of given name."""
        return self._iterators[name]

    def update(self):
        """Updates the parameters of the target model.

        Runs :meth:`update_core` and increments ``iteration``.
        """
        self.update_core()
        self.iteration += 1

    def update_core(self):
        """Performs one update step (override to customize)."""
        iterator = self._iterators['main']
        batch = iterator.next()
        in_arrays = convert._call_converter(
            self.converter, batch, self.input_device)

        optimizer = self._optimizers['main']
        loss_func = self.loss_func or optimizer.target

        if isinstance(in_arrays, tuple):
            optimizer.update(loss_func, *in_arrays)
        elif isinstance(in_arrays, dict):
            optimizer.update(loss_func, **in_arrays)
        else:
            optimizer.update(loss_func, in_arrays)

        if self.auto_new_epoch and iterator.is_new_epoch:
            optimizer.new_epoch(auto=True)

    def serialize(self, serializer):
        """Serializes the iterators, optimizers, models and iteration.

        Entries are named ``iterator:<name>``, ``optimizer:<name>``,
        ``model:<name>`` and ``iteration``, as in Chainer snapshots.
        """
        for name, iterator in self._iterators.items():
            iterator.serialize(serializer['iterator:' + name])

        for name, optimizer in self._optimizers.items():
            optimizer.serialize(serializer['optimizer:' + name])
            optimizer.target.serialize(serializer['model:' + name])

        self.iteration = int(serializer('iteration', self.iteration))
