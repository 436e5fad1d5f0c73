import gzip
import os
import struct

import numpy
import pytest

from chainer import dataset
from chainer import datasets
from chainer.datasets import mnist


N_TRAIN = 5
N_TEST = 3


def _images(n, seed):
    return numpy.random.RandomState(seed).randint(
        0, 256, size=(n, 784)).astype(numpy.uint8)


def _labels(n, seed):
    return numpy.random.RandomState(seed).randint(
        0, 10, size=n).astype(numpy.uint8)


def _write_idx_images(path, images):
    with gzip.open(path, 'wb') as f:
        f.write(struct.pack('>iiii', 2051, len(images), 28, 28))
        f.write(images.tobytes())


def _write_idx_labels(path, labels):
    with gzip.open(path, 'wb') as f:
        f.write(struct.pack('>ii', 2049, len(labels)))
        f.write(labels.tobytes())


@pytest.fixture
def root(tmp_path):
    old = dataset.get_dataset_root()
    dataset.set_dataset_root(str(tmp_path / 'root'))
    yield tmp_path / 'root'
    dataset.set_dataset_root(old)


@pytest.fixture
def idx_files(tmp_path):
    src = tmp_path / 'src'
    src.mkdir()
    x, y = _images(N_TRAIN, 0), _labels(N_TRAIN, 1)
    _write_idx_images(str(src / 'x.gz'), x)
    _write_idx_labels(str(src / 'y.gz'), y)
    return src, x, y


def test_read_mnist_files(idx_files):
    src, x, y = idx_files
    rx, ry = mnist._read_mnist_files(str(src / 'x.gz'), str(src / 'y.gz'))
    assert rx.dtype == numpy.uint8 and ry.dtype == numpy.uint8
    numpy.testing.assert_array_equal(rx, x)
    numpy.testing.assert_array_equal(ry, y)


def test_read_mnist_files_mismatched_counts(tmp_path):
    _write_idx_images(str(tmp_path / 'x.gz'), _images(2, 0))
    _write_idx_labels(str(tmp_path / 'y.gz'), _labels(3, 0))
    with pytest.raises(RuntimeError):
        mnist._read_mnist_files(str(tmp_path / 'x.gz'),
                                str(tmp_path / 'y.gz'))


def test_read_mnist_files_swapped(idx_files):
    src, _, _ = idx_files
    with pytest.raises(RuntimeError):
        mnist._read_mnist_files(str(src / 'y.gz'), str(src / 'x.gz'))


def test_read_mnist_files_truncated(tmp_path):
    with gzip.open(str(tmp_path / 'x.gz'), 'wb') as f:
        f.write(struct.pack('>iiii', 2051, 2, 28, 28))
        f.write(b'\0' * 784)
    _write_idx_labels(str(tmp_path / 'y.gz'), _labels(2, 0))
    with pytest.raises(RuntimeError):
        mnist._read_mnist_files(str(tmp_path / 'x.gz'),
                                str(tmp_path / 'y.gz'))


def test_retrieve_downloads_parses_and_caches(root, idx_files):
    src, x, y = idx_files
    missing = (src / 'missing.gz').as_uri()
    urls = [[missing, (src / 'x.gz').as_uri()],
            [(src / 'y.gz').as_uri()]]

    raw = mnist._retrieve_mnist('train.npz', urls)
    numpy.testing.assert_array_equal(raw['x'], x)
    numpy.testing.assert_array_equal(raw['y'], y)
    npz = os.path.join(str(root), 'pfnet', 'chainer', 'mnist', 'train.npz')
    assert os.path.exists(npz)

    # The second call reads the npz cache, not the sources.
    os.remove(str(src / 'x.gz'))
    os.remove(str(src / 'y.gz'))
    raw = mnist._retrieve_mnist('train.npz', urls)
    numpy.testing.assert_array_equal(raw['x'], x)
    numpy.testing.assert_array_equal(raw['y'], y)


def test_retrieve_all_mirrors_fail(root, tmp_path):
    urls = [[(tmp_path / 'a').as_uri(), (tmp_path / 'b').as_uri()],
            [(tmp_path / 'c').as_uri()]]
    with pytest.raises(RuntimeError) as e:
        mnist._retrieve_mnist('train.npz', urls)
    assert (tmp_path / 'b').as_uri() in str(e.value)


def test_url_lists_cover_every_mirror():
    urls = mnist._urls(mnist._train_files)
    assert len(urls) == 2
    for candidates, name in zip(urls, mnist._train_files):
        assert candidates == [base + name for base in mnist._base_urls]
    assert mnist._test_files == ('t10k-images-idx3-ubyte.gz',
                                 't10k-labels-idx1-ubyte.gz')


def _raw(n=3):
    return {'x': _images(n, 5), 'y': _labels(n, 6)}


def test_preprocess_ndim1_with_label():
    raw = _raw()
    d = mnist._preprocess_mnist(raw, True, 1, 1., numpy.float32,
                                numpy.int32, False)
    assert isinstance(d, datasets.TupleDataset)
    assert len(d) == 3
    x, t = d[1]
    assert x.shape == (784,) and x.dtype == numpy.float32
    assert t.dtype == numpy.int32 and t == raw['y'][1]
    numpy.testing.assert_allclose(x, raw['x'][1] / 255., rtol=1e-6)


def test_preprocess_ndim2_scale():
    raw = _raw()
    images = mnist._preprocess_mnist(raw, False, 2, 2., numpy.float64,
                                     numpy.int32, False)
    assert isinstance(images, numpy.ndarray)
    assert images.shape == (3, 28, 28) and images.dtype == numpy.float64
    numpy.testing.assert_allclose(
        images, raw['x'].reshape(3, 28, 28) * (2. / 255.))
    assert images.max() <= 2.


def test_preprocess_ndim3_rgb():
    raw = _raw()
    d = mnist._preprocess_mnist(raw, True, 3, 1., numpy.float16,
                                numpy.int64, True)
    x, t = d[2]
    assert x.shape == (3, 28, 28) and x.dtype == numpy.float16
    assert t.dtype == numpy.int64
    numpy.testing.assert_array_equal(x[0], x[2])
    x_gray = mnist._preprocess_mnist(raw, False, 3, 1., numpy.float16,
                                     numpy.int64, False)
    assert x_gray.shape == (3, 1, 28, 28)


def test_preprocess_invalid_ndim():
    with pytest.raises(ValueError):
        mnist._preprocess_mnist(_raw(), True, 4, 1., numpy.float32,
                                numpy.int32, False)


def test_get_mnist_from_cache(root):
    cache = os.path.join(str(root), 'pfnet', 'chainer', 'mnist')
    os.makedirs(cache)
    train_x, train_y = _images(N_TRAIN, 10), _labels(N_TRAIN, 11)
    test_x, test_y = _images(N_TEST, 12), _labels(N_TEST, 13)
    numpy.savez_compressed(os.path.join(cache, 'train.npz'),
                           x=train_x, y=train_y)
    numpy.savez_compressed(os.path.join(cache, 'test.npz'),
                           x=test_x, y=test_y)

    train, test = datasets.get_mnist(dtype=numpy.float32)
    assert len(train) == N_TRAIN and len(test) == N_TEST
    x, t = test[2]
    assert x.dtype == numpy.float32 and t.dtype == numpy.int32
    numpy.testing.assert_allclose(x, test_x[2] / 255., rtol=1e-6)
    assert t == test_y[2]

    train, test = datasets.get_mnist(withlabel=False, ndim=2, scale=3.,
                                     dtype=numpy.float64,
                                     label_dtype=numpy.int8)
    assert train.shape == (N_TRAIN, 28, 28)
    numpy.testing.assert_allclose(
        train, train_x.reshape(-1, 28, 28) * (3. / 255.))
