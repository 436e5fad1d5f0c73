"""The MNIST handwritten digits dataset."""

import gzip
import os
import struct

import numpy

import chainer
from chainer.dataset import download
from chainer.datasets import tuple_dataset


# Mirrors tried in order; each holds the four files of the original
# distribution under the same names.
_base_urls = (
    'https://ossci-datasets.s3.amazonaws.com/mnist/',
    'http://yann.lecun.com/exdb/mnist/',
)

_train_files = ('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz')
_test_files = ('t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz')

_IMAGE_MAGIC = 2051
_LABEL_MAGIC = 2049


def get_mnist(withlabel=True, ndim=1, scale=1., dtype=None,
              label_dtype=numpy.int32, rgb_format=False):
    """Gets the MNIST dataset.

    `MNIST <http://yann.lecun.com/exdb/mnist/>`_ is a set of hand-written
    digits: 60,000 training and 10,000 test grayscale images of 28x28
    pixels with labels 0 to 9. On first use the original files are
    downloaded and converted to ``train.npz`` / ``test.npz`` under
    ``get_dataset_root()/pfnet/chainer/mnist``; later calls load those.

    Args:
        withlabel (bool): If ``True``, each dataset is a
            :class:`~chainer.datasets.TupleDataset` of images and labels;
            otherwise it is an array of images only.
        ndim (int): Number of dimensions of each image: ``1`` gives vectors
            of 784 values, ``2`` arrays of shape ``(28, 28)`` and ``3``
            arrays of shape ``(1, 28, 28)`` (``(3, 28, 28)`` with
            ``rgb_format``).
        scale (float): Pixel values are scaled to ``[0, scale]``.
        dtype: Data type of the images. ``None`` uses
            ``chainer.config.dtype``.
        label_dtype: Data type of the labels.
        rgb_format (bool): With ``ndim=3``, repeat the channel three times.

    Returns:
        tuple: ``(train, test)`` datasets.

    .. admonition:: Example

       Calling it downloads the data the first time, so this is not run::

           train, test = chainer.datasets.get_mnist()
           x, t = train[0]   # x.shape == (784,), x.dtype == float32

    """
    dtype = _get_dtype(dtype)
    train_raw = _retrieve_mnist_training()
    train = _preprocess_mnist(train_raw, withlabel, ndim, scale, dtype,
                              label_dtype, rgb_format)
    test_raw = _retrieve_mnist_test()
    test = _preprocess_mnist(test_raw, withlabel, ndim, scale, dtype,
                             label_dtype, rgb_format)
    return train, test


def _get_dtype(dtype):
    if dtype is not None:
        return numpy.dtype(dtype)
    # The default float type is a global setting of chainer's config.
    get_dtype = getattr(chainer, 'get_dtype', None)
    if get_dtype is not None:
        return numpy.dtype(get_dtype())
    return numpy.dtype(numpy.float32)


def _preprocess_mnist(raw, withlabel, ndim, scale, image_dtype, label_dtype,
                      rgb_format):
    """Turns raw MNIST arrays into a dataset.

    Args:
        raw (dict-like): ``raw['x']`` is a ``uint8`` array of shape
            ``(N, 784)`` and ``raw['y']`` a ``uint8`` array of shape
            ``(N,)``.
        withlabel, ndim, scale, image_dtype, label_dtype, rgb_format: See
            :func:`get_mnist`.

    Returns:
        A :class:`~chainer.datasets.TupleDataset` of images and labels, or
        an array of images.

    .. admonition:: Example

       >>> raw = {'x': numpy.full((2, 784), 255, numpy.uint8),
       ...        'y': numpy.array([3, 7], numpy.uint8)}
       >>> d = _preprocess_mnist(raw, True, 3, 2., numpy.float32,
       ...                       numpy.int32, False)
       >>> x, t = d[1]
       >>> x.shape, float(x.max()), t
       ((1, 28, 28), 2.0, np.int32(7))

    """
    images = raw['x']
    if ndim == 2:
        images = images.reshape(-1, 28, 28)
    elif ndim == 3:
        images = images.reshape(-1, 1, 28, 28)
        if rgb_format:
            images = numpy.broadcast_to(
                images, (len(images), 3) + images.shape[2:])
    elif ndim != 1:
        raise ValueError('invalid ndim for MNIST dataset')
    # astype copies, so the broadcast view becomes writable before scaling.
    images = images.astype(image_dtype)
    images *= scale / 255.

    if withlabel:
        labels = raw['y'].astype(label_dtype)
        return tuple_dataset.TupleDataset(images, labels)
    else:
        return images


def _retrieve_mnist_training():
    return _retrieve_mnist('train.npz', _urls(_train_files))


def _retrieve_mnist_test():
    return _retrieve_mnist('test.npz', _urls(_test_files))


def _urls(files):
    # One candidate list per file: the file under every mirror.
    return [[base + name for base in _base_urls] for name in files]


def _retrieve_mnist(name, urls):
    """Loads ``name`` from the MNIST cache directory, creating it if needed.

    Args:
        name (str): File name of the npz cache, e.g. ``'train.npz'``.
        urls (list): Two lists of candidate URLs, for the images file and
            the labels file.

    Returns:
        A mapping with ``'x'`` (images) and ``'y'`` (labels).

    """
    root = download.get_dataset_directory('pfnet/chainer/mnist')
    path = os.path.join(root, name)
    return download.cache_or_load_file(
        path, lambda path: _make_npz(path, urls), numpy.load)


def _download_any(candidates):
    errors = []
    for url in candidates:
        try:
            return download.cached_download(url)
        except OSError as e:  # urllib's URLError is an OSError
            errors.append('{}: {}'.format(url, e))
    raise RuntimeError(
        'failed to download MNIST from every mirror:\n' + '\n'.join(errors))


def _make_npz(path, urls):
    x_urls, y_urls = urls
    x_path = _download_any(x_urls)
    y_path = _download_any(y_urls)

    x, y = _read_mnist_files(x_path, y_path)
    numpy.savez_compressed(path, x=x, y=y)
    return {'x': x, 'y': y}


def _read_mnist_files(x_path, y_path):
    """Parses a pair of gzip-compressed MNIST idx files.

    Args:
        x_path (str): Path to an ``idx3-ubyte.gz`` images file.
        y_path (str): Path to the matching ``idx1-ubyte.gz`` labels file.

    Returns:
        tuple: Images as a ``uint8`` array of shape ``(N, rows * cols)`` and
        labels as a ``uint8`` array of shape ``(N,)``.

    """
    with gzip.open(x_path, 'rb') as fx, gzip.open(y_path, 'rb') as fy:
        x_magic, n_images, rows, cols = _read_header(fx, 4)
        y_magic, n_labels = _read_header(fy, 2)
        if x_magic != _IMAGE_MAGIC or y_magic != _LABEL_MAGIC:
            raise RuntimeError('not a pair of MNIST image and label files')
        if n_images != n_labels:
            raise RuntimeError('wrong pair of MNIST images and labels')

        size = rows * cols
        x = numpy.frombuffer(fx.read(n_images * size), dtype=numpy.uint8)
        y = numpy.frombuffer(fy.read(n_labels), dtype=numpy.uint8)
        if x.size != n_images * size or y.size != n_labels:
            raise RuntimeError('MNIST file is truncated')

    return x.reshape(n_images, size).copy(), y.copy()


def _read_header(f, n_fields):
    data = f.read(4 * n_fields)
    if len(data) != 4 * n_fields:
        raise RuntimeError('MNIST file is truncated')
    return struct.unpack('>' + 'i' * n_fields, data)
