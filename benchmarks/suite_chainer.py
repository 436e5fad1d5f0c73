"""Chainer benchmarks: one training step (forward, backward and Adam update) of the MNIST
example networks on digits-sized input, batch 100: the MLP (64-100-100-10) and the small CNN
(1x8x8 images, 16 channels, 64 hidden units).

``ours`` and ``cupy`` run chainer on ``@cupy:0`` with the respective cupy, ``numpy`` runs it on
``@numpy``, and ``torch`` runs the same network in PyTorch eager mode (same layer shapes,
batch-norm epsilon, Adam hyperparameters, loss and accuracy). Each case is a function
``(impl) -> (fn, sync, meta)`` or None; see suite_foundation.py for the protocol.
"""
import os
import sys

import numpy

from impls import torch_device, torch_sync

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


def _batch(in_shape):
    rng = numpy.random.RandomState(0)
    x = rng.rand(BATCH, *in_shape).astype(numpy.float32)
    t = rng.randint(0, 10, BATCH).astype(numpy.int32)
    return x, t


def _torch_step(make_model, in_shape):
    """One step as Chainer's ``optimizer.update(Classifier(...), x, t)`` does it: clear the
    gradients, softmax cross entropy and accuracy, backward, Adam."""
    import torch
    import torch.nn.functional as TF
    torch.manual_seed(0)
    device = torch_device()
    model = make_model(torch.nn).to(device)
    # Chainer's Adam defaults: alpha 0.001, beta1 0.9, beta2 0.999, eps 1e-8.
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    x, t = _batch(in_shape)
    x = torch.from_numpy(x).to(device)
    t = torch.from_numpy(t).long().to(device)

    def step():
        optimizer.zero_grad()
        y = model(x)
        loss = TF.cross_entropy(y, t)
        (y.argmax(dim=1) == t).float().mean()
        loss.backward()
        optimizer.step()
    return step, torch_sync(), {"batch": BATCH}


def _train_step_case(make_predictor, in_shape, make_torch_model):
    def make(impl):
        if impl == "torch":
            return _torch_step(make_torch_model, in_shape)
        device, sync = _device(impl)
        if device is None:
            return None
        import chainer
        import chainer.links as L
        numpy.random.seed(0)  # weight initializers draw from the global state
        model = L.Classifier(make_predictor())
        x, t = _batch(in_shape)
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


def _torch_mlp(nn):
    return nn.Sequential(nn.Linear(64, 100), nn.ReLU(), nn.Linear(100, 100), nn.ReLU(),
                         nn.Linear(100, 10))


def _torch_cnn(nn):
    # Chainer's BatchNormalization uses eps 2e-5; 8x8 -> 4x4 -> 2x2 as in train_cnn.CNN.
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16, eps=2e-5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32, eps=2e-5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 2 * 2, 64), nn.ReLU(), nn.Linear(64, 10))


case("mlp train step 64-100-100-10 batch 100")(_train_step_case(_mlp, (64,), _torch_mlp))
case("cnn train step 1x8x8 batch 100")(_train_step_case(_cnn, (1, 8, 8), _torch_cnn))
