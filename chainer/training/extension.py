"""Base class and decorator for trainer extensions.

An extension is a callable ``extension(trainer)`` that the
:class:`~chainer.training.Trainer` invokes when its trigger fires.  Its
``trigger``, ``priority`` and ``default_name`` attributes give the defaults
used by :meth:`Trainer.extend`.

Extensions of higher priority run first within an iteration: writers
(which add entries to the observation) before editors before readers.
"""

PRIORITY_WRITER = 300
"""Priority of extensions that write records to the observation."""

PRIORITY_EDITOR = 200
"""Priority of extensions that edit records in the observation."""

PRIORITY_READER = 100
"""Priority of extensions that only read records from the observation."""


class Extension(object):
    """Base class of trainer extensions.

    Attributes
    ----------
    trigger : tuple or callable
        Default trigger, ``(1, 'iteration')``.
    priority : int
        Default priority, :data:`PRIORITY_READER`.
    name : str or None
        Name under which the trainer registered the extension.

    Examples
    --------
    >>> class CountCalls(chainer.training.Extension):
    ...     trigger = 1, 'epoch'
    ...     def __init__(self):
    ...         self.calls = 0
    ...     def __call__(self, trainer):
    ...         self.calls += 1
    >>> CountCalls().default_name
    'CountCalls'
    """

    trigger = 1, 'iteration'
    priority = PRIORITY_READER
    name = None

    @property
    def default_name(self):
        """Default name of the extension: the name of its class."""
        return type(self).__name__

    def __call__(self, trainer):
        """Invokes the extension.

        Parameters
        ----------
        trainer : Trainer
            Trainer object that calls this operator.
        """
        raise NotImplementedError(
            'Extension implementation must override __call__.')

    def __getattr__(self, name):
        # Only reached for missing attributes; point old code at the
        # replacement of the option removed in Chainer v2.
        if name == 'invoke_before_training':
            raise AttributeError(
                'invoke_before_training has been removed since Chainer '
                'v2.0.0. Use Extension.initialize instead.')
        raise AttributeError('{} object has no attribute {}'.format(
            type(self).__name__, name))

    def finalize(self):
        """Finalizes the extension at the end of the training loop."""
        pass

    def initialize(self, trainer):
        """Initializes the trainer state before the training loop starts.

        Also called when resuming, so state restored by ``serialize`` can be
        applied here (e.g. a learning rate written to the optimizer).

        Parameters
        ----------
        trainer : Trainer
            Trainer object that runs the training loop.
        """
        pass

    def on_error(self, trainer, exc, tb):
        """Handles an error raised during the training loop.

        Parameters
        ----------
        trainer : Trainer
            Trainer object that runs the training loop.
        exc : Exception
            Raised exception.
        tb : traceback
            Traceback object of the exception.
        """
        pass

    def serialize(self, serializer):
        """Serializes the extension state (nothing by default)."""
        pass


def make_extension(trigger=None, default_name=None, priority=None,
                   finalizer=None, initializer=None, on_error=None, **kwargs):
    """Decorator to make given functions into trainer extensions.

    Parameters
    ----------
    trigger : tuple or callable, optional
        Default trigger; ``(1, 'iteration')`` when omitted.
    default_name : str, optional
        Default name; the function's ``__name__`` when omitted.
    priority : int, optional
        Default priority; :data:`PRIORITY_READER` when omitted.
    finalizer : callable, optional
        Called without arguments at the end of training.
    initializer : callable, optional
        Called with the trainer before training starts.
    on_error : callable, optional
        Called as ``on_error(trainer, exc, tb)`` when training fails.

    Returns
    -------
    callable
        Decorator that sets the attributes on the function and returns it.

    Examples
    --------
    >>> @chainer.training.make_extension(trigger=(1, 'epoch'))
    ... def print_epoch(trainer):
    ...     print(trainer.updater.epoch)
    >>> print_epoch.trigger, print_epoch.default_name
    ((1, 'epoch'), 'print_epoch')
    """
    if 'invoke_before_training' in kwargs:
        raise ValueError(
            'invoke_before_training has been removed since Chainer v2.0.0. '
            'Use initializer= instead.')
    if kwargs:
        raise TypeError('got unexpected keyword argument(s) {}'.format(
            ', '.join(sorted(kwargs))))

    if trigger is None:
        trigger = Extension.trigger
    if priority is None:
        priority = Extension.priority

    def decorator(ext):
        ext.trigger = trigger
        ext.default_name = default_name or ext.__name__
        ext.priority = priority
        ext.finalize = finalizer
        ext.on_error = on_error
        ext.initialize = initializer
        return ext

    return decorator
