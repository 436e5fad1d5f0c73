"""Repeat flaky (randomised) tests."""
import functools


def repeat_with_success_at_least(times, min_success):
    """Run a test ``times`` times; pass if at least ``min_success`` pass.

    Stops early once the outcome is decided.  Works for unittest methods
    and plain pytest functions/methods.
    """
    assert times >= min_success

    def decorator(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            success = 0
            failures = []
            for i in range(times):
                if success >= min_success:
                    break
                if success + (times - i) < min_success:
                    break
                try:
                    f(*args, **kwargs)
                    success += 1
                except Exception as e:  # a failed trial; retried below
                    failures.append(e)
                # Fresh per-trial state for unittest-style tests.
                if args and hasattr(args[0], 'setUp') and i + 1 < times \
                        and success < min_success:
                    args[0].setUp()
            if success < min_success:
                msg = 'Fail: {}/{} times succeeded (required {})'.format(
                    success, times, min_success)
                if failures:
                    raise AssertionError(msg + '\nlast failure: {!r}'.format(
                        failures[-1])) from failures[-1]
                raise AssertionError(msg)
        return wrapper
    return decorator


def repeat(times):
    """Run a test ``times`` times; every run must pass."""
    return repeat_with_success_at_least(times, times)


def retry(times):
    """Run a test up to ``times`` times until it passes once.

    Examples
    --------
    >>> @testing.condition.retry(3)
    ... def test_random():
    ...     assert numpy.random.rand() < 0.9
    """
    return repeat_with_success_at_least(times, 1)
