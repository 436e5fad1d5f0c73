import collections
import re
import textwrap
import unittest

import pytest

from cupy import testing
from cupy.testing import _parameterized

pytest_plugins = ['pytester']

# Options of the inner pytest runs: verbose ids, and no plugins that would
# write caches or warn about the outer run's workers.
_INNER_ARGS = ('-v', '--tb=no', '-p', 'no:cacheprovider', '-p', 'no:benchmark')


@testing.parameterize(
    {'actual': {'a': [1, 2], 'b': [3, 4, 5]},
     'expect': [{'a': 1, 'b': 3}, {'a': 1, 'b': 4}, {'a': 1, 'b': 5},
                {'a': 2, 'b': 3}, {'a': 2, 'b': 4}, {'a': 2, 'b': 5}]},
    {'actual': {'a': [1, 2]}, 'expect': [{'a': 1}, {'a': 2}]},
    {'actual': {'a': [1, 2], 'b': []}, 'expect': []},
    {'actual': {'a': []}, 'expect': []},
    {'actual': {}, 'expect': [{}]})
class TestProduct(unittest.TestCase):

    def test_product(self):
        assert testing.product(self.actual) == self.expect


@testing.parameterize(
    {'actual': [[{'a': 1, 'b': 3}, {'a': 2, 'b': 4}], [{'c': 5}, {'c': 6}]],
     'expect': [{'a': 1, 'b': 3, 'c': 5}, {'a': 1, 'b': 3, 'c': 6},
                {'a': 2, 'b': 4, 'c': 5}, {'a': 2, 'b': 4, 'c': 6}]},
    {'actual': [[{'a': 1}, {'a': 2}], [{'b': 3}, {'b': 4}, {'b': 5}]],
     'expect': [{'a': 1, 'b': 3}, {'a': 1, 'b': 4}, {'a': 1, 'b': 5},
                {'a': 2, 'b': 3}, {'a': 2, 'b': 4}, {'a': 2, 'b': 5}]},
    {'actual': [[{'a': 1}, {'a': 2}]], 'expect': [{'a': 1}, {'a': 2}]},
    {'actual': [[{'a': 1}, {'a': 2}], []], 'expect': []},
    {'actual': [[]], 'expect': []},
    {'actual': [], 'expect': [{}]})
class TestProductDict(unittest.TestCase):

    def test_product_dict(self):
        assert testing.product_dict(*self.actual) == self.expect


def test_product_requires_dict():
    with pytest.raises(AssertionError):
        testing.product([('a', [1])])


def f(x):
    return x


class C(object):

    def __repr__(self):
        return '<C object>'

    def __call__(self, x):
        return x

    def method(self, x):
        return x


@testing.parameterize(
    {'callable': f},
    {'callable': lambda x: x},
    {'callable': C()},
    {'callable': C().method}
)
class TestParameterize(unittest.TestCase):

    def test_callable(self):
        y = self.callable(1)
        assert y == 1

    def test_skip(self):
        # Skipping the test case should not report error.
        self.skipTest('skip')


@testing.parameterize(
    {'callable': f},
    {'callable': lambda x: x},
    {'callable': C()},
    {'callable': C().method}
)
class TestParameterizePytestImpl:

    def test_callable(self):
        y = self.callable(1)
        assert y == 1

    def test_skip(self):
        # Skipping the test case should not report error.
        pytest.skip('skip')


class _Template(unittest.TestCase):
    base_attr = 'base'

    def test_x(self):
        pass

    def helper(self):
        pass


class TestUnittestGeneration:

    def test_generated_classes(self):
        import sys
        module = sys.modules[__name__]
        names = [n for n in dir(module) if n.startswith('TestProduct_param_')]
        assert len(names) == 5
        cls = getattr(module, 'TestProduct_param_1_{actual={\'a\': [1, 2]}, '
                              'expect=[{\'a\': 1}, {\'a\': 2}]}')
        assert issubclass(cls, unittest.TestCase)
        assert cls.actual == {'a': [1, 2]}
        # The template itself is removed from the module.
        assert getattr(module, 'TestProduct') is None

    def test_decorator_returns_none_and_publishes(self):
        import types
        module = types.ModuleType('_cupy_testing_param_module')
        import sys
        sys.modules[module.__name__] = module
        try:
            template = type('TestT', (_Template,), {})
            template.__module__ = module.__name__
            assert testing.parameterize({'p': 1}, {'p': 2})(template) is None
            gen0 = getattr(module, 'TestT_param_0_{p=1}')
            gen1 = getattr(module, 'TestT_param_1_{p=2}')
            assert gen0.p == 1 and gen1.p == 2
            assert gen0.base_attr == 'base'
            assert 'parameter: {\'p\': 1}' in repr(gen0('test_x'))
        finally:
            del sys.modules[module.__name__]

    def test_kwargs_rejected_for_unittest(self):
        with pytest.raises(AssertionError):
            testing.parameterize({'a': 1}, _ids=False)(
                type('TestU', (unittest.TestCase,), {}))

    def test_twice_rejected_for_pytest(self):
        cls = testing.parameterize({'a': 1})(type('TestP', (), {}))
        with pytest.raises(RuntimeError, match='twice'):
            testing.parameterize({'a': 2})(cls)


class TestClassName:

    def test_make_class_name(self):
        name = _parameterized._make_class_name(
            'TestA', 3, {'b': 'x', 'a': int, 'c': f})
        assert name == "TestA_param_3_{a=int, b='x', c=f}"

    def test_long_value_shortened(self):
        name = _parameterized._make_class_name('T', 0, {'a': 'x' * 500})
        value = name[len('T_param_0_{a='):-1]
        assert len(value) == 100
        assert '...' in value
        assert value.startswith("'xx") and value.endswith("xx'")


@pytest.mark.parametrize(('src', 'outcomes'), [
    (  # simple
        textwrap.dedent('''\
        @testing.parameterize({'a': 1}, {'a': 2})
        class TestA:
            def test_a(self):
                assert self.a > 0
        '''), [
            ("::TestA::test_a[_param_0_{a=1}]", 'PASSED'),
            ("::TestA::test_a[_param_1_{a=2}]", 'PASSED'),
        ]
    ),
    (  # simple fail
        textwrap.dedent('''\
        @testing.parameterize({'a': 1}, {'a': 2})
        class TestA:
            def test_a(self):
                assert self.a == 1
        '''), [
            ("::TestA::test_a[_param_0_{a=1}]", 'PASSED'),
            ("::TestA::test_a[_param_1_{a=2}]", 'FAILED'),
        ]
    ),
    (  # set of params can be different
        textwrap.dedent('''\
        @testing.parameterize({'a': 1}, {'b': 2})
        class TestA:
            def test_a(self):
                a = getattr(self, 'a', 3)
                b = getattr(self, 'b', 4)
                assert (a, b) in [(1, 4), (3, 2)]
        '''), [
            ("::TestA::test_a[_param_0_{a=1}]", 'PASSED'),
            ("::TestA::test_a[_param_1_{b=2}]", 'PASSED'),
        ]
    ),
    (  # do not copy each value but do not share the param dict
        textwrap.dedent('''\
        import numpy
        @testing.parameterize({'a': numpy.array(1)}, {'a': 1})
        class TestA:
            def test_first(self):
                assert self.a == 1
                self.a += 2
            def test_second(self):
                assert self.a == 1
                self.a += 2
        '''), [
            ("::TestA::test_first[_param_0_{a=array(1)}]", 'PASSED'),
            ("::TestA::test_first[_param_1_{a=1}]", 'PASSED'),
            ("::TestA::test_second[_param_0_{a=array(1)}]", 'FAILED'),
            ("::TestA::test_second[_param_1_{a=1}]", 'PASSED'),
        ]
    ),
    (  # multiple params and class attr
        textwrap.dedent('''\
        @testing.parameterize({'a': 1, 'b': 4}, {'a': 2, 'b': 3})
        class TestA:
            c = 5
            def test_a(self):
                assert self.a + self.b == self.c
        '''), [
            ("::TestA::test_a[_param_0_{a=1, b=4}]", 'PASSED'),
            ("::TestA::test_a[_param_1_{a=2, b=3}]", 'PASSED'),
        ]
    ),
    (  # unittest classes are generated per parameter set
        textwrap.dedent('''\
        import unittest
        @testing.parameterize({'a': 1}, {'a': 2})
        class TestA(unittest.TestCase):
            def test_a(self):
                assert self.a == 1
        '''), [
            ("::TestA_param_0_{a=1}::test_a", 'PASSED'),
            ("::TestA_param_1_{a=2}::test_a", 'FAILED'),
        ]
    ),
], ids=['simple', 'simple_fail', 'different_keys', 'no_shared_state',
        'class_attr', 'unittest'])
def test_parameterize_pytest_impl(pytester, src, outcomes):
    pytester.makepyfile('from cupy import testing\n' + src)
    result = pytester.runpytest(*_INNER_ARGS)
    expected_lines = [
        '.*{} {}.*'.format(re.escape(name), res)
        for name, res in outcomes
    ]
    result.stdout.re_match_lines(expected_lines, consecutive=False)
    expected_count = collections.Counter(
        [res.lower() for _, res in outcomes]
    )
    result.assert_outcomes(**expected_count)


def test_parameterize_combined_with_parametrize(pytester):
    pytester.makepyfile(textwrap.dedent('''\
        import pytest
        from cupy import testing

        @pytest.mark.parametrize("outer", ["E", "e"])
        @testing.parameterize({"x": "D"}, {"x": "d"})
        @pytest.mark.parametrize("inner", ["c", "C"])
        class TestA:
            @pytest.mark.parametrize(
                ("fn1", "fn2"), [("A", "b"), ("a", "B")])
            def test_a(self, fn2, inner, outer, fn1):
                assert (
                    (fn1 + fn2 + inner + self.x + outer).lower()
                    == "abcde")

            @pytest.mark.parametrize("fn", ["A", "a"])
            def test_b(self, outer, fn, inner):
                n_upper = sum(
                    c.isupper() for c in [fn, inner, self.x, outer])
                assert n_upper != 2
        '''))
    result = pytester.runpytest(*_INNER_ARGS)
    # test_a: 2 * 2 * 2 * 2 combinations, all passing. test_b: the 6 of 16
    # combinations with exactly two upper-case letters fail.
    result.assert_outcomes(passed=16 + 10, failed=6)
    result.stdout.re_match_lines(
        [r".*::TestA::test_a\[.*_param_0_\{x='D'\}.*\] PASSED.*"],
        consecutive=False)
