"""Test attributes (pytest marks) for slow and multi-device tests."""
import os

from cupy.testing._pytest_impl import is_available, check_available


if is_available():
    import pytest

    _gpu_limit = int(os.getenv('CUPY_TEST_GPU_LIMIT', '-1'))

    def slow(*args, **kwargs):
        """Marks a test as slow (``pytest.mark.slow``).

        Deselect such tests with ``-m 'not slow'``.
        """
        return pytest.mark.slow(*args, **kwargs)

else:
    def _dummy_callable(*args, **kwargs):
        check_available('pytest attributes')
        assert False  # Not reachable

    slow = _dummy_callable


def _device_count():
    import cupy.cuda.runtime
    try:
        return cupy.cuda.runtime.getDeviceCount()
    except Exception:
        # A machine where the runtime cannot even be queried has no device a
        # multi-device test could use.
        return 0


def multi_gpu(gpu_num):
    """Decorator to indicate number of GPUs required to run the test.

    Tests can be annotated with this decorator (e.g., ``@multi_gpu(2)``) to
    declare the number of GPUs required to run. The test is marked with
    ``pytest.mark.multi_gpu`` and skipped when fewer devices are present, or
    when the ``CUPY_TEST_GPU_LIMIT`` environment variable is set to a value
    greater than or equal to 0 and less than ``gpu_num``.

    Parameters
    ----------
    gpu_num : int
        Number of devices the test needs; must be greater than 1.

    Returns
    -------
    callable
        The decorator.
    """
    check_available('multi_gpu attribute')
    assert 1 < gpu_num

    def _wrapper(f):
        n_devices = _device_count()
        if 0 <= _gpu_limit < gpu_num:
            skip = True
            reason = '{} GPUs required'.format(gpu_num)
        else:
            skip = n_devices < gpu_num
            reason = '{} GPUs required, {} available'.format(
                gpu_num, n_devices)
        return pytest.mark.skipif(skip, reason=reason)(
            pytest.mark.multi_gpu(f))
    return _wrapper
