import hashlib
import os
import subprocess
import sys

import numpy
import pytest

import chainer
from chainer import dataset


@pytest.fixture
def root(tmp_path):
    old = dataset.get_dataset_root()
    dataset.set_dataset_root(str(tmp_path / 'root'))
    yield tmp_path / 'root'
    dataset.set_dataset_root(old)


def test_set_and_get_root(root):
    assert dataset.get_dataset_root() == str(root)


def _root_in_fresh_process(env):
    code = 'from chainer import dataset; print(dataset.get_dataset_root())'
    out = subprocess.run(
        [sys.executable, '-c', code], env=env, check=True,
        capture_output=True, text=True,
        cwd=os.path.dirname(os.path.dirname(chainer.__file__)))
    return out.stdout.strip()


def test_default_root_follows_environment(tmp_path):
    env = dict(os.environ)
    env['CHAINER_DATASET_ROOT'] = str(tmp_path / 'from_env')
    assert _root_in_fresh_process(env) == str(tmp_path / 'from_env')

    env.pop('CHAINER_DATASET_ROOT')
    env['HOME'] = str(tmp_path / 'home')
    assert _root_in_fresh_process(env) == os.path.join(
        str(tmp_path / 'home'), '.chainer', 'dataset')


def test_get_dataset_directory(root):
    path = dataset.get_dataset_directory('pfnet/test', create_directory=False)
    assert path == os.path.join(str(root), 'pfnet/test')
    assert not os.path.exists(path)
    path = dataset.get_dataset_directory('pfnet/test')
    assert os.path.isdir(path)
    # A second call on an existing directory is fine.
    assert dataset.get_dataset_directory('pfnet/test') == path


def test_cached_download_from_file_url(root, tmp_path, capsys):
    src = tmp_path / 'source.bin'
    src.write_bytes(b'payload')
    url = src.as_uri()

    path = dataset.cached_download(url)
    expected = os.path.join(
        str(root), '_dl_cache', hashlib.md5(url.encode('utf-8')).hexdigest())
    assert path == expected
    with open(path, 'rb') as f:
        assert f.read() == b'payload'
    assert 'Downloading from {}'.format(url) in capsys.readouterr().err

    # Later calls use the cache even when the source has gone.
    src.unlink()
    assert dataset.cached_download(url) == expected
    assert capsys.readouterr().err == ''
    with open(path, 'rb') as f:
        assert f.read() == b'payload'


def test_cached_download_missing_source_raises(root, tmp_path):
    url = (tmp_path / 'does_not_exist').as_uri()
    with pytest.raises(OSError):
        dataset.cached_download(url)
    cache_dir = os.path.join(str(root), '_dl_cache')
    # Nothing but the lock file is left behind.
    assert sorted(os.listdir(cache_dir)) == ['_dl_lock']


def test_cache_or_load_file(root):
    path = os.path.join(str(root), 'cache.npy')
    calls = []

    def creator(p):
        calls.append(('create', p))
        numpy.save(p, numpy.arange(3))
        return 'created'

    def loader(p):
        calls.append(('load', p))
        return numpy.load(p)

    assert dataset.cache_or_load_file(path, creator, loader) == 'created'
    assert os.path.exists(path)
    assert calls[0][0] == 'create'
    assert calls[0][1] != path
    assert os.path.basename(calls[0][1]) == 'cache.npy'

    loaded = dataset.cache_or_load_file(path, creator, loader)
    numpy.testing.assert_array_equal(loaded, [0, 1, 2])
    assert calls[1] == ('load', path)
    assert len(calls) == 2


def test_cache_or_load_file_creator_error_leaves_nothing(root):
    path = os.path.join(str(root), 'bad.npy')

    def creator(p):
        raise RuntimeError('boom')

    with pytest.raises(RuntimeError):
        dataset.cache_or_load_file(path, creator, numpy.load)
    assert not os.path.exists(path)
