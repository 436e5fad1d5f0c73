"""Symbolic type checking of function inputs (``chainer.utils.type_check``).

``check_type_forward(in_types)`` receives a :class:`TypeInfoTuple` whose
items are symbolic :class:`Variable` objects.  Expressions built from them
(``in_types[0].dtype.kind == 'f'``) remember how they were written, so that a
failing :func:`expect` can show both the expression and the actual values.

Examples
--------
>>> from chainer.utils import type_check
>>> in_types = type_check.get_types((numpy.zeros(3, 'i'),), 'in_types', False)
>>> type_check.expect(in_types[0].dtype.kind == 'f')
Traceback (most recent call last):
...
chainer.utils.type_check.InvalidType:
Expect: in_types[0].dtype.kind == f
Actual: i != f
"""
import contextlib
import operator
import threading

import numpy

_thread_local = threading.local()


@contextlib.contextmanager
def get_function_check_context(f):
    """Context in which InvalidType messages name the function ``f``."""
    try:
        default = _thread_local.current_function
    except AttributeError:
        default = None
    _thread_local.current_function = f
    try:
        yield
    finally:
        _thread_local.current_function = default


def in_light_mode():
    """Return False: expressions are always symbolic here."""
    return False


class TypeInfo(object):
    """Shape and dtype of one input (or output).

    Attributes
    ----------
    shape : tuple of int
    dtype : numpy.dtype
    ndim : int
    size : int
    """

    def __init__(self, shape, dtype):
        self.shape = shape
        self.dtype = dtype
        self.ndim = len(shape)

    @property
    def size(self):
        return int(numpy.prod(self.shape, dtype=numpy.int64))


class TypeInfoTuple(tuple):
    """Tuple of symbolic types with a symbolic ``size()``."""

    def _get_types(self):
        return self

    def size(self):
        """Symbolic number of entries (``in_types.size() == 2``)."""
        return Variable(len(self), '{0}.size'.format(self.name))


class LightTypeInfoTuple(tuple):
    """Tuple of plain TypeInfo (kept for API compatibility)."""

    def _get_types(self):
        return self

    def size(self):
        return len(self)


def get_types(data, name, accept_none, shapes=None):
    """Wrap arrays as a :class:`TypeInfoTuple` of symbolic variables.

    Parameters
    ----------
    data : tuple of arrays
    name : str
        Prefix used in messages, e.g. ``'in_types'``.
    accept_none : bool
        Allow None entries (they get shape ``()`` and dtype None).
    shapes : tuple of tuples, optional
        Shapes to use instead of the arrays' own.
    """
    assert isinstance(data, tuple)
    if shapes is None:
        info = TypeInfoTuple(
            _get_type(name, i, x, accept_none) for i, x in enumerate(data))
    else:
        info = TypeInfoTuple(
            _get_type(name, i, x, accept_none, shape)
            for i, (x, shape) in enumerate(zip(data, shapes)))
    info.name = name
    return info


def _get_type(name, index, array, accept_none, shape=None):
    var = '{0}[{1}]'.format(name, index)
    if accept_none and array is None:
        return Variable(TypeInfo((), None), var)
    if shape is None:
        shape = array.shape
    return Variable(TypeInfo(shape, array.dtype), var)


def _make_un_operator(exp, priority, func):
    def f(x):
        return UnaryOperator(priority, x, exp, func)
    return f


def _make_bin_operator(exp, priority, func, right_associative=False):
    def f(x, y):
        return BinaryOperator(priority, x, y, exp, func, right_associative)
    return f


def _make_bool_operator(exp, inv, func):
    def f(x, y):
        return BoolBinaryOperator(x, y, exp, inv, func)
    return f


def _flip(f):
    return lambda x, y: f(y, x)


class Expr(object):
    """Abstract symbolic expression.

    ``priority`` follows Python's operator precedence (larger binds
    tighter); it only controls where parentheses are printed.
    """

    def __init__(self, priority):
        self.priority = priority

    def eval(self):
        """Evaluate the expression to a concrete value."""
        raise NotImplementedError

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return GetAttr(self, name)

    def __getitem__(self, key):
        return GetItem(self, key)

    def __call__(self, *args):
        return Call(self, args)

    def __nonzero__(self):
        # Python evaluates ``a < b < c`` and ``x in s`` through bool(); an
        # expression has no truth value until it is evaluated.
        msg = ('An Expr instance cannot be evaluated as bool. '
               'Please use chainer.utils.type_check.eval() to evaluate an '
               'expression.')
        raise RuntimeError(msg)

    __bool__ = __nonzero__

    __eq__ = _make_bool_operator('==', '!=', operator.__eq__)
    __ne__ = _make_bool_operator('!=', '==', operator.__ne__)
    __lt__ = _make_bool_operator('<', '>=', operator.__lt__)
    __le__ = _make_bool_operator('<=', '>', operator.__le__)
    __gt__ = _make_bool_operator('>', '<=', operator.__gt__)
    __ge__ = _make_bool_operator('>=', '<', operator.__ge__)

    # Defining __eq__ removes the default hash; expressions are not keys.
    __hash__ = None

    __add__ = _make_bin_operator('+', 4, operator.__add__)
    __radd__ = _flip(__add__)
    __sub__ = _make_bin_operator('-', 4, operator.__sub__)
    __rsub__ = _flip(__sub__)
    __mul__ = _make_bin_operator('*', 5, operator.__mul__)
    __rmul__ = _flip(__mul__)
    __truediv__ = _make_bin_operator('/', 5, operator.__truediv__)
    __rtruediv__ = _flip(__truediv__)
    __floordiv__ = _make_bin_operator('//', 5, operator.__floordiv__)
    __rfloordiv__ = _flip(__floordiv__)
    __mod__ = _make_bin_operator('%', 5, operator.__mod__)
    __rmod__ = _flip(__mod__)
    __pow__ = _make_bin_operator('**', 7, operator.__pow__,
                                 right_associative=True)
    __rpow__ = _flip(__pow__)
    __lshift__ = _make_bin_operator('<<', 3, operator.__lshift__)
    __rlshift__ = _flip(__lshift__)
    __rshift__ = _make_bin_operator('>>', 3, operator.__rshift__)
    __rrshift__ = _flip(__rshift__)
    __and__ = _make_bin_operator('&', 2, operator.__and__)
    __rand__ = _flip(__and__)
    __xor__ = _make_bin_operator('^', 1, operator.__xor__)
    __rxor__ = _flip(__xor__)
    __or__ = _make_bin_operator('|', 0, operator.__or__)
    __ror__ = _flip(__or__)

    __neg__ = _make_un_operator('-', 6, operator.__neg__)
    __pos__ = _make_un_operator('+', 6, operator.__pos__)
    __invert__ = _make_un_operator('~', 6, operator.__invert__)


def _eval_expr(v):
    if isinstance(v, Expr):
        return v.eval()
    if isinstance(v, list):
        return list(map(_eval_expr, v))
    if isinstance(v, tuple):
        return tuple(map(_eval_expr, v))
    return v


def _repr(v):
    if isinstance(v, Expr):
        return str(v)
    if isinstance(v, list):
        return '[{0}]'.format(', '.join(map(_repr, v)))
    if isinstance(v, tuple):
        if len(v) == 0:
            return '()'
        if len(v) == 1:
            return '({0},)'.format(_repr(v[0]))
        return '({0})'.format(', '.join(map(_repr, v)))
    return str(v)


class Atom(Expr):
    """Expression that never needs parentheses."""

    def __init__(self):
        super(Atom, self).__init__(8)


class Constant(Atom):
    """A literal value."""

    def __init__(self, value):
        super(Constant, self).__init__()
        self.value = value

    def __str__(self):
        return _repr(self.value)

    def eval(self):
        return self.value


class Variable(Atom):
    """A named value, e.g. ``in_types[0]`` or ``in_types.size``.

    Parameters
    ----------
    value
        Concrete value returned by :meth:`eval`.
    name : str
        Name printed in messages.
    """

    def __init__(self, value, name):
        super(Variable, self).__init__()
        self.value = value
        self.name = name

    def __str__(self):
        return self.name

    def eval(self):
        return self.value


class GetAttr(Atom):
    """Attribute access ``obj.name``."""

    def __init__(self, obj, name):
        super(GetAttr, self).__init__()
        self.obj = obj
        self.name = name

    def __str__(self):
        if isinstance(self.name, str):
            return '{0}.{1}'.format(_repr(self.obj), self.name)
        if isinstance(self.name, Constant) and \
                isinstance(self.name.value, str):
            return '{0}.{1}'.format(_repr(self.obj), self.name.value)
        return 'getattr({0}, {1})'.format(_repr(self.obj), _repr(self.name))

    def eval(self):
        return getattr(_eval_expr(self.obj), _eval_expr(self.name))


def _str_subscript(exp):
    if exp is Ellipsis:
        return '...'
    if isinstance(exp, slice):
        def key_str(v):
            return '' if v is None else _repr(v)
        s = '{0}:{1}'.format(key_str(exp.start), key_str(exp.stop))
        if exp.step is not None:
            s += ':' + key_str(exp.step)
        return s
    if isinstance(exp, tuple):
        if len(exp) == 1:
            return _str_subscript(exp[0]) + ','
        return ', '.join(_str_subscript(e) for e in exp)
    return _repr(exp)


def _eval_subscript(exp):
    if isinstance(exp, slice):
        return slice(_eval_expr(exp.start), _eval_expr(exp.stop),
                     _eval_expr(exp.step))
    if isinstance(exp, tuple):
        return tuple(_eval_subscript(e) for e in exp)
    return _eval_expr(exp)


class GetItem(Atom):
    """Subscription ``obj[key]`` (slices included)."""

    def __init__(self, obj, key):
        super(GetItem, self).__init__()
        self.obj = obj
        self.key = key

    def __str__(self):
        return '{0}[{1}]'.format(_repr(self.obj), _str_subscript(self.key))

    def eval(self):
        return _eval_expr(self.obj)[_eval_subscript(self.key)]


class Call(Atom):
    """Call ``obj(*args)``."""

    def __init__(self, obj, args):
        assert isinstance(args, tuple)
        super(Call, self).__init__()
        self.obj = obj
        self.args = args

    def __str__(self):
        return '{0}({1})'.format(_repr(self.obj),
                                 ', '.join(map(_repr, self.args)))

    def eval(self):
        args = map(_eval_expr, self.args)
        return _eval_expr(self.obj)(*args)


class UnaryOperator(Expr):
    """Prefix operator such as ``-x``."""

    def __init__(self, priority, term, exp, func):
        super(UnaryOperator, self).__init__(priority)
        self.term = term
        self.exp = exp
        self.func = func

    def eval(self):
        return self.func(_eval_expr(self.term))

    def __str__(self):
        exp = _repr(self.term)
        if isinstance(self.term, Expr) and self.term.priority < self.priority:
            exp = '(' + exp + ')'
        return self.exp + exp


class BinaryOperator(Expr):
    """Infix arithmetic operator such as ``x + y``."""

    def __init__(self, priority, lhs, rhs, exp, func,
                 right_associative=False):
        super(BinaryOperator, self).__init__(priority)
        self.lhs = lhs
        self.rhs = rhs
        self.exp = exp
        self.func = func
        self.right_associative = right_associative

    def eval(self):
        return self.func(_eval_expr(self.lhs), _eval_expr(self.rhs))

    def __str__(self):
        left = _repr(self.lhs)
        if isinstance(self.lhs, Expr) and (
                self.lhs.priority < self.priority or
                (self.right_associative and
                 self.lhs.priority == self.priority)):
            left = '(' + left + ')'
        right = _repr(self.rhs)
        if isinstance(self.rhs, Expr) and (
                self.rhs.priority < self.priority or
                (not self.right_associative and
                 self.rhs.priority == self.priority)):
            right = '(' + right + ')'
        return '{0} {2} {1}'.format(left, right, self.exp)


class Testable(object):
    """Mixin for expressions :func:`expect` can check."""

    def expect(self):
        raise NotImplementedError


class BoolBinaryOperator(BinaryOperator, Testable):
    """Comparison; on failure reports e.g. ``Actual: i != f``."""

    def __init__(self, lhs, rhs, exp, inv, func):
        # Comparisons bind more loosely than every arithmetic operator.
        super(BoolBinaryOperator, self).__init__(-1, lhs, rhs, exp, func)
        self.inv = inv

    def expect(self):
        left = _eval_expr(self.lhs)
        right = _eval_expr(self.rhs)
        if not self.func(left, right):
            raise InvalidType(
                '{0} {1} {2}'.format(_repr(self.lhs), self.exp,
                                     _repr(self.rhs)),
                '{0} {1} {2}'.format(_repr(left), self.inv, _repr(right)))


class InvalidType(Exception):
    """Raised when a type check fails.

    Attributes
    ----------
    expect : str
        The expected condition.
    actual : str
        What was found.
    """

    def __init__(self, expect, actual, msg=None):
        if msg is None:
            msg = 'Expect: {0}\nActual: {1}'.format(expect, actual)
            current = getattr(_thread_local, 'current_function', None)
            if current is not None:
                msg = '''
Invalid operation is performed in: {0} (Forward)

{1}'''.format(current.label, msg)
        super(InvalidType, self).__init__(msg)
        self.expect = expect
        self.actual = actual

    def __reduce__(self):
        msg, = self.args
        return (InvalidType, (self.expect, self.actual, msg))


def _argname(in_types, names):
    """Rename symbolic inputs so messages say ``x.ndim`` not ``in_types[0]``.

    Parameters
    ----------
    in_types : TypeInfoTuple
    names : tuple of str
        One name per input; must have the same length as ``in_types``.
    """
    if len(in_types) != len(names):
        raise InvalidType(
            '{} argument(s)'.format(str(len(names))),
            '{} argument(s)'.format(str(len(in_types))),
            'Invalid number of arguments')
    for in_type, name in zip(in_types, names):
        if isinstance(in_type, Variable):
            in_type.name = name


argname = _argname


def expect(*bool_exprs):
    """Check boolean expressions, raising InvalidType on the first failure.

    Parameters
    ----------
    *bool_exprs : Testable or bool
        Comparisons of symbolic expressions (plain bools are allowed too).

    Examples
    --------
    >>> type_check.expect(in_types.size() == 1,
    ...                   in_types[0].ndim >= 1)  # doctest: +SKIP
    """
    for expr in bool_exprs:
        if isinstance(expr, Testable):
            expr.expect()
        elif isinstance(expr, (bool, numpy.bool_)):
            if not expr:
                raise InvalidType(str(expr), 'False',
                                  'Expect: True\nActual: False')
        else:
            raise TypeError('expect() takes comparisons of type_check '
                            'expressions, got {}'.format(type(expr)))


def same_types(*arrays):
    """Return whether all arrays are NumPy arrays or all are cupy arrays."""
    from chainer.backends import cuda
    if all(isinstance(x, numpy.ndarray) for x in arrays):
        return True
    return cuda.available and all(
        isinstance(x, cuda.ndarray) for x in arrays)


def eval(exp):
    """Evaluate an expression (plain values pass through).

    Examples
    --------
    >>> type_check.eval(in_types[0].ndim)  # doctest: +SKIP
    2
    """
    return _eval_expr(exp)


_eval = eval


def make_variable(value, name):
    """Create a named symbolic value for use in expressions."""
    return Variable(value, name)


def expect_broadcast_shapes(*shape_types, **kwargs):
    """Check that the given symbolic shapes can be broadcast together.

    Parameters
    ----------
    *shape_types : Expr
        Shapes such as ``in_types[0].shape``.
    allow_none : bool
        Skip entries that evaluate to None.
    """
    allow_none = kwargs.pop('allow_none', False)
    if kwargs:
        raise TypeError('unexpected keyword arguments: {}'.format(kwargs))
    shapes = [eval(s) for s in shape_types]
    if allow_none:
        shapes = [s for s in shapes if s is not None]
    try:
        numpy.broadcast_shapes(*shapes)
    except ValueError:
        raise InvalidType(
            '{} are broadcastable'.format(', '.join(map(_repr, shape_types))),
            'shapes are {}'.format(', '.join(map(_repr, shapes))))


def _prod(xs):
    result = 1
    for x in xs:
        result *= x
    return result


def prod(xs):
    """Product of a shape; symbolic when ``xs`` is an expression.

    Examples
    --------
    >>> type_check.expect(
    ...     type_check.prod(in_types[0].shape) == 6)  # doctest: +SKIP
    """
    if isinstance(xs, Expr):
        return Call(Constant(_ProdFunc()), (xs,))
    return _prod(_eval_expr(xs))


class _ProdFunc(object):
    def __call__(self, xs):
        return _prod(xs)

    def __str__(self):
        return 'prod'


@contextlib.contextmanager
def light_mode():
    """No-op context kept for API compatibility."""
    yield
