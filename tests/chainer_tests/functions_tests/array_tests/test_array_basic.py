"""reshape, transpose, broadcast_to, broadcast, cast."""
import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import gradient_check
import chainer.functions as F
from chainer import testing
from chainer.utils import type_check


def _grad_tol(dtype):
    # float16 has an 11-bit mantissa; these functions only move values,
    # but the finite-difference reference is still rounded to float16.
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2, 'dtype': numpy.float64}
    return {'atol': 1e-4, 'rtol': 1e-3, 'dtype': numpy.float64}


def _rand(shape, dtype):
    return numpy.random.uniform(-1, 1, shape).astype(dtype)


_cases = {
    'reshape': ((3, 4), lambda x: F.reshape(x, (2, 6)),
                lambda x: x.reshape(2, 6)),
    'reshape_minus1': ((3, 4), lambda x: F.reshape(x, (-1, 3)),
                       lambda x: x.reshape(-1, 3)),
    'reshape_method': ((3, 4), lambda x: x.reshape(4, 3),
                       lambda x: x.reshape(4, 3)),
    'transpose': ((2, 3, 4), lambda x: F.transpose(x, (2, 0, 1)),
                  lambda x: x.transpose(2, 0, 1)),
    'transpose_neg': ((2, 3, 4), lambda x: F.transpose(x, (-1, 0, 1)),
                      lambda x: x.transpose(-1, 0, 1)),
    'transpose_none': ((2, 3, 4), F.transpose, lambda x: x.transpose()),
    'T': ((2, 3), lambda x: x.T, lambda x: x.T),
    'broadcast_to': ((3, 1), lambda x: F.broadcast_to(x, (2, 3, 4)),
                     lambda x: numpy.broadcast_to(x, (2, 3, 4))),
    'broadcast_to_scalar': ((), lambda x: F.broadcast_to(x, (2, 3)),
                            lambda x: numpy.broadcast_to(x, (2, 3))),
}


@testing.parameterize(*testing.product({
    'case': sorted(_cases),
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestShapeFunctions(object):

    def setup_method(self):
        shape, self.func, self.ref = _cases[self.case]
        self.x = _rand(shape, self.dtype)
        y_shape = self.ref(self.x).shape
        self.gy = _rand(y_shape, self.dtype)
        self.ggx = _rand(shape, self.dtype)

    def test_forward(self, backend_config):
        y = self.func(chainer.Variable(backend_config.get_array(self.x)))
        assert y.dtype == self.dtype
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array),
                                         self.ref(self.x))

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self.func, x, gy,
                                      **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self.func, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def test_reshape_same_shape_returns_variable_without_new_node():
    x = chainer.Variable(numpy.zeros((2, 3), numpy.float32))
    assert F.reshape(x, (2, 3)) is x
    assert isinstance(F.reshape(numpy.zeros(2), (2,)), chainer.Variable)


def test_reshape_errors():
    with pytest.raises(type_check.InvalidType):
        F.reshape(numpy.zeros((2, 3), numpy.float32), (4, 2))
    with pytest.raises(type_check.InvalidType):
        F.reshape(numpy.zeros((2, 3), numpy.float32), (4, -1))
    with pytest.raises(ValueError, match='at most one -1'):
        F.reshape(numpy.zeros((2, 3), numpy.float32), (-1, -1))


def test_transpose_wrong_axes_length():
    with pytest.raises(type_check.InvalidType):
        F.transpose(numpy.zeros((2, 3), numpy.float32), (0, 1, 2))


def test_broadcast_to_invalid():
    with pytest.raises(type_check.InvalidType) as e:
        F.broadcast_to(numpy.zeros((2, 3), numpy.float32), (3, 3))
    assert 'in_type[0].shape[-2] == 3' in str(e.value)
    with pytest.raises(type_check.InvalidType):
        F.broadcast_to(numpy.zeros((2, 3), numpy.float32), (3,))


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
@testing.inject_backend_tests(
    ['test_forward', 'test_backward', 'test_backward_with_unused_output',
     'test_double_backward'],
    [{}, {'use_cuda': True}])
class TestBroadcast(object):

    def setup_method(self):
        self.xs = (_rand((3, 1), self.dtype), _rand((4,), self.dtype),
                   _rand((2, 1, 1), self.dtype))
        self.gys = tuple(_rand((2, 3, 4), self.dtype) for _ in self.xs)
        self.ggxs = tuple(_rand(x.shape, self.dtype) for x in self.xs)

    def test_forward(self, backend_config):
        ys = F.broadcast(*backend_config.get_array(self.xs))
        expected = numpy.broadcast_arrays(*self.xs)
        assert len(ys) == 3
        for y, e in zip(ys, expected):
            numpy.testing.assert_array_equal(cuda.to_cpu(y.array), e)

    def test_backward(self, backend_config):
        xs, gys = backend_config.get_array((self.xs, self.gys))
        gradient_check.check_backward(F.broadcast, xs, gys,
                                      **_grad_tol(self.dtype))

    def test_backward_with_unused_output(self, backend_config):
        xs, gys = backend_config.get_array((self.xs, self.gys))
        gradient_check.check_backward(
            F.broadcast, xs, (gys[0], None, gys[2]),
            **_grad_tol(self.dtype))

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.xs, self.gys, self.ggxs))
        gradient_check.check_double_backward(
            F.broadcast, x_data, y_grad, x_grad_grad, **_grad_tol(self.dtype))


def test_broadcast_single_and_invalid():
    x = numpy.zeros(3, numpy.float32)
    assert isinstance(F.broadcast(x), chainer.Variable)
    with pytest.raises(type_check.InvalidType):
        F.broadcast(numpy.zeros(3, numpy.float32),
                    numpy.zeros(2, numpy.float32))


_float_types = [numpy.float16, numpy.float32, numpy.float64]


@testing.parameterize(*testing.product({
    'in_type': _float_types,
    'out_type': _float_types,
}))
@testing.inject_backend_tests(['test_forward', 'test_backward',
                               'test_double_backward'],
                              [{}, {'use_cuda': True}])
class TestCast(object):

    def setup_method(self):
        self.x = _rand((3, 2), self.in_type)
        self.gy = _rand((3, 2), self.out_type)
        self.ggx = _rand((3, 2), self.in_type)
        use16 = numpy.float16 in (self.in_type, self.out_type)
        self.tol = _grad_tol(numpy.float16 if use16 else numpy.float32)
        if self.out_type == numpy.float16:
            # The output is rounded to float16 even in the float64 numeric
            # pass; cast is linear, so a large step removes that rounding
            # error from the finite difference.
            self.tol['eps'] = 2.0 ** -2

    def _f(self, x):
        return F.cast(x, self.out_type)

    def test_forward(self, backend_config):
        y = self._f(backend_config.get_array(self.x))
        assert y.dtype == self.out_type
        numpy.testing.assert_array_equal(cuda.to_cpu(y.array),
                                         self.x.astype(self.out_type))

    def test_backward(self, backend_config):
        x, gy = backend_config.get_array((self.x, self.gy))
        gradient_check.check_backward(self._f, x, gy, **self.tol)

    def test_double_backward(self, backend_config):
        x_data, y_grad, x_grad_grad = backend_config.get_array(
            (self.x, self.gy, self.ggx))
        gradient_check.check_double_backward(
            self._f, x_data, y_grad, x_grad_grad, **self.tol)

    def test_grad_dtype(self):
        x = chainer.Variable(self.x)
        y = self._f(x)
        y.grad = self.gy
        y.backward()
        assert x.grad.dtype == self.in_type


def test_cast_from_int_has_no_grad():
    x = chainer.Variable(numpy.arange(3))
    y = F.cast(x, numpy.float32)
    y.grad = numpy.ones(3, numpy.float32)
    y.backward()
    assert x.grad is None
