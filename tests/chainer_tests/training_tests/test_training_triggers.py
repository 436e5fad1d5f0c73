import numpy
import pytest

from chainer import iterators
from chainer import serializers
from chainer import training
from chainer.training import triggers


class _IteratingUpdater(training.Updater):
    """Updater that only advances a real iterator (no optimization)."""

    def __init__(self, iter_per_epoch):
        self.iterator = iterators.SerialIterator(
            list(range(iter_per_epoch)), 1, shuffle=False)
        self.iteration = 0

    @property
    def epoch(self):
        return self.iterator.epoch

    @property
    def epoch_detail(self):
        return self.iterator.epoch_detail

    @property
    def previous_epoch_detail(self):
        return self.iterator.previous_epoch_detail

    @property
    def is_new_epoch(self):
        return self.iterator.is_new_epoch

    def get_all_optimizers(self):
        return {}

    def update(self):
        next(self.iterator)
        self.iteration += 1

    def serialize(self, serializer):
        self.iterator.serialize(serializer['iterator'])
        self.iteration = int(serializer('iteration', self.iteration))


def _make_trainer(iter_per_epoch, tmp_path, stop=None):
    updater = _IteratingUpdater(iter_per_epoch)
    return training.Trainer(updater, stop, out=str(tmp_path))


def _fired(trigger, trainer, n):
    result = []
    for _ in range(n):
        trainer.updater.update()
        result.append(bool(trigger(trainer)))
    return result


@pytest.mark.parametrize('period,unit,iter_per_epoch,expected', [
    (2, 'iteration', 5, [False, True, False, True, False, True]),
    (1, 'epoch', 3, [False, False, True, False, False, True]),
    (2, 'epoch', 2, [False, False, False, True, False, False]),
    (0.5, 'epoch', 4, [False, True, False, True, False, True]),
])
def test_interval_trigger(tmp_path, period, unit, iter_per_epoch, expected):
    trainer = _make_trainer(iter_per_epoch, tmp_path)
    trigger = triggers.IntervalTrigger(period, unit)
    assert _fired(trigger, trainer, len(expected)) == expected


def test_interval_trigger_not_called_every_iteration(tmp_path):
    # A crossing is still detected when calls skip iterations.
    trainer = _make_trainer(10, tmp_path)
    trigger = triggers.IntervalTrigger(3, 'iteration')
    updater = trainer.updater
    updater.update()
    updater.update()
    assert not trigger(trainer)  # iteration 2
    updater.update()
    updater.update()
    assert trigger(trainer)  # iteration 4 passed 3


def test_interval_trigger_invalid_unit():
    with pytest.raises(ValueError):
        triggers.IntervalTrigger(1, 'second')


def test_interval_trigger_str_and_length():
    trigger = triggers.IntervalTrigger(5, 'epoch')
    assert str(trigger) == "IntervalTrigger(5, 'epoch')"
    assert trigger.get_training_length() == (5, 'epoch')


def test_interval_trigger_serialize(tmp_path):
    trainer = _make_trainer(5, tmp_path)
    trigger = triggers.IntervalTrigger(3, 'iteration')
    _fired(trigger, trainer, 2)
    target = {}
    trigger.serialize(serializers.DictionarySerializer(target))
    trigger2 = triggers.IntervalTrigger(3, 'iteration')
    trigger2.serialize(serializers.NpzDeserializer(target))
    assert _fired(trigger2, trainer, 4) == [True, False, False, True]


def test_get_trigger():
    assert isinstance(training.get_trigger((1, 'epoch')),
                      triggers.IntervalTrigger)
    f = lambda trainer: True  # NOQA
    assert training.get_trigger(f) is f
    never = training.get_trigger(None)
    assert never(None) is False
    assert training.trigger.get_trigger is training.get_trigger


@pytest.mark.parametrize('points,unit,iter_per_epoch,expected', [
    ([2, 5], 'iteration', 3, [False, True, False, False, True, False]),
    (4, 'iteration', 3, [False, False, False, True, False, False]),
    ([1, 1.5], 'epoch', 2, [False, True, True, False, False, False]),
])
def test_manual_schedule_trigger(tmp_path, points, unit, iter_per_epoch,
                                 expected):
    trainer = _make_trainer(iter_per_epoch, tmp_path)
    trigger = triggers.ManualScheduleTrigger(points, unit)
    result = []
    finished = []
    for _ in expected:
        trainer.updater.update()
        result.append(trigger(trainer))
        finished.append(trigger.finished)
    assert result == expected
    last = max(i for i, f in enumerate(expected) if f)
    assert finished == [i >= last for i in range(len(expected))]


def test_manual_schedule_trigger_serialize(tmp_path):
    trainer = _make_trainer(3, tmp_path)
    trigger = triggers.ManualScheduleTrigger([1, 3], 'iteration')
    _fired(trigger, trainer, 3)
    assert trigger.finished
    target = {}
    trigger.serialize(serializers.DictionarySerializer(target))
    trigger2 = triggers.ManualScheduleTrigger([1, 3], 'iteration')
    trigger2.serialize(serializers.NpzDeserializer(target))
    assert trigger2.finished


def _value_trainer(tmp_path, values, iter_per_epoch=2):
    trainer = _make_trainer(iter_per_epoch, tmp_path)
    values = list(values)

    def step(trigger):
        trainer.updater.update()
        trainer.observation = {'v': values.pop(0)}
        return trigger(trainer)

    return trainer, step


def test_max_value_trigger(tmp_path):
    # One epoch = two iterations; the epoch means are 2, 1, 3, 3.
    trainer, step = _value_trainer(tmp_path, [1, 3, 0, 2, 2, 4, 3, 3])
    trigger = triggers.MaxValueTrigger('v', trigger=(1, 'epoch'))
    assert [step(trigger) for _ in range(8)] == [
        False, True, False, False, False, True, False, False]


def test_min_value_trigger(tmp_path):
    trainer, step = _value_trainer(tmp_path, [1, 3, 0, 2, 2, 4, 0, 0])
    trigger = triggers.MinValueTrigger('v', trigger=(1, 'epoch'))
    assert [step(trigger) for _ in range(8)] == [
        False, True, False, True, False, False, False, True]


def test_best_value_trigger_missing_key(tmp_path):
    trainer = _make_trainer(1, tmp_path)
    trigger = triggers.MaxValueTrigger('v', trigger=(1, 'iteration'))
    trainer.updater.update()
    trainer.observation = {'other': 1.}
    with pytest.raises(KeyError):
        trigger(trainer)


def test_early_stopping_trigger(tmp_path):
    # Losses improve, then stall for two checks (patience=2).
    losses = [3., 2., 2.5, 2.1, 1., 1.5, 1.2]
    trainer = _make_trainer(1, tmp_path)
    trigger = triggers.EarlyStoppingTrigger(
        check_trigger=(1, 'epoch'), monitor='main/loss', patience=2,
        max_trigger=(100, 'epoch'))
    stops = []
    for loss in losses:
        trainer.updater.update()
        trainer.observation = {'main/loss': numpy.float32(loss)}
        stops.append(trigger(trainer))
    assert stops == [False, False, False, True, False, False, True]


def test_early_stopping_accuracy_mode(tmp_path):
    trainer = _make_trainer(1, tmp_path)
    trigger = triggers.EarlyStoppingTrigger(
        monitor='validation/main/accuracy', patience=1)
    stops = []
    for acc in [0.5, 0.7, 0.6]:
        trainer.updater.update()
        trainer.observation = {'validation/main/accuracy': acc}
        stops.append(trigger(trainer))
    assert stops == [False, False, True]


def test_early_stopping_max_trigger(tmp_path):
    trigger = triggers.EarlyStoppingTrigger(max_trigger=(3, 'iteration'))
    assert trigger.get_training_length() == (3, 'iteration')
    trainer = _make_trainer(10, tmp_path, stop=trigger)
    trainer.run()
    assert trainer.updater.iteration == 3


def test_early_stopping_patients_alias():
    trigger = triggers.EarlyStoppingTrigger(patients=7)
    assert trigger.patience == 7
    with pytest.raises(TypeError):
        triggers.EarlyStoppingTrigger(patients=7, patience=3)


def test_once_trigger(tmp_path):
    trainer = _make_trainer(3, tmp_path)
    trigger = triggers.OnceTrigger()
    assert _fired(trigger, trainer, 3) == [True, False, False]
    assert trigger.finished


def test_time_trigger(tmp_path):
    class _Clock(object):
        elapsed_time = 0.

    clock = _Clock()
    trigger = triggers.TimeTrigger(1.)
    fired = []
    for t in [0.5, 1.2, 1.5, 2.1, 5.0]:
        clock.elapsed_time = t
        fired.append(trigger(clock))
    assert fired == [False, True, False, True, True]
