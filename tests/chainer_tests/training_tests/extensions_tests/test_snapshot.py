import os
import pickle

import numpy
import pytest

from chainer import iterators
from chainer import links as L
from chainer import optimizers
from chainer import serializers
from chainer import training
from chainer.training import extensions


def _data():
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (12, 3)).astype(numpy.float32)
    t = (x.sum(axis=1) > 0).astype(numpy.int32)
    return list(zip(x, t))


def _make_trainer(out, stop=(2, 'epoch')):
    model = L.Classifier(L.Linear(3, 2))
    optimizer = optimizers.SGD(lr=0.1)
    optimizer.setup(model)
    it = iterators.SerialIterator(_data(), 4, shuffle=False)
    updater = training.updaters.StandardUpdater(it, optimizer)
    trainer = training.Trainer(updater, stop, out=str(out))
    return trainer, model, optimizer


def test_trainer_snapshot_written_and_resumable(tmp_path):
    trainer, model, optimizer = _make_trainer(tmp_path)
    trainer.extend(extensions.snapshot(), trigger=(1, 'epoch'))
    trainer.run()
    assert sorted(os.listdir(str(tmp_path))) == [
        'snapshot_iter_3', 'snapshot_iter_6']

    trainer2, model2, optimizer2 = _make_trainer(tmp_path, (3, 'epoch'))
    trainer2.extend(extensions.snapshot(), trigger=(1, 'epoch'))
    serializers.load_npz(str(tmp_path / 'snapshot_iter_6'), trainer2)
    assert trainer2.updater.iteration == 6
    assert trainer2.updater.epoch == 2
    assert optimizer2.t == 6
    numpy.testing.assert_array_equal(
        model2.predictor.W.array, model.predictor.W.array)
    trainer2.run()
    assert trainer2.updater.iteration == 9
    assert os.path.exists(str(tmp_path / 'snapshot_iter_9'))


def test_snapshot_defaults():
    ext = extensions.snapshot()
    assert ext.trigger == (1, 'epoch')
    assert ext.priority == -100
    assert ext.filename == 'snapshot_iter_{.updater.iteration}'


def test_snapshot_object_model(tmp_path):
    trainer, model, _ = _make_trainer(tmp_path, (2, 'iteration'))
    trainer.extend(extensions.snapshot_object(
        model, 'model_iter_{.updater.iteration}'), trigger=(1, 'iteration'))
    trainer.run()
    assert sorted(os.listdir(str(tmp_path))) == [
        'model_iter_1', 'model_iter_2']
    loaded = L.Classifier(L.Linear(3, 2))
    serializers.load_npz(str(tmp_path / 'model_iter_2'), loaded)
    numpy.testing.assert_array_equal(
        loaded.predictor.W.array, model.predictor.W.array)
    # The first snapshot holds the parameters after one update only.
    first = L.Classifier(L.Linear(3, 2))
    serializers.load_npz(str(tmp_path / 'model_iter_1'), first)
    assert not numpy.array_equal(first.predictor.W.array,
                                 model.predictor.W.array)


def test_custom_savefun_and_callable_filename(tmp_path):
    def savefun(path, target):
        with open(path, 'wb') as f:
            pickle.dump(target.predictor.W.array, f)

    trainer, model, _ = _make_trainer(tmp_path, (1, 'iteration'))
    trainer.extend(extensions.snapshot_object(
        model, lambda t: 'w_{}.pkl'.format(t.updater.iteration),
        savefun=savefun), trigger=(1, 'iteration'))
    trainer.run()
    with open(str(tmp_path / 'w_1.pkl'), 'rb') as f:
        numpy.testing.assert_array_equal(pickle.load(f),
                                         model.predictor.W.array)
    # No temporary directory is left behind.
    assert os.listdir(str(tmp_path)) == ['w_1.pkl']


def test_condition(tmp_path):
    calls = []

    def condition():
        calls.append(1)
        return len(calls) % 2 == 0

    trainer, _, _ = _make_trainer(tmp_path, (4, 'iteration'))
    trainer.extend(extensions.snapshot(condition=condition),
                   trigger=(1, 'iteration'))
    trainer.run()
    assert sorted(os.listdir(str(tmp_path))) == [
        'snapshot_iter_2', 'snapshot_iter_4']


def test_n_retains(tmp_path):
    trainer, _, _ = _make_trainer(tmp_path, (4, 'iteration'))
    trainer.extend(extensions.snapshot(n_retains=2),
                   trigger=(1, 'iteration'))
    trainer.run()
    assert sorted(os.listdir(str(tmp_path))) == [
        'snapshot_iter_3', 'snapshot_iter_4']


def test_autoload(tmp_path):
    trainer, _, _ = _make_trainer(tmp_path, (2, 'iteration'))
    trainer.extend(extensions.snapshot(), trigger=(1, 'iteration'))
    trainer.run()

    trainer2, _, optimizer2 = _make_trainer(tmp_path, (3, 'iteration'))
    trainer2.extend(extensions.snapshot(autoload=True),
                    trigger=(1, 'iteration'))
    trainer2.run()
    # Resumed from iteration 2, so only one more update was made.
    assert optimizer2.t == 3


def test_snapshot_on_error(tmp_path):
    trainer, _, _ = _make_trainer(tmp_path, (5, 'iteration'))

    def fail(trainer):
        if trainer.updater.iteration == 2:
            raise RuntimeError('stop')

    trainer.extend(fail, name='fail')
    trainer.extend(extensions.snapshot(snapshot_on_error=True),
                   trigger=(100, 'iteration'))
    with pytest.raises(RuntimeError):
        trainer.run(show_loop_exception_msg=False)
    assert os.listdir(str(tmp_path)) == ['snapshot_iter_2']


def test_unexpected_kwarg():
    with pytest.raises(TypeError):
        extensions.snapshot(unknown=1)
