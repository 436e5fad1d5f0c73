"""Dataset root directory, cached downloads and cached file creation."""

import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
import urllib.request

try:
    import fcntl
except ImportError:  # not available on Windows
    fcntl = None


_dataset_root = os.environ.get(
    'CHAINER_DATASET_ROOT',
    os.path.join(os.path.expanduser('~'), '.chainer', 'dataset'))


def get_dataset_root():
    """Gets the path to the root directory to download and cache datasets.

    The default is ``~/.chainer/dataset``, overridden by the environment
    variable ``CHAINER_DATASET_ROOT`` at import time, or by
    :func:`set_dataset_root`.

    Returns:
        str: The path to the dataset root directory.

    .. admonition:: Example

       >>> old = get_dataset_root()
       >>> set_dataset_root('/tmp/my_datasets')
       >>> get_dataset_root()
       '/tmp/my_datasets'
       >>> set_dataset_root(old)

    """
    return _dataset_root


def set_dataset_root(path):
    """Sets the root directory to download and cache datasets.

    Args:
        path (str): Path to the new dataset root directory.

    """
    global _dataset_root
    _dataset_root = path


def get_dataset_directory(dataset_name, create_directory=True):
    """Gets the path to the directory of a given dataset.

    Args:
        dataset_name (str): Name of the dataset, e.g.
            ``'pfnet/chainer/mnist'``.
        create_directory (bool): If ``True``, the directory is created if it
            does not exist yet.

    Returns:
        str: ``os.path.join(get_dataset_root(), dataset_name)``.

    """
    path = os.path.join(_dataset_root, dataset_name)
    if create_directory:
        os.makedirs(path, exist_ok=True)
    return path


@contextlib.contextmanager
def _file_lock(lock_path):
    # Serializes processes that fill the same cache, so one of them moves
    # its file in place and the others see it.
    with open(lock_path, 'a') as f:
        if fcntl is not None:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def _write_then_move(dest, name, write, lock_path, temp_parent=None):
    # The file is written under a temporary name and moved into place under
    # the lock, so no reader sees a partial file; the first writer wins.
    temp_dir = tempfile.mkdtemp(dir=temp_parent)
    try:
        temp_path = os.path.join(temp_dir, name)
        result = write(temp_path)
        with _file_lock(lock_path):
            if not os.path.exists(dest):
                shutil.move(temp_path, dest)
    finally:
        shutil.rmtree(temp_dir, ignore_errors=True)
    return result


def _url_cache_path(url):
    cache_root = os.path.join(_dataset_root, '_dl_cache')
    urlhash = hashlib.md5(url.encode('utf-8')).hexdigest()
    return cache_root, os.path.join(cache_root, urlhash)


def cached_download(url):
    """Downloads a file and caches it.

    The file is stored under ``get_dataset_root()/_dl_cache`` with the MD5
    hash of the URL as its name. If that file already exists, nothing is
    downloaded. Concurrent downloads of one URL by several processes are
    safe: the file is written to a temporary place and moved under a lock.

    Args:
        url (str): URL to download from (any scheme :mod:`urllib.request`
            supports, including ``file://``).

    Returns:
        str: Path to the cached file.

    """
    cache_root, cache_path = _url_cache_path(url)
    os.makedirs(cache_root, exist_ok=True)
    lock_path = os.path.join(cache_root, '_dl_lock')

    with _file_lock(lock_path):
        if os.path.exists(cache_path):
            return cache_path

    def fetch(temp_path):
        sys.stderr.write('Downloading from {}...\n'.format(url))
        sys.stderr.flush()
        urllib.request.urlretrieve(url, temp_path)

    _write_then_move(cache_path, 'dl', fetch, lock_path, cache_root)
    return cache_path


def cache_or_load_file(path, creator, loader):
    """Caches a file if it does not exist, or loads it otherwise.

    If ``path`` exists, ``loader(path)`` is returned. Otherwise
    ``creator(temp_path)`` is called to write the file at a temporary path
    and return its content; the file is then moved to ``path`` and the
    content is returned.

    Args:
        path (str): Path to the cache file.
        creator: A callable ``creator(path)`` that writes the file and
            returns its content.
        loader: A callable ``loader(path)`` that reads the file.

    Returns:
        What ``loader`` or ``creator`` returned.

    .. admonition:: Example

       >>> import os, tempfile
       >>> d = tempfile.mkdtemp()
       >>> def create(p):
       ...     with open(p, 'w') as f:
       ...         f.write('x')
       ...     return 'created'
       >>> def load(p):
       ...     return 'loaded'
       >>> cache_or_load_file(os.path.join(d, 'f'), create, load)
       'created'
       >>> cache_or_load_file(os.path.join(d, 'f'), create, load)
       'loaded'

    """
    if os.path.exists(path):
        return loader(path)

    try:
        os.makedirs(_dataset_root, exist_ok=True)
    except OSError:
        raise RuntimeError('cannot create dataset directory')

    lock_path = os.path.join(_dataset_root, '_create_lock')

    return _write_then_move(
        path, os.path.basename(path), creator, lock_path)
