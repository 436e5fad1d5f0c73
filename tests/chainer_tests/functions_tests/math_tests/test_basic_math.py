import operator

import numpy
import pytest

import chainer
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _tols(dtype):
    # float16 has an 11-bit mantissa (~3 decimal digits), so both the
    # forward values and the float16 analytic gradients are compared with
    # looser tolerances than float32/float64.
    if dtype == numpy.float16:
        return ({'atol': 1e-3, 'rtol': 1e-2},
                {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64})
    return ({'atol': 1e-6, 'rtol': 1e-5},
            {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64})


def _uniform(shape, dtype, low=.5, high=2.):
    return numpy.random.uniform(low, high, shape).astype(dtype)


_binary_ops = {
    'add': operator.add, 'sub': operator.sub, 'mul': operator.mul,
    'truediv': operator.truediv, 'pow': operator.pow,
}


@testing.parameterize(*testing.product({
    'op': sorted(_binary_ops),
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'shapes': [((3, 2), (3, 2)), ((3, 2), (2,)), ((1, 2), (3, 1)), ((), ())],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestBinaryVarVar(object):

    def setup_method(self):
        self.func = _binary_ops[self.op]
        s0, s1 = self.shapes
        self.x0 = _uniform(s0, self.dtype)
        self.x1 = _uniform(s1, self.dtype)
        out_shape = numpy.broadcast_shapes(s0, s1)
        self.gy = _uniform(out_shape, self.dtype, -1, 1)
        self.ggx0 = _uniform(s0, self.dtype, -1, 1)
        self.ggx1 = _uniform(s1, self.dtype, -1, 1)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def test_forward(self, backend_config):
        x0, x1 = backend_config.get_array((self.x0, self.x1))
        y = self.func(chainer.Variable(x0), chainer.Variable(x1))
        assert isinstance(y, chainer.Variable)
        assert y.dtype == self.dtype
        expected = self.func(self.x0.astype(numpy.float64),
                             self.x1.astype(numpy.float64))
        testing.assert_allclose(y.array, expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        x0, x1, gy = backend_config.get_array((self.x0, self.x1, self.gy))
        gradient_check.check_backward(self.func, (x0, x1), gy,
                                      **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            ((self.x0, self.x1), self.gy, (self.ggx0, self.ggx1)))
        gradient_check.check_double_backward(
            self.func, x_data, y_grad, x_grad_grad, **self.grad_tol)


@testing.parameterize(*testing.product({
    'op': sorted(_binary_ops),
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'side': ['left', 'right'],
    'const': ['scalar', 'array'],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestBinaryWithConstant(object):
    """Variable op constant and constant op Variable (reflected ops)."""

    def setup_method(self):
        self.x = _uniform((3, 2), self.dtype)
        if self.const == 'scalar':
            self.c = 1.5
        else:
            self.c = _uniform((3, 2), self.dtype)
        self.func = self._with_constant(self.c)
        self.gy = _uniform((3, 2), self.dtype, -1, 1)
        self.ggx = _uniform((3, 2), self.dtype, -1, 1)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def _with_constant(self, c):
        op = _binary_ops[self.op]
        if self.side == 'left':
            return lambda x: op(x, c)
        return lambda x: op(c, x)

    def _device_func(self, backend_config):
        if self.const == 'scalar':
            return self.func
        return self._with_constant(backend_config.get_array(self.c))

    def test_forward(self, backend_config):
        func = self._device_func(backend_config)
        y = func(chainer.Variable(backend_config.get_array(self.x)))
        assert isinstance(y, chainer.Variable)
        assert y.dtype == self.dtype
        c = self.c if self.const == 'scalar' else self.c.astype(
            numpy.float64)
        op = _binary_ops[self.op]
        x64 = self.x.astype(numpy.float64)
        expected = op(x64, c) if self.side == 'left' else op(c, x64)
        testing.assert_allclose(y.array, expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._device_func(backend_config), x,
                                      gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._device_func(backend_config), x_data, y_grad, x_grad_grad,
            **self.grad_tol)


@testing.parameterize(*testing.product({
    'op': ['neg', 'abs', 'absolute'],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestUnary(object):

    def setup_method(self):
        x = numpy.random.uniform(-1, 1, (3, 2))
        # Keep away from abs's kink at 0 for the numeric gradient.
        x[numpy.abs(x) < .2] = .5
        self.x = x.astype(self.dtype)
        self.func = {'neg': operator.neg, 'abs': abs,
                     'absolute': F.absolute}[self.op]
        self.ref = {'neg': operator.neg, 'abs': abs,
                    'absolute': numpy.absolute}[self.op]
        self.gy = _uniform((3, 2), self.dtype, -1, 1)
        self.ggx = _uniform((3, 2), self.dtype, -1, 1)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)

    def test_forward(self, backend_config):
        y = self.func(chainer.Variable(backend_config.get_array(self.x)))
        assert isinstance(y, chainer.Variable)
        testing.assert_allclose(y.array, self.ref(self.x), **self.fwd_tol)
        assert y.dtype == self.dtype

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self.func, x, gy, **self.grad_tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self.func, x_data, y_grad, x_grad_grad, **self.grad_tol)


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(
    ['test_forward_var_var_and_reflected', 'test_backward'],
    [{}, {'use_cuda': True}])
class TestMatmulOperator(object):

    def setup_method(self):
        self.a = _uniform((3, 4), self.dtype, -1, 1)
        self.b = _uniform((4, 2), self.dtype, -1, 1)
        self.gy = _uniform((3, 2), self.dtype, -1, 1)
        self.fwd_tol, self.grad_tol = _tols(self.dtype)
        if self.dtype == numpy.float16:
            self.fwd_tol = {'atol': 5e-3, 'rtol': 5e-2}

    def test_forward_var_var_and_reflected(self, backend_config):
        a_arr, b_arr = backend_config.get_array((self.a, self.b))
        a, b = chainer.Variable(a_arr), chainer.Variable(b_arr)
        expected = self.a.astype(numpy.float64) @ self.b
        testing.assert_allclose((a @ b).array, expected, **self.fwd_tol)
        testing.assert_allclose((a @ b_arr).array, expected, **self.fwd_tol)
        testing.assert_allclose((a_arr @ b).array, expected, **self.fwd_tol)

    def test_backward(self, backend_config):
        a, b, gy = backend_config.get_array((self.a, self.b, self.gy))
        gradient_check.check_backward(operator.matmul, (a, b), gy,
                                      **self.grad_tol)


class TestMultiAdd(object):

    @pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                       numpy.float64])
    def test_forward_backward(self, dtype):
        xs = [_uniform((3, 2), dtype) for _ in range(4)]
        fwd_tol, grad_tol = _tols(dtype)
        y = F.add(*xs)
        testing.assert_allclose(y.array, sum(x.astype(numpy.float64)
                                             for x in xs), **fwd_tol)
        gy = _uniform((3, 2), dtype, -1, 1)
        gradient_check.check_backward(F.add, tuple(xs), gy, **grad_tol)
        gradient_check.check_double_backward(
            F.add, tuple(xs), gy, tuple(_uniform((3, 2), dtype)
                                        for _ in xs), **grad_tol)

    def test_inputs_not_modified(self):
        xs = [numpy.ones(2) for _ in range(3)]
        F.add(*xs)
        for x in xs:
            numpy.testing.assert_array_equal(x, numpy.ones(2))


class TestErrors(object):

    def test_shape_mismatch(self):
        a = chainer.Variable(numpy.zeros((2, 3), numpy.float32))
        b = chainer.Variable(numpy.zeros((3, 2), numpy.float32))
        for op in (operator.add, operator.sub, operator.mul,
                   operator.truediv):
            with pytest.raises(type_check.InvalidType) as e:
                op(a, b)
            assert 'Invalid operation is performed in:' in str(e.value)
            assert 'lhs.shape, rhs.shape are broadcastable' in str(e.value)

    def test_dtype_mismatch_between_variables(self):
        a = chainer.Variable(numpy.zeros(2, numpy.float32))
        b = chainer.Variable(numpy.zeros(2, numpy.float64))
        with pytest.raises(type_check.InvalidType) as e:
            a + b
        assert 'Expect: lhs.dtype == rhs.dtype' in str(e.value)
        assert 'Actual: float32 != float64' in str(e.value)

    def test_invalid_operand_type(self):
        a = chainer.Variable(numpy.zeros(2, numpy.float32))
        with pytest.raises(TypeError, match='Value must be a scalar'):
            a + [1, 2]

    def test_array_operand_cast_to_variable_dtype(self):
        a = chainer.Variable(numpy.ones(2, numpy.float32))
        y = a + numpy.ones(2, numpy.float64)
        assert y.dtype == numpy.float32

    def test_scalar_keeps_float16(self):
        a = chainer.Variable(numpy.ones(2, numpy.float16))
        for y in (a + 1.5, 2.0 * a, a / 3, 1 / a, a ** 2, 2 ** a, 3 - a):
            assert y.dtype == numpy.float16


def test_floordiv_forward():
    x = chainer.Variable(numpy.array([3.5, -1.5]))
    numpy.testing.assert_array_equal((x // 2).array, [1., -1.])
    numpy.testing.assert_array_equal((7 // x).array, [2., -5.])


def test_labels():
    x = chainer.Variable(numpy.ones(2, numpy.float32))
    assert (x + x).creator.label == '_ + _'
    assert (x + 2).creator.label == '_ + 2'
    assert (x - 2).creator.label == '_ + (-2)'
    assert (2 - x).creator.label == '2 - _'
    assert (-x).creator.label == '__neg__'
    assert (x ** 2).creator.label == '_ ** 2'


def test_pow_zero_and_one_exponent_gradients():
    x = chainer.Variable(numpy.array([.5, 2.]))
    F.sum(x ** 0).backward()
    numpy.testing.assert_array_equal(x.grad, [0, 0])
    x.cleargrad()
    F.sum(x ** 1).backward()
    numpy.testing.assert_array_equal(x.grad, [1, 1])
