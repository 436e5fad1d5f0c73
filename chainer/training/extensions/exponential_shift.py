"""Extension multiplying an optimizer attribute by a constant rate."""
import numpy

from chainer.training import extension


class ExponentialShift(extension.Extension):
    """Trainer extension to exponentially shift an optimizer attribute.

    The value after the ``t``-th call is ``init * rate ** t``, clipped at
    ``target`` if given.  ``initialize`` writes the initial value (or the
    value restored from a snapshot) to the optimizer.

    Parameters
    ----------
    attr : str
        Name of the optimizer attribute, e.g. ``'lr'`` or ``'alpha'``.
    rate : float
        Rate of the exponential shift (non-negative).
    init : float, optional
        Initial value; the optimizer's current value when omitted.
    target : float, optional
        Value at which the shift stops.
    optimizer : Optimizer, optional
        Target optimizer; the updater's ``'main'`` optimizer by default.

    Examples
    --------
    >>> trainer.extend(  # doctest: +SKIP
    ...     extensions.ExponentialShift('lr', 0.5), trigger=(10, 'epoch'))
    """

    def __init__(self, attr, rate, init=None, target=None, optimizer=None):
        self._attr = attr
        if rate < 0:
            raise ValueError('ExponentialShift does not support negative rate')
        self._rate = rate
        self._init = init
        self._target = target
        self._optimizer = optimizer
        self._t = 0
        self._last_value = None

    def initialize(self, trainer):
        optimizer = self._get_optimizer(trainer)
        if self._init is None:
            self._init = getattr(optimizer, self._attr)

        if self._last_value is not None:  # resuming from a snapshot
            self._update_value(optimizer, self._last_value)
        else:
            self._update_value(optimizer, self._init)

    def __call__(self, trainer):
        self._t += 1

        optimizer = self._get_optimizer(trainer)
        value = self._init * (self._rate ** self._t)
        if self._target is not None:
            # Ratios (not min/max) so that negative values clip correctly.
            if self._rate > 1:
                if value / self._target > 1:
                    value = self._target
            else:
                if value / self._target < 1:
                    value = self._target
        self._update_value(optimizer, value)

    def serialize(self, serializer):
        self._t = serializer('_t', self._t)
        self._last_value = serializer('_last_value', self._last_value)
        if isinstance(self._last_value, numpy.ndarray):
            self._last_value = self._last_value.item()

    def _get_optimizer(self, trainer):
        return self._optimizer or trainer.updater.get_optimizer('main')

    def _update_value(self, optimizer, value):
        setattr(optimizer, self._attr, value)
        self._last_value = value
