"""Chainer benchmarks: one training step (forward, backward and Adam update) of the MNIST
example networks on digits-sized input, batch 100: the MLP (64-100-100-10) and the small CNN
(1x8x8 images, 16 channels, 64 hidden units).

``ours`` and ``cupy`` run chainer on ``@cupy:0`` with the respective cupy, ``numpy`` runs it on
``@numpy``; torch has no equivalent here. Each case is a function ``(impl) -> (fn, sync, meta)``
or None; see suite_foundation.py for the protocol.
"""
import os
import sys

import numpy

CASES = {}

BATCH = 100
EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        "examples", "mnist")


def case(name):
    def register(fn):
        CASES[name] = fn
        return fn
    return register


def _device(impl):
    import chainer
    if impl in ("ours", "cupy"):
        import cupy
        return chainer.get_device("@cupy:0"), cupy.cuda.get_current_stream().synchronize
    if impl == "numpy":
        return chainer.get_device("@numpy"), None
    return None, None


def _example(name):
    sys.path.insert(0, EXAMPLES)
    try:
        return __import__(name)
    finally:
        sys.path.remove(EXAMPLES)


def _train_step_case(make_predictor, in_shape):
    def make(impl):
        device, sync = _device(impl)
        if device is None:
            return None
        import chainer
        import chainer.links as L
        rng = numpy.random.RandomState(0)
        numpy.random.seed(0)  # weight initializers draw from the global state
        model = L.Classifier(make_predictor())
        x = rng.rand(BATCH, *in_shape).astype(numpy.float32)
        t = rng.randint(0, 10, BATCH).astype(numpy.int32)
        # The first call initializes the lazy layers on the host, as the same weights for every
        # implementation; then everything moves to the device.
        with chainer.using_config("train", False), chainer.no_backprop_mode():
            model(x, t)
        model.to_device(device)
        device.use()
        optimizer = chainer.optimizers.Adam()
        optimizer.setup(model)
        x, t = device.send((x, t))

        def step():
            optimizer.update(model, x, t)
        return step, sync, {"batch": BATCH}
    return make


def _mlp():
    return _example("train_mnist").MLP(100, 10)


def _cnn():
    return _example("train_cnn").CNN(16, 64, 10)


case("mlp train step 64-100-100-10 batch 100")(_train_step_case(_mlp, (64,)))
case("cnn train step 1x8x8 batch 100")(_train_step_case(_cnn, (1, 8, 8)))
