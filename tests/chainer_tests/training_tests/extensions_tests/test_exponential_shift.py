import numpy
import pytest

from chainer import iterators
from chainer import links as L
from chainer import optimizers
from chainer import serializers
from chainer import training
from chainer.training import extensions


class _IteratingUpdater(training.Updater):
    """Advances a real iterator; holds a real optimizer as 'main'."""

    def __init__(self, optimizer):
        self.iterator = iterators.SerialIterator(
            list(range(2)), 1, shuffle=False)
        self.iteration = 0
        self.optimizer = optimizer

    @property
    def epoch(self):
        return self.iterator.epoch

    @property
    def epoch_detail(self):
        return self.iterator.epoch_detail

    @property
    def previous_epoch_detail(self):
        return self.iterator.previous_epoch_detail

    def get_optimizer(self, name):
        return {'main': self.optimizer}[name]

    def get_all_optimizers(self):
        return {'main': self.optimizer}

    def update(self):
        next(self.iterator)
        self.iteration += 1


def _optimizer(lr=1.0):
    optimizer = optimizers.MomentumSGD(lr=lr)
    optimizer.setup(L.Linear(2, 2))
    return optimizer


def _run_shift(ext, n, optimizer=None):
    # Drives the extension by hand: initialize, then one call per update.
    optimizer = optimizer or _optimizer()
    trainer = training.Trainer(_IteratingUpdater(optimizer))
    ext.initialize(trainer)
    values = []
    for _ in range(n):
        trainer.updater.update()
        ext(trainer)
        values.append(optimizer.lr)
    return values, optimizer


def test_exponential_shift_values():
    values, optimizer = _run_shift(extensions.ExponentialShift('lr', 0.5), 4)
    assert values == pytest.approx([0.5, 0.25, 0.125, 0.0625])


def test_exponential_shift_init_and_target():
    ext = extensions.ExponentialShift('lr', 0.5, init=2.0, target=0.4)
    optimizer = _optimizer(lr=123.)
    values, _ = _run_shift(ext, 4, optimizer)
    assert values == pytest.approx([1.0, 0.5, 0.4, 0.4])


def test_exponential_shift_increasing_target():
    ext = extensions.ExponentialShift('lr', 2., init=1., target=5.)
    values, _ = _run_shift(ext, 4)
    assert values == pytest.approx([2., 4., 5., 5.])


def test_exponential_shift_initialize_sets_init():
    ext = extensions.ExponentialShift('lr', 0.5, init=0.3)
    optimizer = _optimizer(lr=1.0)
    trainer = training.Trainer(_IteratingUpdater(optimizer))
    ext.initialize(trainer)
    assert optimizer.lr == pytest.approx(0.3)


def test_exponential_shift_negative_rate():
    with pytest.raises(ValueError):
        extensions.ExponentialShift('lr', -0.5)


def test_exponential_shift_explicit_optimizer():
    other = _optimizer(lr=1.0)
    ext = extensions.ExponentialShift('lr', 0.1, optimizer=other)
    main = _optimizer(lr=1.0)
    trainer = training.Trainer(_IteratingUpdater(main))
    ext.initialize(trainer)
    ext(trainer)
    assert other.lr == pytest.approx(0.1)
    assert main.lr == 1.0


def test_exponential_shift_in_trainer(tmp_path):
    optimizer = _optimizer(lr=1.0)
    trainer = training.Trainer(_IteratingUpdater(optimizer), (3, 'epoch'),
                               out=str(tmp_path))
    trainer.extend(extensions.ExponentialShift('lr', 0.5),
                   trigger=(1, 'epoch'))
    trainer.run()
    assert optimizer.lr == pytest.approx(0.125)


def test_exponential_shift_serialize(tmp_path):
    ext = extensions.ExponentialShift('lr', 0.5)
    _run_shift(ext, 2)
    path = str(tmp_path / 'shift.npz')
    serializers.save_npz(path, ext)

    ext2 = extensions.ExponentialShift('lr', 0.5, init=1.0)
    serializers.load_npz(path, ext2)
    optimizer = _optimizer(lr=1.0)
    trainer = training.Trainer(_IteratingUpdater(optimizer))
    ext2.initialize(trainer)
    assert optimizer.lr == pytest.approx(0.25)  # resumed value
    ext2(trainer)
    assert optimizer.lr == pytest.approx(0.125)
    assert isinstance(ext2._last_value, float)


def test_linear_shift_values():
    ext = extensions.LinearShift('lr', (1., 0.), (1, 3))
    values, _ = _run_shift(ext, 5)
    assert values == pytest.approx([1., 0.5, 0., 0., 0.])


def test_linear_shift_initialize():
    ext = extensions.LinearShift('lr', (0.3, 0.1), (2, 4))
    optimizer = _optimizer(lr=1.0)
    trainer = training.Trainer(_IteratingUpdater(optimizer))
    ext.initialize(trainer)
    assert optimizer.lr == pytest.approx(0.3)


def test_observe_lr(tmp_path):
    optimizer = _optimizer(lr=0.25)
    trainer = training.Trainer(_IteratingUpdater(optimizer), (2, 'epoch'),
                               out=str(tmp_path))
    log_report = extensions.LogReport(log_name=None)
    trainer.extend(extensions.observe_lr())
    trainer.extend(extensions.ExponentialShift('lr', 0.5),
                   trigger=(1, 'epoch'))
    trainer.extend(log_report)
    trainer.run()
    # observe_lr (a writer) runs before the shift (a reader) each epoch.
    assert [e['lr'] for e in log_report.log] == [0.25, 0.125]


def test_observe_value(tmp_path):
    optimizer = _optimizer()
    trainer = training.Trainer(_IteratingUpdater(optimizer), (2, 'epoch'),
                               out=str(tmp_path))
    log_report = extensions.LogReport(log_name=None)
    ext = extensions.observe_value(
        'it_x2', lambda t: numpy.float64(t.updater.iteration * 2))
    assert ext.priority == training.PRIORITY_WRITER
    assert ext.trigger == (1, 'epoch')
    trainer.extend(ext)
    trainer.extend(log_report)
    trainer.run()
    assert [e['it_x2'] for e in log_report.log] == [4., 8.]


def _fail_on_non_number_run(tmp_path, poison, check_grad=True):
    optimizer = _optimizer()
    # Fresh links hold NaN gradients until the first backward pass.
    optimizer.target.cleargrads()
    trainer = training.Trainer(_IteratingUpdater(optimizer), (3, 'iteration'),
                               out=str(tmp_path))
    trainer.extend(extensions.FailOnNonNumber(check_grad=check_grad))

    def poison_ext(t):
        if t.updater.iteration == 2:
            poison(optimizer.target)

    trainer.extend(poison_ext, priority=training.PRIORITY_WRITER)
    trainer.run(show_loop_exception_msg=False)
    return trainer


def _nan_param(link):
    link.W.array[0, 0] = numpy.nan


def _inf_grad(link):
    link.W.grad = numpy.full_like(link.W.array, numpy.inf)


def test_fail_on_non_number_param(tmp_path):
    with pytest.raises(RuntimeError, match='parameters .* diverge'):
        _fail_on_non_number_run(tmp_path, _nan_param)


def test_fail_on_non_number_grad(tmp_path):
    with pytest.raises(RuntimeError, match='grads .* diverge'):
        _fail_on_non_number_run(tmp_path, _inf_grad)


def test_fail_on_non_number_grad_unchecked(tmp_path):
    trainer = _fail_on_non_number_run(tmp_path, _inf_grad, check_grad=False)
    assert trainer.updater.iteration == 3


def test_fail_on_non_number_finite(tmp_path):
    trainer = _fail_on_non_number_run(tmp_path, lambda link: None)
    assert trainer.updater.iteration == 3
