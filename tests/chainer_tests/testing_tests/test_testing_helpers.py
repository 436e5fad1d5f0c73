import sys
import unittest

import numpy
import pytest

import chainer
from chainer import testing
from chainer.testing import condition


class TestProduct(object):

    def test_dict(self):
        assert testing.product({'a': [1, 2], 'b': ['x', 'y']}) == [
            {'a': 1, 'b': 'x'}, {'a': 1, 'b': 'y'},
            {'a': 2, 'b': 'x'}, {'a': 2, 'b': 'y'}]

    def test_list_of_lists(self):
        assert testing.product([[{'a': 1}, {'a': 2}], [{'b': 3}]]) == [
            {'a': 1, 'b': 3}, {'a': 2, 'b': 3}]

    def test_invalid(self):
        with pytest.raises(TypeError):
            testing.product(3)
        with pytest.raises(TypeError):
            testing.product([1, 2])

    def test_product_dict(self):
        assert testing.product_dict(
            [{'a': 1}, {'a': 2}], [{'b': 3, 'c': 4}]) == [
            {'a': 1, 'b': 3, 'c': 4}, {'a': 2, 'b': 3, 'c': 4}]


@testing.parameterize({'value': 1}, {'value': 2})
class _ParamTarget(unittest.TestCase):

    def test_value(self):
        self.assertIn(self.value, (1, 2))


def test_parameterize_generates_classes():
    module = sys.modules[__name__]
    assert module._ParamTarget is None  # base removed
    names = sorted(n for n in dir(module) if n.startswith('_ParamTarget_'))
    assert names == ['_ParamTarget_param_0_{value=1}',
                     '_ParamTarget_param_1_{value=2}']
    values = [getattr(module, n).value for n in names]
    assert values == [1, 2]


def test_assert_allclose():
    testing.assert_allclose(numpy.ones(3), numpy.ones(3) + 1e-6)
    testing.assert_allclose(chainer.Variable(numpy.ones(2)), numpy.ones(2))
    with pytest.raises(AssertionError, match='assert_allclose failed'):
        testing.assert_allclose(numpy.ones(3), numpy.array([1, 1, 1.1]))
    testing.assert_allclose(numpy.float16(1), 1.0005, atol=1e-3, rtol=0)


class TestCondition(object):

    def test_retry_passes_after_failures(self):
        calls = []

        @condition.retry(3)
        def flaky():
            calls.append(1)
            if len(calls) < 3:
                raise AssertionError('not yet')

        flaky()
        assert len(calls) == 3

    def test_retry_gives_up(self):
        calls = []

        @condition.retry(2)
        def always_fails():
            calls.append(1)
            raise AssertionError('no')

        with pytest.raises(AssertionError, match='0/2'):
            always_fails()
        assert len(calls) == 2

    def test_repeat_requires_all(self):
        calls = []

        @condition.repeat(3)
        def second_fails():
            calls.append(1)
            if len(calls) == 2:
                raise AssertionError

        with pytest.raises(AssertionError):
            second_fails()


class TestAttr(object):

    @testing.attr.slow
    def test_slow_mark_runs(self):
        pass

    def test_gpu_mark_has_skip_condition(self):
        def target():
            pass

        marked = testing.attr.gpu(target)
        marks = {m.name: m for m in getattr(marked, 'pytestmark', [])}
        assert 'gpu' in marks and 'skipif' in marks
        assert marks['skipif'].args[0] == (
            not chainer.backends.cuda.available)


def test_fix_random():
    @testing.fix_random()
    def draw():
        return numpy.random.rand()

    assert draw() == draw()


def test_with_requires():
    assert getattr(testing.with_requires('numpy')(lambda: None),
                   '__unittest_skip__', False) is False
    assert testing.with_requires('no-such-package-xyz')(
        lambda: None).__unittest_skip__
