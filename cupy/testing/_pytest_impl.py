"""pytest-specific parts of :mod:`cupy.testing`.

pytest is a soft dependency: the rest of the package works with plain
unittest, and the features here raise a clear error when pytest is missing.
"""
import unittest

try:
    import pytest
    import _pytest  # NOQA
    _error = None
except ImportError as e:
    pytest = None
    _pytest = None
    _error = e


def is_available():
    """Returns ``True`` if a usable pytest is importable."""
    return _error is None and hasattr(pytest, 'fixture')


def check_available(feature):
    """Raises ``RuntimeError`` naming ``feature`` if pytest is unavailable."""
    if not is_available():
        raise RuntimeError('''\
cupy.testing: {} is not available.

Reason: {}: {}'''.format(feature, type(_error).__name__, _error))


if is_available():

    class _TestingParameterizeMixin:

        def __repr__(self):
            return '<{}  parameter: {}>'.format(
                super().__repr__(),
                self.__dict__,
            )

        @pytest.fixture(autouse=True)
        def _cupy_testing_parameterize(self, _cupy_testing_param):
            # pytest makes a fresh instance per test, so the parameters are
            # installed as instance attributes: a test that mutates them does
            # not affect the next test of the same parameter set.
            assert not self.__dict__, \
                'There should not be another hack with instance attribute.'
            self.__dict__.update(_cupy_testing_param)


def parameterize(*params, _ids=True):
    """pytest implementation of :func:`cupy.testing.parameterize`.

    The class is parametrized over an internal fixture that copies each
    parameter set onto the test instance. Test ids look like
    ``TestFoo::test_bar[_param_0_{a=1}]``.
    """
    check_available('parameterize')
    from cupy.testing._parameterized import _make_class_name
    if _ids:
        param_name = _make_class_name
    else:
        def param_name(_, i, param):
            return str(i)

    params = [
        pytest.param(param, id=param_name('', i, param))
        for i, param in enumerate(params)
    ]

    def f(cls):
        assert not issubclass(cls, unittest.TestCase)
        if issubclass(cls, _TestingParameterizeMixin):
            raise RuntimeError('do not `@testing.parameterize` twice')
        module_name = cls.__module__
        cls = type(cls.__name__, (_TestingParameterizeMixin, cls), {})
        cls.__module__ = module_name
        cls = pytest.mark.parametrize('_cupy_testing_param', params)(cls)
        return cls
    return f
