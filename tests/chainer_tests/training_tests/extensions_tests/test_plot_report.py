import os

import chainer
from chainer import iterators
from chainer import serializers
from chainer import training
from chainer.training import extensions


class _ReportingUpdater(training.Updater):
    """Advances a real iterator and reports a decreasing loss."""

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

    def get_all_optimizers(self):
        return {}

    def update(self):
        next(self.iterator)
        self.iteration += 1
        chainer.report({'main/loss': 1. / self.iteration,
                        'main/accuracy': 1. - 1. / self.iteration})


def _run(tmp_path, plot_report, stop=(3, 'epoch')):
    trainer = training.Trainer(_ReportingUpdater(2), stop, out=str(tmp_path))
    trainer.extend(plot_report)
    trainer.run()


def test_available():
    assert extensions.PlotReport.available()


def test_png_written(tmp_path):
    plot = extensions.PlotReport(['main/loss', 'main/accuracy'], 'epoch',
                                 filename='loss.png')
    _run(tmp_path, plot)
    path = os.path.join(str(tmp_path), 'loss.png')
    with open(path, 'rb') as f:
        assert f.read(8) == b'\x89PNG\r\n\x1a\n'
    assert os.path.getsize(path) > 1000
    assert [x for x, _ in plot._data['main/loss']] == [1, 2, 3]
    assert plot._data['main/loss'][0][1] == 0.75  # mean of 1 and 1/2


def test_default_filename_and_single_key(tmp_path):
    _run(tmp_path, extensions.PlotReport('main/loss'))
    assert os.path.exists(os.path.join(str(tmp_path), 'plot.png'))


def test_no_data_no_file(tmp_path):
    _run(tmp_path, extensions.PlotReport(['missing'], filename='x.png'))
    assert not os.path.exists(os.path.join(str(tmp_path), 'x.png'))


def test_postprocess_called(tmp_path):
    calls = []

    def postprocess(figure, axes, summary):
        calls.append(axes.get_xlabel())

    _run(tmp_path, extensions.PlotReport(
        ['main/loss'], 'iteration', postprocess=postprocess))
    assert calls == ['iteration'] * 3


def test_serialize(tmp_path):
    plot = extensions.PlotReport(['main/loss'], 'epoch')
    _run(tmp_path, plot)
    path = str(tmp_path / 'plot.npz')
    serializers.save_npz(path, plot)
    restored = extensions.PlotReport(['main/loss'], 'epoch')
    serializers.load_npz(path, restored)
    assert restored._data == {
        'main/loss': [list(p) for p in plot._data['main/loss']]}
