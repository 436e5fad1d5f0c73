"""Links (``chainer.links``, usually imported as L): parameterised layers.

Examples
--------
>>> import chainer.links as L
>>> L.Linear(3, 2).W.shape
(2, 3)
"""
from chainer.links.connection.convolution_2d import Convolution2D  # NOQA
from chainer.links.connection.deconvolution_2d import Deconvolution2D  # NOQA
from chainer.links.connection.embed_id import EmbedID  # NOQA
from chainer.links.connection.linear import Linear  # NOQA
from chainer.links.connection.lstm import LSTM  # NOQA
from chainer.links.connection.lstm import StatelessLSTM  # NOQA
from chainer.links.model.classifier import Classifier  # NOQA
from chainer.links.normalization.batch_normalization import BatchNormalization  # NOQA
from chainer.links.normalization.layer_normalization import LayerNormalization  # NOQA
