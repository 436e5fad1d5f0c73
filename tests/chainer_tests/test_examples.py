"""Runs the example scripts end to end as a user would."""
import json
import os
import subprocess
import sys

import numpy

import chainer
from chainer.testing import attr

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, 'examples', 'mnist')


def _run_example(script, out, *args):
    env = dict(os.environ)
    env['PYTHONPATH'] = ROOT + os.pathsep + env.get('PYTHONPATH', '')
    # Tiny matrices: BLAS threads only contend with each other.
    env['OPENBLAS_NUM_THREADS'] = '1'
    env['OMP_NUM_THREADS'] = '1'
    env['MPLBACKEND'] = 'Agg'
    cmd = [sys.executable, os.path.join(EXAMPLES, script),
           '--out', str(out)] + list(args)
    proc = subprocess.run(cmd, cwd=str(out.parent), env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    with open(os.path.join(str(out), 'log')) as f:
        log = json.load(f)
    return proc.stdout, log


def test_train_mnist_mlp(tmp_path):
    out = tmp_path / 'result'
    stdout, log = _run_example(
        'train_mnist.py', out, '--device', '-1', '--epoch', '10',
        '--unit', '100', '--noplot')
    assert 'Device: @numpy' in stdout
    assert 'epoch       main/loss   validation/main/loss' in stdout
    assert 'iters/sec. Estimated time to finish' in stdout
    # Entry 0 is the evaluation before training.
    assert [e['epoch'] for e in log] == list(range(11))
    assert log[0]['validation/main/accuracy'] < 0.5
    assert log[-1]['validation/main/accuracy'] >= 0.95
    assert log[-1]['main/loss'] < log[1]['main/loss']
    # 1437 training examples, 100 per batch, 10 epochs.
    assert log[-1]['iteration'] == 144
    assert sorted(os.listdir(str(out))) == ['log', 'snapshot_iter_144']


def test_train_cnn(tmp_path):
    out = tmp_path / 'result'
    _, log = _run_example(
        'train_cnn.py', out, '--device', '@numpy', '--epoch', '3')
    assert [e['epoch'] for e in log] == [0, 1, 2, 3]
    assert log[-1]['validation/main/accuracy'] > 0.6
    assert log[-1]['validation/main/loss'] < log[0]['validation/main/loss']
    files = sorted(os.listdir(str(out)))
    assert files == ['accuracy.png', 'log', 'loss.png', 'model_epoch_3',
                     'snapshot_iter_44']

    # The saved model reloads into a fresh network that reproduces the
    # logged validation accuracy, batch normalization statistics included.
    sys.path.insert(0, EXAMPLES)
    try:
        import train_cnn
    finally:
        sys.path.remove(EXAMPLES)
    model = chainer.links.Classifier(train_cnn.CNN(16, 64, 10))
    chainer.serializers.load_npz(os.path.join(str(out), 'model_epoch_3'),
                                 model)
    assert not numpy.allclose(model.predictor.bn1.avg_mean, 0)
    _, test = train_cnn.train_mnist.get_digits(ndim=3, seed=0)
    x, t = chainer.dataset.concat_examples(test)
    # The Evaluator averages per-batch accuracies (batches of 100).
    accs = []
    with chainer.using_config('train', False), chainer.no_backprop_mode():
        for i in range(0, len(t), 100):
            y = model.predictor(x[i:i + 100])
            accs.append(float(
                chainer.functions.accuracy(y, t[i:i + 100]).array))
    assert abs(numpy.mean(accs) -
               log[-1]['validation/main/accuracy']) < 1e-5


@attr.gpu
def test_train_mnist_mlp_on_cupy(tmp_path):
    out = tmp_path / 'result'
    stdout, log = _run_example(
        'train_mnist.py', out, '--device', '@cupy:0', '--epoch', '3',
        '--unit', '50', '--noplot')
    assert 'Device: @cupy:0' in stdout
    assert [e['epoch'] for e in log] == [0, 1, 2, 3]
    assert log[-1]['main/loss'] < log[1]['main/loss']
    assert log[-1]['validation/main/loss'] < log[0]['validation/main/loss']
    # Ten classes: chance is 0.1.
    assert log[-1]['validation/main/accuracy'] > 0.3
    # 1437 training examples, 100 per batch, 3 epochs; the snapshot holds
    # cupy arrays.
    assert sorted(os.listdir(str(out))) == ['log', 'snapshot_iter_44']


@attr.gpu
def test_train_cnn_on_cupy(tmp_path):
    out = tmp_path / 'result'
    stdout, log = _run_example(
        'train_cnn.py', out, '--device', '@cupy:0', '--epoch', '1')
    assert 'Device: @cupy:0' in stdout
    assert [e['epoch'] for e in log] == [0, 1]
    assert log[-1]['validation/main/loss'] < log[0]['validation/main/loss']
    assert log[-1]['validation/main/accuracy'] > 0.3
    assert 'model_epoch_1' in os.listdir(str(out))
