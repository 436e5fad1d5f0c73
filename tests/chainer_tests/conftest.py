from chainer.testing import backend as testing_backend


def pytest_configure(config):
    # Markers applied by chainer.testing.attr.
    for name in ('gpu', 'cudnn', 'ideep', 'chainerx'):
        config.addinivalue_line('markers', '{}: chainer test marker'.format(
            name))


# Tests decorated with ``testing.inject_backend_tests`` run once per backend
# configuration, on NumPy (``@numpy``) and on cupy (``@cupy:0``; the host
# backend on CI), for every parameter set and dtype:
#
# - functions_tests: ``test_forward``, ``test_backward`` (gradient check) and
#   ``test_double_backward`` (second-order gradient check) of every function;
# - links_tests: one ``test_<link>_on_device`` per link (forward against
#   NumPy, gradient check of input and parameters);
# - optimizers_tests, optimizer_hooks_tests: the update-rule checks;
# - test_examples.py: short MLP and CNN trainings on ``@cupy:0``.
def pytest_generate_tests(metafunc):
    testing_backend.parametrize_backend_configs(metafunc)
