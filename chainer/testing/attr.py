"""Test markers: ``attr.gpu``, ``attr.slow``, ``attr.multi_gpu(n)``...

GPU markers also skip the test when cupy arrays are unavailable, so a
GPU-marked test never fails on a CPU-only machine.
"""
import pytest

from chainer.backends import cuda


def _gpu_count():
    if not cuda.available:
        return 0
    try:
        return cuda.cupy.cuda.runtime.getDeviceCount()
    except Exception:  # no driver / no device: treat as no GPU
        return 0


def _compose(*marks):
    def decorator(f):
        for m in reversed(marks):
            f = m(f)
        return f
    return decorator


slow = pytest.mark.slow

gpu = _compose(
    pytest.mark.gpu,
    pytest.mark.skipif(not cuda.available,
                       reason='cupy with ndarray is not available'))


def multi_gpu(gpu_num):
    """Mark a test that needs at least ``gpu_num`` GPUs."""
    return _compose(
        pytest.mark.gpu,
        pytest.mark.multi_gpu,
        pytest.mark.skipif(_gpu_count() < gpu_num,
                           reason='{} GPUs required'.format(gpu_num)))


cudnn = _compose(
    pytest.mark.gpu, pytest.mark.cudnn,
    pytest.mark.skipif(not cuda.cudnn_enabled,
                       reason='cuDNN is not available'))

ideep = _compose(pytest.mark.ideep,
                 pytest.mark.skipif(True, reason='iDeep is not supported'))

chainerx = _compose(pytest.mark.chainerx,
                    pytest.mark.skipif(True,
                                       reason='ChainerX is not supported'))
