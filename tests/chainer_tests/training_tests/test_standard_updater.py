import numpy
import pytest

import chainer
from chainer import dataset
from chainer import iterators
from chainer import links as L
from chainer import optimizers
from chainer import serializers
from chainer import training
import chainer.functions as F


def _regression_data(n=8):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (n, 3)).astype(numpy.float32)
    w = numpy.array([[1.], [-2.], [0.5]], numpy.float32)
    t = x.dot(w)
    return [(x[i], t[i]) for i in range(n)]


def _make(batch_size=4, **kwargs):
    model = L.Linear(3, 1)
    optimizer = optimizers.SGD(lr=0.1)
    optimizer.setup(model)
    it = iterators.SerialIterator(_regression_data(), batch_size,
                                  shuffle=False)

    def loss_func(x, t):
        return F.mean_squared_error(model(x), t)

    kwargs.setdefault('loss_func', loss_func)
    updater = training.updaters.StandardUpdater(it, optimizer, **kwargs)
    return updater, model, optimizer, it


def test_update_counts_and_epochs():
    updater, model, optimizer, it = _make()
    assert updater.iteration == 0
    assert updater.epoch == 0
    assert updater.previous_epoch_detail is None
    updater.update()
    assert updater.iteration == 1
    assert updater.epoch_detail == pytest.approx(0.5)
    assert not updater.is_new_epoch
    updater.update()
    assert updater.iteration == 2
    assert updater.epoch == 1
    assert updater.is_new_epoch
    assert updater.previous_epoch_detail == pytest.approx(0.5)
    assert optimizer.t == 2
    assert optimizer.epoch == 1  # auto new_epoch


def test_update_reduces_loss():
    updater, model, optimizer, it = _make(batch_size=8)
    x, t = dataset.concat_examples(_regression_data())

    def loss():
        return float(F.mean_squared_error(model(x), t).array)

    before = loss()
    for _ in range(20):
        updater.update()
    assert loss() < before * 0.5


def test_default_loss_func_is_target():
    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.fc = L.Linear(3, 1)
            self.calls = []

        def forward(self, x, t):
            self.calls.append(x.shape)
            return F.mean_squared_error(self.fc(x), t)

    model = Model()
    optimizer = optimizers.SGD()
    optimizer.setup(model)
    it = iterators.SerialIterator(_regression_data(), 4, shuffle=False)
    updater = training.updaters.StandardUpdater(it, optimizer)
    updater.update()
    assert model.calls == [(4, 3)]


def test_converter_tuple_and_dict():
    received = []

    def loss_func(*args, **kwargs):
        received.append((args, kwargs))
        return chainer.Variable(numpy.array(0., numpy.float32))

    def dict_converter(batch, device):
        return {'a': numpy.array(batch, numpy.float32)}

    model = L.Linear(1, 1)
    optimizer = optimizers.SGD()
    optimizer.setup(model)
    it = iterators.SerialIterator([1, 2, 3, 4], 2, shuffle=False)
    updater = training.updaters.StandardUpdater(
        it, optimizer, converter=dict_converter, loss_func=loss_func)
    updater.update()
    args, kwargs = received[0]
    assert args == ()
    numpy.testing.assert_array_equal(kwargs['a'], [1., 2.])

    def tuple_converter(batch, device):
        return tuple(batch)

    updater.converter = tuple_converter
    updater.update()
    assert received[1] == ((3, 4), {})

    def array_converter(batch, device):
        return numpy.array(batch)

    updater.converter = array_converter
    updater.update()
    args, kwargs = received[2]
    numpy.testing.assert_array_equal(args[0], [1, 2])


def test_converter_gets_device():
    devices = []

    @dataset.converter()
    def conv(batch, device):
        devices.append(device)
        return dataset.concat_examples(batch, device)

    updater, _, _, _ = _make(converter=conv, device='@numpy')
    updater.update()
    assert isinstance(updater.device, chainer.backend.CpuDevice)
    assert devices[0] == chainer.get_device('@numpy')
    assert updater.input_device == chainer.get_device('@numpy')


def test_device_int_spec():
    updater, _, _, _ = _make(device=-1)
    assert updater.device == chainer.get_device('@numpy')


def test_dict_iterators_and_optimizers():
    model = L.Linear(3, 1)
    opt = optimizers.SGD()
    opt.setup(model)
    it = iterators.SerialIterator(_regression_data(), 4)
    updater = training.updaters.StandardUpdater(
        {'main': it}, {'main': opt},
        loss_func=lambda x, t: F.mean_squared_error(model(x), t))
    assert updater.get_iterator('main') is it
    assert updater.get_optimizer('main') is opt
    assert updater.get_all_optimizers() == {'main': opt}
    updater.update()
    assert updater.iteration == 1


def test_unexpected_kwarg():
    with pytest.raises(TypeError):
        _make(unknown=1)


def test_serialize_round_trip(tmp_path):
    updater, model, optimizer, it = _make()
    for _ in range(3):
        updater.update()
    path = str(tmp_path / 'updater.npz')
    serializers.save_npz(path, updater)

    updater2, model2, optimizer2, it2 = _make()
    serializers.load_npz(path, updater2)
    assert updater2.iteration == 3
    assert updater2.epoch_detail == pytest.approx(updater.epoch_detail)
    assert optimizer2.t == optimizer.t
    numpy.testing.assert_array_equal(model2.W.array, model.W.array)
    numpy.testing.assert_array_equal(model2.b.array, model.b.array)
    updater.update()
    updater2.update()
    numpy.testing.assert_allclose(model2.W.array, model.W.array)


def test_finalize_finalizes_iterators():
    updater, _, _, _ = _make()
    finalized = []

    class _Iter(iterators.SerialIterator):
        def finalize(self):
            finalized.append(True)

    updater._iterators['extra'] = _Iter([1], 1)
    updater.finalize()
    assert finalized == [True]


def test_updater_module_alias():
    assert training.updater.StandardUpdater is \
        training.updaters.StandardUpdater
    assert training.StandardUpdater is training.updaters.StandardUpdater
