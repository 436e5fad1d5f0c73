import io
import re

from chainer import iterators
from chainer import training
from chainer.training import extensions


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

    def get_all_optimizers(self):
        return {}

    def update(self):
        next(self.iterator)
        self.iteration += 1


def _run(tmp_path, stop, iter_per_epoch, **kwargs):
    out = io.StringIO()
    trainer = training.Trainer(_IteratingUpdater(iter_per_epoch), stop,
                               out=str(tmp_path))
    trainer.extend(extensions.ProgressBar(out=out, **kwargs))
    trainer.run()
    return out.getvalue()


def _frames(text):
    # Each redraw starts with "erase below" and ends with "cursor up 4".
    return [f for f in text.split('\033[J') if f]


def test_epoch_training_bar(tmp_path):
    text = _run(tmp_path, (2, 'epoch'), 4, update_interval=2)
    frames = _frames(text)
    assert len(frames) == 4  # iterations 2, 4, 6, 8
    assert text.endswith('\033[J')  # erased at the end
    lines = frames[0].split('\n')
    assert lines[0] == '     total [' + '#' * 12 + '.' * 38 + '] 25.00%'
    assert lines[1] == 'this epoch [' + '#' * 25 + '.' * 25 + '] 50.00%'
    assert lines[2] == '         2 iter, 0 epoch / 2 epochs'
    assert re.match(r'^ *\S+ iters/sec\. Estimated time to finish: '
                    r'\d+:\d\d:\d\d(\.\d+)?\.$', lines[3])
    assert lines[4] == '\033[4A'
    last = frames[-1].split('\n')
    assert last[0] == '     total [' + '#' * 50 + '] 100.00%'
    assert last[1] == 'this epoch [' + '.' * 50 + ']  0.00%'
    assert last[2] == '         8 iter, 2 epoch / 2 epochs'


def test_iteration_training_bar(tmp_path):
    text = _run(tmp_path, (10, 'iteration'), 4, update_interval=5,
                bar_length=10)
    frames = _frames(text)
    assert len(frames) == 2
    lines = frames[0].split('\n')
    assert lines[0] == '     total [#####.....] 50.00%'
    assert lines[1] == 'this epoch [##........] 25.00%'
    assert lines[2] == '         5 iter, 1 epoch / 10 iterations'
    assert 'iters/sec. Estimated time to finish: ' in lines[3]


def test_explicit_training_length(tmp_path):
    text = _run(tmp_path, (3, 'iteration'), 4, update_interval=3,
                training_length=(6, 'iteration'), bar_length=10)
    lines = _frames(text)[0].split('\n')
    assert lines[0] == '     total [#####.....] 50.00%'
    assert lines[2] == '         3 iter, 0 epoch / 6 iterations'


def test_speed_reported_each_redraw(tmp_path):
    text = _run(tmp_path, (40, 'iteration'), 10, update_interval=1)
    frames = _frames(text)
    speeds = []
    for frame in frames[1:]:
        line = frame.split('\n')[3]
        speed = float(line.split('iters/sec')[0])
        assert speed > 0
        speeds.append(speed)
    assert len(speeds) == 39
