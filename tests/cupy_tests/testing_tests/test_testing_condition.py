import unittest

import pytest

from cupy.testing import _condition


class _Counter:
    def __init__(self, outcomes):
        # outcomes: booleans, one per trial (True means the trial passes).
        self.outcomes = list(outcomes)
        self.calls = 0

    def __call__(self, test_case):
        ok = self.outcomes[self.calls]
        self.calls += 1
        test_case.assertTrue(ok, 'trial {} failed'.format(self.calls))


def _run(decorator, counter):
    class _Case(unittest.TestCase):
        @decorator
        def test_body(self):
            counter(self)

    result = unittest.TestResult()
    _Case('test_body').run(result)
    return result


class TestRepeat(unittest.TestCase):

    def test_all_pass(self):
        c = _Counter([True] * 5)
        result = _run(_condition.repeat(5), c)
        assert result.wasSuccessful()
        assert c.calls == 5

    def test_one_failure_fails(self):
        c = _Counter([True, True, False, True, True])
        result = _run(_condition.repeat(5), c)
        assert len(result.failures) == 1
        assert 'trial 3 failed' in result.failures[0][1]
        # Success is impossible after the first failure.
        assert c.calls == 3

    def test_intensive_times(self):
        with pytest.MonkeyPatch.context() as mp:
            mp.delenv('CUPY_TEST_CASUAL', raising=False)
            c = _Counter([True] * 7)
            result = _run(_condition.repeat(2, 7), c)
            assert result.wasSuccessful()
            assert c.calls == 7

            mp.setenv('CUPY_TEST_CASUAL', '1')
            c = _Counter([True] * 7)
            result = _run(_condition.repeat(2, 7), c)
            assert result.wasSuccessful()
            assert c.calls == 2


class TestRetry(unittest.TestCase):

    def test_pass_after_failures(self):
        c = _Counter([False, False, True, True])
        result = _run(_condition.retry(4), c)
        assert result.wasSuccessful()
        assert c.calls == 3

    def test_all_fail(self):
        c = _Counter([False] * 3)
        result = _run(_condition.retry(3), c)
        assert len(result.failures) == 1
        assert 'Fail: 3, Success: 0' in result.failures[0][1]
        assert c.calls == 3


class TestRepeatWithSuccessAtLeast(unittest.TestCase):

    def test_enough_successes(self):
        c = _Counter([True, False, True, True, True])
        result = _run(_condition.repeat_with_success_at_least(5, 3), c)
        assert result.wasSuccessful()
        assert c.calls == 4

    def test_too_many_failures(self):
        c = _Counter([False, True, False, False, True])
        result = _run(_condition.repeat_with_success_at_least(5, 3), c)
        assert len(result.failures) == 1
        assert c.calls == 4

    def test_skip(self):
        class _Case(unittest.TestCase):
            @_condition.repeat(3)
            def test_body(self):
                self.skipTest('reason here')

        result = unittest.TestResult()
        _Case('test_body').run(result)
        assert len(result.skipped) == 1
        assert 'reason here' in result.skipped[0][1]
