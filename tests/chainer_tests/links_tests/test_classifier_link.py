import importlib

import numpy
import pytest

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import testing


def _data():
    rng = numpy.random.RandomState(0)
    x = rng.randn(6, 3).astype(numpy.float32)
    t = numpy.array([0, 1, 0, 1, 1, 0], numpy.int32)
    return x, t


def test_defaults_and_registration():
    pred = L.Linear(3, 2)
    model = L.Classifier(pred)
    assert model.predictor is pred and pred.name == 'predictor'
    assert model.lossfun is F.softmax_cross_entropy
    assert model.accfun is F.accuracy
    assert model.compute_accuracy
    with pytest.raises(TypeError):
        L.Classifier(pred, label_key=1.5)


def test_forward_computes_loss_and_accuracy():
    x, t = _data()
    model = L.Classifier(L.Linear(3, 2))
    loss = model(x, t)
    y = model.predictor(x)
    numpy.testing.assert_allclose(
        loss.array, F.softmax_cross_entropy(y, t).array, rtol=1e-6)
    numpy.testing.assert_allclose(
        model.accuracy.array, F.accuracy(y, t).array)
    assert model.loss is loss
    numpy.testing.assert_array_equal(model.y.array, y.array)


def test_compute_accuracy_off_and_custom_lossfun():
    x, t = _data()
    model = L.Classifier(L.Linear(3, 2),
                         lossfun=lambda y, t: F.sum(y) * 0 + t.sum())
    model.compute_accuracy = False
    loss = model(x, t)
    assert float(loss.array) == t.sum() and model.accuracy is None


def test_label_key_positions():
    x, t = _data()

    class Pred(chainer.Chain):
        def __init__(self):
            super(Pred, self).__init__()
            with self.init_scope():
                self.l = L.Linear(3, 2)

        def forward(self, a, b=None):
            return self.l(a)

    model = L.Classifier(Pred(), label_key=0)
    model(t, x)
    assert model.y.shape == (6, 2)
    model = L.Classifier(Pred(), label_key='label')
    model(x, label=t)
    assert model.y.shape == (6, 2)
    with pytest.raises(ValueError):
        model(x, t)
    model = L.Classifier(Pred(), label_key=3)
    with pytest.raises(ValueError):
        model(x, t)


def test_reports_loss_and_accuracy():
    reporter_mod = importlib.import_module('chainer.reporter')
    x, t = _data()
    model = L.Classifier(L.Linear(3, 2))
    reporter = reporter_mod.Reporter()
    reporter.add_observer('main', model)
    observation = {}
    with reporter.scope(observation):
        model(x, t)
    assert set(observation) == {'main/loss', 'main/accuracy'}


def test_training_reduces_loss():
    x, _ = _data()
    t = (x[:, 0] > x[:, 1]).astype(numpy.int32)  # linearly separable
    model = L.Classifier(L.Linear(3, 2))
    opt = chainer.optimizers.Adam(alpha=0.1).setup(model)
    first = float(model(x, t).array)
    for _ in range(50):
        opt.update(model, x, t)
    assert float(model(x, t).array) < first * 0.5


@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
def test_classifier_on_device(backend_config):
    x, t = _data()
    model = L.Classifier(L.Linear(3, 2))
    loss_ref = float(model(x, t).array)
    acc_ref = float(model.accuracy.array)
    model.to_device(backend_config.device)
    x_dev, t_dev = backend_config.get_array((x, t))
    loss = model(x_dev, t_dev)
    assert isinstance(loss.array, backend_config.xp.ndarray)
    assert float(loss.array) == pytest.approx(loss_ref, rel=1e-6)
    assert float(model.accuracy.array) == acc_ref
    model.cleargrads()
    loss.backward()
    assert isinstance(model.predictor.W.grad, backend_config.xp.ndarray)
