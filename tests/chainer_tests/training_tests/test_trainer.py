import time

import numpy
import pytest

import chainer
from chainer import iterators
from chainer import serializers
from chainer import training


class _IteratingUpdater(training.Updater):
    """Updater that only advances a real iterator (no optimization)."""

    def __init__(self, iter_per_epoch=5, step_hook=None):
        self.iterator = iterators.SerialIterator(
            list(range(iter_per_epoch)), 1, shuffle=False)
        self.iteration = 0
        self.step_hook = step_hook
        self.finalized = False

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
        if self.step_hook is not None:
            self.step_hook(self.iteration)

    def finalize(self):
        self.finalized = True

    def serialize(self, serializer):
        self.iterator.serialize(serializer['iterator'])
        self.iteration = int(serializer('iteration', self.iteration))


class _Recorder(training.Extension):

    def __init__(self, log, tag, trigger=(1, 'iteration'), priority=None):
        self.log = log
        self.tag = tag
        self.trigger = trigger
        if priority is not None:
            self.priority = priority
        self.initialized = 0
        self.finalized = 0
        self.errors = []

    def __call__(self, trainer):
        self.log.append((self.tag, trainer.updater.iteration))

    def initialize(self, trainer):
        self.initialized += 1

    def finalize(self):
        self.finalized += 1

    def on_error(self, trainer, exc, tb):
        self.errors.append(exc)


def test_stops_at_stop_trigger(tmp_path):
    updater = _IteratingUpdater(iter_per_epoch=4)
    trainer = training.Trainer(updater, (3, 'epoch'), out=str(tmp_path))
    trainer.run()
    assert updater.iteration == 12
    assert updater.epoch == 3
    assert updater.finalized


def test_out_directory_created(tmp_path):
    out = tmp_path / 'a' / 'b'
    trainer = training.Trainer(_IteratingUpdater(), (1, 'iteration'),
                               out=str(out))
    trainer.run()
    assert out.is_dir()


def test_extension_order_by_priority(tmp_path):
    log = []
    trainer = training.Trainer(_IteratingUpdater(), (2, 'iteration'),
                               out=str(tmp_path))
    trainer.extend(_Recorder(log, 'reader'))
    trainer.extend(_Recorder(log, 'writer',
                             priority=training.PRIORITY_WRITER))
    trainer.extend(_Recorder(log, 'editor',
                             priority=training.PRIORITY_EDITOR))
    trainer.run()
    assert log == [('writer', 1), ('editor', 1), ('reader', 1),
                   ('writer', 2), ('editor', 2), ('reader', 2)]


def test_extension_trigger(tmp_path):
    log = []
    trainer = training.Trainer(_IteratingUpdater(iter_per_epoch=3),
                               (2, 'epoch'), out=str(tmp_path))
    trainer.extend(_Recorder(log, 'epoch'), trigger=(1, 'epoch'))
    trainer.extend(_Recorder(log, 'every2', trigger=(2, 'iteration')))
    trainer.run()
    assert [i for tag, i in log if tag == 'epoch'] == [3, 6]
    assert [i for tag, i in log if tag == 'every2'] == [2, 4, 6]


def test_extend_names(tmp_path):
    trainer = training.Trainer(_IteratingUpdater(), (1, 'iteration'),
                               out=str(tmp_path))
    e1 = _Recorder([], 'a')
    e2 = _Recorder([], 'b')
    e3 = _Recorder([], 'c')
    trainer.extend(e1)
    trainer.extend(e2)
    trainer.extend(e3, name='custom')
    assert e1.name == '_Recorder'
    assert e2.name == '_Recorder_1'
    assert trainer.get_extension('_Recorder') is e1
    assert trainer.get_extension('_Recorder_1') is e2
    assert trainer.get_extension('custom') is e3
    with pytest.raises(ValueError):
        trainer.get_extension('missing')


def test_extend_function_uses_make_extension_defaults(tmp_path):
    calls = []

    @training.make_extension(trigger=(2, 'iteration'),
                             priority=training.PRIORITY_WRITER)
    def my_ext(trainer):
        calls.append(trainer.updater.iteration)

    trainer = training.Trainer(_IteratingUpdater(), (4, 'iteration'),
                               out=str(tmp_path))
    trainer.extend(my_ext)
    trainer.run()
    assert trainer.get_extension('my_ext') is my_ext
    assert calls == [2, 4]


def test_extend_plain_function(tmp_path):
    calls = []

    def plain(trainer):
        calls.append(trainer.updater.iteration)

    trainer = training.Trainer(_IteratingUpdater(), (3, 'iteration'),
                               out=str(tmp_path))
    trainer.extend(plain)
    trainer.run()
    assert trainer.get_extension('plain') is plain
    assert calls == [1, 2, 3]


def test_extend_prohibited_name(tmp_path):
    trainer = training.Trainer(_IteratingUpdater(), out=str(tmp_path))
    with pytest.raises(ValueError):
        trainer.extend(_Recorder([], 'x'), name='training')


def test_extend_removed_option(tmp_path):
    trainer = training.Trainer(_IteratingUpdater(), out=str(tmp_path))
    with pytest.raises(ValueError):
        trainer.extend(_Recorder([], 'x'), invoke_before_training=True)


def test_extensions_argument(tmp_path):
    log = []
    ext = _Recorder(log, 'x')
    trainer = training.Trainer(_IteratingUpdater(), (2, 'iteration'),
                               out=str(tmp_path), extensions=[ext])
    trainer.run()
    assert log == [('x', 1), ('x', 2)]


def test_initialize_and_finalize(tmp_path):
    ext = _Recorder([], 'x')
    trainer = training.Trainer(_IteratingUpdater(), (2, 'iteration'),
                               out=str(tmp_path))
    trainer.extend(ext)
    trainer.run()
    assert ext.initialized == 1
    assert ext.finalized == 1


def test_call_before_training(tmp_path):
    log = []
    trainer = training.Trainer(_IteratingUpdater(), (2, 'iteration'),
                               out=str(tmp_path))
    trainer.extend(_Recorder(log, 'x'), call_before_training=True)
    trainer.run()
    assert log == [('x', 0), ('x', 1), ('x', 2)]


def test_observation_reset_each_iteration(tmp_path):
    seen = []

    def hook(iteration):
        chainer.report({'it': iteration})

    def reader(trainer):
        seen.append(dict(trainer.observation))

    trainer = training.Trainer(_IteratingUpdater(step_hook=hook),
                               (3, 'iteration'), out=str(tmp_path))
    trainer.extend(reader)
    trainer.run()
    assert seen == [{'it': 1}, {'it': 2}, {'it': 3}]


def test_run_twice_fails(tmp_path):
    trainer = training.Trainer(_IteratingUpdater(), (1, 'iteration'),
                               out=str(tmp_path))
    trainer.run()
    with pytest.raises(RuntimeError):
        trainer.run()


def test_elapsed_time(tmp_path):
    trainer = training.Trainer(_IteratingUpdater(), (3, 'iteration'),
                               out=str(tmp_path))
    with pytest.raises(RuntimeError):
        trainer.elapsed_time
    times = []

    def ext(trainer):
        time.sleep(0.01)
        times.append(trainer.elapsed_time)

    trainer.extend(ext)
    trainer.run()
    assert times == sorted(times)
    assert times[0] >= 0.01
    assert trainer.elapsed_time >= times[-1]
    final = trainer.elapsed_time
    time.sleep(0.01)
    assert trainer.elapsed_time == final  # frozen after training


def test_is_before_training(tmp_path):
    flags = []
    trainer = training.Trainer(_IteratingUpdater(), (1, 'iteration'),
                               out=str(tmp_path))
    trainer.extend(lambda t: flags.append(t.is_before_training),
                   name='flag', call_before_training=True)
    trainer.run()
    assert flags == [True, False]


class _Failure(Exception):
    pass


def _failing_hook(iteration):
    if iteration == 2:
        raise _Failure('broken at 2')


def test_exception_calls_on_error_and_finalize(tmp_path, capsys):
    ext = _Recorder([], 'x')
    updater = _IteratingUpdater(step_hook=_failing_hook)
    trainer = training.Trainer(updater, (5, 'iteration'),
                               out=str(tmp_path))
    trainer.extend(ext)
    with pytest.raises(_Failure):
        trainer.run()
    assert len(ext.errors) == 1
    assert isinstance(ext.errors[0], _Failure)
    assert ext.finalized == 1
    assert updater.finalized
    err = capsys.readouterr().err
    assert 'Exception in main training loop: broken at 2' in err
    assert 'Traceback (most recent call last):' in err
    assert 'Will finalize trainer extensions and updater' in err


def test_exception_message_suppressed(tmp_path, capsys):
    trainer = training.Trainer(_IteratingUpdater(step_hook=_failing_hook),
                               (5, 'iteration'), out=str(tmp_path))
    with pytest.raises(_Failure):
        trainer.run(show_loop_exception_msg=False)
    assert 'Exception in main training loop' not in capsys.readouterr().err


def test_on_error_failure_does_not_hide_exception(tmp_path):
    @training.make_extension(on_error=lambda t, e, tb: 1 / 0)
    def ext(trainer):
        pass

    trainer = training.Trainer(_IteratingUpdater(step_hook=_failing_hook),
                               (5, 'iteration'), out=str(tmp_path))
    trainer.extend(ext)
    with pytest.raises(_Failure):
        trainer.run(show_loop_exception_msg=False)


class _Counter(training.Extension):

    def __init__(self):
        self.count = 0

    def __call__(self, trainer):
        self.count += 1

    def serialize(self, serializer):
        self.count = int(serializer('count', self.count))


def test_serialize_resume(tmp_path):
    path = str(tmp_path / 'trainer.npz')
    updater = _IteratingUpdater(iter_per_epoch=4)
    trainer = training.Trainer(updater, (6, 'iteration'), out=str(tmp_path))
    trainer.extend(_Counter(), name='counter')
    trainer.run()
    serializers.save_npz(path, trainer)

    updater2 = _IteratingUpdater(iter_per_epoch=4)
    trainer2 = training.Trainer(updater2, (10, 'iteration'),
                                out=str(tmp_path))
    counter2 = _Counter()
    trainer2.extend(counter2, name='counter')
    serializers.load_npz(path, trainer2)
    assert updater2.iteration == 6
    assert updater2.epoch == 1
    assert counter2.count == 6
    assert trainer2._snapshot_elapsed_time == pytest.approx(
        trainer.elapsed_time)
    trainer2.run()
    assert updater2.iteration == 10
    assert counter2.count == 10
    assert trainer2.elapsed_time >= trainer.elapsed_time


def test_optimizer_targets_registered_as_observers(tmp_path):
    from chainer import links as L
    from chainer import optimizers

    model = L.Linear(2, 2)
    optimizer = optimizers.SGD()
    optimizer.setup(model)
    it = iterators.SerialIterator(
        [(numpy.ones(2, 'f'), numpy.int32(0))], 1)
    updater = training.updaters.StandardUpdater(
        it, optimizer, loss_func=lambda x, t: _report_and_loss(model, x))
    trainer = training.Trainer(updater, (1, 'iteration'), out=str(tmp_path))
    seen = []
    trainer.extend(lambda t: seen.append(dict(t.observation)), name='r')
    trainer.run()
    assert list(seen[0]) == ['main/value']


def _report_and_loss(model, x):
    y = model(x)
    chainer.report({'value': 1.0}, model)
    return chainer.functions.sum(y * y)
