import random
import unittest

import numpy
import pytest

from cupy import testing
from cupy.testing import _random


def _draw():
    return random.random(), numpy.random.rand()


class TestFixRandomMethod(unittest.TestCase):

    @testing.fix_random()
    def test_record(self):
        type(self).recorded = _draw()

    def test_deterministic_and_restored(self):
        numpy.random.seed(12345)
        random.seed(12345)
        before = _draw()
        numpy.random.seed(12345)
        random.seed(12345)

        self.test_record()
        first = type(self).recorded
        self.test_record()
        assert type(self).recorded == first
        # The outer states are untouched.
        assert _draw() == before

    def test_generate_seed_inside(self):
        seeds = []

        @testing.fix_random()
        def test_inner(self):
            seeds.append(testing.generate_seed())

        test_inner(self)
        test_inner(self)
        assert seeds[0] == seeds[1]
        assert 0 <= seeds[0] < 0x7fffffff

    def test_generate_seed_outside(self):
        with pytest.raises(AssertionError):
            testing.generate_seed()

    def test_restored_on_failure(self):
        numpy.random.seed(7)
        expected = numpy.random.get_state()[1].copy()
        numpy.random.seed(7)

        @testing.fix_random()
        def test_fail(self):
            raise RuntimeError

        with pytest.raises(RuntimeError):
            test_fail(self)
        numpy.testing.assert_array_equal(
            numpy.random.get_state()[1], expected)
        assert _random._nest_count == 0


@testing.fix_random()
class TestFixRandomClass(unittest.TestCase):

    def setUp(self):
        self.in_setup = numpy.random.rand()

    def test_fixed_in_setup_and_test(self):
        numpy.random.seed(100)
        expected = numpy.random.rand()
        # setUp drew the first number of the fixed generator.
        assert self.in_setup == expected
        assert _random._nest_count == 1


class TestFixRandomNondeterministic(unittest.TestCase):

    def test_env(self):
        values = []

        @testing.fix_random()
        def test_draw(self):
            values.append(numpy.random.randint(2 ** 62))

        with pytest.MonkeyPatch.context() as mp:
            mp.setenv('CUPY_TEST_RANDOM_NONDETERMINISTIC', '1')
            test_draw(self)
            test_draw(self)
        assert values[0] != values[1]


class TestFixRandomInvalid(unittest.TestCase):

    def test_not_a_test(self):
        def helper(self):
            pass
        with pytest.raises(ValueError):
            testing.fix_random()(helper)

    def test_not_a_test_case(self):
        with pytest.raises(ValueError):
            testing.fix_random()(type('TestX', (), {}))
