#!/usr/bin/env python
"""Chainer example: a small convolutional network on handwritten digits.

Uses the same data and trainer setup as ``train_mnist.py``: scikit-learn's
8x8 digits by default (as 1x8x8 images), or MNIST with ``--dataset mnist``.

Example::

    python examples/mnist/train_cnn.py --epoch 10 --device -1
"""
import argparse
import os
import sys

import numpy

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import training
from chainer.training import extensions

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_mnist  # NOQA: E402  (shares the dataset loader)


# Network definition
class CNN(chainer.Chain):

    def __init__(self, n_channels, n_units, n_out):
        super(CNN, self).__init__()
        with self.init_scope():
            self.conv1 = L.Convolution2D(None, n_channels, 3, pad=1)
            self.bn1 = L.BatchNormalization(n_channels)
            self.conv2 = L.Convolution2D(n_channels, n_channels * 2, 3,
                                         pad=1)
            self.bn2 = L.BatchNormalization(n_channels * 2)
            self.l1 = L.Linear(None, n_units)
            self.l2 = L.Linear(n_units, n_out)

    def forward(self, x):
        # 8x8 -> 4x4 -> 2x2 (28x28 -> 14x14 -> 7x7 on MNIST)
        h = F.max_pooling_2d(F.relu(self.bn1(self.conv1(x))), 2)
        h = F.max_pooling_2d(F.relu(self.bn2(self.conv2(h))), 2)
        h = F.relu(self.l1(h))
        return self.l2(h)


def main():
    parser = argparse.ArgumentParser(description='Chainer example: CNN')
    parser.add_argument('--batchsize', '-b', type=int, default=100,
                        help='Number of images in each mini-batch')
    parser.add_argument('--epoch', '-e', type=int, default=20,
                        help='Number of sweeps over the dataset to train')
    parser.add_argument('--frequency', '-f', type=int, default=-1,
                        help='Frequency of taking a snapshot')
    parser.add_argument('--device', '-d', type=str, default='-1',
                        help='Device specifier. Either a device specifier '
                        'such as @numpy or @cupy:0, or an integer. If '
                        'non-negative integer, CuPy arrays with specified '
                        'device id are used. If negative integer, NumPy '
                        'arrays are used')
    parser.add_argument('--out', '-o', default='result',
                        help='Directory to output the result')
    parser.add_argument('--resume', '-r', type=str,
                        help='Resume the training from snapshot')
    parser.add_argument('--channels', '-c', type=int, default=16,
                        help='Number of channels of the first convolution')
    parser.add_argument('--unit', '-u', type=int, default=64,
                        help='Number of units of the hidden linear layer')
    parser.add_argument('--dataset', choices=('digits', 'mnist'),
                        default='digits',
                        help='Dataset: scikit-learn digits (8x8, no '
                        'download) or MNIST (downloaded)')
    parser.add_argument('--seed', type=int, default=0,
                        help='Random seed of the initialization, shuffling '
                        'and train/test split')
    parser.add_argument('--noplot', dest='plot', action='store_false',
                        help='Disable PlotReport extension')
    args = parser.parse_args()

    device = chainer.get_device(args.device)
    # SerialIterator draws from NumPy's global state, and so do weight
    # initializers on NumPy; lazily initialized weights on a cupy device
    # draw from cupy's.
    numpy.random.seed(args.seed)
    if device.xp is not numpy:
        device.xp.random.seed(args.seed)

    print('Device: {}'.format(device))
    print('# channels: {}'.format(args.channels))
    print('# unit: {}'.format(args.unit))
    print('# Minibatch-size: {}'.format(args.batchsize))
    print('# epoch: {}'.format(args.epoch))
    print('')

    model = L.Classifier(CNN(args.channels, args.unit, 10))
    model.to_device(device)
    device.use()

    optimizer = chainer.optimizers.Adam()
    optimizer.setup(model)

    train, test = train_mnist.get_dataset(args.dataset, ndim=3,
                                          seed=args.seed)

    train_iter = chainer.iterators.SerialIterator(train, args.batchsize)
    test_iter = chainer.iterators.SerialIterator(test, args.batchsize,
                                                 repeat=False, shuffle=False)

    updater = training.updaters.StandardUpdater(
        train_iter, optimizer, device=device)
    trainer = training.Trainer(updater, (args.epoch, 'epoch'), out=args.out)

    # The evaluator runs with chainer.config.train = False, so batch
    # normalization uses its population statistics.
    trainer.extend(extensions.Evaluator(test_iter, model, device=device),
                   call_before_training=True)

    frequency = args.epoch if args.frequency == -1 else max(1, args.frequency)
    trainer.extend(extensions.snapshot(n_retains=1),
                   trigger=(frequency, 'epoch'))
    trainer.extend(extensions.snapshot_object(
        model, 'model_epoch_{.updater.epoch}'), trigger=(frequency, 'epoch'))

    trainer.extend(extensions.LogReport(), call_before_training=True)

    if args.plot and extensions.PlotReport.available():
        trainer.extend(
            extensions.PlotReport(['main/loss', 'validation/main/loss'],
                                  'epoch', file_name='loss.png'),
            call_before_training=True)
        trainer.extend(
            extensions.PlotReport(
                ['main/accuracy', 'validation/main/accuracy'],
                'epoch', file_name='accuracy.png'),
            call_before_training=True)

    trainer.extend(extensions.PrintReport(
        ['epoch', 'main/loss', 'validation/main/loss',
         'main/accuracy', 'validation/main/accuracy', 'elapsed_time']),
        call_before_training=True)

    trainer.extend(extensions.ProgressBar())

    if args.resume is not None:
        chainer.serializers.load_npz(args.resume, trainer)

    trainer.run()


if __name__ == '__main__':
    main()
