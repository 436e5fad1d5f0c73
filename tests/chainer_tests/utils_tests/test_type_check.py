import pickle

import numpy
import pytest

import chainer
from chainer.utils import type_check as T


def _types(*arrays):
    return T.get_types(tuple(arrays), 'in_types', False)


class TestExpressionStrings(object):

    def setup_method(self):
        self.x = T.Variable(1, 'x')
        self.y = T.Variable(2, 'y')

    def test_arithmetic(self):
        x, y = self.x, self.y
        assert str(x + y) == 'x + y'
        assert str(x + y * 2) == 'x + y * 2'
        assert str((x + y) * 2) == '(x + y) * 2'
        assert str(x - (y - 1)) == 'x - (y - 1)'
        assert str(x - y - 1) == 'x - y - 1'
        assert str(-x) == '-x'
        assert str(-(x + y)) == '-(x + y)'
        assert str(x ** y ** 2) == 'x ** y ** 2'
        assert str((x ** y) ** 2) == '(x ** y) ** 2'
        assert str(1 + x) == '1 + x'
        assert str(x // y % 3) == 'x // y % 3'

    def test_attr_item_call(self):
        x = self.x
        assert str(x.shape) == 'x.shape'
        assert str(x.shape[0]) == 'x.shape[0]'
        assert str(x.shape[1:]) == 'x.shape[1:]'
        assert str(x.shape[:-1]) == 'x.shape[:-1]'
        assert str(x.shape[::2]) == 'x.shape[::2]'
        assert str(x.f(1)) == 'x.f(1)'
        assert str(x.f(self.y, 2)) == 'x.f(y, 2)'

    def test_eval(self):
        x, y = self.x, self.y
        assert T.eval(x + y * 2) == 5
        assert T.eval(-x) == -1
        assert T.eval(3) == 3
        assert T.eval((x, y)) == (1, 2)

    def test_bool_conversion_forbidden(self):
        with pytest.raises(RuntimeError):
            bool(self.x == 1)


class TestExpect(object):

    def test_success(self):
        t = _types(numpy.zeros((2, 3), numpy.float32))
        T.expect(t.size() == 1, t[0].ndim == 2, t[0].shape[1] == 3,
                 t[0].dtype == numpy.float32, t[0].dtype.kind == 'f',
                 t[0].shape[1:] == (3,), t[0].size == 6)

    def test_failure_message(self):
        t = _types(numpy.zeros((2, 3), numpy.int32))
        with pytest.raises(T.InvalidType) as e:
            T.expect(t[0].dtype.kind == 'f')
        assert str(e.value) == 'Expect: in_types[0].dtype.kind == f\n' \
                               'Actual: i != f'
        assert e.value.expect == 'in_types[0].dtype.kind == f'
        assert e.value.actual == 'i != f'

    @pytest.mark.parametrize('expr_fn,expect,actual', [
        (lambda t: t[0].ndim >= 3, 'in_types[0].ndim >= 3', '2 < 3'),
        (lambda t: t[0].ndim < 2, 'in_types[0].ndim < 2', '2 >= 2'),
        (lambda t: t[0].shape[0] != 2, 'in_types[0].shape[0] != 2',
         '2 == 2'),
        (lambda t: t.size() == 2, 'in_types.size == 2', '1 != 2'),
        (lambda t: t[0].shape == (3, 2), 'in_types[0].shape == (3, 2)',
         '(2, 3) != (3, 2)'),
    ])
    def test_operators(self, expr_fn, expect, actual):
        t = _types(numpy.zeros((2, 3), numpy.float32))
        with pytest.raises(T.InvalidType) as e:
            T.expect(expr_fn(t))
        assert e.value.expect == expect
        assert e.value.actual == actual

    def test_stops_at_first_failure(self):
        t = _types(numpy.zeros(2, numpy.float32))
        with pytest.raises(T.InvalidType) as e:
            T.expect(t[0].ndim == 1, t[0].shape[0] == 5, t[0].ndim == 9)
        assert e.value.expect == 'in_types[0].shape[0] == 5'

    def test_plain_bool(self):
        T.expect(True)
        with pytest.raises(T.InvalidType):
            T.expect(False)

    def test_rejects_non_expressions(self):
        with pytest.raises(TypeError):
            T.expect('x')

    def test_argname(self):
        t = _types(numpy.zeros(2, numpy.int8), numpy.zeros(2))
        T.argname(t, ('x', 'w'))
        with pytest.raises(T.InvalidType) as e:
            T.expect(t[0].dtype == t[1].dtype)
        assert e.value.expect == 'x.dtype == w.dtype'
        assert e.value.actual == 'int8 != float64'

    def test_argname_wrong_count(self):
        t = _types(numpy.zeros(2))
        with pytest.raises(T.InvalidType):
            T.argname(t, ('x', 'y'))

    def test_function_context_prefix(self):
        class Foo(chainer.FunctionNode):
            pass

        t = _types(numpy.zeros(2))
        with T.get_function_check_context(Foo()):
            with pytest.raises(T.InvalidType) as e:
                T.expect(t[0].ndim == 3)
        assert str(e.value) == (
            '\nInvalid operation is performed in: Foo (Forward)\n\n'
            'Expect: in_types[0].ndim == 3\nActual: 1 != 3')

    def test_make_variable_and_prod(self):
        t = _types(numpy.zeros((2, 3)))
        n = T.make_variable(6, 'n')
        T.expect(T.prod(t[0].shape) == n)
        with pytest.raises(T.InvalidType) as e:
            T.expect(T.prod(t[0].shape) == T.make_variable(5, 'm'))
        assert e.value.expect == 'prod(in_types[0].shape) == m'
        assert T.prod((2, 3)) == 6

    def test_expect_broadcast_shapes(self):
        t = _types(numpy.zeros((2, 3)), numpy.zeros(3), numpy.zeros(2))
        T.expect_broadcast_shapes(t[0].shape, t[1].shape)
        with pytest.raises(T.InvalidType) as e:
            T.expect_broadcast_shapes(t[0].shape, t[2].shape)
        assert 'broadcastable' in e.value.expect

    def test_invalid_type_pickles(self):
        e = T.InvalidType('a', 'b')
        e2 = pickle.loads(pickle.dumps(e))
        assert str(e2) == str(e) and e2.expect == 'a'


def test_same_types():
    assert T.same_types(numpy.zeros(1), numpy.zeros(2))
    assert not T.same_types(numpy.zeros(1), [1])


def test_get_types_accept_none():
    t = T.get_types((None, numpy.zeros(1)), 'in_types', True)
    assert T.eval(t[0].dtype) is None
    assert T.eval(t[1].ndim) == 1
