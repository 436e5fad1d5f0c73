import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
import chainer.links as L
from chainer import testing


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def _ref_lstm(c, h, x, upward, lateral):
    z = x.dot(upward.W.array.T) + upward.b.array
    if h is not None:
        z = z + h.dot(lateral.W.array.T)
    z = z.reshape(len(z), -1, 4)
    a, i, f, o = [z[:, :, k] for k in range(4)]
    c_new = numpy.tanh(a) * _sigmoid(i) + _sigmoid(f) * c
    return c_new, _sigmoid(o) * numpy.tanh(c_new)


def test_params_and_bias_init():
    lstm = L.LSTM(3, 5)
    assert lstm.upward.W.shape == (20, 3)
    assert lstm.lateral.W.shape == (20, 5) and lstm.lateral.b is None
    gates = lstm.upward.b.array.reshape(5, 4)
    numpy.testing.assert_array_equal(gates[:, 2], numpy.ones(5))
    numpy.testing.assert_array_equal(gates[:, [0, 1, 3]], 0)
    assert not (lstm.upward.W.array == 0).all()
    assert [n for n, _ in lstm.namedparams()] == \
        ['/lateral/W', '/upward/W', '/upward/b']


def test_custom_initializers():
    lstm = L.LSTM(2, 3, lateral_init=0.5, upward_init=0.25, bias_init=0.1,
                  forget_bias_init=2.)
    assert (lstm.lateral.W.array == 0.5).all()
    assert (lstm.upward.W.array == 0.25).all()
    numpy.testing.assert_allclose(
        lstm.upward.b.array.reshape(3, 4), [[0.1, 0.1, 2., 0.1]] * 3)


def test_forward_keeps_state():
    lstm = L.LSTM(3, 4)
    rng = numpy.random.RandomState(0)
    x1 = rng.randn(2, 3).astype(numpy.float32)
    x2 = rng.randn(2, 3).astype(numpy.float32)
    c, h = numpy.zeros((2, 4), numpy.float32), None
    for x in (x1, x2):
        y = lstm(x)
        c, h = _ref_lstm(c, h, x, lstm.upward, lstm.lateral)
        numpy.testing.assert_allclose(y.array, h, rtol=1e-5, atol=1e-6)
    numpy.testing.assert_allclose(lstm.c.array, c, rtol=1e-5, atol=1e-6)
    lstm.reset_state()
    assert lstm.c is None and lstm.h is None


def test_shrinking_batch():
    lstm = L.LSTM(3, 2)
    lstm(numpy.ones((3, 3), numpy.float32))
    y = lstm(numpy.ones((2, 3), numpy.float32))
    assert y.shape == (2, 2) and lstm.h.shape == (3, 2)
    with pytest.raises(TypeError):
        lstm(numpy.ones((4, 3), numpy.float32))


def test_lazy_in_size_and_set_state():
    lstm = L.LSTM(4)
    assert lstm.upward.W.array is None
    lstm(numpy.ones((1, 6), numpy.float32))
    assert lstm.upward.W.shape == (16, 6)
    c = chainer.Variable(numpy.zeros((1, 4), numpy.float32))
    h = chainer.Variable(numpy.ones((1, 4), numpy.float32))
    lstm.set_state(c, h)
    assert lstm.h is h
    with pytest.raises(TypeError):
        lstm.set_state(c.array, h.array)


def test_backward_reaches_params():
    lstm = L.LSTM(2, 3)
    x = numpy.ones((1, 2), numpy.float32)
    F.sum(lstm(x) + lstm(x)).backward()
    assert lstm.upward.W.grad is not None and lstm.lateral.W.grad is not None


def test_stateless_lstm():
    lstm = L.StatelessLSTM(3, 4)
    x = numpy.random.RandomState(1).randn(2, 3).astype(numpy.float32)
    c, h = lstm(None, None, x)
    c_ref, h_ref = _ref_lstm(numpy.zeros((2, 4)), None, x, lstm.upward,
                             lstm.lateral)
    numpy.testing.assert_allclose(h.array, h_ref, rtol=1e-5, atol=1e-6)
    c2, h2 = lstm(c, h, x)
    c_ref, h_ref = _ref_lstm(c_ref, h_ref, x, lstm.upward, lstm.lateral)
    numpy.testing.assert_allclose(h2.array, h_ref, rtol=1e-5, atol=1e-6)


@testing.inject_backend_tests(None, [{}, {'use_cuda': True}])
def test_lstm_on_device(backend_config):
    rng = numpy.random.RandomState(0)
    x1, x2 = rng.uniform(-1, 1, (2, 2, 3)).astype(numpy.float32)
    gh = rng.uniform(-1, 1, (2, 4)).astype(numpy.float32)
    lstm = L.LSTM(None, 4)
    lstm.to_device(backend_config.device)
    x1_dev, x2_dev, gh_dev = backend_config.get_array((x1, x2, gh))
    # Lazy: the gate blocks are initialized on the device.
    lstm(x1_dev)
    assert isinstance(lstm.upward.W.array, backend_config.xp.ndarray)
    upward = L.Linear(3, 16)
    upward.W.array[...], upward.b.array[...] = cuda.to_cpu(
        (lstm.upward.W.array, lstm.upward.b.array))
    lateral = L.Linear(4, 16, nobias=True)
    lateral.W.array[...] = cuda.to_cpu(lstm.lateral.W.array)
    c, h = _ref_lstm(numpy.zeros((2, 4)), None, x1, upward, lateral)
    c, h = _ref_lstm(c, h, x2, upward, lateral)
    testing.assert_allclose(lstm(x2_dev).array, h, atol=1e-5, rtol=1e-4)

    def step(x):
        # From the state after x1, so every evaluation sees the same one.
        lstm.reset_state()
        lstm(x1_dev)
        return lstm(x)
    gradient_check.check_backward(
        step, x2_dev, gh_dev,
        params=(lstm.upward.W, lstm.upward.b, lstm.lateral.W),
        dtype=numpy.float64, atol=1e-4, rtol=1e-3)
