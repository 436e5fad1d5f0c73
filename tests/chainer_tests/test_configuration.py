import io
import threading

import numpy
import pytest

import chainer
from chainer import configuration


def test_defaults():
    c = chainer.config
    assert c.train is True
    assert c.enable_backprop is True
    assert c.type_check is True
    assert c.use_cudnn == 'auto'
    assert c.dtype == numpy.float32
    assert c.debug is False
    assert c.keep_graph_on_report is False
    assert c.lazy_grad_sum is False
    assert c.cudnn_deterministic is False
    assert c.autotune is False
    assert c.use_cudnn_tensor_core == 'auto'
    assert c.use_ideep == 'never'


def test_using_config_restores_and_nests():
    with chainer.using_config('train', False):
        assert chainer.config.train is False
        with chainer.using_config('train', True):
            assert chainer.config.train is True
        assert chainer.config.train is False
    assert chainer.config.train is True
    # The global value is never touched by using_config.
    assert chainer.global_config.train is True


def test_using_config_restores_on_error():
    with pytest.raises(RuntimeError):
        with chainer.using_config('enable_backprop', False):
            raise RuntimeError
    assert chainer.config.enable_backprop is True


def test_new_entry_removed_after_block():
    with chainer.using_config('my_entry', 3):
        assert chainer.config.my_entry == 3
    with pytest.raises(AttributeError):
        chainer.config.my_entry


def test_thread_local():
    seen = []

    def worker():
        seen.append(chainer.config.train)

    with chainer.using_config('train', False):
        t = threading.Thread(target=worker)
        t.start()
        t.join()
    assert seen == [True]


def test_show():
    cfg = configuration.LocalConfig(configuration.GlobalConfig('g'))
    cfg._global.alpha = 1
    cfg.beta = 'x'
    buf = io.StringIO()
    cfg.show(buf)
    assert buf.getvalue() == 'alpha 1\nbeta  x\n'


def test_show_global_contains_defaults():
    buf = io.StringIO()
    chainer.config.show(buf)
    text = buf.getvalue()
    assert 'enable_backprop' in text and 'use_ideep' in text


def test_get_dtype():
    assert chainer.get_dtype() == numpy.float32
    with chainer.using_config('dtype', numpy.float16):
        assert chainer.get_dtype() == numpy.float16
    assert chainer.get_dtype(numpy.float64) == numpy.float64
    with chainer.using_config('dtype', chainer.mixed16):
        assert chainer.get_dtype() == numpy.float16
        assert chainer.get_dtype(map_mixed16=numpy.float32) == numpy.float32


def test_debug_mode():
    assert not chainer.is_debug()
    with chainer.DebugMode(True):
        assert chainer.is_debug()
    assert not chainer.is_debug()
