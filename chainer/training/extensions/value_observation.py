"""Extensions adding computed values to the observation."""

from chainer.training import extension


def observe_value(observation_key, target_func):
    """Returns a trainer extension to continuously record a value.

    Parameters
    ----------
    observation_key : str
        Key under which the value is stored in ``trainer.observation``.
    target_func : callable
        Called with the trainer; returns the value to record.

    Returns
    -------
    callable
        Extension run once per epoch as a writer.
    """
    @extension.make_extension(
        trigger=(1, 'epoch'), priority=extension.PRIORITY_WRITER)
    def _observe_value(trainer):
        trainer.observation[observation_key] = target_func(trainer)
    return _observe_value


def observe_lr(optimizer_name='main', observation_key='lr'):
    """Returns a trainer extension to record the learning rate.

    Parameters
    ----------
    optimizer_name : str, optional
        Name of the optimizer in the updater.
    observation_key : str, optional
        Key of the recorded value, ``'lr'`` by default.

    Examples
    --------
    >>> trainer.extend(extensions.observe_lr())  # doctest: +SKIP
    """
    return observe_value(
        observation_key,
        lambda trainer: trainer.updater.get_optimizer(optimizer_name).lr)
