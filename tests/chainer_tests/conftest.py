import numpy

from chainer.testing import backend as testing_backend


def pytest_configure(config):
    # Markers applied by chainer.testing.attr.
    for name in ('gpu', 'cudnn', 'ideep', 'chainerx'):
        config.addinivalue_line('markers', '{}: chainer test marker'.format(
            name))


# What runs where.  Tests decorated with ``testing.inject_backend_tests``
# run on NumPy for every parameter set.  On cupy (``@cupy:0``; the host
# backend on CI) they run only for classes parameterized with
# ``dtype == float32`` (or with no ``dtype``): every dtype compiles its own
# set of kernels, the dominant cost of a cold run, while float16/float64 go
# through the same chainer code as float32 and are checked on NumPy.
#
# - functions_tests: ``test_forward`` and ``test_backward`` (gradient check)
#   of every function; double backward stays on NumPy, since it would
#   compile the gradient-of-gradient kernels as well and its graph code is
#   device-agnostic.
# - links_tests: one ``test_<link>_on_device`` per link (forward against
#   NumPy, gradient check of input and parameters).
# - optimizers_tests, optimizer_hooks_tests: the update-rule checks; they
#   share a handful of elementwise kernels.
# - test_examples.py: short MLP and CNN trainings on ``@cupy:0``.
CUPY_DTYPES = (numpy.dtype(numpy.float32),)


def _runs_on(config, metafunc):
    if not config.use_cuda:
        return True
    dtype = getattr(metafunc.cls, 'dtype', None)
    return dtype is None or numpy.dtype(dtype) in CUPY_DTYPES


def pytest_generate_tests(metafunc):
    testing_backend.parametrize_backend_configs(metafunc, select=_runs_on)
