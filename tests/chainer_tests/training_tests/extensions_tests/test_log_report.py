import json
import os

import numpy
import pytest

import chainer
from chainer import iterators
from chainer import serializers
from chainer import training
from chainer.training import extensions


class _ReportingUpdater(training.Updater):
    """Advances a real iterator and reports ``values[iteration - 1]``."""

    def __init__(self, values, iter_per_epoch):
        self.iterator = iterators.SerialIterator(
            list(range(iter_per_epoch)), 1, shuffle=False)
        self.values = values
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

    def get_all_optimizers(self):
        return {}

    def update(self):
        next(self.iterator)
        chainer.report(self.values[self.iteration])
        self.iteration += 1

    def serialize(self, serializer):
        self.iterator.serialize(serializer['iterator'])
        self.iteration = int(serializer('iteration', self.iteration))


def _run(tmp_path, values, iter_per_epoch, stop, log_report):
    updater = _ReportingUpdater(values, iter_per_epoch)
    trainer = training.Trainer(updater, stop, out=str(tmp_path))
    trainer.extend(log_report)
    trainer.run()
    return trainer


VALUES = [{'main/loss': 4., 'main/accuracy': numpy.float32(0.5),
           'text': 'ignored'},
          {'main/loss': chainer.Variable(numpy.array(2., numpy.float32)),
           'main/accuracy': numpy.float32(1.)},
          {'main/loss': 1.},
          {'main/loss': 3., 'main/accuracy': numpy.float32(0.)}]


def test_epoch_log_and_file(tmp_path):
    log_report = extensions.LogReport()
    _run(tmp_path, VALUES, 2, (2, 'epoch'), log_report)
    log = log_report.log
    assert len(log) == 2
    assert log[0]['main/loss'] == pytest.approx(3.)
    assert log[0]['main/accuracy'] == pytest.approx(0.75)
    assert log[0]['epoch'] == 1
    assert log[0]['iteration'] == 2
    assert log[1]['main/loss'] == pytest.approx(2.)
    assert log[1]['main/accuracy'] == pytest.approx(0.)
    assert log[1]['epoch'] == 2
    assert log[1]['iteration'] == 4
    assert 0 < log[0]['elapsed_time'] <= log[1]['elapsed_time']
    assert 'text' not in log[0]
    for entry in log:
        for value in entry.values():
            assert type(value) in (int, float)

    with open(os.path.join(str(tmp_path), 'log')) as f:
        content = f.read()
    assert json.loads(content) == log
    # Chainer writes the log with an indentation of four spaces.
    assert content.startswith('[\n    {\n        "')


def test_keys_and_iteration_trigger(tmp_path):
    log_report = extensions.LogReport(keys=['main/accuracy'],
                                      trigger=(1, 'iteration'))
    _run(tmp_path, VALUES, 2, (3, 'iteration'), log_report)
    log = log_report.log
    assert [sorted(e) for e in log] == [
        ['elapsed_time', 'epoch', 'iteration', 'main/accuracy'],
        ['elapsed_time', 'epoch', 'iteration', 'main/accuracy'],
        ['elapsed_time', 'epoch', 'iteration']]
    assert [e['iteration'] for e in log] == [1, 2, 3]


def test_postprocess_and_filename(tmp_path):
    def postprocess(entry):
        entry['double'] = entry['main/loss'] * 2

    log_report = extensions.LogReport(
        postprocess=postprocess, filename='log_{epoch}.json')
    _run(tmp_path, VALUES, 2, (2, 'epoch'), log_report)
    assert log_report.log[0]['double'] == pytest.approx(6.)
    with open(os.path.join(str(tmp_path), 'log_1.json')) as f:
        assert len(json.load(f)) == 1
    with open(os.path.join(str(tmp_path), 'log_2.json')) as f:
        assert len(json.load(f)) == 2


def test_log_name_alias_and_no_file(tmp_path):
    _run(tmp_path, VALUES, 2, (1, 'epoch'),
         extensions.LogReport(log_name='my_log'))
    assert os.path.exists(os.path.join(str(tmp_path), 'my_log'))
    out2 = tmp_path / 'none'
    _run(out2, VALUES, 2, (1, 'epoch'), extensions.LogReport(log_name=None))
    assert os.listdir(str(out2)) == []


def test_unexpected_kwarg():
    with pytest.raises(TypeError):
        extensions.LogReport(unknown=1)


def test_default_attributes():
    log_report = extensions.LogReport()
    assert log_report.default_name == 'LogReport'
    assert log_report.priority == training.PRIORITY_READER
    assert log_report.trigger == (1, 'iteration')


def test_serialize(tmp_path):
    # Stop in the middle of the second epoch; the pending summary and the
    # log must survive a round trip.
    log_report = extensions.LogReport()
    _run(tmp_path, VALUES, 2, (3, 'iteration'), log_report)
    path = str(tmp_path / 'log_report.npz')
    serializers.save_npz(path, log_report)

    restored = extensions.LogReport()
    serializers.load_npz(path, restored)
    assert restored.log == log_report.log
    mean = restored._summary.compute_mean()
    assert float(mean['main/loss']) == pytest.approx(1.)


def test_call_before_training_adds_entry(tmp_path):
    updater = _ReportingUpdater(VALUES, 2)
    trainer = training.Trainer(updater, (2, 'epoch'), out=str(tmp_path))
    log_report = extensions.LogReport()

    @training.make_extension(priority=training.PRIORITY_WRITER)
    def before(trainer):
        if trainer.is_before_training:
            chainer.report({'main/loss': 10.})

    trainer.extend(before, call_before_training=True)
    trainer.extend(log_report, call_before_training=True)
    trainer.run()
    log = log_report.log
    assert [(e['epoch'], e['iteration']) for e in log] == [
        (0, 0), (1, 2), (2, 4)]
    assert log[0]['main/loss'] == 10.
    # The entry before training does not leak into the first epoch.
    assert log[1]['main/loss'] == pytest.approx(3.)
