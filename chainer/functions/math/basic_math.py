"""Arithmetic behind Variable's operators (``+ - * / ** @``, ``-x``, ``abs``).

Operands may be Variables, arrays or scalars on either side.  Arrays are
cast to the Variable's dtype and become inputs without gradient; Python
scalars are converted with ``x.dtype.type(value)`` so that, for example,
float16 inputs stay float16.  Binary operations between two arrays follow
NumPy broadcasting; gradients are summed back to each input's shape.

Examples
--------
>>> x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
>>> (2 * x + 1).array
array([3., 5.], dtype=float32)
>>> (1 / x).array
array([1. , 0.5], dtype=float32)
"""
import numpy

import chainer
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check
from chainer import variable


def _array_types():
    return variable._array_types()


def _preprocess_const(x, value):
    return x.dtype.type(value)


def _preprocess_rhs(x, value):
    if isinstance(value, variable.Variable):
        return value
    if not (numpy.isscalar(value) or isinstance(value, _array_types())):
        raise TypeError(
            'Value must be a scalar, `numpy.ndarray`, `cupy.ndarray` '
            'or a `Variable`.\nActual: {}'.format(type(value)))
    if numpy.isscalar(value):
        return variable.Variable(
            backend.get_array_module(x).asarray(value, dtype=x.dtype),
            requires_grad=False)
    return value.astype(x.dtype, copy=False)


def _sum_to(gx, shape):
    from chainer.functions.math.sum import sum_to
    return sum_to(gx, shape)


def _check_binary(in_types):
    type_check._argname(in_types, ('lhs', 'rhs'))
    type_check.expect(in_types[0].dtype == in_types[1].dtype)
    type_check.expect_broadcast_shapes(in_types[0].shape, in_types[1].shape)


def _check_unary(in_types):
    type_check._argname(in_types, ('x',))


class Neg(function_node.FunctionNode):
    """``-x``."""

    @property
    def label(self):
        return '__neg__'

    def check_type_forward(self, in_types):
        _check_unary(in_types)

    def forward(self, x):
        return utils.force_array(-x[0]),

    def backward(self, indexes, gy):
        return neg(gy[0]),


def neg(self):
    """Elementwise negation ``-x``."""
    return Neg().apply((self,))[0]


class Absolute(function_node.FunctionNode):
    """``abs(x)``; the gradient at 0 is 0 (sign(0) = 0)."""

    @property
    def label(self):
        return '|_|'

    def check_type_forward(self, in_types):
        _check_unary(in_types)
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, x):
        self.retain_inputs((0,))
        return utils.force_array(abs(x[0])),

    def backward(self, indexes, grad_outputs):
        x = self.inputs[0].data
        xp = backend.get_array_module(x)
        # sign(x) is piecewise constant: a constant factor keeps the
        # gradient differentiable (its own derivative is 0 a.e.).
        return mul(grad_outputs[0], xp.sign(x)),


def absolute(self):
    """Elementwise absolute value.

    Parameters
    ----------
    self : Variable or ndarray

    Returns
    -------
    Variable

    Examples
    --------
    >>> F.absolute(numpy.array([-1., 2.])).array
    array([1., 2.])
    """
    return Absolute().apply((self,))[0]


class Add(function_node.FunctionNode):
    """``lhs + rhs`` (broadcasting)."""

    @property
    def label(self):
        return '_ + _'

    def check_type_forward(self, in_types):
        _check_binary(in_types)

    def forward(self, x):
        return utils.force_array(x[0] + x[1]),

    def backward(self, indexes, gy):
        return tuple(_sum_to(gy[0], self.inputs[i].shape) for i in indexes)


class AddConstant(function_node.FunctionNode):
    """``x + value`` for a scalar ``value``."""

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '_ + %s' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        _check_unary(in_types)

    def forward(self, x):
        value = _preprocess_const(x[0], self.value)
        return utils.force_array(x[0] + value),

    def backward(self, indexes, gy):
        return gy[0],


class MultiAdd(function_node.FunctionNode):
    """Sum of any number of same-dtype inputs (broadcasting)."""

    def check_type_forward(self, in_types):
        for i, in_type in enumerate(in_types):
            type_check._argname((in_type,), ('x{}'.format(i),))
            type_check.expect(in_types[0].dtype == in_type.dtype)
        type_check.expect_broadcast_shapes(*[t.shape for t in in_types])

    def forward(self, xs):
        y = xs[0]
        if len(xs) > 1:
            y = y + xs[1]
            for x in xs[2:]:
                if x.shape == y.shape:
                    y += x  # the fresh sum can be updated in place
                else:
                    y = y + x
        else:
            y = y.copy()
        return utils.force_array(y),

    def backward(self, indexes, gy):
        return tuple(_sum_to(gy[0], self.inputs[i].shape) for i in indexes)


def add(*xs):
    """Sum of two or more operands (``lhs + rhs``).

    Parameters
    ----------
    *xs : Variable, ndarray or scalar
        With two operands, either may be an array or a scalar; with more,
        all must be Variables or arrays.

    Returns
    -------
    Variable

    Examples
    --------
    >>> F.add(numpy.ones(2), numpy.ones(2), numpy.ones(2)).array
    array([3., 3.])
    """
    if len(xs) == 2:
        lhs, rhs = xs
        if not isinstance(lhs, variable.Variable) and \
                isinstance(rhs, variable.Variable):
            lhs, rhs = rhs, lhs
        if numpy.isscalar(rhs):
            return AddConstant(rhs).apply((lhs,))[0]
        rhs = _preprocess_rhs(lhs, rhs)
        return Add().apply((lhs, rhs))[0]
    return MultiAdd().apply(xs)[0]


class Sub(function_node.FunctionNode):
    """``lhs - rhs`` (broadcasting)."""

    @property
    def label(self):
        return '_ - _'

    def check_type_forward(self, in_types):
        _check_binary(in_types)

    def forward(self, x):
        return utils.force_array(x[0] - x[1]),

    def backward(self, indexes, gy):
        ret = []
        for i in indexes:
            g = gy[0] if i == 0 else neg(gy[0])
            ret.append(_sum_to(g, self.inputs[i].shape))
        return tuple(ret)


def sub(self, rhs):
    """``self - rhs``."""
    if numpy.isscalar(rhs):
        return AddConstant(-rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Sub().apply((self, rhs))[0]


class SubFromConstant(function_node.FunctionNode):
    """``value - x`` for a scalar ``value``."""

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '%s - _' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        _check_unary(in_types)

    def forward(self, x):
        value = _preprocess_const(x[0], self.value)
        return utils.force_array(value - x[0]),

    def backward(self, indexes, gy):
        return neg(gy[0]),


def rsub(self, rhs):
    """``rhs - self`` (reflected subtraction)."""
    if numpy.isscalar(rhs):
        return SubFromConstant(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Sub().apply((rhs, self))[0]


class Mul(function_node.FunctionNode):
    """``lhs * rhs`` (broadcasting)."""

    @property
    def label(self):
        return '_ * _'

    def check_type_forward(self, in_types):
        _check_binary(in_types)

    def forward(self, x):
        self.retain_inputs((0, 1))
        return utils.force_array(x[0] * x[1]),

    def backward(self, indexes, gy):
        xs = self.get_retained_inputs()
        ret = []
        for i in indexes:
            g = gy[0] * xs[1 - i]
            ret.append(_sum_to(g, self.inputs[i].shape))
        return tuple(ret)


class MulConstant(function_node.FunctionNode):
    """``value * x`` for a scalar ``value``."""

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '_ * %s' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        _check_unary(in_types)

    def forward(self, x):
        value = _preprocess_const(x[0], self.value)
        return utils.force_array(value * x[0]),

    def backward(self, indexes, gy):
        return mul(gy[0], self.value),


def mul(self, rhs):
    """``self * rhs``."""
    if not isinstance(self, variable.Variable) and \
            isinstance(rhs, variable.Variable):
        self, rhs = rhs, self
    if numpy.isscalar(rhs):
        return MulConstant(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Mul().apply((self, rhs))[0]


class Div(function_node.FunctionNode):
    """``lhs / rhs`` (broadcasting)."""

    @property
    def label(self):
        return '_ / _'

    def check_type_forward(self, in_types):
        _check_binary(in_types)

    def forward(self, x):
        self.retain_inputs((0, 1))
        return utils.force_array(x[0] / x[1]),

    def backward(self, indexes, grad_outputs):
        x0, x1 = self.get_retained_inputs()
        gy, = grad_outputs
        gx0 = gy / x1
        ret = []
        if 0 in indexes:
            ret.append(_sum_to(gx0, self.inputs[0].shape))
        if 1 in indexes:
            ret.append(_sum_to(neg(gx0) * x0 / x1, self.inputs[1].shape))
        return tuple(ret)


def div(self, rhs):
    """``self / rhs`` (a scalar divisor becomes multiplication by 1/rhs)."""
    if numpy.isscalar(rhs):
        return MulConstant(1. / rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Div().apply((self, rhs))[0]


class DivFromConstant(function_node.FunctionNode):
    """``value / x`` for a scalar ``value``."""

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '%s / _' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        _check_unary(in_types)
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, x):
        self.retain_inputs((0,))
        value = _preprocess_const(x[0], self.value)
        return utils.force_array(value / x[0]),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        return neg(gy) * self.value / (x * x),


def rdiv(self, rhs):
    """``rhs / self`` (reflected division)."""
    if numpy.isscalar(rhs):
        return DivFromConstant(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Div().apply((rhs, self))[0]


class _Floor(function_node.FunctionNode):
    # floor is piecewise constant: its gradient is zero almost everywhere,
    # so no gradient is propagated.
    def forward(self, x):
        xp = backend.get_array_module(*x)
        return utils.force_array(xp.floor(x[0])),

    def backward(self, indexes, gy):
        return None,


def floordiv(self, rhs):
    """``self // rhs`` = floor(self / rhs); no gradient flows."""
    return _Floor().apply((div(self, rhs),))[0]


def rfloordiv(self, rhs):
    """``rhs // self``; no gradient flows."""
    return _Floor().apply((rdiv(self, rhs),))[0]


class PowVarVar(function_node.FunctionNode):
    """``lhs ** rhs`` for two arrays (broadcasting)."""

    @property
    def label(self):
        return '_ ** _'

    def check_type_forward(self, in_types):
        _check_binary(in_types)
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, x):
        self.retain_inputs((0, 1))
        self.retain_outputs((0,))
        return utils.force_array(x[0] ** x[1]),

    def backward(self, indexes, grad_outputs):
        from chainer.functions.math.exponential import log
        x0, x1 = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            # d/dx0 x0**x1 = x1 * x0**(x1 - 1)
            g0 = gy * x1 * pow(x0, x1 - 1)
            ret.append(_sum_to(g0, self.inputs[0].shape))
        if 1 in indexes:
            # d/dx1 x0**x1 = log(x0) * x0**x1
            g1 = gy * log(x0) * y
            ret.append(_sum_to(g1, self.inputs[1].shape))
        return tuple(ret)


class PowVarConst(function_node.FunctionNode):
    """``x ** value`` for a scalar ``value``."""

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '_ ** %s' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        _check_unary(in_types)
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, x):
        self.retain_inputs((0,))
        value = _preprocess_const(x[0], self.value)
        return utils.force_array(x[0] ** value, x[0].dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        if self.value == 0:
            return mul(gy, 0),
        if self.value == 1:
            return gy,
        return gy * self.value * pow(x, self.value - 1),


def pow(self, rhs):
    """``self ** rhs``.

    Examples
    --------
    >>> (chainer.Variable(numpy.array([2.])) ** 3).array
    array([8.])
    """
    if isinstance(rhs, variable.Variable):
        return PowVarVar().apply((self, rhs))[0]
    if numpy.isscalar(rhs):
        return PowVarConst(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return PowVarVar().apply((self, rhs))[0]


class PowConstVar(function_node.FunctionNode):
    """``value ** x`` for a scalar ``value``."""

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '%s ** _' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        _check_unary(in_types)
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, x):
        self.retain_outputs((0,))
        value = _preprocess_const(x[0], self.value)
        return utils.force_array(value ** x[0], x[0].dtype),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        # d/dx value**x = log(value) * value**x
        return gy * y * float(numpy.log(self.value)),


def rpow(self, rhs):
    """``rhs ** self`` (reflected power)."""
    if numpy.isscalar(rhs):
        return PowConstVar(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return PowVarVar().apply((rhs, self))[0]


def matmul(self, rhs):
    """``self @ rhs`` (``chainer.functions.matmul``)."""
    from chainer.functions.math.matmul import matmul as _matmul
    rhs = _preprocess_rhs(self, rhs)
    return _matmul(self, rhs)


def rmatmul(self, rhs):
    """``rhs @ self`` (reflected matrix product)."""
    from chainer.functions.math.matmul import matmul as _matmul
    rhs = _preprocess_rhs(self, rhs)
    return _matmul(rhs, self)


def _convert_value_to_string(value):
    if isinstance(value, variable.Variable):
        value = value.array
    if numpy.isscalar(value):
        if value < 0:
            return '({})'.format(value)
        return str(value)
    if isinstance(value, _array_types()):
        return 'constant array'
    raise ValueError(
        'Value must be a Variable, scalar, {} or {}. Actual: {}'.format(
            numpy.ndarray.__name__, 'cupy.ndarray', type(value)))


def install_variable_arithmetics():
    """Kept for compatibility: Variable's operators are always installed."""
    return chainer.Variable
