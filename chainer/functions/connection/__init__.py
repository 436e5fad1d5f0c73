"""Connection functions: linear maps, convolutions and embeddings."""
from chainer.functions.connection.convolution_2d import convolution_2d  # NOQA
from chainer.functions.connection.convolution_nd import convolution_1d  # NOQA
from chainer.functions.connection.convolution_nd import convolution_3d  # NOQA
from chainer.functions.connection.convolution_nd import convolution_nd  # NOQA
from chainer.functions.connection.deconvolution_2d import deconvolution_2d  # NOQA
from chainer.functions.connection.deconvolution_nd import deconvolution_1d  # NOQA
from chainer.functions.connection.deconvolution_nd import deconvolution_3d  # NOQA
from chainer.functions.connection.deconvolution_nd import deconvolution_nd  # NOQA
from chainer.functions.connection.embed_id import embed_id  # NOQA
from chainer.functions.connection.linear import linear  # NOQA

__all__ = [
    'convolution_1d',
    'convolution_2d',
    'convolution_3d',
    'convolution_nd',
    'deconvolution_1d',
    'deconvolution_2d',
    'deconvolution_3d',
    'deconvolution_nd',
    'embed_id',
    'linear',
]
