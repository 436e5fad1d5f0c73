import numpy
import pytest

import chainer
from chainer import backend
from chainer.backends import cuda


class TestGetDevice(object):

    @pytest.mark.parametrize('spec', ['@numpy', -1, None, (numpy,)])
    def test_cpu_specs(self, spec):
        d = chainer.get_device(spec)
        assert isinstance(d, backend.CpuDevice)
        assert d.xp is numpy
        assert str(d) == '@numpy'
        assert d == backend.CpuDevice()

    def test_device_passthrough(self):
        d = backend.CpuDevice()
        assert chainer.get_device(d) is d

    @pytest.mark.parametrize('spec', ['numpy', '@cupy:x', '@cupy:-1',
                                      '@foo', 1.5, (numpy, 0)])
    def test_invalid(self, spec):
        with pytest.raises((ValueError, RuntimeError)):
            chainer.get_device(spec)

    @pytest.mark.skipif(not cuda.available, reason='cupy.ndarray missing')
    def test_gpu_specs(self):
        for spec in ('@cupy:0', 0, (cuda.cupy, 0)):
            d = chainer.get_device(spec)
            assert isinstance(d, backend.GpuDevice)
            assert str(d) == '@cupy:0'
            assert d.xp is cuda.cupy
            assert d == chainer.get_device('@cupy:0')
            assert d != backend.CpuDevice()


class TestCpuDevice(object):

    def test_send(self):
        d = backend.CpuDevice()
        a = numpy.ones(2)
        assert d.send(a) is a
        out = d.send([a, (a, None), {'k': a}])
        assert out[0] is a and out[1][0] is a and out[1][1] is None
        assert out[2]['k'] is a
        assert isinstance(d.send(numpy.float32(1)), numpy.ndarray)

    def test_send_rejects_non_arrays(self):
        with pytest.raises(TypeError):
            backend.CpuDevice().send('abc')

    def test_repr_and_context(self):
        d = backend.CpuDevice()
        assert repr(d) == '<CpuDevice @numpy>'
        with d:
            pass
        d.use()
        assert d.is_array_supported(numpy.zeros(1))


def test_get_array_module():
    assert backend.get_array_module(numpy.zeros(1), 1) is numpy
    assert backend.get_array_module() is numpy
    assert backend.get_array_module(
        chainer.Variable(numpy.zeros(1))) is numpy


def test_get_device_from_array():
    assert backend.get_device_from_array(numpy.zeros(1)) == \
        backend.CpuDevice()


def test_copyto():
    dst = numpy.zeros(3)
    backend.copyto(dst, numpy.arange(3.))
    numpy.testing.assert_array_equal(dst, [0, 1, 2])
    with pytest.raises(TypeError):
        backend.copyto([0], numpy.zeros(1))


class TestCuda(object):

    def test_to_cpu(self):
        a = numpy.ones(2)
        assert cuda.to_cpu(a) is a
        assert cuda.to_cpu(None) is None
        out = cuda.to_cpu([a, (a,)])
        assert out[0] is a and out[1][0] is a
        assert cuda.to_cpu(numpy.float32(2)).shape == ()

    def test_available_requires_ndarray(self):
        try:
            import cupy
        except Exception:
            assert not cuda.available
            return
        assert cuda.available == hasattr(cupy, 'ndarray')
        if cuda.available:
            assert cuda.cupy is cupy
        else:
            assert cuda.cupy is None

    def test_dummy_device(self):
        assert cuda.get_device_from_id(None) is cuda.DummyDevice
        assert cuda.get_device_from_id(-1) is cuda.DummyDevice
        assert cuda.get_device_from_array(numpy.zeros(1)) is \
            cuda.DummyDevice
        with cuda.DummyDevice:
            pass
        assert cuda.DummyDevice.id == -1

    def test_memoize(self):
        calls = []

        @cuda.memoize()
        def f(x):
            calls.append(x)
            return x * 2

        assert f(2) == 4 and f(2) == 4
        assert calls == [2]
        cuda.clear_memo()
        f(2)
        assert calls == [2, 2]

    def test_to_gpu_without_cupy(self):
        if cuda.available:
            pytest.skip('cupy.ndarray exists')
        with pytest.raises(RuntimeError):
            cuda.to_gpu(numpy.zeros(1))

    @pytest.mark.skipif(not cuda.available, reason='cupy.ndarray missing')
    def test_to_gpu_roundtrip(self):
        a = numpy.arange(3, dtype=numpy.float32)
        g = cuda.to_gpu(a)
        assert isinstance(g, cuda.ndarray)
        assert backend.get_array_module(g) is cuda.cupy
        numpy.testing.assert_array_equal(cuda.to_cpu(g), a)
