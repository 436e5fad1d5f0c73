"""Deterministic random states for tests."""
import atexit
import functools
import importlib
import importlib.util
import os
import random
import types
import unittest

import numpy


_old_python_random_state = None
_old_numpy_random_state = None
_old_cupy_random_states = None


def _cupy_random():
    # cupy.random is imported on first use: importing cupy.testing must not
    # pull in the random number generators, and a build without them can
    # still fix the Python and NumPy generators. Errors raised while
    # importing an existing cupy.random are not hidden.
    if importlib.util.find_spec('cupy.random') is None:
        return None
    return importlib.import_module('cupy.random')


def do_setup(deterministic=True):
    """Saves the current random states and seeds all generators.

    Parameters
    ----------
    deterministic : bool
        If ``True``, the Python, NumPy and CuPy generators are seeded with
        fixed seeds (99, 100 and 101); otherwise with fresh entropy.
    """
    global _old_python_random_state
    global _old_numpy_random_state
    global _old_cupy_random_states
    _old_python_random_state = random.getstate()
    _old_numpy_random_state = numpy.random.get_state()
    cupy_random = _cupy_random()
    if cupy_random is not None:
        _old_cupy_random_states = cupy_random._generator._random_states
        cupy_random.reset_states()
        # reset_states() must create a new dict; otherwise the saved one
        # would be modified by the seeding below.
        assert (cupy_random._generator._random_states is not
                _old_cupy_random_states)

    if not deterministic:
        random.seed()
        numpy.random.seed()
        if cupy_random is not None:
            cupy_random.seed()
    else:
        random.seed(99)
        numpy.random.seed(100)
        if cupy_random is not None:
            cupy_random.seed(101)


def do_teardown():
    """Restores the random states saved by :func:`do_setup`."""
    global _old_python_random_state
    global _old_numpy_random_state
    global _old_cupy_random_states
    random.setstate(_old_python_random_state)
    numpy.random.set_state(_old_numpy_random_state)
    cupy_random = _cupy_random()
    if cupy_random is not None:
        cupy_random._generator._random_states = _old_cupy_random_states
    _old_python_random_state = None
    _old_numpy_random_state = None
    _old_cupy_random_states = None


# setUp/tearDown may nest (e.g. under condition.repeat or condition.retry);
# only the outermost pair saves and restores the states.
_nest_count = 0


@atexit.register
def _check_teardown():
    assert _nest_count == 0, ('_setup_random() and _teardown_random() '
                              'must be called in pairs.')


def _setup_random():
    """Sets up the deterministic random states of ``numpy`` and ``cupy``."""
    global _nest_count
    if _nest_count == 0:
        nondeterministic = bool(int(os.environ.get(
            'CUPY_TEST_RANDOM_NONDETERMINISTIC', '0')))
        do_setup(not nondeterministic)
    _nest_count += 1


def _teardown_random():
    """Tears down the random states set up by ``_setup_random``."""
    global _nest_count
    assert _nest_count > 0, '_setup_random has not been called'
    _nest_count -= 1
    if _nest_count == 0:
        do_teardown()


def generate_seed():
    """Returns a seed drawn from the fixed NumPy generator.

    Only valid inside a test decorated with :func:`fix_random`.

    Returns
    -------
    int
        A seed in ``[0, 2**31 - 1)``.
    """
    assert _nest_count > 0, 'random is not set up'
    return numpy.random.randint(0x7fffffff)


def fix_random():
    """Decorator that fixes random numbers in a test.

    This decorator can be applied to either a test case class
    (``unittest.TestCase`` subclass) or a test method whose name starts with
    ``test_``. It seeds Python's, NumPy's and CuPy's global generators before
    the test and restores their states afterwards. It should not be applied
    within ``condition.retry`` or ``condition.repeat``, which would repeat
    the test with the same numbers.

    Returns
    -------
    callable
        The decorator.
    """

    def decorator(impl):
        if (isinstance(impl, types.FunctionType) and
                impl.__name__.startswith('test_')):
            @functools.wraps(impl)
            def test_func(self, *args, **kw):
                _setup_random()
                try:
                    impl(self, *args, **kw)
                finally:
                    _teardown_random()
            return test_func
        elif isinstance(impl, type) and issubclass(impl, unittest.TestCase):
            klass = impl

            def wrap_setUp(f):
                def func(self):
                    _setup_random()
                    f(self)
                return func

            def wrap_tearDown(f):
                def func(self):
                    try:
                        f(self)
                    finally:
                        _teardown_random()
                return func

            klass.setUp = wrap_setUp(klass.setUp)
            klass.tearDown = wrap_tearDown(klass.tearDown)
            return klass
        else:
            raise ValueError('Can\'t apply fix_random to {}'.format(impl))

    return decorator
