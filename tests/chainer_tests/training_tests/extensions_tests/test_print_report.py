import io

import chainer
from chainer import iterators
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


VALUES = [{'main/loss': 0.5, 'validation/main/accuracy': 0.25},
          {'main/loss': 0.25},
          {'main/loss': 0.125},
          {'main/loss': 0.0625}]


def _run(tmp_path, print_report, log_report=None):
    updater = _ReportingUpdater(VALUES, 2)
    trainer = training.Trainer(updater, (2, 'epoch'), out=str(tmp_path))
    if log_report is not None:
        trainer.extend(log_report)
    trainer.extend(print_report)
    trainer.run()


def test_output_format(tmp_path):
    out = io.StringIO()
    _run(tmp_path, extensions.PrintReport(
        ['epoch', 'iteration', 'main/loss', 'validation/main/accuracy'],
        out=out), extensions.LogReport())
    expected = (
        'epoch       iteration   main/loss   validation/main/accuracy\n'
        '\033[J'
        '1           2           0.375       0.25                      \n'
        '\033[J'
        '2           4           0.09375                               \n')
    assert out.getvalue() == expected


def test_header_widths_follow_entries():
    out = io.StringIO()
    report = extensions.PrintReport(['a', 'a_long_entry_name'], out=out)
    assert report._header == '{:10}  {:17}\n'.format('a', 'a_long_entry_name')


def test_owned_log_report(tmp_path):
    out = io.StringIO()
    log_report = extensions.LogReport(trigger=(1, 'epoch'), log_name=None)
    _run(tmp_path, extensions.PrintReport(
        ['epoch', 'main/loss'], log_report=log_report, out=out))
    lines = out.getvalue().split('\n')
    assert lines[0] == 'epoch       main/loss '
    assert lines[1] == '\033[J1           0.375       '
    assert lines[2] == '\033[J2           0.09375     '


def test_wrong_log_report_type(tmp_path):
    out = io.StringIO()
    updater = _ReportingUpdater(VALUES, 2)
    trainer = training.Trainer(updater, (1, 'iteration'), out=str(tmp_path))
    trainer.extend(extensions.PrintReport(['epoch'], log_report=1, out=out))
    try:
        trainer.run(show_loop_exception_msg=False)
    except TypeError as e:
        assert 'log report has a wrong type' in str(e)
    else:
        raise AssertionError('TypeError not raised')
