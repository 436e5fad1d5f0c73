"""Repetition of flaky (e.g. statistical) tests."""
import functools
import os
import unittest


class QuietTestRunner(object):
    """Runs a suite and returns its result without printing anything."""

    def run(self, suite):
        result = unittest.TestResult()
        suite(result)
        return result


def repeat_with_success_at_least(times, min_success):
    """Decorator for multiple trials of the test case.

    The decorated test case is launched multiple times. The case passes once
    ``min_success`` trials have succeeded; the remaining trials are then
    skipped. It fails as soon as success has become impossible.

    Parameters
    ----------
    times : int
        The number of trials.
    min_success : int
        The number of successful trials needed to pass.

    Returns
    -------
    callable
        The decorator, for methods of ``unittest.TestCase`` subclasses.
    """

    assert times >= min_success

    def _repeat_with_success_at_least(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            assert len(args) > 0
            instance = args[0]
            assert isinstance(instance, unittest.TestCase)
            success_counter = 0
            failure_counter = 0
            results = []

            def fail():
                msg = '\nFail: {0}, Success: {1}'.format(
                    failure_counter, success_counter)
                if len(results) > 0:
                    first = results[0]
                    errs = first.failures + first.errors
                    if len(errs) > 0:
                        err_msg = '\n'.join(fail[1] for fail in errs)
                        msg += '\n\nThe first error message:\n' + err_msg
                instance.fail(msg)

            for _ in range(times):
                suite = unittest.TestSuite()
                # A new instance per trial, so that setUp and tearDown run
                # once per trial on a fresh state.
                ins = type(instance)(instance._testMethodName)
                suite.addTest(
                    unittest.FunctionTestCase(
                        lambda: f(ins, *args[1:], **kwargs),
                        setUp=ins.setUp,
                        tearDown=ins.tearDown))

                result = QuietTestRunner().run(suite)
                if len(result.skipped) == 1:
                    # A skipped trial skips the whole test with its reason.
                    instance.skipTest(result.skipped[0][1])
                elif result.wasSuccessful():
                    success_counter += 1
                else:
                    results.append(result)
                    failure_counter += 1
                if success_counter >= min_success:
                    instance.assertTrue(True)
                    return
                if failure_counter > times - min_success:
                    fail()
                    return
            fail()
        return wrapper
    return _repeat_with_success_at_least


def repeat(times, intensive_times=None):
    """Decorator that requires the test to succeed in every trial.

    Parameters
    ----------
    times : int
        The number of trials in a casual run.
    intensive_times : int, optional
        The number of trials in a more intensive run (the default unless the
        environment variable ``CUPY_TEST_CASUAL`` is ``1``). If ``None``,
        ``times`` is used.

    Returns
    -------
    callable
        The decorator.
    """
    if intensive_times is None:
        return repeat_with_success_at_least(times, times)

    casual_test = bool(int(os.environ.get('CUPY_TEST_CASUAL', '0')))
    times_ = times if casual_test else intensive_times
    return repeat_with_success_at_least(times_, times_)


def retry(times):
    """Decorator that requires the test to succeed at least once.

    Parameters
    ----------
    times : int
        The number of trials.

    Returns
    -------
    callable
        The decorator.
    """
    return repeat_with_success_at_least(times, 1)
