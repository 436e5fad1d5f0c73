"""Updater interface and, for compatibility, the standard updater."""


class Updater(object):
    """Interface of updater objects for trainers.

    An updater implements one step of training (:meth:`update`) and exposes
    the training progress (``iteration``, ``epoch``, ``epoch_detail``,
    ``previous_epoch_detail``, ``is_new_epoch``) that triggers read.
    """

    def connect_trainer(self, trainer):
        """Connects the updater to the trainer that will call it.

        Parameters
        ----------
        trainer : Trainer
            The trainer.
        """
        pass

    def finalize(self):
        """Finalizes the updater object (called when training ends)."""
        pass

    def get_optimizer(self, name):
        """Gets the optimizer of given name."""
        raise NotImplementedError

    def get_all_optimizers(self):
        """Gets a dictionary of all optimizers for this updater."""
        raise NotImplementedError

    def update(self):
        """Updates the parameters of the target model (one iteration)."""
        raise NotImplementedError

    def serialize(self, serializer):
        """Serializes the current state of the updater object."""
        raise NotImplementedError


def __getattr__(name):
    # ``chainer.training.updater.StandardUpdater`` is where older code finds
    # it; import lazily because the updaters package imports this module.
    if name == 'StandardUpdater':
        from chainer.training.updaters import standard_updater
        return standard_updater.StandardUpdater
    raise AttributeError(
        'module {!r} has no attribute {!r}'.format(__name__, name))
