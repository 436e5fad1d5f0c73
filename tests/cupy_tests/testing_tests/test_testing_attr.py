import pytest

import cupy.cuda.runtime
from cupy import testing
from cupy.testing import _attr


def _marks(f):
    return {m.name: m for m in f.pytestmark}


def test_slow_is_pytest_mark():
    def f():
        pass
    marked = testing.slow(f)
    assert marked is f
    assert [m.name for m in f.pytestmark] == ['slow']


@testing.slow
def test_slow_marked_test_runs():
    # `slow` only marks; the test still runs unless deselected.
    pass


def test_multi_gpu_marks_and_skips_by_device_count():
    def f():
        pass
    marks = _marks(testing.multi_gpu(2)(f))
    assert 'multi_gpu' in marks
    skipif = marks['skipif']
    n = cupy.cuda.runtime.getDeviceCount()
    limit_skip = 0 <= _attr._gpu_limit < 2
    assert skipif.args == (limit_skip or n < 2,)
    assert '2 GPUs required' in skipif.kwargs['reason']


def test_multi_gpu_never_satisfied():
    def f():
        pass
    marks = _marks(testing.multi_gpu(10 ** 6)(f))
    assert marks['skipif'].args == (True,)


def test_multi_gpu_requires_more_than_one():
    with pytest.raises(AssertionError):
        testing.multi_gpu(1)


@testing.multi_gpu(10 ** 6)
def test_multi_gpu_skipped():
    assert False, 'this should not happen'
