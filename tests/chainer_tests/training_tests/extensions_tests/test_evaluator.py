import io
import warnings

import numpy
import pytest

import chainer
from chainer import dataset
from chainer import iterators
from chainer import links as L
from chainer import optimizers
from chainer import training
from chainer.training import extensions
import chainer.functions as F


def _data(n=10):
    rng = numpy.random.RandomState(2)
    x = rng.uniform(-1, 1, (n, 3)).astype(numpy.float32)
    t = (x[:, 0] > 0).astype(numpy.int32)
    return list(zip(x, t))


def _iterator(data=None, batch_size=4):
    return iterators.SerialIterator(data or _data(), batch_size,
                                    repeat=False, shuffle=False)


class _Recorder(chainer.Chain):
    """Link recording the configuration each batch is evaluated under."""

    def __init__(self):
        super(_Recorder, self).__init__()
        with self.init_scope():
            self.fc = L.Linear(3, 2)
        self.records = []

    def forward(self, x, t):
        y = self.fc(x)
        self.records.append((x.shape[0], chainer.config.train,
                             chainer.config.enable_backprop))
        loss = F.softmax_cross_entropy(y, t)
        chainer.report({'loss': loss, 'n': float(x.shape[0])}, self)
        return loss


def test_results_are_batch_means():
    model = L.Classifier(L.Linear(3, 2))
    evaluator = extensions.Evaluator(_iterator(), model)
    evaluator.name = 'validation'
    result = evaluator()
    assert set(result) == {'validation/main/loss',
                           'validation/main/accuracy'}

    x, t = dataset.concat_examples(_data())
    losses, accs = [], []
    for s in (slice(0, 4), slice(4, 8), slice(8, 10)):
        y = model.predictor(x[s])
        losses.append(float(F.softmax_cross_entropy(y, t[s]).array))
        accs.append(float(F.accuracy(y, t[s]).array))
    assert float(result['validation/main/loss']) == pytest.approx(
        numpy.mean(losses), rel=1e-5)
    assert float(result['validation/main/accuracy']) == pytest.approx(
        numpy.mean(accs))


def test_eval_mode_and_no_backprop():
    model = _Recorder()
    evaluator = extensions.Evaluator(_iterator(), model)
    evaluator()
    assert model.records == [(4, False, False), (4, False, False),
                             (2, False, False)]
    assert chainer.config.train
    assert chainer.config.enable_backprop


def test_iterator_reset_between_calls():
    model = _Recorder()
    evaluator = extensions.Evaluator(_iterator(), model)
    r1 = evaluator()
    r2 = evaluator()
    assert len(model.records) == 6
    assert float(r1['main/loss']) == pytest.approx(float(r2['main/loss']))
    assert float(r1['main/n']) == pytest.approx(10. / 3)


def test_eval_func_and_hook():
    hooked = []
    calls = []

    def eval_func(x, t):
        calls.append(len(x))
        chainer.report({'size': float(len(x))})

    evaluator = extensions.Evaluator(
        _iterator(), L.Linear(3, 2), eval_func=eval_func,
        eval_hook=lambda e: hooked.append(e))
    result = evaluator()
    assert hooked == [evaluator]
    assert calls == [4, 4, 2]
    assert float(result['size']) == pytest.approx(10. / 3)


def test_converter_and_device():
    devices = []

    @dataset.converter()
    def converter(batch, device):
        devices.append(device)
        return dataset.concat_examples(batch, device)

    evaluator = extensions.Evaluator(_iterator(), _Recorder(),
                                     converter=converter, device='@numpy')
    assert evaluator.device == chainer.get_device('@numpy')
    evaluator()
    assert devices == [chainer.get_device('@numpy')] * 3


def test_dict_converter():
    received = []

    def converter(batch, device):
        x, t = dataset.concat_examples(batch, device)
        return {'x': x, 't': t}

    def eval_func(x, t):
        received.append((x.shape, t.shape))

    evaluator = extensions.Evaluator(_iterator(), L.Linear(3, 2),
                                     converter=converter,
                                     eval_func=eval_func)
    evaluator()
    assert received[0] == ((4, 3), (4,))


def test_repeat_iterator_warns():
    it = iterators.SerialIterator(_data(), 4, repeat=True)
    with pytest.warns(UserWarning, match='repeat'):
        extensions.Evaluator(it, L.Linear(3, 2))


def test_no_warning_without_repeat():
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        extensions.Evaluator(_iterator(), L.Linear(3, 2))


def test_accessors():
    it = _iterator()
    model = L.Linear(3, 2)
    evaluator = extensions.Evaluator({'main': it}, {'main': model})
    assert evaluator.get_iterator('main') is it
    assert evaluator.get_target('main') is model
    assert evaluator.get_all_iterators() == {'main': it}
    assert evaluator.get_all_targets() == {'main': model}


def test_defaults():
    evaluator = extensions.Evaluator(_iterator(), L.Linear(3, 2))
    assert evaluator.default_name == 'validation'
    assert evaluator.trigger == (1, 'epoch')
    assert evaluator.priority == training.PRIORITY_WRITER


def test_progress_bar(capsys):
    evaluator = extensions.Evaluator(_iterator(), _Recorder(),
                                     progress_bar=True)
    evaluator()
    out = capsys.readouterr().out
    assert 'validation [' in out
    assert '100.00%' in out
    assert '/ 10 iterations' in out


def test_in_trainer(tmp_path):
    model = L.Classifier(L.Linear(3, 2))
    optimizer = optimizers.SGD(lr=0.5)
    optimizer.setup(model)
    train_iter = iterators.SerialIterator(_data(), 5, shuffle=False)
    updater = training.updaters.StandardUpdater(train_iter, optimizer)
    trainer = training.Trainer(updater, (3, 'epoch'), out=str(tmp_path))
    log_report = extensions.LogReport(log_name=None)
    trainer.extend(extensions.Evaluator(_iterator(), model))
    trainer.extend(log_report)
    out = io.StringIO()
    trainer.extend(extensions.PrintReport(
        ['epoch', 'main/loss', 'validation/main/loss',
         'validation/main/accuracy'], out=out))
    trainer.run()
    log = log_report.log
    assert len(log) == 3
    for entry in log:
        assert {'main/loss', 'main/accuracy', 'validation/main/loss',
                'validation/main/accuracy'} <= set(entry)
    # Training on the evaluation data lowers the validation loss.
    assert log[-1]['validation/main/loss'] < log[0]['validation/main/loss']
    assert 'validation/main/loss' in out.getvalue()
